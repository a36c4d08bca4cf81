import { describe, expect, it } from 'vitest'
import {
  createIntro,
  introEmailDraft,
  recordConsent,
  setChecklist,
  setRelevance,
  sharedSummary,
} from '../../../shared/care'
import { unwrap } from '../../../shared/doc'
import { pull, replica, syncAll } from '../helpers/team'
import { mortgageNeed, people } from './fixtures'

const NO_B = {
  path: 'consentB',
  message: 'Party B has not consented yet: their details cannot be shared with party A',
}
const NO_A = {
  path: 'consentA',
  message: 'Party A has not consented yet: their details cannot be shared with party B',
}

function intro() {
  const p = people()
  const i = unwrap(
    createIntro(p.a.repo, { partyA: p.sam.id, partyB: p.dana.id, need: mortgageNeed, exitDays: 14 }),
  )
  return { ...p, id: i.id }
}

describe('the privacy rule', () => {
  it('refuses the draft and the summary, whole, until both consented', () => {
    const { a, id } = intro()
    expect(introEmailDraft(a.repo, id, { agentName: 'Ana Lopez' })).toEqual({
      ok: false,
      problems: [NO_A, NO_B],
    })
    expect(sharedSummary(a.repo, id)).toEqual({ ok: false, problems: [NO_A, NO_B] })
    unwrap(recordConsent(a.repo, id, 'A', { how: 'call' }))
    // A agreed, B did not: nothing of B reaches A, and no partial draft either
    expect(introEmailDraft(a.repo, id, { agentName: 'Ana Lopez' })).toEqual({ ok: false, problems: [NO_B] })
    expect(sharedSummary(a.repo, id)).toEqual({ ok: false, problems: [NO_B] })
  })

  it('after both consents, introduces them by name, need, preferred contact and best time', () => {
    const { a, id } = intro()
    unwrap(setRelevance(a.repo, id, 'Dana specialises in first-time buyers'))
    unwrap(setChecklist(a.repo, id, { preferredContactA: 'text: +1 503 555 0177', bestTimeA: 'after 6pm' }))
    unwrap(setChecklist(a.repo, id, { bestTimeB: 'weekday mornings' }))
    unwrap(recordConsent(a.repo, id, 'B', { how: 'email' }))
    unwrap(recordConsent(a.repo, id, 'A', { how: 'call' }))
    const draft = unwrap(introEmailDraft(a.repo, id, { agentName: 'Ana Lopez' }))
    expect(draft.to).toEqual(['sam.ortiz@example.com', 'dana.whitfield@example.com'])
    expect(draft.subject).toBe('Introduction: Sam Ortiz and Dana Whitfield')
    expect(draft.body).toBe(
      [
        'Hi Sam and Dana,',
        '',
        'As promised, I am delighted to introduce you to each other — thank you both for agreeing to it.',
        '',
        'Sam Ortiz is looking for help right away: a pre-approval for a first home. ' +
          'You can reach Sam by text: +1 503 555 0177, best after 6pm.',
        'Dana Whitfield is a great fit: Dana specialises in first-time buyers. ' +
          'You can reach Dana by email: dana.whitfield@example.com, best weekday mornings.',
        '',
        'I will let you take it from here, and check in with you both in 14 days.',
        '',
        'Warm regards,',
        'Ana Lopez',
      ].join('\n'),
    )
    const summary = unwrap(sharedSummary(a.repo, id))
    expect(summary.parties.map((p) => [p.name, p.preferredContact, p.bestTime])).toEqual([
      ['Sam Ortiz', 'text: +1 503 555 0177', 'after 6pm'],
      ['Dana Whitfield', 'email: dana.whitfield@example.com', 'weekday mornings'],
    ])
  })

  it('refuses a draft to a party who opted out of email, and a draft with no signature', () => {
    const { a, dana, id } = intro()
    unwrap(recordConsent(a.repo, id, 'A', { how: 'call' }))
    unwrap(recordConsent(a.repo, id, 'B', { how: 'call' }))
    expect(introEmailDraft(a.repo, id, { agentName: ' ' })).toEqual({
      ok: false,
      problems: [{ path: 'agentName', message: 'the email needs the agent name to sign it' }],
    })
    unwrap(a.repo.optOut(dana.id, { channel: 'email' }))
    expect(introEmailDraft(a.repo, id, { agentName: 'Ana' })).toEqual({
      ok: false,
      problems: [
        { path: 'partyB', message: 'Dana Whitfield has opted out of email: do not send this introduction' },
      ],
    })
  })

  it('consents recorded on two devices allow the draft on each only once it has merged both', () => {
    const { a, id } = intro()
    const b = replica('ben')
    syncAll(a, b)
    unwrap(recordConsent(a.repo, id, 'A', { how: 'call' }))
    unwrap(recordConsent(b.repo, id, 'B', { how: 'in-person' }))
    // each device knows one consent: neither may draft
    expect(introEmailDraft(a.repo, id, { agentName: 'Ana' })).toEqual({ ok: false, problems: [NO_B] })
    expect(introEmailDraft(b.repo, id, { agentName: 'Ben' })).toEqual({ ok: false, problems: [NO_A] })
    // a has merged b's consent; b has not merged a's yet
    pull(a, b)
    expect(introEmailDraft(a.repo, id, { agentName: 'Ana' }).ok).toBe(true)
    expect(introEmailDraft(b.repo, id, { agentName: 'Ben' })).toEqual({ ok: false, problems: [NO_A] })
    syncAll(a, b)
    for (const r of [a, b]) {
      const i = r.repo.get('intros', id)!
      expect([i.consentA?.by, i.consentB?.by]).toEqual(['ana', 'ben'])
      expect(introEmailDraft(r.repo, id, { agentName: 'Ana' }).ok).toBe(true)
    }
  })
})
