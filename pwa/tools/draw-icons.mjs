// Draws the app icons (a white house on the theme colour) as PNGs into pwa/public/icons/, with
// Node builtins only. Run `node pwa/tools/draw-icons.mjs` after changing the design; the PNGs are
// committed so a build needs no image tooling.
import { Buffer } from 'node:buffer'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const THEME = [15, 118, 110] // #0f766e
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../public/icons')

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
/** @param {Uint8Array} bytes */
const crc32 = (bytes) => {
  let c = 0xffffffff
  for (const b of bytes) c = /** @type {number} */ (CRC_TABLE[(c ^ b) & 0xff]) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
/** @param {string} type @param {Buffer} data */
const chunk = (type, data) => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/**
 * Encodes RGBA pixels as a PNG (8-bit, no interlace, filter 0 on every row).
 * @param {number} size @param {Buffer} rgba
 */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * The house in unit coordinates (0..1, centred on 0.5): a roof, a body and a door cut out.
 * @param {number} x @param {number} y @param {number} scale
 */
function isHouse(x, y, scale) {
  const u = (x - 0.5) / scale + 0.5
  const v = (y - 0.5) / scale + 0.5
  const roof = v >= 0.18 && v <= 0.5 && Math.abs(u - 0.5) <= (v - 0.18) * (0.36 / 0.32)
  const body = u >= 0.26 && u <= 0.74 && v >= 0.48 && v <= 0.82
  const door = u >= 0.44 && u <= 0.56 && v >= 0.62 && v <= 0.82
  return (roof || body) && !door
}

/**
 * Whether a point is inside a rounded square covering the icon (radius r).
 * @param {number} x @param {number} y @param {number} r
 */
function inRoundedSquare(x, y, r) {
  const dx = Math.max(r - x, 0, x - (1 - r))
  const dy = Math.max(r - y, 0, y - (1 - r))
  return dx * dx + dy * dy <= r * r
}

/** @param {number} size @param {{ maskable: boolean }} options */
function draw(size, { maskable }) {
  const rgba = Buffer.alloc(size * size * 4)
  const samples = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0
      let fg = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          if (!maskable && !inRoundedSquare(x, y, 0.18)) continue
          bg++
          // A maskable icon keeps its glyph inside the central safe zone (a circle of 40%).
          if (isHouse(x, y, maskable ? 0.7 : 0.9)) fg++
        }
      }
      const n = samples * samples
      const i = (py * size + px) * 4
      const white = fg / Math.max(bg, 1)
      for (let c = 0; c < 3; c++)
        rgba[i + c] = Math.round(/** @type {number} */ (THEME[c]) * (1 - white) + 255 * white)
      rgba[i + 3] = Math.round((bg / n) * 255)
    }
  }
  return png(size, rgba)
}

mkdirSync(out, { recursive: true })
for (const size of [192, 512]) {
  writeFileSync(path.join(out, `icon-${size}.png`), draw(size, { maskable: false }))
  writeFileSync(path.join(out, `maskable-${size}.png`), draw(size, { maskable: true }))
}
writeFileSync(path.join(out, 'apple-touch-icon.png'), draw(180, { maskable: true }))
console.log(`icons written to ${out}`)
