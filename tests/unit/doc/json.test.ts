import { describe, expect, it } from 'vitest'
import { jsonEqual, stripUndefined } from '../../../shared/doc'

describe('stripUndefined', () => {
  it('drops undefined keys at any depth and keeps everything else', () => {
    const input = { a: 1, b: undefined, c: { d: undefined, e: [{ f: undefined, g: 'x' }] }, h: [1, 2] }
    const out = stripUndefined(input)
    expect(JSON.stringify(Object.keys(out))).toBe('["a","c","h"]')
    expect(Object.keys(out.c)).toEqual(['e'])
    expect(Object.keys(out.c.e[0]!)).toEqual(['g'])
    expect(input.c.e[0]).toHaveProperty('f') // the input is not mutated
  })

  it('returns objects without undefined keys as they are, without copying', () => {
    const clean = { a: 1, b: { c: [1, 'x'] } }
    expect(stripUndefined(clean)).toBe(clean)
  })
})

describe('jsonEqual', () => {
  it('treats undefined keys as absent and compares arrays in order', () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(jsonEqual([1, 2], [2, 1])).toBe(false)
    expect(jsonEqual({ a: { b: [1] } }, { a: { b: [1] } })).toBe(true)
  })
})
