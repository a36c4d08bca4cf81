import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { allDocs, unwrap } from '../../../shared/doc'
import {
  createTeam,
  decodeStateVectors,
  deriveKeys,
  encodeStateVectors,
  exportBundle,
  importBundle,
  BUNDLE_VERSION,
  type BundleRefusal,
} from '../../../shared/sync'
import { contact, replica, type Replica } from '../helpers/team'
import { state } from './same-state'

const stateOf = (r: Replica) =>
  allDocs(r.docs).map((d) => Buffer.from(Y.encodeStateAsUpdate(d)).toString('base64'))

/** Two devices of a team that share 300 contacts, then each adds a little. */
async function twoDevices() {
  const { secret } = createTeam()
  const { updateKey: key } = await deriveKeys(secret)
  const [a, b] = [replica('ana'), replica('ben')]
  a.repo.batch(() => {
    for (let i = 0; i < 300; i++) a.repo.create('contacts', contact({ name: { display: `Client ${i}` } }))
  })
  unwrap(await importBundle(b.docs, key, await exportBundle(a.docs, key)))
  return { a, b, key, secret }
}

async function expectRefused(
  r: Replica,
  key: CryptoKey,
  bytes: Uint8Array,
  reason: BundleRefusal,
  message: RegExp,
  options: Parameters<typeof importBundle>[3] = {},
) {
  const before = stateOf(r)
  const result = await importBundle(r.docs, key, bytes, options)
  expect(result).toMatchObject({ ok: false, reason })
  if (!result.ok) expect(result.problems[0]!.message).toMatch(message)
  expect(stateOf(r)).toEqual(before)
}

/** `importBundle`'s result, unwrapped, failing the test on a refusal. */
function unwrapImport(r: Awaited<ReturnType<typeof importBundle>>) {
  if (!r.ok) throw new Error(r.problems[0]!.message)
  return r.value
}

/** Node's compression streams, as the app passes the browser's. */
const compression = { CompressionStream, DecompressionStream }

