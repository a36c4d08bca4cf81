import { describe, expect, it, vi } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { applyImport, createImportIndex, undoImport } from '../../../shared/io/apply-import'
import type { PersonDraftInput } from '../../../shared/model'
import { PersonDraft } from '../../../shared/model'
import * as v from 'valibot'
import { contact, replica } from '../helpers/team'

const draft = (d: PersonDraftInput) => v.parse(PersonDraft, d)

describe('applying an import to the team', () => {
  it('indexes the team once for every chunk of an import, and dedupes across chunks', () => {
    const { repo } = replica('ana')
    unwrap(repo.create('contacts', contact()))
    const index = createImportIndex(repo)
    const list = vi.spyOn(repo, 'list')
    const chunks = [
      [draft({ displayName: 'Marcus Oyelaran', emails: [{ value: 'marcus@oyelaran.example' }] })],
      // Marcus again (created by the chunk before), and Dana, who was in the team already
      [
        draft({
          displayName: 'Marcus O.',
          phones: [{ value: '+1 503 555 0177' }],
          emails: [{ value: 'MARCUS@oyelaran.example' }],
        }),
        draft({ displayName: 'Dana', phones: [{ value: '503.555.0142' }], tags: ['open house'] }),
      ],
    ]
    const results = chunks.map((chunk) => unwrap(applyImport(repo, chunk, { index })))
    expect(list).not.toHaveBeenCalled()
    expect(results.map((r) => [r.created, r.merged, r.skipped])).toEqual([
      [1, 0, 0],
      [0, 2, 0], // Marcus (created by the chunk before) and Dana
    ])
    const people = repo.list('contacts')
    expect(people).toHaveLength(2)
    expect(people.find((c) => c.name.display === 'Marcus Oyelaran')?.phones).toHaveLength(1)
    expect(applyImport(repo, chunks[0]!, { index, defaultCountry: 'GB' })).toMatchObject({ ok: false })
  })

  it('creates new people, merges matches by email, phone or LinkedIn, and skips exact duplicates', () => {
    const { repo } = replica('ana')
    const dana = unwrap(
      repo.create('contacts', contact({ web: { linkedin: 'linkedin.com/in/danawhitfield', websites: [] } })),
    )
    const result = unwrap(
      applyImport(repo, [
        // same email, different case: merges, adds the work phone and a tag
        draft({
          givenName: 'Dana',
          familyName: 'Whitfield',
          emails: [{ value: 'DANA.WHITFIELD@example.com' }],
          phones: [{ value: '(503) 555-0199', label: 'work' }],
          tags: ['2025 clients'],
        }),
        // same phone written another way, nothing new: skipped
        draft({ displayName: 'Dana W.', phones: [{ value: '503.555.0142' }] }),
        // same LinkedIn profile in another URL form: merges the new email
        draft({
          displayName: 'Dana',
          linkedinUrl: 'https://www.linkedin.com/in/DanaWhitfield/?originalSubdomain=us',
          emails: [{ value: 'dana@cascadelending.example' }],
        }),
        draft({
          givenName: 'Marcus',
          familyName: 'Oyelaran',
          emails: [{ value: 'marcus@oyelaran.example' }],
        }),
        // the same new person twice in one file: one contact
        draft({ givenName: 'سارة', familyName: 'العلي', emails: [{ value: 'sara.alali@example.com' }] }),
        draft({
          displayName: 'سارة العلي',
          emails: [{ value: 'Sara.AlAli@example.com' }],
          phones: [{ value: '+971 50 123 4567' }],
        }),
      ]),
    )
    expect(result).toMatchObject({ created: 2, merged: 1, skipped: 1, invalid: [] })
    const d = repo.get('contacts', dana.id)!
    expect(d.name.display).toBe('Dana Whitfield') // non-empty fields are never overwritten
    expect(d.emails.map((e) => e.value)).toEqual([
      'dana.whitfield@example.com',
      'dana@cascadelending.example',
    ])
    expect(d.phones.map((p) => p.value)).toEqual(['+15035550142', '+15035550199'])
    expect(d.work).toEqual({ organisation: 'Cascade Lending', title: 'Loan Officer' })
    expect(d.tags).toEqual(['lender', '2025 clients'])
    const sara = repo.list('contacts').find((c) => c.name.display === 'سارة العلي')!
    expect(sara.phones.map((p) => p.value)).toEqual(['+971501234567'])
    expect(repo.list('contacts')).toHaveLength(3)
  })

  it('never touches an opt-out', () => {
    const { repo } = replica('ana')
    const dana = unwrap(repo.create('contacts', contact()))
    unwrap(repo.optOut(dana.id, { reason: 'Asked to stop' }))
    unwrap(
      applyImport(repo, [
        draft({
          displayName: 'Dana',
          emails: [{ value: 'dana.whitfield@example.com' }],
          notes: 'From Outlook',
        }),
      ]),
    )
    expect(repo.optOutState(dana.id).isOptedOut).toBe(true)
    expect(repo.get('contacts', dana.id)!.notes).toBe('From Outlook')
  })

  it('appends differing notes instead of replacing them', () => {
    const { repo } = replica('ana')
    const dana = unwrap(repo.create('contacts', contact({ notes: 'Met at the Pearl open house' })))
    unwrap(
      applyImport(repo, [
        draft({ emails: [{ value: 'dana.whitfield@example.com' }], notes: 'Wants a 3-bed in Sellwood' }),
      ]),
    )
    expect(repo.get('contacts', dana.id)!.notes).toBe(
      'Met at the Pearl open house\n\nWants a 3-bed in Sellwood',
    )
  })

  it('reports drafts that cannot become contacts and writes the rest', () => {
    const { repo } = replica('ana')
    const r = unwrap(
      applyImport(repo, [
        draft({ notes: 'no name, no email, no phone' }),
        draft({ displayName: 'Layla Haddad' }),
      ]),
    )
    expect(r.created).toBe(1)
    expect(r.invalid).toEqual([
      { index: 0, problems: [{ path: 'name.display', message: 'must not be empty' }] },
    ])
  })

  it('is one batch that undoes as one: created contacts go, merged fields come back, later edits stay', () => {
    const { repo } = replica('ana')
    const dana = unwrap(repo.create('contacts', contact()))
    const marcus = unwrap(
      repo.create(
        'contacts',
        contact({
          name: { display: 'Marcus Oyelaran' },
          emails: [{ value: 'marcus@oyelaran.example' }],
          phones: [],
        }),
      ),
    )
    const r = unwrap(
      applyImport(
        repo,
        [
          draft({ emails: [{ value: 'dana.whitfield@example.com' }], tags: ['imported'], title: 'ignored' }),
          draft({
            emails: [{ value: 'marcus@oyelaran.example' }],
            phones: [{ value: '+15035550111' }],
            tags: ['imported'],
          }),
          draft({ displayName: 'Layla Haddad', emails: [{ value: 'layla@haddad.example' }] }),
        ],
        { fileName: 'contacts.csv' },
      ),
    )
    expect(r.batch).toMatchObject({ fileName: 'contacts.csv', by: 'ana' })
    // someone edits Marcus's tags after the import: undo keeps that edit
    unwrap(repo.update('contacts', marcus.id, { tags: ['imported', 'vip'] }))
    const undo = undoImport(repo, r.batch)
    expect(repo.get('contacts', dana.id)!.tags).toEqual(['lender'])
    expect(repo.get('contacts', marcus.id)!.phones).toEqual([])
    expect(repo.get('contacts', marcus.id)!.tags).toEqual(['imported', 'vip'])
    expect(undo.keptEdits).toEqual([`${marcus.id}.tags`])
    expect(
      repo
        .list('contacts')
        .map((c) => c.name.display)
        .sort(),
    ).toEqual(['Dana Whitfield', 'Marcus Oyelaran'])
  })
})
