import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { importContacts } from '../../../shared/io'
import { PersonDraft } from '../../../shared/model/person'
import { fixture } from './helpers'

describe('LinkedIn Connections.csv', async () => {
  const result = await importContacts(fixture('linkedin-connections.csv'), 'Connections.csv')

  test('is recognized past the "Notes:" preamble', () => {
    expect(result.format).toBe('linkedin-csv')
    expect(result.contacts).toHaveLength(7)
    for (const c of result.contacts) expect(v.parse(PersonDraft, c)).toEqual(c)
  })

  test('maps names, canonical profile URL, email, company and position', () => {
    expect(result.contacts[0]).toMatchObject({
      givenName: 'Jane',
      familyName: 'Doe',
      linkedinUrl: 'linkedin.com/in/jane-doe-4b2a1c',
      emails: [{ value: 'jane.doe@harborrealty.com' }],
      organisation: 'Harbor Realty',
      title: 'Broker Associate',
    })
  })

  test('imports connections whose email LinkedIn left out, and keeps quoted commas', () => {
    expect(result.contacts[1]).toMatchObject({
      givenName: 'Omar',
      emails: [],
      organisation: 'Haddad, Sons & Co.',
      linkedinUrl: 'linkedin.com/in/omar-haddad-91',
    })
    expect(result.contacts[6]).toMatchObject({ familyName: 'Lee, CRS', title: 'Agent, Luxury Division' })
  })

  test('keeps Arabic names and decodes Arabic profile slugs', () => {
    expect(result.contacts[2]).toMatchObject({
      givenName: 'سارة',
      familyName: 'العتيبي',
      organisation: 'شركة دار الأركان',
      linkedinUrl: 'linkedin.com/in/سارة-العتيبي-7a1b2c',
    })
  })

  test('reports the empty row on its physical line, counting the preamble', () => {
    expect(result.errors).toEqual([{ line: 9, message: expect.stringContaining('no name') }])
  })
})
