// The sync test page: one device of a team (its documents, a repository) and the WebRTC sync of
// shared/sync, driven by the e2e tests through `window.rapportTest`. Bundled by esbuild (harness.ts).
import * as Y from 'yjs'
import {
  allDocs,
  createRepo,
  createTeamDocs,
  installFastStrings,
  shardOf,
  unwrap,
  type Repo,
  type TeamDocs,
} from '../../../shared/doc'
import { createIdSource } from '../../../shared/model'
import { deriveKeys } from '../../../shared/sync'
import {
  acceptPairingOffer,
  createPairingOffer,
  type PairingOffer,
  type PairingOptions,
} from '../../../shared/sync/pairing'
import type { PeerLink } from '../../../shared/sync/peer-link'
import { joinTeamSync, type TeamSync } from '../../../shared/sync/webrtc-peers'
import { openStockRooms, type StockRooms } from '../../../pwa/services/open-rooms'
import type { PairingStep, RapportTest } from './page-api'
import { decodeTeamFile } from './team-file'
import { rawChannel, sharedNow } from './raw-channel'

installFastStrings() // as the app does
let docs: TeamDocs
let repo: Repo
let sync: TeamSync | null = null
let offer: PairingOffer | null = null
let link: PeerLink | null = null
let stockRooms: StockRooms | null = null
const times = {
  joinAt: null as number | null,
  openAt: null as number | null,
  syncedAt: null as number | null,
}
let seen: { at: number | null; stop: () => void } = { at: null, stop: () => {} }
const vectorOf = (doc: Y.Doc) => Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc)))
const covers = (doc: Y.Doc, expected: Record<number, number>) =>
  Object.entries(expected).every(([client, clock]) => Y.getState(doc.store, Number(client)) >= clock)
const errors: string[] = []
const onError = (e: Error) => void errors.push(`${e.name}: ${e.message}`)
const compression = { CompressionStream, DecompressionStream }

const refused = (r: { reason: string; problems: { message: string }[] }): PairingStep => ({
  ok: false,
  reason: r.reason,
  message: r.problems[0]?.message ?? '',
})

function pairingOptions(secret: string | null): PairingOptions {
  return { docs, secret: secret ?? undefined, RTCPeerConnection, compression, onError }
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )
}

