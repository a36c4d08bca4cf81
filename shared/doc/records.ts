import * as Y from 'yjs'
import type { RecordCollection, RecordOf } from '../model'

/** Reads a record's Y.Map into a plain object: its data keys, its stamps, and its id. */
export function readRecord<C extends RecordCollection>(id: string, map: Y.Map<unknown>): RecordOf<C> {
  const out: Record<string, unknown> = { id }
  for (const [k, value] of map.entries()) out[k] = value
  return out as unknown as RecordOf<C>
}

/** Structural equality for JSON values, to skip writes that would change nothing. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]))
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return (
    ka.length === kb.length &&
    ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  )
}

/** Drops keys whose value is `undefined`, so stored values are plain JSON. */
export function stripUndefined<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T
}
