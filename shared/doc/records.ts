import type * as Y from 'yjs'
import type { RecordCollection, RecordOf } from '../model'
import { decodeRecord } from './layout'

export { jsonEqual, stripUndefined } from './json'

/** Reads a record's Y.Map into a plain object: its fields (defaults filled in), its stamps and its id. */
export function readRecord<C extends RecordCollection>(c: C, id: string, map: Y.Map<unknown>): RecordOf<C> {
  return decodeRecord(c, id, map.entries()) as unknown as RecordOf<C>
}
