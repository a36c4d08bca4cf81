import { describe, expect, test } from 'vitest'
import { importContacts, importCsvWithMapping, suggestHeaderMapping } from '../../../shared/io'
import { fixture } from './helpers'

describe('suggestHeaderMapping', () => {
  test('maps English synonyms, whatever their case, punctuation or numbering', () => {
    expect(
      suggestHeaderMapping([
        'Full Name',
        'E-mail',
        'Email Address 2',
        'Mobile',
        'Company',
        'Job Title',
        'Zip Code',
        'Budget',
      ]),
    ).toEqual(['displayName', 'email', 'email', 'phone', 'organisation', 'title', 'postalCode', null])
    expect(suggestHeaderMapping(['first_name', 'LAST NAME', 'Phone #', 'LinkedIn URL', 'Tags'])).toEqual([
      'givenName',
      'familyName',
      'phone',
      'linkedinUrl',
      'tags',
    ])
  })

  test('maps Arabic headers, with or without hamza and diacritics', () => {
    expect(
      suggestHeaderMapping([
        'الاسم',
        'البريد الإلكتروني',
        'البريد الالكتروني',
        'الهاتف',
        'رقم الجوال',
        'الشركة',
        'المدينة',
      ]),
    ).toEqual(['displayName', 'email', 'email', 'phone', 'phone', 'organisation', 'city'])
    expect(suggestHeaderMapping(['الاسم الأول', 'اسم العائلة', 'المسمى الوظيفي', 'ملاحظات'])).toEqual([
      'givenName',
      'familyName',
      'title',
      'notes',
    ])
  })

  test('maps nothing it does not know', () => {
    expect(suggestHeaderMapping(['Date', 'Amount', 'Balance', ''])).toEqual([null, null, null, null])
  })
})

describe('custom CSV', async () => {
  const result = await importContacts(fixture('other.csv'), 'leads.csv')
  const [fatima, ahmed, nadia] = result.contacts

  test('is imported through the suggested mapping, which the result carries for the UI', () => {
    expect(result.format).toBe('csv')
    expect(result.headers?.[0]).toBe('الاسم')
    expect(result.mapping).toEqual([
      'displayName',
      'email',
      'phone',
      'organisation',
      'city',
      null,
      null,
      'tags',
      'notes',
    ])
    expect(result.contacts).toHaveLength(3)
  })

  test('reads Arabic values, labels the phone from its header and splits tags', () => {
    expect(fatima).toMatchObject({
      displayName: 'فاطمة الزهراني',
      emails: [{ value: 'fatima.z@example.ae' }],
      phones: [{ value: '050 123 4567', label: 'mobile' }],
      addresses: [{ city: 'دبي' }],
      tags: ['مشترين', 'VIP'],
      notes: 'تبحث عن فيلا',
    })
    expect(ahmed).toMatchObject({ displayName: 'Ahmed Karim', organisation: 'Karim Holdings' })
  })

  test('reports an empty row and a bad email on their lines, still importing the rest of the row', () => {
    expect(nadia).toMatchObject({
      displayName: 'Nadia Yousef',
      emails: [],
      phones: [{ value: '+971 56 111 2222' }],
    })
    expect(result.errors).toEqual([
      { line: 4, message: expect.stringContaining('no name') },
      { line: 5, message: '"not an email" is not an email address, so it was left out' },
    ])
  })

  test('importCsvWithMapping applies a mapping the user changed', async () => {
    const text = 'Client,Contact,Notes\nAcme Homes,sales@acme.example,VIP\n'
    const suggested = suggestHeaderMapping(['Client', 'Contact', 'Notes'])
    expect(suggested).toEqual(['displayName', 'displayName', 'notes'])
    const r = await importCsvWithMapping(text, ['organisation', 'email', 'tags'])
    expect(r.contacts).toEqual([
      expect.objectContaining({
        organisation: 'Acme Homes',
        emails: [{ value: 'sales@acme.example' }],
        tags: ['VIP'],
      }),
    ])
    expect(r.errors).toEqual([])
  })

  test('reads semicolon-separated files, as Excel writes them in much of Europe', async () => {
    const r = await importContacts('Name;Email;Phone\r\nJana Nováková;jana@example.cz;+420 601 123 456\r\n')
    expect(r.format).toBe('csv')
    expect(r.contacts[0]).toMatchObject({
      displayName: 'Jana Nováková',
      phones: [{ value: '+420 601 123 456' }],
    })
  })
})
