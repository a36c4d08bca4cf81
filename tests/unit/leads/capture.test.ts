import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { advanceLead, captureLead, leadInbox } from '../../../shared/leads'
import { team } from './fixtures'

const T0 = Date.UTC(2026, 0, 5, 9)
const HOUR = 3_600_000

describe('captureLead', () => {
  it('funnels manual, imported and captured leads into one inbox, oldest first', () => {
    const { a, zillow, openHouse, dana } = team()
    const manual = unwrap(captureLead(a.repo, { contactId: dana.id, sourceId: zillow.id, entry: 'manual' }))
    a.clock.advance(HOUR)
    const captured = unwrap(
      captureLead(a.repo, {
        person: { displayName: 'Lee Park', emails: [{ value: 'lee@example.com' }] },
        sourceId: openHouse.id,
        entry: 'capture',
        need: ' 3-bed near Elm St ',
      }),
    )
    const imported = unwrap(
      captureLead(a.repo, {
        person: { givenName: 'Mo', familyName: 'Reyes', phones: [{ value: '(503) 555-0110' }] },
        sourceId: zillow.id,
        entry: 'import',
        receivedAt: T0 - 2 * HOUR,
      }),
    )
    expect(leadInbox(a.repo.list('leads')).map((l) => [l.id, l.entry])).toEqual([
      [imported.lead.id, 'import'],
      [manual.lead.id, 'manual'],
      [captured.lead.id, 'capture'],
    ])
    expect(captured.lead).toMatchObject({
      stage: 'new',
      stageAt: { new: T0 + HOUR },
      need: '3-bed near Elm St',
    })
    expect(captured.isNewContact).toBe(true)
    expect(captured.contact.source).toEqual({ kind: 'open-house', sourceId: openHouse.id })
    expect(imported.contact.phones).toEqual([{ value: '+15035550110' }])
    expect(a.repo.timeline.list(captured.contact.id).map((e) => [e.kind, e.summary])).toEqual([
      ['capture', 'New lead from Open house Elm St (capture): 3-bed near Elm St'],
    ])
    // tracking takes a lead out of the inbox
    unwrap(advanceLead(a.repo, manual.lead.id, 'contacted'))
    expect(leadInbox(a.repo.list('leads')).map((l) => l.id)).toEqual([imported.lead.id, captured.lead.id])
  })

  it('matches a person to an existing contact, and never doubles an open lead', () => {
    const { a, zillow, openHouse, dana } = team()
    const first = unwrap(
      captureLead(a.repo, {
        person: { displayName: 'D. Whitfield', emails: [{ value: 'Dana.Whitfield@Example.com' }] },
        sourceId: zillow.id,
        entry: 'capture',
      }),
    )
    expect([first.contact.id, first.isNewContact, first.isNewLead]).toEqual([dana.id, false, true])
    const again = unwrap(captureLead(a.repo, { contactId: dana.id, sourceId: zillow.id, entry: 'manual' }))
    expect([again.lead.id, again.isNewLead]).toEqual([first.lead.id, false])
    const otherSource = unwrap(
      captureLead(a.repo, { contactId: dana.id, sourceId: openHouse.id, entry: 'manual' }),
    )
    expect(otherSource.isNewLead).toBe(true)
    expect(a.repo.list('contacts')).toHaveLength(1)
    expect(a.repo.list('leads')).toHaveLength(2)
  })

  it('requires a source from the list, a person and a known entry, writing nothing otherwise', () => {
    const { a, zillow, dana } = team()
    expect(captureLead(a.repo, { contactId: dana.id, sourceId: '', entry: 'manual' })).toEqual({
      ok: false,
      problems: [{ path: 'sourceId', message: 'a lead needs a source from the team list' }],
    })
    expect(captureLead(a.repo, { contactId: dana.id, sourceId: 'nope', entry: 'manual' })).toEqual({
      ok: false,
      problems: [{ path: 'sourceId', message: 'no source nope' }],
    })
    expect(!captureLead(a.repo, { contactId: dana.id, sourceId: zillow.id, entry: 'fax' as never }).ok).toBe(
      true,
    )
    expect(captureLead(a.repo, { sourceId: zillow.id, entry: 'manual' } as never)).toEqual({
      ok: false,
      problems: [{ path: 'contactId', message: 'a lead needs a contact or a person' }],
    })
    const nameless = captureLead(a.repo, { person: {}, sourceId: zillow.id, entry: 'capture' })
    expect(!nameless.ok && nameless.problems[0]!.path).toBe('person.name.display')
    unwrap(a.repo.remove('contacts', dana.id))
    expect(!captureLead(a.repo, { contactId: dana.id, sourceId: zillow.id, entry: 'manual' }).ok).toBe(true)
    expect(a.repo.list('leads')).toHaveLength(0)
    expect(a.repo.list('contacts')).toHaveLength(0)
  })
})
