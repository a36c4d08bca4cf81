import { v7 as uuidv7 } from 'uuid'
import type { Clock, IdSource } from '../host'

/**
 * Ids are UUIDv7 (RFC 9562): unique without coordination and sortable by creation time,
 * so records created offline on several devices never collide and list in order.
 * @param clock - the time source for the id's timestamp part
 * @default clock systemClock
 */
export function createIdSource(clock?: Clock): IdSource {
  return { next: () => (clock ? uuidv7({ msecs: clock.now() }) : uuidv7()) }
}

/**
 * A deterministic id source for tests and benchmarks: `prefix-000001`, `prefix-000002`, …
 * The counter is zero-padded so the ids sort in creation order.
 */
export function createSequentialIds(prefix = 'id'): IdSource {
  let n = 0
  return { next: () => `${prefix}-${String(++n).padStart(6, '0')}` }
}
