import { describe, expect, test } from 'vitest'
import { importContacts } from '../../../shared/io'
import { fixture } from './helpers'

describe('importContacts on files that are not contacts', () => {
  test('a bank statement CSV gives one error naming its columns', async () => {
    const r = await importContacts(fixture('not-contacts.csv'), 'statement.csv')
    expect(r.contacts).toEqual([])
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]?.line).toBe(1)
    expect(r.errors[0]?.message).toMatch(
      /spreadsheet with the columns "Date", "Description", "Amount", "Balance"/,
    )
    expect(r.errors[0]?.message).toMatch(/no name, email or phone column/)
  })

  test('plain text gives "not a CSV or vCard file"', async () => {
    const r = await importContacts('Dear Jane\nthanks for coming to the open house.\n', 'letter.txt')
    expect(r).toMatchObject({ format: 'unknown', contacts: [] })
    expect(r.errors).toEqual([{ line: 1, message: 'not a CSV or vCard file' }])
  })

  test('an Excel workbook is named as such', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe])
    const r = await importContacts(zip, 'contacts.xlsx')
    expect(r.contacts).toEqual([])
    expect(r.errors).toEqual([{ line: 0, message: expect.stringContaining('save it as CSV') }])
  })

  test('JSON, binary and empty files each give one error', async () => {
    expect((await importContacts('[{"name":"Jane"}]')).errors).toEqual([
      { line: 0, message: 'this looks like JSON, not a CSV or vCard file' },
    ])
    expect((await importContacts(new Uint8Array([0, 1, 2, 3, 0x41]))).errors[0]?.message).toMatch(/binary/)
    expect((await importContacts(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]))).errors).toEqual([
      { line: 0, message: 'the file is empty' },
    ])
  })

  test('a .vcf name without vCard content says so', async () => {
    const r = await importContacts('Name,Email\nJane,jane@x.com\n', 'contacts.vcf')
    expect(r.errors[0]?.message).toMatch(/named like a vCard but has no BEGIN:VCARD/)
  })
})

describe('importContacts format detection', () => {
  test('content wins over the file name', async () => {
    const r = await importContacts(fixture('apple-3.0.vcf'), 'export.csv')
    expect(r.format).toBe('vcard-3.0')
  })

  test('a LinkedIn file without its preamble is still recognized by its header', async () => {
    const text =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJane,Doe,,,,,01 Jan 2024\n'
    expect((await importContacts(text)).format).toBe('linkedin-csv')
  })

  test('a windows-1252 CSV is decoded', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Name,Email\n'),
      0x52,
      0xe9,
      0x6d,
      0x79,
      0x2c,
      0x72,
      0x40,
      0x78,
    ])
    const r = await importContacts(bytes)
    expect(r.contacts[0]).toMatchObject({ displayName: 'Rémy', emails: [{ value: 'r@x' }] })
  })
})
