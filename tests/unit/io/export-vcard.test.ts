import { describe, expect, test } from 'vitest'
import { exportVCard, importContacts } from '../../../shared/io'
import { exportContacts } from './round-trip-contacts'

describe('exportVCard', () => {
  const text = exportVCard(exportContacts())
  const lines = text.split('\r\n')

  test('writes vCard 4.0 with CRLF line endings and skips deleted contacts', () => {
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\nUID:c-jane\r\n')).toBe(true)
    expect(text.endsWith('END:VCARD\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(3)
    expect(text).not.toContain('Deleted Person')
  })

  test('folds lines at 75 octets without splitting UTF-8 sequences', () => {
    const encoder = new TextEncoder()
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75)
    // Every physical line is valid UTF-8 on its own: no multi-byte character was cut.
    for (const line of lines)
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoder.encode(line))).not.toThrow()
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(2)
    // The long Arabic note (2 octets a letter) was folded, and unfolds to the original text.
    const note = text.replace(/\r\n /g, '').match(/NOTE:(يبحث[^\r]*)/)?.[1]
    expect(note).toBe(
      'يبحث عن فيلا في حي الملقا بميزانية خمسة ملايين ريال، ويفضل التواصل عبر واتساب بعد العصر.',
    )
  })

  test('escapes commas, semicolons, backslashes and line breaks in text', () => {
    const unfolded = text.replace(/\r\n /g, '')
    expect(unfolded).toContain('ORG:Harbor Realty\\, Inc.\r\n')
    expect(unfolded).toContain('TITLE:Broker\\; Associate\r\n')
    expect(unfolded).toContain(
      'NOTE:Met at the Elm St open house\\, wants 3BR.\\nPrefers text\\; never call before 9.\r\n',
    )
  })

  test('writes TYPE for standard labels, Apple item groups for custom ones, and LinkedIn as X-SOCIALPROFILE', () => {
    const unfolded = text.replace(/\r\n /g, '')
    expect(unfolded).toContain('TEL;TYPE=cell:+14155550132\r\n')
    expect(unfolded).toContain('item1.TEL:+14155550177\r\nitem1.X-ABLabel:Assistant\r\n')
    expect(unfolded).toContain(
      'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/jane-doe-4b2a1c\r\n',
    )
    expect(unfolded).toContain('BDAY:19850314\r\n')
    expect(unfolded).toContain('BDAY:--0704\r\n')
    expect(unfolded).toContain('KIND:org\r\n')
  })

  test('is read back as vCard 4.0', async () => {
    const r = await importContacts(text, 'rapport.vcf')
    expect(r.format).toBe('vcard-4.0')
    expect(r.errors).toEqual([])
  })
})