describe('sync bundles', () => {
  it('deflates a bundle (version 2) when given compression, and reads both versions', async () => {
    const { a, key } = await twoDevices()
    const plain = await exportBundle(a.docs, key)
    const deflated = await exportBundle(a.docs, key, { compression })
    expect([plain[4], deflated[4]]).toEqual([BUNDLE_VERSION.plain, BUNDLE_VERSION.deflated])
    expect(deflated.length).toBeLessThan(plain.length / 3)
    for (const bytes of [plain, deflated]) {
      const fresh = replica('cy')
      unwrapImport(await importBundle(fresh.docs, key, bytes, { compression }))
      expect(state(fresh)).toBe(state(a))
    }
    // A host with no DecompressionStream says so, rather than calling the file damaged.
    await expectRefused(replica('dee'), key, deflated, 'unsupported-version', /cannot decompress/)
  })

  it('refuses a deflated bundle whose contents do not inflate, as damaged', async () => {
    const { a, key } = await twoDevices()
    // Checksum and encryption intact, but the deflated contents cut short.
    const deflate = {
      CompressionStream: class extends CompressionStream {
        constructor(format: CompressionFormat) {
          super(format)
          const inner = this.readable
          let cut = false
          Object.defineProperty(this, 'readable', {
            value: inner.pipeThrough(
              new TransformStream<Uint8Array, Uint8Array>({
                transform(chunk, c) {
                  if (!cut) c.enqueue(chunk.subarray(0, Math.max(1, chunk.length >> 1)))
                  cut = true
                },
              }),
            ),
          })
        }
      },
      DecompressionStream,
    }
    const broken = await exportBundle(a.docs, key, { compression: deflate })
    await expectRefused(replica('cy'), key, broken, 'damaged', /damaged/, { compression })
  })

  it('a full bundle brings an empty device to the same state', async () => {
    const { a, key } = await twoDevices()
    const fresh = replica('cy')
    const bytes = await exportBundle(a.docs, key)
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('RPBN')
    const value = unwrapImport(await importBundle(fresh.docs, key, bytes))
    const nonEmpty = allDocs(a.docs).filter((d) => d.store.clients.size > 0).length
    expect(value).toEqual({ docsChanged: nonEmpty, isPartial: false, missingHistory: [] })
    expect(state(fresh)).toBe(state(a))
    expect(unwrapImport(await importBundle(fresh.docs, key, bytes)).docsChanged).toBe(0)
  })

  it('a bundle since the other side’s state vectors is much smaller and still converges', async () => {
    const { a, b, key } = await twoDevices()
    const dana = unwrap(a.repo.create('contacts', contact()))
    unwrap(a.repo.optOut(dana.id, { reason: 'Stop' }))
    unwrap(b.repo.create('contacts', contact({ name: { display: 'Priya Natarajan' } })))
    const vectors = decodeStateVectors(a.docs, encodeStateVectors(b.docs))
    if (!vectors.ok) throw new Error(vectors.problems[0]!.message)
    const since = await exportBundle(a.docs, key, { since: vectors.value })
    const full = await exportBundle(a.docs, key)
    expect(since.length * 20).toBeLessThan(full.length)
    expect(unwrapImport(await importBundle(b.docs, key, since))).toMatchObject({
      isPartial: true,
      missingHistory: [],
    })
    expect(b.repo.optOutState(dana.id).isOptedOut).toBe(true)
    const back = decodeStateVectors(b.docs, encodeStateVectors(a.docs))
    if (!back.ok) throw new Error('vectors')
    unwrapImport(await importBundle(a.docs, key, await exportBundle(b.docs, key, { since: back.value })))
    expect(state(a)).toBe(state(b))
  })

  it('reports documents whose updates wait for history this device lacks', async () => {
    const { a, b, key } = await twoDevices()
    const vectors = decodeStateVectors(a.docs, encodeStateVectors(b.docs))
    if (!vectors.ok) throw new Error('vectors')
    unwrap(a.repo.create('contacts', contact()))
    const bundle = await exportBundle(a.docs, key, { since: vectors.value })
    const fresh = replica('cy')
    const value = unwrapImport(await importBundle(fresh.docs, key, bundle))
    expect(value.missingHistory.length).toBeGreaterThan(0)
  })

  it('refuses a bundle made with another secret, and changes nothing', async () => {
    const { a, b } = await twoDevices()
    const other = (await deriveKeys(createTeam().secret)).updateKey
    await expectRefused(
      b,
      other,
      await exportBundle(a.docs, (await deriveKeys(createTeam().secret)).updateKey),
      'wrong-secret',
      /another secret/,
    )
  })

  it('refuses a bundle of another team', async () => {
    const { key } = await twoDevices()
    const stranger = replica('zed', 'team-2')
    unwrap(stranger.repo.create('contacts', contact()))
    const r = replica('ana')
    await expectRefused(r, key, await exportBundle(stranger.docs, key), 'different-team', /another team/)
  })

  it('refuses a corrupted bundle, wherever the damage is', async () => {
    const { a, b, key } = await twoDevices()
    unwrap(a.repo.create('contacts', contact()))
    const bytes = await exportBundle(a.docs, key)
    for (const at of [6, 20, 30, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const bad = bytes.slice()
      bad[at]! ^= 0x40
      await expectRefused(b, key, bad, 'damaged', /damaged/)
    }
    await expectRefused(b, key, new Uint8Array([...bytes, 0]), 'damaged', /damaged/)
  })

  it('refuses a truncated bundle', async () => {
    const { a, b, key } = await twoDevices()
    const bytes = await exportBundle(a.docs, key)
    for (const length of [5, 28, 29, 100, bytes.length - 17, bytes.length - 1]) {
      await expectRefused(b, key, bytes.subarray(0, length), 'truncated', /truncated/)
    }
  })

  it('refuses a file that is not a bundle, or of another version', async () => {
    const { a, b, key } = await twoDevices()
    await expectRefused(
      b,
      key,
      new TextEncoder().encode('{"format":"rapport-backup"}'),
      'not-a-bundle',
      /not a Rapport/,
    )
    await expectRefused(b, key, new Uint8Array(0), 'not-a-bundle', /not a Rapport/)
    const newer = (await exportBundle(a.docs, key)).slice()
    newer[4] = 3
    await expectRefused(b, key, newer, 'unsupported-version', /version 3/)
  })

  it('refuses state vectors of another team or damaged ones', async () => {
    const { a } = await twoDevices()
    const vectors = encodeStateVectors(a.docs)
    expect(decodeStateVectors(replica('x', 'team-2').docs, vectors)).toMatchObject({
      ok: false,
      reason: 'different-team',
    })
    expect(decodeStateVectors(a.docs, vectors.subarray(0, vectors.length - 1))).toMatchObject({
      reason: 'damaged',
    })
    expect(decodeStateVectors(a.docs, new Uint8Array([1, 2, 3]))).toMatchObject({
      reason: 'not-state-vectors',
    })
    const bad = vectors.slice()
    bad[20]! ^= 1
    expect(decodeStateVectors(a.docs, bad)).toMatchObject({ reason: 'damaged' })
  })
})
