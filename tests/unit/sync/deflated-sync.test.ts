import { afterEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import {
  DEFLATE_MIN_BYTES,
  FrameError,
  startSyncSession,
  type SyncSession,
  type SyncSessionOptions,
} from '../../../shared/sync'
import { deflate, inflate, InflateLimitError } from '../../../shared/sync/deflate'
import { deflatedFrame, readFrame } from '../../../shared/sync/multiplex'
import { contact, replica, type Replica } from '../helpers/team'
import { state } from './same-state'
import { memoryLink, settle, until, type MemoryLink } from './memory-transport'

/** Node's own CompressionStream and DecompressionStream, as a browser would pass its. */
const compression = { CompressionStream, DecompressionStream }
const sessions: SyncSession[] = []
afterEach(() => sessions.splice(0).forEach((s) => s.stop()))

/** Waits until the link is quiet and neither session has a frame being deflated or inflated. */
async function quiet(link: MemoryLink, ...pair: SyncSession[]) {
  for (let round = 0; round < 3; round++) {
    await until(() => pair.every((s) => s.status.framesWaiting === 0), 'frames to be deflated and inflated')
    await settle(link)
  }
  await until(() => pair.every((s) => s.status.framesWaiting === 0), 'frames to be deflated and inflated')
}

function connect(a: Replica, b: Replica, optionsA: SyncSessionOptions, optionsB: SyncSessionOptions) {
  const link = memoryLink()
  const sa = startSyncSession(a.docs, link.a, optionsA)
  const sb = startSyncSession(b.docs, link.b, optionsB)
  sessions.push(sa, sb)
  return { link, sa, sb }
}

/** A replica holding `n` contacts with realistic fields (names, emails, phones, notes). */
function teamOf(n: number): Replica {
  const a = replica('ana')
  a.repo.batch(() => {
    for (let i = 0; i < n; i++) {
      unwrap(
        a.repo.create(
          'contacts',
          contact({
            name: { display: `Client${i} Moreno`, given: `Client${i}`, family: 'Moreno' },
            emails: [{ value: `client${i}@example.com` }],
            phones: [{ value: `+1503555${String(i % 10_000).padStart(4, '0')}` }],
            notes: `Met at the open house on Alberta St; wants ${2 + (i % 3)} bedrooms near a park.`,
          }),
        ),
      )
    }
  })
  return a
}

/** Bytes the first device sends for a first sync to an empty one. */
async function firstSyncBytes(withCompression: { a: boolean; b: boolean }) {
  const [a, b] = [teamOf(2000), replica('ben')]
  const { link, sa, sb } = connect(
    a,
    b,
    withCompression.a ? { compression } : {},
    withCompression.b ? { compression } : {},
  )
  await quiet(link, sa, sb)
  expect(sa.status.isSynced && sb.status.isSynced).toBe(true)
  expect(sa.status.rejected + sb.status.rejected).toBe(0)
  expect(state(b)).toBe(state(a))
  return sa.status.bytesSent
}

describe('deflated sync frames', () => {
  it('deflates a first sync’s large answers when both sides have compression', async () => {
    const plain = await firstSyncBytes({ a: false, b: false })
    const deflated = await firstSyncBytes({ a: true, b: true })
    expect(deflated).toBeLessThan(plain / 3)
  })

  it('sends plain frames to a peer that takes no deflated ones, and still converges', async () => {
    const plain = await firstSyncBytes({ a: false, b: false })
    // Not byte for byte: Yjs client ids are random, and their varUints vary in length.
    expect(await firstSyncBytes({ a: true, b: false })).toBeGreaterThan(plain * 0.99)
  })

  it('keeps order: a small edit sent after a large deflated update arrives after it', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const { link, sa, sb } = connect(a, b, { compression }, { compression })
    await quiet(link, sa, sb)
    const from = link.wire.length
    const lee = unwrap(a.repo.create('contacts', contact({ name: { display: 'Lee Park' } })))
    a.repo.batch(() => {
      for (let i = 0; i < 600; i++) a.repo.create('contacts', contact({ name: { display: `Batch ${i}` } }))
    })
    unwrap(a.repo.update('contacts', lee.id, { notes: 'Called back about the duplex' }))
    await quiet(link, sa, sb)
    const kinds = link.wire.slice(from).map((p) => (p[0] === 0 ? readFrame(p.subarray(1)).kind : 'chunk'))
    expect(kinds).toContain('deflated')
    // The note (small, plain) was sent last and crossed last.
    expect(kinds.at(-1)).toBe('sync')
    expect(kinds.slice(0, -1)).not.toContain('chunk')
    expect(b.repo.get('contacts', lee.id)?.notes).toBe('Called back about the duplex')
    expect(b.repo.list('contacts')).toHaveLength(601)
    expect(state(b)).toBe(state(a))
  })

  it('drops a deflated frame that does not inflate, says why, and keeps syncing', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const errors: Error[] = []
    const { link, sa, sb } = connect(a, b, { compression, onError: (e) => errors.push(e) }, { compression })
    await quiet(link, sa, sb)
    const junk = deflatedFrame(new Uint8Array([0xff, 0x13, 0x37, 0x00, 0x42]))
    link.b.send(Uint8Array.of(0, ...junk))
    await quiet(link, sa, sb)
    expect(sa.status.rejected).toBe(1)
    expect(errors[0]).toBeInstanceOf(FrameError)
    expect(errors[0]!.message).toMatch(/does not inflate/)
    const dana = unwrap(b.repo.create('contacts', contact()))
    await quiet(link, sa, sb)
    expect(a.repo.get('contacts', dana.id)).toBeDefined()
  })

  it('refuses a deflated frame from a peer when this side has no compression', async () => {
    const [a, b] = [replica('ana'), replica('ben')]
    const errors: Error[] = []
    const { link, sa, sb } = connect(a, b, { onError: (e) => errors.push(e) }, {})
    await quiet(link, sa, sb)
    const frame = deflatedFrame(await deflate(new Uint8Array(DEFLATE_MIN_BYTES), compression))
    link.b.send(Uint8Array.of(0, ...frame))
    await quiet(link, sa, sb)
    expect(sa.status.rejected).toBe(1)
    expect(errors[0]!.message).toMatch(/no DecompressionStream/)
  })
})

describe('deflate and inflate', () => {
  it('round-trips bytes', async () => {
    const bytes = new TextEncoder().encode('Dana Whitfield, 4 bedrooms near Laurelhurst Park. '.repeat(500))
    const packed = await deflate(bytes, compression)
    expect(packed.length).toBeLessThan(bytes.length / 10)
    expect(await inflate(packed, compression)).toEqual(bytes)
  })

  it('stops inflating past the limit instead of filling memory', async () => {
    const packed = await deflate(new Uint8Array(4 * 1024 * 1024), compression)
    expect(packed.length).toBeLessThan(16 * 1024)
    await expect(inflate(packed, compression, 1024 * 1024)).rejects.toBeInstanceOf(InflateLimitError)
  })

  it('rejects bytes that are not deflate data', async () => {
    await expect(inflate(new Uint8Array([0xff, 0xff, 0xff, 0xff]), compression)).rejects.toThrow()
  })
})
