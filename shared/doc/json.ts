/** Structural equality for JSON values (keys with `undefined` values count as absent). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const bb = b as unknown[]
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]))
  }
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined)
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => jsonEqual(ra[k], rb[k]))
}

/**
 * Drops keys whose value is `undefined`, so stored values are plain JSON. Copies only the
 * objects that hold such a key (imports write thousands of records: a JSON round trip per
 * record was a fifth of the import's time).
 */
export function stripUndefined<T>(o: T): T {
  if (typeof o !== 'object' || o === null) return o
  if (Array.isArray(o)) {
    let out: unknown[] | undefined
    for (let i = 0; i < o.length; i++) {
      const x: unknown = o[i]
      const y = stripUndefined(x)
      if (y !== x) (out ??= o.slice())[i] = y
    }
    return (out ?? o) as T
  }
  const src = o as Record<string, unknown>
  let out: Record<string, unknown> | undefined
  for (const k in src) {
    const x = src[k]
    if (x === undefined) {
      out ??= { ...src }
      delete out[k]
      continue
    }
    const y = stripUndefined(x)
    if (y !== x) (out ??= { ...src })[k] = y
  }
  return (out ?? o) as T
}
