import * as Y from 'yjs'
import { allDocs, createRepo, createTeamDocs, type Repo, type TeamDocs } from '../../../shared/doc'
import type { ContactInput } from '../../../shared/model'
import { createSequentialIds } from '../../../shared/model'

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 5, 9)) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) }
}

export interface Replica {
  actor: string
  docs: TeamDocs
  repo: Repo
  clock: ReturnType<typeof manualClock>
}

/** One device of a team: its own documents, clock and ids (prefixed by the actor, so unique). */
export function replica(actor: string, teamId = 'team-1', start?: number): Replica {
  const docs = createTeamDocs(teamId)
  const clock = manualClock(start)
  const repo = createRepo(docs, { clock, ids: createSequentialIds(actor), actor })
  return { actor, docs, repo, clock }
}

/** Brings `to` up to date with `from` (one direction), document by document. */
export function pull(to: Replica, from: Replica): void {
  const a = allDocs(to.docs)
  const b = allDocs(from.docs)
  a.forEach((doc, i) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(b[i]!, Y.encodeStateVector(doc)), 'sync'))
}

/** Full mesh sync until every replica has everything. */
export function syncAll(...replicas: Replica[]): void {
  for (const a of replicas) for (const b of replicas) if (a !== b) pull(a, b)
}

/** Records every update a replica's documents emit, to deliver later in any order. */
export function recordUpdates(r: Replica): { doc: number; update: Uint8Array }[] {
  const log: { doc: number; update: Uint8Array }[] = []
  allDocs(r.docs).forEach((doc, i) =>
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'sync') log.push({ doc: i, update })
    }),
  )
  return log
}

/** The whole state of a replica as one update per document, to seed fresh replicas. */
export function baseline(r: Replica): { doc: number; update: Uint8Array }[] {
  return allDocs(r.docs).map((doc, i) => ({ doc: i, update: Y.encodeStateAsUpdate(doc) }))
}

/** Applies recorded updates to a replica. */
export function deliver(to: Replica, updates: { doc: number; update: Uint8Array }[]): void {
  const docs = allDocs(to.docs)
  for (const u of updates) Y.applyUpdate(docs[u.doc]!, u.update, 'sync')
}

/** A realistic contact input; override any field. */
export function contact(overrides: Partial<ContactInput> = {}): ContactInput {
  return {
    name: { display: 'Dana Whitfield', given: 'Dana', family: 'Whitfield' },
    emails: [{ value: 'dana.whitfield@example.com', label: 'home' }],
    phones: [{ value: '+15035550142', label: 'mobile' }],
    work: { organisation: 'Cascade Lending', title: 'Loan Officer' },
    class: { met: true, relationshipType: 'allied-resource', circles: ['vendors'] },
    tags: ['lender'],
    ...overrides,
  }
}

/** Every permutation of `items` (for merge-in-every-order tests). */
export function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]),
  )
}

/** JSON with object keys sorted: Y.Map keys list in arrival order, which differs by device. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/** A canonical JSON snapshot of everything a replica's repository can read. */
export function snapshot(r: Replica) {
  const { repo } = r
  return stableJson({
    contacts: repo.list('contacts', { includeDeleted: true }),
    referrals: repo.list('referrals', { includeDeleted: true }),
    members: repo.list('members', { includeDeleted: true }),
    interactions: repo.timeline.list(),
    optOuts: [...repo.optOutStates().entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    settings: repo.settings.get(),
  })
}
