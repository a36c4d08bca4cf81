import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { contactToDraft, draftToContactFields } from '../../../shared/io'
import { ContactInput } from '../../../shared/model/contact'
import { PersonDraft } from '../../../shared/model/person'
import { contact } from './helpers'

const draft = (fields: v.InferInput<typeof PersonDraft>) => v.parse(PersonDraft, fields)

describe('draftToContactFields', () => {
  test('builds a valid ContactInput with E.164 phones and a canonical LinkedIn URL', () => {
    const fields = draftToContactFields(
      draft({
        givenName: 'Jane',
        familyName: 'Doe',
        emails: [{ value: 'Jane@Example.com', label: 'work' }, { value: 'jane@example.com' }],
        phones: [{ value: '(415) 555-0132', label: 'mobile' }, { value: 'ext. 12' }],
        linkedinUrl: 'https://www.linkedin.com/in/Jane-Doe/?trk=x',
        organisation: 'Harbor Realty',
        title: 'Broker',
        tags: ['Clients', ' Clients '],
        notes: 'Prefers text',
        birthday: '1985-03-14',
      }),
      'US',
    )
    expect(v.parse(ContactInput, fields)).toMatchObject({
      name: { display: 'Jane Doe', given: 'Jane', family: 'Doe' },
      emails: [{ value: 'Jane@Example.com', label: 'work' }],
      phones: [{ value: '+14155550132', label: 'mobile' }, { value: 'ext. 12' }],
      web: { linkedin: 'linkedin.com/in/jane-doe', websites: [] },
      work: { organisation: 'Harbor Realty', title: 'Broker' },
      tags: ['Clients'],
      notes: 'Prefers text',
      profile: { birthday: '1985-03-14' },
    })
  })

  test('falls back from display name to given + family, organisation, email, then phone', () => {
    const display = (d: v.InferInput<typeof PersonDraft>) => draftToContactFields(draft(d)).name.display
    expect(display({ displayName: 'Dr. Jane Doe', givenName: 'Jane' })).toBe('Dr. Jane Doe')
    expect(display({ familyName: 'Doe' })).toBe('Doe')
    expect(display({ organisation: 'Summit Title' })).toBe('Summit Title')
    expect(display({ emails: [{ value: 'orders@summit.example' }] })).toBe('orders@summit.example')
    expect(display({ phones: [{ value: '+971 50 123 4567' }] })).toBe('+971501234567')
  })

  test('keeps national numbers as written without a default country', () => {
    expect(
      draftToContactFields(draft({ displayName: 'A', phones: [{ value: '050 123 4567' }] })).phones,
    ).toEqual([{ value: '050 123 4567' }])
  })
})

describe('contactToDraft', () => {
  test('maps a stored contact to a valid draft', () => {
    const c = contact({
      name: { display: 'سارة العتيبي', given: 'سارة', family: 'العتيبي' },
      emails: [{ value: 'sara@example.sa' }],
      web: { linkedin: 'linkedin.com/in/sara', websites: ['https://sara.example'] },
      work: { organisation: 'دار الأركان' },
      tags: ['عملاء'],
      profile: { birthday: '--07-04' },
    })
    const d = contactToDraft(c)
    expect(v.parse(PersonDraft, d)).toMatchObject({
      displayName: 'سارة العتيبي',
      givenName: 'سارة',
      familyName: 'العتيبي',
      emails: [{ value: 'sara@example.sa' }],
      organisation: 'دار الأركان',
      linkedinUrl: 'linkedin.com/in/sara',
      websites: ['https://sara.example'],
      tags: ['عملاء'],
      birthday: '--07-04',
    })
    expect(d.notes).toBeUndefined()
  })
})
