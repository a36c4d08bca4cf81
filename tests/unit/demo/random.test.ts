import { describe, expect, it } from 'vitest'
import { createRandom, createSeededIds, createWeightedPool } from '../../../shared/demo'

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = Array.from({ length: 5 }, createRandom(42).next)
    expect(Array.from({ length: 5 }, createRandom(42).next)).toEqual(a)
    expect(Array.from({ length: 5 }, createRandom(43).next)).not.toEqual(a)
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('draws integers in range, both ends included, and weighted keys in proportion', () => {
    const rng = createRandom(1)
    const ints = new Set(Array.from({ length: 2000 }, () => rng.int(3, 6)))
    expect([...ints].sort()).toEqual([3, 4, 5, 6])
    let heads = 0
    for (let i = 0; i < 10_000; i++) if (rng.weighted({ heads: 3, tails: 1 }) === 'heads') heads++
    expect(heads / 10_000).toBeCloseTo(0.75, 1)
    expect(new Set(rng.sample([1, 2, 3, 4, 5], 3)).size).toBe(3)
  })
})

describe('createWeightedPool', () => {
  it('never draws a zero weight and follows weights as they grow', () => {
    const rng = createRandom(9)
    const pool = createWeightedPool(10)
    expect(pool.draw(rng)).toBe(-1)
    pool.add(2, 1)
    pool.add(7, 1)
    pool.add(7, 2)
    const counts = new Map<number, number>()
    for (let i = 0; i < 8000; i++) {
      const k = pool.draw(rng)
      counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    expect([...counts.keys()].sort()).toEqual([2, 7])
    expect(counts.get(7)! / 8000).toBeCloseTo(0.75, 1)
  })
})

describe('createSeededIds', () => {
  it('makes UUIDv7-shaped ids that repeat for a seed', () => {
    const clock = { now: () => Date.UTC(2026, 0, 5) }
    const a = createSeededIds(5, clock)
    const ids = Array.from({ length: 100 }, a.next)
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true)
    expect(new Set(ids).size).toBe(100)
    expect(Array.from({ length: 100 }, createSeededIds(5, clock).next)).toEqual(ids)
  })
})
