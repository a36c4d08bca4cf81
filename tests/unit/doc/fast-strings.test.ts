import fc from 'fast-check'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { utf8TextDecoder, utf8TextEncoder } from 'lib0/string'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { installFastStrings } from '../../../shared/doc'

/** lib0's varString bytes of `s` and what reading them back gives. */
function roundTrip(s: string) {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, s)
  const bytes = encoding.toUint8Array(encoder)
  return { bytes: Array.from(bytes), back: decoding.readVarString(decoding.createDecoder(bytes)) }
}

const samples = [
  '',
  'a',
  'meta',
  'contactId',
  '019cadc6-9a80-7cfe-8b6f-550152b42da9',
  'x'.repeat(48),
  'x'.repeat(49),
  'Dana Whitfield — Laurelhurst',
  'ريم الحداد',
  'emoji 🏡 house',
  '\u0000\u007f',
  '\ud800 lone surrogate',
]

describe('installFastStrings', () => {
  // Taken before installing: what the native encoder and decoder give.
  const native = new Map(samples.map((s) => [s, roundTrip(s)]))
  installFastStrings()

  it('writes and reads strings byte for byte as the native encoder does', () => {
    expect(Object.hasOwn(utf8TextEncoder, 'encodeInto') && Object.hasOwn(utf8TextDecoder!, 'decode')).toBe(
      true,
    )
    for (const s of samples) expect(roundTrip(s), s).toEqual(native.get(s))
  })

  it('agrees with the native TextEncoder and TextDecoder on any string', () => {
    const encoder = new TextEncoder()
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const { bytes, back } = roundTrip(s)
        const utf8 = encoder.encode(s)
        expect(bytes.slice(bytes.length - utf8.length)).toEqual(Array.from(utf8))
        expect(back).toBe(new TextDecoder().decode(utf8))
      }),
    )
  })

  it('still refuses bytes that are not UTF-8, as lib0’s fatal decoder does', () => {
    expect(() => utf8TextDecoder!.decode(new Uint8Array([0x61, 0xff]))).toThrow(TypeError)
  })

  it('does not write past a destination that is too short', () => {
    const into = new Uint8Array(3)
    expect(utf8TextEncoder.encodeInto('abcdef', into)).toEqual({ read: 3, written: 3 })
    expect(Array.from(into)).toEqual([97, 98, 99])
  })

  it('round-trips a document through an update', () => {
    const doc = new Y.Doc()
    const m = doc.getMap('contacts')
    m.set('019cadc6', { name: 'Nadia Haddad', city: 'حي الروضة', tags: ['vip', 'downsizing'] })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(copy.getMap('contacts').toJSON()).toEqual(m.toJSON())
  })
})
