import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** The functions of y-webrtc's `src/crypto.js` (not in its package exports, so loaded by path). */
export interface YWebrtcCrypto {
  deriveKey(secret: string, roomName: string): PromiseLike<CryptoKey>
  encryptJson(data: unknown, key: CryptoKey | null): PromiseLike<Uint8Array>
  decryptJson(data: Uint8Array, key: CryptoKey | null): PromiseLike<unknown>
}

const main = createRequire(import.meta.url).resolve('y-webrtc') // …/y-webrtc/dist/y-webrtc.cjs

/** Loads y-webrtc's own signaling crypto, to check ours against it. */
export async function loadYWebrtcCrypto(): Promise<YWebrtcCrypto> {
  const file = path.join(path.dirname(main), '../src/crypto.js')
  return (await import(pathToFileURL(file).href)) as YWebrtcCrypto
}
