import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { importContacts } from '../../../shared/io'
import { PersonDraft } from '../../../shared/model/person'
import { fixture } from './helpers'

describe('Google Contacts CSV, current layout', async () => {
  const result = await importContacts(fixture('google-contacts.csv'), 'contacts.csv')
  const [jane, omar, sara, summit, wei] = result.contacts

  test('is recognized and every contact is a valid draft', () => {
    expect(result.format).toBe('google-csv')
    expect(result.contacts).toHaveLength(5)
    for (const c of result.contacts) expect(v.parse(PersonDraft, c)).toEqual(c)
  })

  test('splits ` ::: ` cells into values that share the label', () => {
    expect(jane?.emails).toEqual([
      { value: 'jane.doe@harborrealty.com', label: 'work' },
      { value: 'jane.doe@gmail.com', label: 'home' },
      { value: 'janed+listings@gmail.com', label: 'home' },
    ])
    expect(jane?.phones).toEqual([
      { value: '+1 415-555-0132', label: 'mobile' },
      { value: '(415) 555-0199', label: 'work' },
      { value: '+1 415 555 0100', label: 'work' },
    ])
  })

  test('reads organisation, birthday, multi-line notes, address and the LinkedIn website', () => {
    expect(jane).toMatchObject({
      givenName: 'Jane',
      familyName: 'Doe',
      organisation: 'Harbor Realty',
      title: 'Broker Associate',
      birthday: '1985-03-14',
      notes: 'Met at the Elm St open house.\nPrefers text.',
      linkedinUrl: 'linkedin.com/in/jane-doe-4b2a1c',
      websites: [],
      addresses: [
        {
          label: 'home',
          street: '123 Main St',
          city: 'San Francisco',
          region: 'CA',
          postalCode: '94110',
          country: 'US',
        },
      ],
    })
    expect(omar).toMatchObject({
      organisation: 'Haddad, Sons & Co.',
      phones: [{ value: '+971 50 123 4567' }],
    })
  })

  test('turns Labels into tags without the `* myContacts` system label', () => {
    expect(jane?.tags).toEqual(['Clients', 'Sphere'])
    expect(sara?.tags).toEqual(['عملاء'])
    expect(wei?.tags).toEqual(['starred'])
  })

  test('keeps Arabic names', () => {
    expect(sara).toMatchObject({ givenName: 'سارة', familyName: 'العتيبي', title: 'مديرة المبيعات' })
  })

  test('imports an organisation-only row, and a year-less birthday and middle name', () => {
    expect(summit).toMatchObject({
      organisation: 'Summit Title & Escrow',
      emails: [{ value: 'orders@summittitle.example', label: 'work' }],
      websites: ['https://summittitle.example'],
    })
    expect(wei).toMatchObject({ displayName: 'Wei Ming Li', credentials: 'CRS', birthday: '--07-04' })
  })

  test('reports the row with no name and no email on its line, after multi-line cells', () => {
    // Jane's row spans lines 2–5 (a two-line note and a three-line address).
    expect(result.errors).toEqual([{ line: 8, message: expect.stringContaining('no name') }])
  })
})

describe('Google Contacts CSV, legacy layout', async () => {
  const result = await importContacts(fixture('google-contacts-legacy.csv'))
  const [robert, khaled, ana] = result.contacts

  test('is recognized from Group Membership and `- Type` columns', () => {
    expect(result.format).toBe('google-csv')
    expect(result.errors).toEqual([])
    expect(result.contacts).toHaveLength(3)
  })

  test('reads Name, Organization 1 and typed emails and phones', () => {
    expect(robert).toMatchObject({
      displayName: 'Robert Chen',
      givenName: 'Robert',
      familyName: 'Chen',
      organisation: 'Pacific Lending Group',
      title: 'Loan Officer',
      emails: [{ value: 'rchen@pacificlending.example', label: 'work' }],
      phones: [
        { value: '+1 510-555-0123', label: 'mobile' },
        { value: '+1 510-555-0100', label: 'work' },
      ],
      linkedinUrl: 'linkedin.com/in/robertchen',
      tags: ['Lenders'],
      birthday: '1978-06-02',
    })
    expect(khaled).toMatchObject({
      displayName: 'خالد المنصوري',
      organisation: 'إعمار العقارية',
      tags: ['Investors'],
    })
    expect(ana?.emails.map((e) => e.value)).toEqual(['ana.souza@example.com', 'ana@souzadesign.example'])
    expect(ana?.tags).toEqual([])
  })
})