const api: RapportTest = {
  init(teamId, actor) {
    docs = createTeamDocs(teamId)
    repo = createRepo(docs, { clock: { now: () => Date.now() }, ids: createIdSource(), actor })
  },
  async join(secret, signalingUrl, options = {}) {
    sync?.stop()
    times.joinAt = sharedNow()
    times.openAt = null
    const keys = await deriveKeys(secret)
    if (options.updateKeyFrom) keys.updateKey = (await deriveKeys(options.updateKeyFrom)).updateKey
    sync = await joinTeamSync({
      docs,
      keys,
      signalingUrls: [signalingUrl],
      RTCPeerConnection,
      WebSocket,
      onError,
      compression: options.plain ? undefined : compression,
      sendBufferBytes: options.sendBufferBytes,
    })
    sync.onChange((s) => {
      if (times.openAt === null && s.peers.some((p) => p.state === 'open' || p.state === 'connected'))
        times.openAt = sharedNow()
    })
    return sync.peerId
  },
  leave() {
    sync?.stop()
    sync = null
  },
  peers: () => sync?.peers ?? [],
  async openRooms(secret, signalingUrl) {
    stockRooms?.close()
    stockRooms = await openStockRooms(docs, secret, [signalingUrl])
  },
  closeRooms() {
    stockRooms?.close()
    stockRooms = null
  },
  stockPeers: () => stockRooms?.peers() ?? 0,
  async pairOffer(secret) {
    offer?.cancel()
    const r = await createPairingOffer(pairingOptions(secret))
    if (!r.ok) return refused(r)
    offer = r.value
    return { ok: true, code: offer.code }
  },
  async pairAccept(secret, offerCode) {
    const r = await acceptPairingOffer(offerCode, pairingOptions(secret))
    if (!r.ok) return refused(r)
    link = r.value.link
    return { ok: true, code: r.value.answerCode }
  },
  async pairComplete(answerCode) {
    if (!offer) throw new Error('no pairing offer on this page')
    const r = await offer.completePairing(answerCode)
    if (!r.ok) return refused(r)
    link = r.value
    offer = null
    return { ok: true, code: '' }
  },
  pairStatus: () => link?.status ?? null,
  unpair() {
    link?.stop()
    link = null
  },
  createContact: (name) => unwrap(repo.create('contacts', { name: { display: name } })).id,
  renameContact(id, name) {
    unwrap(repo.update('contacts', id, { name: { display: name } }))
  },
  optOut(id) {
    unwrap(repo.optOut(id, { reason: 'asked by phone' }))
  },
  contacts: () =>
    repo.list('contacts').map((c) => ({
      id: c.id,
      name: c.name.display,
      isOptedOut: repo.optOutState(c.id).isOptedOut,
    })),
  async seed(n) {
    for (let done = 0; done < n;) {
      const size = Math.min(500, n - done)
      repo.batch(() => {
        for (let i = done; i < done + size; i++) {
          unwrap(
            repo.create('contacts', {
              name: { display: `Seeded Person ${i}`, given: 'Seeded', family: `Person ${i}` },
              emails: [{ value: `person.${i}@example.com`, label: 'work' }],
              phones: [{ value: `+1503555${String(i % 10_000).padStart(4, '0')}`, label: 'mobile' }],
              tags: ['seeded', `cohort-${i % 20}`],
              notes: `Met at the spring open house; interested in a ${2 + (i % 4)}-bedroom near the park.`,
            }),
          )
        }
      })
      done += size
      await new Promise((resolve) => setTimeout(resolve, 0)) // let the page breathe between batches
    }
    return api.count()
  },
  count: () => repo.list('contacts').length,
  async digest() {
    const state = canonical({
      contacts: repo.list('contacts', { includeDeleted: true }),
      optOuts: [...repo.optOutStates().entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    })
    const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(state))
    return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('')
  },
  errors: () => [...errors],
  async loadTeam(url) {
    const updates = decodeTeamFile(new Uint8Array(await (await fetch(url)).arrayBuffer()))
    const list = allDocs(docs)
    if (updates.length !== list.length)
      throw new Error(`${url} holds ${updates.length} documents, not ${list.length}`)
    list.forEach((doc, i) => Y.applyUpdate(doc, updates[i]!))
    return api.count()
  },
  stateVectors: () => allDocs(docs).map(vectorOf),
  watchFirstSync(expected) {
    const list = allDocs(docs)
    times.syncedAt = null
    const check = () => {
      if (times.syncedAt !== null || !list.every((doc, i) => covers(doc, expected[i]!))) return
      times.syncedAt = sharedNow()
      for (const doc of list) doc.off('update', check)
    }
    for (const doc of list) doc.on('update', check)
    check()
  },
  firstSyncTimes: () => ({ ...times }),
  contactIds: (n) =>
    repo
      .list('contacts')
      .slice(0, n)
      .map((c) => c.id),
  expectName(id, name) {
    seen.stop()
    const map = docs.shards[shardOf(id)]!.getMap('contacts') as Y.Map<Y.Map<unknown>>
    const check = () => {
      const current = map.get(id)?.get('name') as { display?: string } | undefined
      if (seen.at === null && current?.display === name) seen.at = sharedNow()
    }
    map.observeDeep(check)
    seen = { at: null, stop: () => map.unobserveDeep(check) }
  },
  seenAt: () => seen.at,
  renameAt(id, name) {
    const at = sharedNow()
    api.renameContact(id, name)
    return at
  },
  raw: rawChannel,
}

window.rapportTest = api
