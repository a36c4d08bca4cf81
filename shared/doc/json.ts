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

/** Drops keys whose value is `undefined`, so stored values are plain JSON. */
export function stripUndefined<T>(o: T): T {
  return o === undefined ? o : (JSON.parse(JSON.stringify(o)) as T)
}
