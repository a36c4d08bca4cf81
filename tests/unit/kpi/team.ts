import {
  at,
  contact,
  cost,
  deal,
  enrollment,
  lead,
  referral,
  reward,
  snapshot,
  source,
  survey,
} from './records'

/** The review period of the hand-computed team: Q1 2024, 31 + 29 + 31 = 91 days. */
export const Q1 = { from: '2024-01-01', to: '2024-03-31' }

/** A small team whose every figure is worked out by hand in dashboard.test.ts. */
export function team() {
  return snapshot({
    sources: [source({ id: 's1' }), source({ id: 's2' })],
    contacts: [
      contact({ id: 'c1', source: { kind: 'referral', sourceId: 's2' } }),
      contact({ id: 'c2' }),
      contact({ id: 'c3' }),
      contact({ id: 'c4' }),
      contact({ id: 'c5', created: at('2024-03-31', 23) }),
      contact({ id: 'c6', created: at('2024-04-02') }), // after the period's end
      contact({ id: 'c7', isDeleted: true }),
    ],
    referrals: [
      referral({ id: 'r1', relationshipType: 'advocate', receivedAt: at('2024-01-10'), sourceId: 's1' }),
      referral({
        id: 'r2',
        relationshipType: 'allied-resource',
        stage: 'closed',
        receivedAt: at('2024-02-15'),
        sourceId: 's1',
      }),
      referral({ id: 'r3', receivedAt: at('2024-03-31', 23, 59) }), // last day counts; type 'other'
      referral({ id: 'r4', receivedAt: at('2024-04-01', 0) }), // the day after
      referral({ id: 'r5', receivedAt: at('2023-12-31', 23, 59) }), // the day before
      referral({ id: 'r6', receivedAt: at('2024-01-20'), isDeleted: true }),
    ],
    deals: [
      deal({ id: 'd1', contactId: 'c1', closedOn: '2024-01-20', income: 300_000, sourceId: 's1' }),
      deal({ id: 'd2', contactId: 'c1', closedOn: '2024-02-20', income: 500_000 }), // s2 via c1
      deal({ id: 'd3', contactId: 'c2', closedOn: '2024-03-05', income: 100_000, referralId: 'r2' }), // s1 via r2
      deal({ id: 'd4', contactId: 'c3', closedOn: '2024-02-01' }), // income unknown
      deal({ id: 'd5', contactId: 'c2', closedOn: '2023-11-01', income: 999 }), // c2 was already a client
      deal({ id: 'd6', contactId: 'c4', status: 'open' }),
      deal({ id: 'd7', contactId: 'c4', closedOn: '2024-01-05', income: 1, isDeleted: true }),
      // Listings taken (dated by creation): 3 seller, 2 buyer in Q1, 1 seller before.
      deal({ contactId: 'c4', status: 'open', side: 'seller', listing: true, created: at('2024-01-03') }),
      deal({ contactId: 'c4', status: 'open', side: 'seller', listing: true, created: at('2024-02-03') }),
      deal({ contactId: 'c4', status: 'lost', side: 'seller', listing: true, created: at('2024-03-03') }),
      deal({ contactId: 'c4', status: 'open', side: 'buyer', listing: true, created: at('2024-01-04') }),
      deal({ contactId: 'c4', status: 'open', side: 'buyer', listing: true, created: at('2024-03-30') }),
      deal({ contactId: 'c4', status: 'open', side: 'seller', listing: true, created: at('2023-12-30') }),
    ],
    costs: [
      cost({ day: '2024-01-05', amount: 50_000, category: 'marketing', sourceId: 's1' }),
      cost({ day: '2024-02-10', amount: 20_000, category: 'software' }),
      cost({ day: '2024-04-01', amount: 99_999, category: 'marketing', sourceId: 's1' }),
      cost({ day: '2024-01-06', amount: 77_777, isDeleted: true }),
    ],
    rewards: [
      reward({ day: '2024-01-12', cost: 10_000, referralId: 'r1' }), // s1 via r1
      reward({ day: '2023-12-01', cost: 5_000 }),
    ],
    leads: [
      lead({ receivedAt: at('2024-01-02', 9), firstContactAt: at('2024-01-02', 10) }), // 1 h
      lead({ receivedAt: at('2024-01-03', 9), firstContactAt: at('2024-01-03', 12) }), // 3 h
      lead({ receivedAt: at('2024-01-04', 9) }), // not contacted yet
      lead({ receivedAt: at('2024-02-01', 9), firstContactAt: at('2024-02-01', 8, 50) }), // before: 0
      lead({ receivedAt: at('2024-05-01', 9), firstContactAt: at('2024-05-01', 10) }), // outside
    ],
    surveys: [
      ...[10, 9, 8, 7, 6, 0, 10].map((score) => survey({ score, day: '2024-02-01' })),
      survey({ score: 0, day: '2024-04-01' }),
      survey({ score: 0, day: '2024-02-01', isDeleted: true }),
    ],
    enrollments: [
      enrollment({ status: 'completed', stamp: at('2024-01-15') }),
      enrollment({ status: 'completed', stamp: at('2024-03-15') }),
      enrollment({ status: 'stopped', stamp: at('2024-02-15') }),
      enrollment({ status: 'active', stamp: at('2024-02-15') }),
      enrollment({ status: 'completed', stamp: at('2024-04-15') }),
    ],
  })
}
