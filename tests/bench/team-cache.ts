import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import * as Y from 'yjs'
import { createSeededIds, generateTeam, type GenerateTeamSummary } from '../../shared/demo'
import { allDocs, createRepo, createTeamDocs, type TeamDocs } from '../../shared/doc'
import type { BenchTeam } from './types'

/** Every benchmark team uses this seed and ends its history on this day. */
export const BENCH_SEED = 42
export const BENCH_START = '2026-03-02'
const TEAM_ID = 'bench-team'
const ROOT = path.resolve(import.meta.dirname, '../..')
const clock = { now: () => Date.parse(`${BENCH_START}T09:00:00Z`) }

/** The version of the generator: a change to the code that shapes a team invalidates the cache. */
function generatorHash(): string {
  const hash = createHash('sha256').update(`${BENCH_SEED}/${BENCH_START}`)
  for (const dir of ['shared/demo', 'shared/model', 'shared/doc']) {
    for (const file of readdirSync(path.join(ROOT, dir)).sort())
      hash.update(readFileSync(path.join(ROOT, dir, file)))
  }
  return hash.digest('hex').slice(0, 12)
}

function fresh(updates: Uint8Array[]): TeamDocs {
  const docs = createTeamDocs(TEAM_ID)
  allDocs(docs).forEach((doc, i) => Y.applyUpdate(doc, updates[i]!))
  return docs
}

function benchTeam(contacts: number, updates: Uint8Array[], summary: GenerateTeamSummary): BenchTeam {
  return {
    contacts,
    seed: BENCH_SEED,
    start: BENCH_START,
    updates,
    summary,
    load: () => fresh(updates),
    repo: () =>
      createRepo(fresh(updates), { clock, ids: createSeededIds(BENCH_SEED + 1, clock), actor: actorId() }),
  }
}

/** A member id shaped like production ids, so stamps weigh what they weigh in the app. */
const actorId = () => createSeededIds(BENCH_SEED - 1, clock).next()

/** Generates a team through the repository, as the app would write it, and encodes it. */
function generate(contacts: number): { updates: Uint8Array[]; summary: GenerateTeamSummary } {
  const docs = createTeamDocs(TEAM_ID)
  const repo = createRepo(docs, { clock, ids: createSeededIds(BENCH_SEED, clock), actor: actorId() })
  const summary = generateTeam(repo, { contacts, seed: BENCH_SEED, start: BENCH_START })
  if (summary.failed > 0)
    throw new Error(`generator wrote ${summary.failed} invalid records: ${JSON.stringify(summary.problems)}`)
  return { updates: allDocs(docs).map((d) => Y.encodeStateAsUpdate(d)), summary }
}

/** Cache file: a 4-byte header length, a JSON header (summary, update lengths), the updates. */
function save(file: string, updates: Uint8Array[], summary: GenerateTeamSummary): void {
  const header = Buffer.from(JSON.stringify({ summary, lengths: updates.map((u) => u.length) }))
  const len = Buffer.alloc(4)
  len.writeUInt32LE(header.length)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, Buffer.concat([len, header, ...updates]))
}

function load(file: string): { updates: Uint8Array[]; summary: GenerateTeamSummary } {
  const buf = readFileSync(file)
  const headerLength = buf.readUInt32LE(0)
  const { summary, lengths } = JSON.parse(buf.subarray(4, 4 + headerLength).toString()) as {
    summary: GenerateTeamSummary
    lengths: number[]
  }
  let at = 4 + headerLength
  const updates = lengths.map((n) => {
    const u = new Uint8Array(buf.subarray(at, at + n))
    at += n
    return u
  })
  return { updates, summary }
}

/** Options of the team cache. */
export interface TeamCacheOptions {
  /** Where cached teams are kept; `null` keeps them in memory only. */
  dir: string | null
  /** Reports progress (to stderr). */
  log: (line: string) => void
}

/**
 * Returns the benchmark team of a size: from memory, else from the disk cache (keyed by the
 * size, the seed and a hash of the generator's code), else freshly generated and then cached.
 */
export function createTeamCache(options: TeamCacheOptions) {
  const hash = generatorHash()
  const memory = new Map<number, Promise<BenchTeam>>()

  async function build(contacts: number): Promise<BenchTeam> {
    const file = options.dir && path.join(options.dir, `team-${contacts}-${BENCH_SEED}-${hash}.bin`)
    if (file && existsSync(file)) {
      const { updates, summary } = load(file)
      options.log(`team of ${contacts} contacts: loaded from ${path.relative(ROOT, file)}`)
      return benchTeam(contacts, updates, summary)
    }
    const began = performance.now()
    const { updates, summary } = generate(contacts)
    const seconds = ((performance.now() - began) / 1000).toFixed(1)
    options.log(
      `team of ${contacts} contacts: generated in ${seconds} s (${summary.interactions} interactions, ` +
        `${summary.referrals} referrals, ${summary.leads} leads, ${summary.touches} touches)`,
    )
    if (file) save(file, updates, summary)
    return benchTeam(contacts, updates, summary)
  }

  return {
    get(contacts: number): Promise<BenchTeam> {
      let team = memory.get(contacts)
      if (!team) memory.set(contacts, (team = build(contacts)))
      return team
    },
    /** Forgets a size's team, to free memory before a larger one. */
    drop(contacts: number): void {
      memory.delete(contacts)
    },
  }
}
export type TeamCache = ReturnType<typeof createTeamCache>
