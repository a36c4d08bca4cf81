import { deriveKeys, exportBundle } from '../../../shared/sync'
import { converged } from '../../e2e/sync/converge'
import { startSyncHarness } from '../../e2e/sync/harness'
import { connectRaw, eventually, rawTransfer } from '../../e2e/sync/sync-page'
import { encodeTeamFile } from '../../e2e/sync/team-file'
import { median } from '../measure'
import type { BenchContext, BenchTeam, Metric, Unit } from '../types'

/** How many edits `sync.edit_latency` takes the median of (the first is a warm-up). */
const EDITS = 9
/** How many bare transfers `rtc.raw_transfer` takes the median of. */
const RAW_RUNS = 3
const TEAM_ID = 'bench-team'
/** A fixed team secret (the example of shared/sync/README.md): both devices join with it. */
const SECRET = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'

interface SyncFigures {
  /** First sync, ms from the data channel opening to every document equal on the second device. */
  firstMs: number
  /** The same, from the second device joining the room (signaling and ICE included). */
  firstFromJoinMs: number
  /** Bytes the first device sent in the first sync (encrypted packets, large frames deflated). */
  bytes: number
  editMs: number
  /** A bare channel carrying `bytes`. */
  rawMs: number
  /** A bare channel carrying the team's plain updates (what an undeflated sync would send). */
  rawPlainMs: number
}

/**
 * Two Chromium contexts of the e2e sync harness (tests/e2e/sync) on 127.0.0.1: `ana` holds the
 * generated team, `ben` joins the room empty. Then edits on ana, timed until ben's documents hold
 * them, and a bare RTCDataChannel between the same pages carrying as many bytes as the first sync.
 * Times are the pages' `performance.timeOrigin + now()` (one machine, one clock), so the figures
 * leave out the benchmark's own round trips to the pages.
 */
async function measureSync(team: BenchTeam, log: (line: string) => void): Promise<SyncFigures> {
  const h = await startSyncHarness()
  try {
    const [ana, ben] = [await h.device(TEAM_ID, 'ana'), await h.device(TEAM_ID, 'ben')]
    const url = await h.serve(`team-${team.contacts}.bin`, encodeTeamFile(team.updates))
    if ((await ana.loadTeam(url)) !== team.contacts) throw new Error('the generated team did not load')
    await ben.watchFirstSync(await ana.stateVectors())
    await ana.join(SECRET, h.signalUrl)
    await ben.join(SECRET, h.signalUrl)
    const times = await eventually(
      () => ben.firstSyncTimes(),
      (t) => t.syncedAt !== null,
      `ben to hold the ${team.contacts}-contact team`,
      600_000,
    )
    await converged([ana, ben], 120_000)
    const [sender] = await ana.peers()
    const bytes = sender!.bytesSent
    log(`  sync.first: ${(bytes / 1048576).toFixed(1)} MiB sent, ${sender!.throttled} messages held back`)

    const [id] = await ana.contactIds(1)
    const edits: number[] = []
    for (let i = 0; i < EDITS; i++) {
      const name = `Renamed Person ${i}`
      await ben.expectName(id!, name)
      const at = await ana.renameAt(id!, name)
      const seen = await eventually(
        () => ben.seenAt(),
        (t) => t !== null,
        'ben to see the edit',
      )
      edits.push(seen! - at)
    }

    await connectRaw(ana, ben)
    const raws: number[] = []
    const rawPlains: number[] = []
    const plainBytes = team.updates.reduce((n, u) => n + u.length, 0)
    for (let i = 0; i < RAW_RUNS; i++) {
      raws.push(await rawTransfer(ana, ben, bytes))
      rawPlains.push(await rawTransfer(ana, ben, plainBytes))
    }
    const errors = [...(await ana.errors()), ...(await ben.errors())]
    if (errors.length) log(`  sync errors: ${errors.slice(0, 3).join('; ')}`)
    return {
      firstMs: times.syncedAt! - times.openAt!,
      firstFromJoinMs: times.syncedAt! - times.joinAt!,
      bytes,
      editMs: median(edits.slice(1)),
      rawMs: median(raws),
      rawPlainMs: median(rawPlains),
    }
  } finally {
    await h.close()
  }
}

const figures = (ctx: BenchContext) =>
  ctx.memo('sync.figures', async () => {
    const log = (line: string) => process.stderr.write(`${line}\n`)
    const f = await measureSync(await ctx.team(), log)
    log(
      `  sync @ ${ctx.size}: first ${f.firstMs.toFixed(0)} ms from channel open ` +
        `(${f.firstFromJoinMs.toFixed(0)} ms from join), raw ${f.rawMs.toFixed(0)} ms ` +
        `(plain updates ${f.rawPlainMs.toFixed(0)} ms), edit ${f.editMs.toFixed(1)} ms`,
    )
    return f
  })

/** Bytes of a bundle of everything (deflated, as the app writes it): what a device hands another by file. */
async function bundleBytes(team: BenchTeam): Promise<number> {
  const { updateKey } = await deriveKeys(SECRET)
  const compression = { CompressionStream, DecompressionStream }
  return (await exportBundle(team.load(), updateKey, { compression })).byteLength
}

/** A figure of the sync run, as a metric. */
const figure = (name: string, unit: Unit, of: (f: SyncFigures) => number): Metric => ({
  name,
  unit,
  run: async (ctx) => of(await figures(ctx)),
})

/**
 * Sync over WebRTC between two Chromium contexts on loopback (Chromium at /usr/bin/chromium or
 * $CHROMIUM_PATH), and the size of sync bundles.
 */
export const syncMetrics: Metric[] = [
  figure('sync.first', 'ms', (f) => f.firstMs),
  figure('rtc.raw_transfer', 'ms', (f) => f.rawMs),
  figure('sync.first.raw_ratio', 'ratio', (f) => f.firstMs / f.rawMs),
  figure('rtc.raw_transfer.plain', 'ms', (f) => f.rawPlainMs),
  figure('sync.first.plain_ratio', 'ratio', (f) => f.firstMs / f.rawPlainMs),
  figure('sync.edit_latency', 'ms', (f) => f.editMs),
  {
    name: 'bundle.bytes_per_contact',
    unit: 'bytes',
    run: async (ctx) => (await bundleBytes(await ctx.team())) / ctx.size,
  },
]
