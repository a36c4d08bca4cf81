/**
 * What the PWA benchmark runs inside the app's page (bundled by `launch.ts` and injected as a
 * script): it stores a team the way the app does, and times the app from within, where
 * `performance.now()` and the DOM are. Exposed as `window.rapportBench`.
 */
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { createReadModel, rebuildReadModel } from '../../../shared/db'
import { allDocs, attachPersistence, createRepo, createTeamDocs } from '../../../shared/doc'
import type { IndexedDBFactory } from '../../../shared/host'
import type { ImportBatch } from '../../../shared/io'
import { createIdSource } from '../../../shared/model'
import { createTeam } from '../../../shared/sync'
import { openDeviceSettings } from '../../../pwa/services/device-settings'
import { readModelName, type TeamLocalValues } from '../../../pwa/services/team-session'

const factory = (): IndexedDBFactory => ({ indexedDB: window.indexedDB, IDBKeyRange: window.IDBKeyRange })
const clock = { now: () => Date.now() }

/**
 * Stores a team on this device as a previous visit would have: every document in y-indexeddb
 * (through the app's persistence), the read model rebuilt from them, the team's local values,
 * and the device's `teamId`. Returns the rebuild's duration.
 * @param dataUrl - where `/u/<i>` serves the encoded update of document i (team document first)
 */
async function seed(dataUrl: string, teamId: string, count: number): Promise<{ rebuildMs: number }> {
  const docs = createTeamDocs(teamId)
  const list = allDocs(docs)
  if (list.length !== count) throw new Error(`seed: ${count} updates for ${list.length} documents`)
  for (const [i, doc] of list.entries()) {
    const res = await fetch(`${dataUrl}u/${i}`)
    if (!res.ok) throw new Error(`seed: update ${i} answered ${res.status}`)
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()))
  }
  // Attached to loaded documents, y-indexeddb stores each one's whole state as one entry.
  const persistence = attachPersistence(docs, (name, doc) => new IndexeddbPersistence(name, doc))
  await persistence.all()
  const db = createReadModel(factory(), readModelName(teamId))
  const t0 = performance.now()
  await rebuildReadModel(docs, db)
  const rebuildMs = performance.now() - t0
  const repo = createRepo(docs, { clock, ids: createIdSource(clock), actor: 'bench' })
  const owner = repo.list('members').find((m) => m.role === 'owner') ?? repo.list('members')[0]
  if (!owner) throw new Error('seed: the team has no member')
  const local: TeamLocalValues = { memberId: owner.id, secret: createTeam().secret, isDemo: false }
  await db.settings.bulkPut(Object.entries(local).map(([key, value]) => ({ key, value })))
  db.close()
  const device = openDeviceSettings(factory())
  await device.set('teamId', teamId)
  device.close()
  persistence.destroy()
  for (const doc of list) doc.destroy()
  return { rebuildMs }
}

/** Resolves once `test()` holds, checking after each DOM mutation (and every 50 ms). */
function until(test: () => boolean, timeoutMs = 60_000): Promise<void> {
  if (test()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!test()) return
      observer.disconnect()
      clearInterval(timer)
      clearTimeout(limit)
      resolve()
    }
    const observer = new MutationObserver(check)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    const timer = setInterval(check, 50)
    const limit = setTimeout(() => {
      observer.disconnect()
      clearInterval(timer)
      reject(new Error(`timed out after ${timeoutMs} ms`))
    }, timeoutMs)
  })
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

interface AppStores {
  team: { isLoaded: boolean; session?: { search: (q: string, o?: unknown) => Promise<{ id: string }[]> } }
  contacts: { ids: string[] }
}

/** The app's Pinia stores (the root container keeps its app, production builds included). */
function stores(): AppStores {
  const app = (
    document.querySelector('#app') as {
      __vue_app__?: { config: { globalProperties: Record<string, unknown> } }
    }
  ).__vue_app__
  const pinia = app?.config.globalProperties.$pinia as { _s: Map<string, unknown> } | undefined
  if (!pinia) throw new Error('the app is not mounted')
  return {
    team: pinia._s.get('team') as AppStores['team'],
    contacts: pinia._s.get('contacts') as AppStores['contacts'],
  }
}

/** Waits until the team is loaded and the page has been quiet for 20 frames (search index built). */
async function settle(): Promise<void> {
  await until(() => stores().team.isLoaded, 600_000)
  let quiet = 0
  let last = await frame()
  while (quiet < 20) {
    const t = await frame()
    quiet = t - last < 25 ? quiet + 1 : 0
    last = t
  }
}

/** The first row of the list, if it shows a contact (not a placeholder). */
function firstRowId(): string | undefined {
  const link = document.querySelector('.contact-list li[aria-posinset="1"] [data-testid="contact-row"] a')
  return link?.getAttribute('href')?.split('/').pop()
}

/** Whether the list shows the store's result: its first id, or the empty notice. */
function listShowsResult(): boolean {
  const ids = stores().contacts.ids
  if (ids.length === 0) return !document.querySelector('.contact-list')
  return firstRowId() === ids[0]
}

/**
 * Types each query into the search box one character at a time and times every keystroke from
 * its input event to the list showing the new result (the search answered for that text and
 * the first row rendered with it). The box is cleared, untimed, between queries.
 */
