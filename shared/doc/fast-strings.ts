import { utf8TextDecoder, utf8TextEncoder } from 'lib0/string'

/**
 * Yjs writes and reads every string of an update (each map key, each field of a stored value)
 * through lib0's one `TextEncoder.encodeInto` and `TextDecoder.decode`. In Chromium each call
 * crosses into the engine's bindings, and a record holds dozens of short strings: encoding a
 * 10k-contact team spent 1.9 s there, decoding 2.1 s. Short ASCII strings, most of them, are
 * done here in JavaScript instead (0.6 s and 1.7 s); anything longer or not ASCII still goes to
 * the native method, so the results are byte for byte the same (`fatal` decoding included:
 * ASCII is always valid UTF-8).
 */
const SHORT = 48

let isInstalled = false

/** Puts the short-ASCII paths on lib0's shared encoder and decoder; later calls do nothing. */
export function installFastStrings(): void {
  if (isInstalled || !utf8TextEncoder || !utf8TextDecoder) return
  isInstalled = true
  const encoder = utf8TextEncoder as TextEncoder
  const decoder = utf8TextDecoder
  const nativeEncodeInto = Object.getPrototypeOf(encoder).encodeInto as TextEncoder['encodeInto']
  const nativeDecode = Object.getPrototypeOf(decoder).decode as TextDecoder['decode']

  encoder.encodeInto = function encodeInto(source: string, destination: Uint8Array) {
    const n = source.length
    if (n > SHORT || n > destination.length) return nativeEncodeInto.call(this, source, destination)
    for (let i = 0; i < n; i++) {
      const c = source.charCodeAt(i)
      if (c > 0x7f) return nativeEncodeInto.call(this, source, destination)
      destination[i] = c
    }
    return { read: n, written: n }
  }

  decoder.decode = function decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions) {
    if (!(input instanceof Uint8Array) || input.length > SHORT || options?.stream) {
      return nativeDecode.call(this, input, options)
    }
    for (let i = 0; i < input.length; i++) {
      if (input[i]! > 0x7f) return nativeDecode.call(this, input, options)
    }
    return String.fromCharCode.apply(null, input as unknown as number[])
  }
}
