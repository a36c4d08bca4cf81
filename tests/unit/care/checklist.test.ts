import { describe, expect, it } from 'vitest'
import { careChecklist, goodReferralCompleteness, parsePreferredContact } from '../../../shared/care'
import type { RecordOf } from '../../../shared/model'

const T0 = Date.UTC(2026, 0, 5, 9)

const intro = (over: Partial<RecordOf<'intros'>> = {}) =>
  ({
    id: 'i1',
    partyA: 'sam',
    partyB: 'dana',
    need: { text: 'a pre-approval', urgency: 'now' },
    outcome: 'pending',
    checklist: {},
    created: { at: T0, by: 'ana' },
    stamp: { at: T0, by: 'ana' },
    ...over,
  }) as RecordOf<'intros'>

const status = (i: RecordOf<'intros'>) => careChecklist(i).map((x) => `${x.label}: ${x.status} — ${x.why}`)

describe('careChecklist', () => {
  it('a fresh intro: consent, relevance and exit missing', () => {
    expect(status(intro())).toEqual([
      'Consent: missing — Party A and party B have not consented yet: ask each separately and privately',
      'Actual: done — The need is immediate: a pre-approval',
      'Relevant: missing — Say why this introduction helps both sides',
      'Exit & evaluate: missing — Plan when to step back in and record whether it worked',
    ])
  })

  it('a need for later is not actual; one consent is not consent', () => {
    const i = intro({
      need: { text: 'a move in two years', urgency: 'later' },
      consentA: { at: T0, how: 'call', by: 'ana' },
      exit: { followUpDays: 10 },
    })
    expect(status(i)).toEqual([
      'Consent: missing — Party B has not consented yet: ask each separately and privately',
      'Actual: missing — The need is not immediate or imminent: wait until it is',
      'Relevant: missing — Say why this introduction helps both sides',
      'Exit & evaluate: missing — A follow-up after 10 days is planned; it is scheduled once both have consented',
    ])
  })

  it('all four done, then evaluated', () => {
    const i = intro({
      need: { text: 'a pre-approval', urgency: 'soon' },
      consentA: { at: T0, how: 'call', by: 'ana' },
      consentB: { at: T0 + 86_400_000, how: 'email', by: 'ben' },
      relevance: 'Dana lends to first-time buyers',
      exit: { followUpDays: 14, touchId: 'i1:exit' },
    })
    expect(status(i)).toEqual([
      'Consent: done — Both agreed separately: A by call on 2026-01-05, B by email on 2026-01-06',
      'Actual: done — The need is imminent: a pre-approval',
      'Relevant: done — Dana lends to first-time buyers',
      'Exit & evaluate: done — Follow-up planned 14 days after both consented; outcome pending',
    ])
    expect(careChecklist({ ...i, outcome: 'did-not' })[3].why).toBe('Evaluated: did-not')
  })
})

describe('goodReferralCompleteness', () => {
  it('an empty checklist has only who was referred', () => {
    const c = goodReferralCompleteness(intro())
    expect([c.filled, c.total]).toEqual([1, 10])
    expect(c.missing.map((m) => m.key)).toEqual([
      'contactMethodA',
      'contactDetailsA',
      'contactMethodB',
      'contactDetailsB',
      'bestTimeA',
      'bestTimeB',
      'productOrService',
      'howToBook',
      'budget',
    ])
  })

  it('needs the method AND the details of every party', () => {
    const c = goodReferralCompleteness(
      intro({
        checklist: {
          preferredContactA: 'text: +1 503 555 0177',
          preferredContactB: 'email',
          bestTimeA: 'evenings',
          productOrService: 'FHA loan',
          howToBook: 'Calendly link',
          budget: ' ',
        },
      }),
    )
    expect([c.filled, c.total]).toEqual([7, 10])
    expect(c.missing.map((m) => m.label)).toEqual([
      'Party B: contact details',
      'Party B: best time to reach',
      'Budget',
    ])
  })

  it('a full checklist is ten of ten', () => {
    const c = goodReferralCompleteness(
      intro({
        checklist: {
          preferredContactA: 'call 503-555-0177',
          preferredContactB: 'Email — dana@example.com',
          bestTimeA: 'evenings',
          bestTimeB: 'mornings',
          productOrService: 'FHA loan',
          howToBook: 'Calendly link',
          budget: '$450k',
        },
      }),
    )
    expect(c).toEqual({ filled: 10, total: 10, missing: [] })
  })

  it('parses a preferred contact as method and details', () => {
    expect(parsePreferredContact('Email — dana@example.com')).toEqual({
      method: 'email',
      details: 'dana@example.com',
    })
    expect(parsePreferredContact('text')).toEqual({ method: 'text', details: undefined })
    expect(parsePreferredContact('dana@example.com')).toEqual({ details: 'dana@example.com' })
    expect(parsePreferredContact(undefined)).toEqual({ details: undefined })
  })
})