async function typeQueries(queries: string[]): Promise<{ text: string; ms: number }[]> {
  await settle()
  const input = document.querySelector<HTMLInputElement>('[data-testid="contact-search"]')
  if (!input) throw new Error('no search box')
  const team = stores().team
  const session = team.session!
  const search = session.search.bind(session)
  let expected = ''
  let answered: (p: Promise<unknown>) => void = () => {}
  // The store calls `session.search` after each change: catch the call for the typed text.
  session.search = (q, o) => {
    const p = search(q, o)
    if (q === expected) answered(p)
    return p
  }
  const times: { text: string; ms: number }[] = []
  const type = async (text: string) => {
    expected = text.trim()
    const called = new Promise<Promise<unknown>>((resolve) => (answered = resolve))
    input.value = text
    const t0 = performance.now()
    input.dispatchEvent(new Event('input', { bubbles: true }))
    if (expected) await await called
    await until(listShowsResult, 10_000)
    return performance.now() - t0
  }
  try {
    for (const q of queries) {
      for (let k = 1; k <= q.length; k++) {
        if (q[k - 1] === ' ') continue
        times.push({ text: q.slice(0, k), ms: await type(q.slice(0, k)) })
        await frame()
      }
      await type('')
      await frame()
    }
  } finally {
    session.search = search
  }
  return times
}

/** Display names of the read model, Latin and Arabic script, to type as queries. */
async function sampleNames(teamId: string, count: number): Promise<{ latin: string[]; arabic: string[] }> {
  const db = createReadModel(factory(), readModelName(teamId))
  const rows = await db.contacts.limit(5000).toArray()
  db.close()
  const names = rows.filter((r) => !r.deleted).map((r) => r.displayName)
  const isArabic = (s: string) => /[\u0600-\u06FF]/.test(s)
  const pick = (list: string[]) =>
    list.filter((_, i) => i % Math.max(1, Math.floor(list.length / count)) === 0).slice(0, count)
  return { latin: pick(names.filter((n) => !isArabic(n))), arabic: pick(names.filter(isArabic)) }
}

/**
 * Scrolls the list from top to bottom in `frames` equal steps, one per animation frame, and
 * returns the frame durations (requestAnimationFrame deltas).
 */
async function scrollList(frames: number): Promise<number[]> {
  await settle()
  const list = document.querySelector<HTMLElement>('.contact-list')
  if (!list) throw new Error('no contact list')
  list.scrollTop = 0
  const step = Math.max(1, (list.scrollHeight - list.clientHeight) / frames)
  const deltas: number[] = []
  let last = await frame()
  for (let i = 1; i <= frames; i++) {
    list.scrollTop = step * i
    const t = await frame()
    deltas.push(t - last)
    last = t
  }
  return deltas
}

/** Clicks the import's confirm button and times it until the result counts show. */
async function timeImport(): Promise<{ ms: number; created: number }> {
  const button = document.querySelector<HTMLButtonElement>('[data-testid="apply-import"]')
  if (!button) throw new Error('no apply-import button')
  const t0 = performance.now()
  button.click()
  await until(() => !!document.querySelector('[data-testid="result-created"]'), 600_000)
  const ms = performance.now() - t0
  const created = Number(
    document.querySelector('[data-testid="result-created"] dd')?.textContent?.replace(/\D/g, ''),
  )
  return { ms, created }
}

/** One `getAll` of the read model's contacts store, in raw IndexedDB: the floor of any read. */
async function rawRead(teamId: string): Promise<{ ms: number; rows: number }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(readModelName(teamId))
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const t0 = performance.now()
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const req = db.transaction('contacts', 'readonly').objectStore('contacts').getAll()
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  const ms = performance.now() - t0
  db.close()
  return { ms, rows: rows.length }
}

/**
 * The floor of writing what an import writes: waits until the read model shows every contact
 * the last import created, then bulkPuts `count` contact rows (the ones the import created or
 * merged into first, then others) into a fresh read model's table, which has the same indexes.
 */
async function rawBulkPut(teamId: string, count: number): Promise<{ ms: number; rows: number }> {
  const db = createReadModel(factory(), readModelName(teamId))
  const imports = (await db.importBatches.toArray()) as unknown as { at: number; batches: ImportBatch[] }[]
  const record = imports.sort((x, y) => y.at - x.at)[0]
  if (!record) throw new Error('no import was recorded')
  const created = record.batches.flatMap((b) => b.created)
  const written = new Set([...created, ...record.batches.flatMap((b) => b.merged.map((m) => m.id))])
  const t = performance.now()
  while ((await db.contacts.bulkGet(created)).some((r) => !r)) {
    if (performance.now() - t > 600_000) throw new Error('the imported rows never reached the read model')
    await new Promise((r) => setTimeout(r, 100))
  }
  const all = await db.contacts.toArray()
  db.close()
  const rows = [...all.filter((r) => written.has(r.id)), ...all.filter((r) => !written.has(r.id))].slice(
    0,
    count,
  )
  const fresh = createReadModel(factory(), `bench-raw-${Date.now()}`)
  await fresh.open()
  const t0 = performance.now()
  await fresh.contacts.bulkPut(rows)
  const ms = performance.now() - t0
  await fresh.delete()
  return { ms, rows: rows.length }
}

const api = { seed, settle, typeQueries, sampleNames, scrollList, timeImport, rawRead, rawBulkPut }
export type RapportBench = typeof api
;(window as unknown as { rapportBench: RapportBench }).rapportBench = api
