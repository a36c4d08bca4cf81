import 'fake-indexeddb/auto'
import { fakeBrowser } from 'wxt/testing'
import { createRepo, type Repo } from '../../../shared/doc'
import { createSequentialIds, type PersonDraft } from '../../../shared/model'
import { createCaptureQueue } from '../../../extension/lib/capture/queue'
import { createRecentCaptures } from '../../../extension/lib/capture/recent'
import { createCaptureService, type CaptureServiceDeps } from '../../../extension/lib/capture/service'
import type { CaptureRequest } from '../../../extension/lib/messages'
import { openTeamReplica, type TeamReplica } from '../../../extension/lib/replica'
import type { StorageArea } from '../../../extension/lib/settings'

let teams = 0
/** A team id no other test used: every test shares fake-indexeddb's global factory. */
export const freshTeamId = () => `team-${process.pid}-${++teams}-${Date.now()}`

/** The fake `storage.local` (call `fakeBrowser.reset()` in `beforeEach`). */
export const area = () => fakeBrowser.storage.local as unknown as StorageArea

/** A replica as the background opens it, on fake-indexeddb. */
export function replicaOf(teamId: string): TeamReplica {
  return openTeamReplica(teamId, {
    idb: { indexedDB, IDBKeyRange },
    defaultCountry: 'US',
    onError: (e) => {
      throw e
    },
  })
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 2, 5, 9)) {
  let t = start
  return { now: () => t, advance: (ms: number) => (t += ms) }
}

/** A capture service over a replica (or none), the fake storage area and deterministic ids. */
export function serviceFor(replica: TeamReplica | undefined, overrides: Partial<CaptureServiceDeps> = {}) {
  const queue = createCaptureQueue(area())
  const recent = createRecentCaptures(area())
  const clock = manualClock()
  const saved: number[] = []
  const service = createCaptureService({
    queue,
    recent,
    team: async () => replica,
    actor: async () => ({ actor: 'member-jane', owner: 'member-jane' }),
    country: async () => 'US',
    clock,
    ids: createSequentialIds(`x${++teams}`),
    onSaved: () => saved.push(clock.now()),
    onError: () => {},
    ...overrides,
  })
  return { service, queue, recent, clock, saved }
}

/** The loaded replica's repository, writing as another member of the team (the app on a laptop). */
export async function repoOf(replica: TeamReplica, actor = 'member-sam'): Promise<Repo> {
  const { docs } = await replica.load()
  return createRepo(docs, {
    clock: manualClock(Date.UTC(2026, 0, 10)),
    ids: createSequentialIds(actor),
    actor,
  })
}

/** A person as capture returns them; override any field. */
export function draft(overrides: Partial<PersonDraft> = {}): PersonDraft {
  return {
    givenName: 'Dana',
    familyName: 'Whitfield',
    displayName: 'Dana Whitfield',
    emails: [{ value: 'dana.whitfield@gmail.com' }],
    phones: [],
    addresses: [],
    websites: [],
    tags: [],
    ...overrides,
  }
}

let requests = 0
/** A capture request from Gmail; override any field. */
export function request(overrides: Partial<CaptureRequest> = {}): CaptureRequest {
  return {
    id: `req-${++requests}`,
    source: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/18e27b3c4d5e6f70',
    people: [draft()],
    thread: {
      subject: 'Intro: Dana ↔ Omar (mortgage pre-approval)',
      link: 'https://mail.google.com/mail/u/0/#inbox/18e27b3c4d5e6f70',
    },
    ...overrides,
  }
}
