import type { Clock, IdSource } from '../host'

/** A seeded source of randomness; the same seed always gives the same sequence. */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** Whether an event of probability `p` happens. */
  chance(p: number): boolean
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** One key of `weights`, chosen in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K
  /** `count` distinct items of `items` (all of them when it has fewer), in random order. */
  sample<T>(items: readonly T[], count: number): T[]
  /** A normally distributed number (Box–Muller). */
  normal(mean: number, sd: number): number
  /** An independent generator derived from this one, so one part of a dataset can change alone. */
  fork(label: string): Random
}

/** 32-bit FNV-1a of a string, to turn labels into seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter): 128 bits of state, passes PractRand,
 * and is a few lines of 32-bit integer arithmetic, so every JS engine gives the same numbers.
 * @param seed - any integer; the same seed gives the same sequence
 */
export function createRandom(seed: number): Random {
  let a = 0x9e3779b9
  let b = 0x243f6a88
  let c = 0xb7e15162
  let d = seed >>> 0
  const raw = (): number => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  // Mix the seed in before the first number is used (the reference implementation's warm-up).
  for (let i = 0; i < 15; i++) raw()

  const rng: Random = {
    next: raw,
    int: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    chance: (p) => raw() < p,
    pick: (items) => items[Math.floor(raw() * items.length)]!,
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][]
      let r = raw() * entries.reduce((sum, [, w]) => sum + w, 0)
      for (const [k, w] of entries) if ((r -= w) < 0) return k
      return entries[entries.length - 1]![0]
    },
    sample(items, count) {
      const copy = items.slice()
      const n = Math.min(count, copy.length)
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(raw() * (copy.length - i))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, n)
    },
    normal(mean, sd) {
      const u = 1 - raw()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * raw())
    },
    fork: (label) => createRandom((hashString(label) ^ Math.floor(raw() * 4294967296)) >>> 0),
  }
  return rng
}

/**
 * Weighted sampling with changing weights in O(log n) (a Fenwick tree), for preferential
 * attachment: a referrer's weight grows with every referral it sends.
 */
export function createWeightedPool(size: number) {
  const tree = new Float64Array(size + 1)
  const weights = new Float64Array(size)
  let total = 0

  function add(i: number, delta: number): void {
    weights[i]! += delta
    total += delta
    for (let j = i + 1; j <= size; j += j & -j) tree[j]! += delta
  }

  /** The index whose cumulative weight first exceeds `u × total`, or -1 when the pool is empty. */
  function draw(rng: Random): number {
    if (total <= 0) return -1
    let target = rng.next() * total
    let pos = 0
    for (let step = 1 << Math.floor(Math.log2(size || 1)); step > 0; step >>= 1) {
      const next = pos + step
      if (next <= size && tree[next]! <= target) {
        pos = next
        target -= tree[next]!
      }
    }
    // Rounding can land on a zero-weight slot at the very end; step back to a live one.
    while (pos > 0 && weights[Math.min(pos, size - 1)] === 0) pos--
    return Math.min(pos, size - 1)
  }

  return { add, draw, weight: (i: number) => weights[i] ?? 0, total: () => total }
}
export type WeightedPool = ReturnType<typeof createWeightedPool>

/**
 * Ids shaped like production ids (UUIDv7: the clock's milliseconds, then seeded random bits), so
 * a generated team has realistic sizes and shard spread, yet is the same on every run.
 * @param seed - the seed of the random part
 * @param clock - the time source of the timestamp part
 */
export function createSeededIds(seed: number, clock: Clock): IdSource {
  const rng = createRandom(seed)
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')
  const word = () => Math.floor(rng.next() * 0x10000)
  return {
    next() {
      const ms = hex(Math.max(0, Math.floor(clock.now())), 12).slice(-12)
      const variant = (0x8000 | (word() & 0x3fff)).toString(16)
      return `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(word() & 0xfff, 3)}-${variant}-${hex(word(), 4)}${hex(word(), 4)}${hex(word(), 4)}`
    },
  }
}
