import { eventually, type SyncTestPage } from './sync-page'

/** Waits until `device` has `n` peers it is connected to and fully synced with. */
export const syncedWith = (device: SyncTestPage, n = 1) =>
  eventually(
    () => device.peers(),
    (peers) => peers.filter((p) => p.state === 'connected' && p.isSynced).length === n,
    `${device.actor} synced with ${n} peer(s)`,
  )

/** Waits until every device lists exactly these contact names. */
export const haveNames = (devices: SyncTestPage[], expected: string[]) =>
  Promise.all(
    devices.map((d) =>
      eventually(
        () => d.names(),
        (names) => JSON.stringify(names) === JSON.stringify([...expected].sort()),
        `${d.actor}'s contacts to be ${expected.join(', ')}`,
      ),
    ),
  )

/** Waits until the devices hold the same contacts and opt-out ledger; returns the digest. */
export async function converged(devices: SyncTestPage[], timeoutMs = 20_000): Promise<string> {
  let digest = ''
  await eventually(
    async () => Promise.all(devices.map((d) => d.digest())),
    (digests) => digests.every((x) => x === digests[0]) && Boolean((digest = digests[0]!)),
    'the same state on every device',
    timeoutMs,
  )
  return digest
}
