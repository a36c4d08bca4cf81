/**
 * Encoded team documents as one file, to hand a generated team to a test page by URL:
 * `[count: u32 LE][length: u32 LE] × count`, then the updates one after the other.
 */
export function encodeTeamFile(updates: readonly Uint8Array[]): Uint8Array {
  const head = new DataView(new ArrayBuffer(4 * (1 + updates.length)))
  head.setUint32(0, updates.length, true)
  updates.forEach((u, i) => head.setUint32(4 * (1 + i), u.byteLength, true))
  const out = new Uint8Array(head.byteLength + updates.reduce((n, u) => n + u.byteLength, 0))
  out.set(new Uint8Array(head.buffer))
  let at = head.byteLength
  for (const u of updates) {
    out.set(u, at)
    at += u.byteLength
  }
  return out
}

/** The updates of `encodeTeamFile`. */
export function decodeTeamFile(bytes: Uint8Array): Uint8Array[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = view.getUint32(0, true)
  let at = 4 * (1 + count)
  return Array.from({ length: count }, (_, i) => {
    const n = view.getUint32(4 * (1 + i), true)
    const u = bytes.subarray(at, at + n)
    at += n
    return u
  })
}
