import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { allDocs, createTeamDocs } from '../../../shared/doc'
import { MAX_PACKET_BYTES, startSyncSession, type SyncProgress, type SyncSession } from '../../../shared/sync'
import { contact, replica } from '../helpers/team'
import { state } from './same-state'
import { memoryLink, settle } from './memory-transport'

/** Chrome drops data-channel messages over this size; the memory link refuses them outright. */
const CHROME_LIMIT = 256 * 1024
/** 10k contacts make about 6 MB over 17 documents; RAPPORT_SYNC_CONTACTS=50000 for a full-size team (~29 MB). */
const CONTACTS = Number(process.env.RAPPORT_SYNC_CONTACTS ?? 10_000)

const sessions: SyncSession[] = []
afterEach(() => sessions.splice(0).forEach((s) => s.stop()))

/** Checks what a progress callback reported over a whole first sync. */
function expectSensibleProgress(progress: SyncProgress[], docCount: number) {
  expect(progress.length).toBeGreaterThan(10)
  progress.forEach((p, i) => {
    expect(p.bytesReceived).toBeLessThanOrEqual(p.bytesExpected)
    if (i > 0) expect(p.bytesReceived).toBeGreaterThanOrEqual(progress[i - 1]!.bytesReceived)
  })
  expect(progress.some((p) => p.bytesExpected > p.bytesReceived + MAX_PACKET_BYTES)).toBe(true)
  const last = progress.at(-1)!
  expect(last).toMatchObject({ docsSynced: docCount, docCount, bytesExpected: last.bytesReceived })
}

describe('a large first sync', () => {
  it(
    `passes a ${CONTACTS}-contact team through a transport that refuses messages over 256 KiB`,
    { timeout: 120_000 },
    async () => {
      const [a, b] = [replica('ana'), replica('ben')]
      a.repo.batch(() => {
        for (let i = 0; i < CONTACTS; i++) {
          const given = `Client${i}`
          a.repo.create(
            'contacts',
            contact({
              name: { display: `${given} Moreno`, given, family: 'Moreno' },
              emails: [{ value: `${given}@example.com` }],
            }),
          )
        }
      })
      const largestDoc = Math.max(...allDocs(a.docs).map((d) => Y.encodeStateAsUpdate(d).length))
      expect(largestDoc).toBeGreaterThan(CHROME_LIMIT) // whole, a document's answer would be dropped
      const link = memoryLink({ maxMessageBytes: CHROME_LIMIT })
      const progress: SyncProgress[] = []
      const sb = startSyncSession(b.docs, link.b, { onProgress: (p) => progress.push(p) })
      sessions.push(sb, startSyncSession(a.docs, link.a))
      await settle(link)
      expect(link.stats.refused).toBe(0)
      expect(link.stats.largest).toBeLessThanOrEqual(MAX_PACKET_BYTES)
      expect(sb.status.isSynced).toBe(true)
      expect(b.repo.list('contacts')).toHaveLength(CONTACTS)
      expect(state(b)).toBe(state(a))
      expectSensibleProgress(progress, allDocs(b.docs).length)
    },
  )

  it('passes a single update of several megabytes, made while connected, in 64 KiB packets', async () => {
    const [a, b] = [createTeamDocs('t'), createTeamDocs('t')]
    const link = memoryLink({ maxMessageBytes: CHROME_LIMIT })
    sessions.push(startSyncSession(a, link.a), startSyncSession(b, link.b))
    await settle(link)
    const notes = a.team.getMap('notes')
    const text = 'Walked the property at dusk; wants a south-facing yard and a short commute. '.repeat(60)
    a.team.transact(() => {
      for (let i = 0; i < 1500; i++) notes.set(`n${i}`, `${i} ${text}`)
    })
    await settle(link)
    expect(Y.encodeStateAsUpdate(a.team).length).toBeGreaterThan(6 * 1024 * 1024)
    expect(link.stats.refused).toBe(0)
    expect(link.stats.largest).toBeLessThanOrEqual(MAX_PACKET_BYTES)
    expect(b.team.getMap('notes').get('n1499')).toBe(`1499 ${text}`)
  })
})
