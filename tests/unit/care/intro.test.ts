import { describe, expect, it } from 'vitest'
import { createIntro, recordConsent, setChecklist, setRelevance } from '../../../shared/care'
import { unwrap } from '../../../shared/doc'
import { mortgageNeed, people } from './fixtures'

const T0 = Date.UTC(2026, 0, 5, 9)

describe('createIntro', () => {
  it('starts an intro with no consent assumed', () => {
    const { a, sam, dana } = people()
    const intro = unwrap(
      createIntro(a.repo, { partyA: sam.id, partyB: dana.id, need: mortgageNeed, exitDays: 14 }),
    )
    expect(intro).toMatchObject({
      partyA: sam.id,
      partyB: dana.id,
      outcome: 'pending',
      exit: { followUpDays: 14 },
    })
    expect(intro.consentA).toBeUndefined()
    expect(intro.consentB).toBeUndefined()
  })

  it('refuses A = B, unknown, deleted and opted-out parties, and an unknown requester', () => {
    const { a, sam, dana, priya } = people()
    const make = (over: object) =>
      createIntro(a.repo, { partyA: sam.id, partyB: dana.id, need: mortgageNeed, ...over })
    expect(make({ partyB: sam.id })).toEqual({
      ok: false,
      problems: [{ path: 'partyB', message: 'an introduction needs two different people' }],
    })
    expect(make({ partyA: 'ghost' })).toEqual({
      ok: false,
      problems: [{ path: 'partyA', message: 'no contact ghost' }],
    })
    expect(make({ requestedBy: 'ghost' })).toEqual({
      ok: false,
      problems: [{ path: 'requestedBy', message: 'no contact ghost' }],
    })
    expect(!make({ need: { text: '', urgency: 'now' } }).ok).toBe(true)
    unwrap(a.repo.remove('contacts', priya.id))
    expect(make({ partyB: priya.id })).toEqual({
      ok: false,
      problems: [{ path: 'partyB', message: 'contact Priya Raman is deleted' }],
    })
    unwrap(a.repo.optOut(dana.id))
    expect(make({})).toEqual({
      ok: false,
      problems: [
        { path: 'partyB', message: 'Dana Whitfield has opted out of all contact: they cannot be introduced' },
      ],
    })
    expect(a.repo.list('intros')).toHaveLength(0)
  })

  it('allows a party who opted out of one channel only', () => {
    const { a, sam, dana } = people()
    unwrap(a.repo.optOut(dana.id, { channel: 'mail' }))
    expect(createIntro(a.repo, { partyA: sam.id, partyB: dana.id, need: mortgageNeed }).ok).toBe(true)
  })
})

describe('recordConsent', () => {
  it('records each party separately, attributed to the member at the clock time', () => {
    const { a, sam, dana } = people()
    const intro = unwrap(createIntro(a.repo, { partyA: sam.id, partyB: dana.id, need: mortgageNeed }))
    const one = unwrap(
      recordConsent(a.repo, intro.id, 'A', { how: 'call', note: 'Happy to talk to a lender' }),
    )
    expect(one.consentA).toEqual({ at: T0, how: 'call', by: 'ana', note: 'Happy to talk to a lender' })
    expect(one.consentB).toBeUndefined()
    a.clock.advance(3_600_000)
    const two = unwrap(recordConsent(a.repo, intro.id, 'B', { how: 'email' }))
    expect(two.consentB).toEqual({ at: T0 + 3_600_000, how: 'email', by: 'ana' })
    expect(a.repo.timeline.list(sam.id).map((e) => e.summary)).toEqual([
      'Agreed (call) to be introduced to Dana Whitfield',
    ])
  })

  it('keeps a consent already recorded and refuses bad input', () => {
    const { a, sam, dana } = people()
    const intro = unwrap(createIntro(a.repo, { partyA: sam.id, partyB: dana.id, need: mortgageNeed }))
    unwrap(recordConsent(a.repo, intro.id, 'A', { how: 'call' }))
    a.clock.advance(1000)
    expect(unwrap(recordConsent(a.repo, intro.id, 'A', { how: 'text' })).consentA).toMatchObject({
      how: 'call',
      at: T0,
    })
    expect(!recordConsent(a.repo, intro.id, 'B', { how: 'telepathy' as never }).ok).toBe(true)
    expect(recordConsent(a.repo, intro.id, 'C' as never, { how: 'call' })).toEqual({
      ok: false,
      problems: [{ path: 'party', message: 'the party must be A or B' }],
    })
    expect(!recordConsent(a.repo, 'nope', 'A', { how: 'call' }).ok).toBe(true)
  })

  it('refuses the consent of a party who has since opted out of all contact', () => {
    const { a, sam, dana } = people()
    const intro = unwrap(createIntro(a.repo, { partyA: sam.id, partyB: dana.id, need: mortgageNeed }))
    unwrap(a.repo.optOut(dana.id))
    expect(recordConsent(a.repo, intro.id, 'B', { how: 'call' })).toEqual({
      ok: false,
      problems: [
        {
          path: 'party',
          message: 'party B has opted out of all contact: record an opt-in before their consent',
        },
      ],
    })
  })
})

describe('setRelevance and setChecklist', () => {
  it('set relevance and merge checklist items', () => {
    const { a, sam, dana } = people()
    const intro = unwrap(createIntro(a.repo, { partyA: sam.id, partyB: dana.id, need: mortgageNeed }))
    expect(unwrap(setRelevance(a.repo, intro.id, '  Dana closes FHA loans fast ')).relevance).toBe(
      'Dana closes FHA loans fast',
    )
    expect(!setRelevance(a.repo, intro.id, ' ').ok).toBe(true)
    unwrap(setChecklist(a.repo, intro.id, { budget: '$450k' }))
    const after = unwrap(setChecklist(a.repo, intro.id, { bestTimeA: 'weekday evenings' }))
    expect(after.checklist).toEqual({ budget: '$450k', bestTimeA: 'weekday evenings' })
  })
})
