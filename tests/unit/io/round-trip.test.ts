import { describe, expect, test } from 'vitest'
import { draftToContactFields, exportGoogleCsv, exportVCard, importContacts } from '../../../shared/io'
import type { Contact } from '../../../shared/model/contact'
import { exportContacts } from './round-trip-contacts'

/** The fields a round trip must keep. */
function essentials(
  c: Pick<Contact, 'name' | 'emails' | 'phones' | 'work' | 'tags' | 'web' | 'profile' | 'notes'>,
) {
  return {
    display: c.name.display,
    given: c.name.given,
    family: c.name.family,
    emails: c.emails.map((e) => [e.value, e.label]),
    phones: c.phones.map((p) => [p.value, p.label]),
    organisation: c.work.organisation,
    title: c.work.title,
    tags: c.tags,
    linkedin: c.web.linkedin,
    birthday: c.profile.birthday,
    notes: c.notes,
  }
}

const live = exportContacts().filter((c) => !c.deleted)

describe.each([
  ['Google CSV', exportGoogleCsv, 'google-csv'],
  ['vCard 4.0', exportVCard, 'vcard-4.0'],
])('%s round trip', (_, exporter, format) => {
  test('keeps names (Arabic too), emails, phones, organisation, title, tags, LinkedIn and birthday', async () => {
    const result = await importContacts(exporter(exportContacts()))
    expect(result.format).toBe(format)
    expect(result.errors).toEqual([])
    const back = result.contacts.map((d) => {
      const f = draftToContactFields(d)
      return essentials({
        name: f.name,
        emails: f.emails ?? [],
        phones: f.phones ?? [],
        work: f.work ?? {},
        tags: f.tags ?? [],
        notes: f.notes ?? '',
        web: { websites: [], ...f.web },
        profile: { propertyTypes: [], locations: [], features: [], ...f.profile },
      } as Contact)
    })
    expect(back).toEqual(live.map(essentials))
  })
})
