import { describe, expect, test } from 'vitest'
import { decodeInput } from '../../../shared/io/decode'
import { normalizeBirthday } from '../../../shared/io/birthday'

describe('decodeInput', () => {
  test('decodes UTF-8 and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('الاسم,Email')])
    expect(decodeInput(bytes)).toBe('الاسم,Email')
  })

  test('falls back to windows-1252 when the bytes are not UTF-8', () => {
    // "José,Müller €" as Excel on Western Windows saves it.
    const bytes = new Uint8Array([
      0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80,
    ])
    expect(decodeInput(bytes)).toBe('José,Müller €')
  })

  test('drops the BOM from text too', () => {
    expect(decodeInput('\uFEFFName')).toBe('Name')
  })
})

describe('normalizeBirthday', () => {
  test('reads the forms exports write', () => {
    expect(normalizeBirthday('1985-03-14')).toBe('1985-03-14')
    expect(normalizeBirthday('19850314')).toBe('1985-03-14')
    expect(normalizeBirthday(' --07-04')).toBe('--07-04')
    expect(normalizeBirthday('--0704')).toBe('--07-04')
    expect(normalizeBirthday('1604-07-04')).toBe('--07-04')
    expect(normalizeBirthday('1985-03-14T00:00:00Z')).toBe('1985-03-14')
    expect(normalizeBirthday('6/2/1978', 'mdy')).toBe('1978-06-02')
  })

  test('gives undefined for what is not a date', () => {
    expect(normalizeBirthday('6/2/1978')).toBeUndefined()
    expect(normalizeBirthday('1985-13-01')).toBeUndefined()
    expect(normalizeBirthday('0/0/00', 'mdy')).toBeUndefined()
    expect(normalizeBirthday('March 14')).toBeUndefined()
  })
})
