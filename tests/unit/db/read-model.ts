import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { unwrap, type Repo } from '../../../shared/doc'
import { createReadModel, startProjector, type ProjectorOptions, type ReadModel } from '../../../shared/db'
import { contact, replica, type Replica } from '../helpers/team'

/** A fresh, empty read model on its own fake IndexedDB. */
export function freshReadModel(name = 'rapport-test'): ReadModel {
  return createReadModel({ indexedDB: new IDBFactory(), IDBKeyRange }, name)
}

/** A device with its documents, its read model and a running projector. */
export async function device(actor: string, options: ProjectorOptions = {}) {
  const r: Replica = replica(actor)
  const db = freshReadModel()
  const projector = startProjector(r.docs, db, {
    onError: (e) => {
      throw e
    },
    ...options,
  })
  await projector.ready
  return { ...r, db, projector }
}

/** Creates one record in every collection and returns their ids. */
export function seedEveryCollection(repo: Repo) {
  const member = unwrap(repo.create('members', { name: 'Ana Ortiz', role: 'owner' })).id
  const source = unwrap(repo.create('sources', { name: 'Open house Elm St', kind: 'open-house' })).id
  const plan = unwrap(repo.create('plans', { name: '8x8', builtin: '8x8', steps: [] })).id
  const dana = unwrap(repo.create('contacts', contact())).id
  const sara = unwrap(
    repo.create(
      'contacts',
      contact({ name: { display: 'سارة العلي' }, emails: [], phones: [{ value: '050 123 4567' }], tags: [] }),
    ),
  ).id
  const referral = unwrap(
    repo.create('referrals', { referrerId: dana, referredId: sara, need: 'Buying a condo', receivedAt: 1 }),
  ).id
  const ids = {
    member,
    source,
    plan,
    dana,
    sara,
    referral,
    reward: unwrap(
      repo.create('rewards', {
        contactId: dana,
        referralId: referral,
        reason: 'referral-made',
        kind: 'card',
        cost: 500,
        day: '2026-01-05',
      }),
    ).id,
    intro: unwrap(
      repo.create('intros', { partyA: dana, partyB: sara, need: { text: 'A lender', urgency: 'soon' } }),
    ).id,
    enrollment: unwrap(
      repo.create('enrollments', { contactId: dana, planId: plan, startDay: '2026-01-05', memberId: member }),
    ).id,
    touch: unwrap(
      repo.create('touches', {
        contactId: dana,
        due: '2026-01-12',
        channel: 'call',
        title: 'Call',
        assignee: member,
      }),
    ).id,
    lead: unwrap(repo.create('leads', { contactId: sara, sourceId: source, entry: 'manual', receivedAt: 2 }))
      .id,
    cost: unwrap(
      repo.create('costs', { day: '2026-01-05', amount: 10_000, category: 'marketing', sourceId: source }),
    ).id,
    deal: unwrap(repo.create('deals', { contactId: sara, side: 'buyer' })).id,
    survey: unwrap(repo.create('surveys', { contactId: dana, day: '2026-01-06', score: 9 })).id,
    interaction: unwrap(repo.timeline.append({ contactId: dana, kind: 'call', at: 3, summary: 'Caught up' }))
      .id,
  }
  return ids
}
