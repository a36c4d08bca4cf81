import { parsePhoneNumberFromString } from 'libphonenumber-js'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { GOOGLE_CSV_COLUMNS, generateContactsCsv } from '../../../shared/demo'

describe('generateContactsCsv', () => {
  it('writes a Google Contacts export: its header, then one row per person', () => {
    const csv = generateContactsCsv(500, 7)
    expect(csv.split('\r\n', 1)[0]).toMatch(
      /^First Name,Middle Name,Last Name,Phonetic First Name,.*,Organization Name,Organization Title,.*,Labels,E-mail 1 - Label,E-mail 1 - Value,/,
    )
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual(GOOGLE_CSV_COLUMNS)
    expect(parsed.data).toHaveLength(500)
    const rows = parsed.data
    expect(rows.every((r) => r['First Name'] && r['E-mail 1 - Value']?.includes('@'))).toBe(true)
    expect(rows.every((r) => r.Labels!.startsWith('* myContacts'))).toBe(true)
    expect(rows.some((r) => /[\u0600-\u06ff]/.test(r['First Name']!))).toBe(true)
    expect(rows.some((r) => r['Organization Name'] && r['Organization Title'])).toBe(true)
    expect(rows.some((r) => r['Address 1 - Formatted']?.includes('\n'))).toBe(true)
  })

  it('gives every person their own email and a phone that parses as a valid US number', () => {
    const rows = Papa.parse<Record<string, string>>(generateContactsCsv(2000, 3), { header: true }).data
    const emails = rows.flatMap((r) => [1, 2, 3].map((i) => r[`E-mail ${i} - Value`]).filter(Boolean))
    expect(new Set(emails).size).toBe(emails.length)
    const phones = rows.flatMap((r) => [1, 2].map((i) => r[`Phone ${i} - Value`]).filter(Boolean)) as string[]
    const e164 = phones.map((p) => parsePhoneNumberFromString(p, 'US'))
    expect(e164.every((p) => p?.isValid())).toBe(true)
    expect(new Set(e164.map((p) => p!.number)).size).toBe(phones.length)
  })

  it('is deterministic in its seed', () => {
    expect(generateContactsCsv(50, 11)).toBe(generateContactsCsv(50, 11))
    expect(generateContactsCsv(50, 11)).not.toBe(generateContactsCsv(50, 12))
  })
})
