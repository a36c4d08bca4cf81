import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import type { RecordOf } from '../../../shared/model'
import { markRewardGiven, rewardsLedger } from '../../../shared/referrals'
import { replica } from '../helpers/team'

const reward = (
  id: string,
  contactId: string,
  day: string,
  cost: number,
  extra: Partial<RecordOf<'rewards'>> = {},
) =>
  ({
    id,
    contactId,
    day,
    cost,
    reason: 'referral-made',
    kind: 'gift',
    description: '',
    given: false,
    created: { at: 0, by: 'ana' },
    stamp: { at: 0, by: 'ana' },
    ...extra,
  }) as RecordOf<'rewards'>

describe('rewardsLedger', () => {
  const records = [
    reward('r1', 'dana', '2026-01-05', 5000),
    reward('r2', 'sam', '2026-01-20', 2500, { given: true }),
    reward('r3', 'dana', '2026-02-01', 5000, { given: true }),
    reward('r4', 'lee', '2026-01-10', 0, { kind: 'thank-you' }),
    reward('r5', 'dana', '2026-01-07', 9999, { deleted: { at: 1, by: 'ana' } }),
  ]

  it('sums per contact (largest first) and overall, leaving deleted rewards out', () => {
    const l = rewardsLedger(records)
    expect(l.entries.map((e) => e.id)).toEqual(['r1', 'r4', 'r2', 'r3'])
    expect(l.byContact).toEqual([
      { contactId: 'dana', count: 2, cost: 10_000, given: 5000, pending: 5000 },
      { contactId: 'sam', count: 1, cost: 2500, given: 2500, pending: 0 },
      { contactId: 'lee', count: 1, cost: 0, given: 0, pending: 0 },
    ])
    expect(l.total).toEqual({ count: 4, cost: 12_500, given: 7500, pending: 5000 })
  })

  it('flags every reward that costs something for disclosure', () => {
    const l = rewardsLedger(records)
    expect(l.entries.map((e) => [e.id, e.disclosureRequired])).toEqual([
      ['r1', true],
      ['r4', false],
      ['r2', true],
      ['r3', true],
    ])
  })

  it('keeps only the rewards of a period, both ends included', () => {
    const l = rewardsLedger(records, { from: '2026-01-05', to: '2026-01-20' })
    expect(l.entries.map((e) => e.id)).toEqual(['r1', 'r4', 'r2'])
    expect(l.total.cost).toBe(7500)
  })

  it('reads a repository and records a reward as given', () => {
    const { repo } = replica('ana')
    const r = unwrap(
      repo.create('rewards', {
        contactId: 'dana',
        reason: 'other',
        kind: 'card',
        cost: 300,
        day: '2026-01-05',
      }),
    )
    unwrap(markRewardGiven(repo, r.id))
    expect(rewardsLedger(repo).total).toEqual({ count: 1, cost: 300, given: 300, pending: 0 })
  })
})
