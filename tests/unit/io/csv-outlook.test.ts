import { describe, expect, test } from 'vitest'
import { importContacts } from '../../../shared/io'
import { fixture } from './helpers'

describe('Outlook CSV (UTF-8 with BOM, CRLF)', async () => {
  const bytes = fixture('outlook-contacts.csv')
  const result = await importContacts(bytes, 'contacts.CSV')
  const [robert, khaled, dana, luis] = result.contacts

  test('the fixture really has a BOM and CRLF line endings', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('\r\n')
  })

  test('is recognized and imports every named row', () => {
    expect(result.format).toBe('outlook-csv')
    expect(result.contacts).toHaveLength(4)
  })

  test('reads Job Title (not the courtesy Title), labelled phones, address, categories and birthday', () => {
    expect(robert).toMatchObject({
      givenName: 'Robert',
      familyName: 'Chen',
      credentials: 'Jr.',
      title: 'Loan Officer',
      organisation: 'Pacific Lending Group',
      emails: [{ value: 'rchen@pacificlending.example' }],
      phones: [
        { value: '+1 (510) 555-0123', label: 'mobile' },
        { value: '(510) 555-0100', label: 'work' },
      ],
      addresses: [
        {
          label: 'work',
          street: '500 Harbor Blvd\nSuite 210',
          city: 'Oakland',
          region: 'CA',
          postalCode: '94607',
          country: 'United States of America',
        },
      ],
      tags: ['Lenders', 'VIP'],
      notes: 'Pre-approvals in 24h',
      birthday: '1978-06-02',
    })
    expect(robert?.title).not.toBe('Mr.')
  })

  test('keeps Arabic names and skips the empty 0/0/00 birthday', () => {
    expect(khaled).toMatchObject({ givenName: 'خالد', familyName: 'المنصوري', title: 'مدير استثمار' })
    expect(khaled?.birthday).toBeUndefined()
  })

  test('imports a row with a bad email without the email, reporting it on the row after a multi-line cell', () => {
    expect(dana).toMatchObject({
      givenName: 'Dana',
      emails: [],
      phones: [{ value: '650.555.0188', label: 'home' }],
    })
    expect(result.errors).toEqual([{ line: 5, message: '"n/a" is not an email address, so it was left out' }])
  })

  test('joins a middle name into the display name and reads several emails and the web page', () => {
    expect(luis).toMatchObject({
      displayName: 'Luis Alberto García',
      emails: [{ value: 'luis.garcia@example.com' }, { value: 'lgarcia@work.example' }],
      websites: ['https://garciahomes.example'],
      birthday: '1990-12-31',
    })
  })
})
