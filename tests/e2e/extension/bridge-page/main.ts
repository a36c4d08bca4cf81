/**
 * A stand-in for the app in the extension's end-to-end tests: one team's documents in memory, the
 * page side of the bridge exactly as the app uses it, and a plain list of what the documents hold.
 * `?seed` adds a known contact (Dana) with a plan, a touch and a referrer, and two team members.
 */
import { allDocs, createRepo, createTeamDocs, unwrap, type Repo } from '../../../../shared/doc'
import { createSequentialIds } from '../../../../shared/model'
import { startSyncSession, type SyncSession } from '../../../../shared/sync'
import { createPageBridgeTransport, onBridgeAnnounce } from '../../../../shared/sync/bridge-transport'

const params = new URLSearchParams(location.search)
const docs = createTeamDocs(params.get('team') ?? 'team-e2e')
const repo = createRepo(docs, {
  clock: { now: () => Date.now() },
  ids: createSequentialIds('app'),
  actor: 'member-sam',
})
let session: SyncSession | undefined
let announces = 0
/** When each contact first showed up in the page's documents (`Date.now()`), by id. */
const seenAt = new Map<string, number>()

if (params.has('seed')) seed(repo)

onBridgeAnnounce(window, () => {
  announces++
  session ??= startSyncSession(docs, createPageBridgeTransport(window), { onStatus: render })
  render()
})

for (const doc of allDocs(docs)) doc.on('update', () => render())
render()

function render() {
  for (const c of repo.list('contacts')) if (!seenAt.has(c.id)) seenAt.set(c.id, Date.now())
  const status = document.querySelector('#status')!
  status.textContent = session
    ? `Bridge announced ${announces}×; ${session.status.isSynced ? 'synced' : 'syncing'} with the extension`
    : 'Waiting for the extension’s bridge…'
  document.querySelector('#contacts')!.replaceChildren(
    ...repo.list('contacts').map((c) => {
      const li = document.createElement('li')
      li.dataset.contact = c.id
      li.textContent = `${c.name.display} — ${c.emails.map((e) => e.value).join(', ') || 'no email'}${c.work.organisation ? `, ${c.work.organisation}` : ''}`
      return li
    }),
  )
  document.querySelector('#intros')!.replaceChildren(
    ...repo.list('intros').map((i) => {
      const li = document.createElement('li')
      const name = (id: string) => repo.get('contacts', id)?.name.display ?? id
      li.textContent = `${name(i.partyA)} ↔ ${name(i.partyB)}: ${i.need.text} (consents: ${i.consentA ? 'A' : '–'}/${i.consentB ? 'B' : '–'})`
      return li
    }),
  )
}

function seed(r: Repo) {
  unwrap(
    r.create(
      'members',
      { name: 'Jane Doe', role: 'agent', email: 'jane.doe@harborrealty.com' },
      { id: 'member-jane' },
    ),
  )
  unwrap(r.create('members', { name: 'Sam Lee', role: 'owner' }, { id: 'member-sam' }))
  const plan = unwrap(r.create('plans', { name: '33 Touch', steps: [] }))
  const sam = unwrap(
    r.create('contacts', { name: { display: 'Sam Patel' }, emails: [{ value: 'sam.patel@gmail.com' }] }),
  )
  const dana = unwrap(
    r.create('contacts', {
      name: { display: 'Dana Whitfield', given: 'Dana', family: 'Whitfield' },
      emails: [{ value: 'dana.whitfield@gmail.com', label: 'home' }],
      class: { met: true, relationshipType: 'core-advocate', circles: ['clients'] },
      source: { kind: 'referral', referredBy: sam.id },
      notes: 'Bought on Elm St in 2023.',
    }),
  )
  unwrap(
    r.create('enrollments', {
      contactId: dana.id,
      planId: plan.id,
      startDay: '2026-01-05',
      memberId: 'member-jane',
    }),
  )
  unwrap(
    r.timeline.append({
      contactId: dana.id,
      kind: 'call',
      at: Date.UTC(2026, 0, 12, 15),
      summary: 'Catch-up call',
    }),
  )
}

/** What the tests read of the page's documents. */
declare global {
  interface Window {
    rapportBridgeTest: {
      contacts(): {
        id: string
        name: string
        emails: string[]
        phones: string[]
        source?: string
        title?: string
      }[]
      intros(): {
        partyA: string
        partyB: string
        need: string
        consentA: unknown
        consentB: unknown
        requestedBy?: string
      }[]
      interactions(): { contactId: string; kind: string; subject?: string; link?: string }[]
      isSynced(): boolean
      seenAt(id: string): number | undefined
    }
  }
}
window.rapportBridgeTest = {
  contacts: () =>
    repo.list('contacts').map((c) => ({
      id: c.id,
      name: c.name.display,
      emails: c.emails.map((e) => e.value),
      phones: c.phones.map((p) => p.value),
      source: c.source?.kind,
      title: c.work.title,
    })),
  intros: () =>
    repo.list('intros').map((i) => ({
      partyA: i.partyA,
      partyB: i.partyB,
      need: i.need.text,
      consentA: i.consentA ?? null,
      consentB: i.consentB ?? null,
      requestedBy: i.requestedBy,
    })),
  interactions: () =>
    repo.timeline.list().map(({ contactId, kind, subject, link }) => ({ contactId, kind, subject, link })),
  isSynced: () => session?.status.isSynced ?? false,
  seenAt: (id) => seenAt.get(id),
}
