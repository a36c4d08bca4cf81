import type { GenerateTeamSummary } from '../../shared/demo'
import type { Repo, TeamDocs } from '../../shared/doc'

/** The units a figure can be reported in (`mb` is MiB). */
export type Unit = 'ms' | 'bytes' | 'ratio' | 'mb'

/** One figure: a name, the team sizes it applies to, and how to measure it. */
export interface Metric {
  /** Dotted, area first: `doc.load`, `search.p95`. */
  name: string
  unit: Unit
  /** The team sizes it runs at; every size asked for when omitted. */
  sizes?: readonly number[]
  run(ctx: BenchContext): number | Promise<number>
}

/** A generated team, kept encoded; every metric decodes its own fresh copy. */
export interface BenchTeam {
  contacts: number
  seed: number
  /** The generated history ends the day before this `YYYY-MM-DD`. */
  start: string
  /** Encoded state of every document, team document first (the order of `allDocs`). */
  updates: Uint8Array[]
  summary: GenerateTeamSummary
  /** Decodes the updates into fresh documents. */
  load(): TeamDocs
  /** A repository over freshly loaded documents (fixed clock at `start`, seeded ids). */
  repo(): Repo
}

/** Options for timing a short operation several times. */
export interface TimeOptions {
  /**
   * The most runs to take.
   * @default 7
   */
  runs?: number
  /**
   * Stop starting new runs once this much time has gone by (at least one run is taken).
   * @default 10000
   */
  budgetMs?: number
}

/** What a metric gets: the team size, the team, and timing helpers. */
export interface BenchContext {
  /** The number of contacts of this round. */
  size: number
  /** The generated team of `size` contacts (generated once, shared by every metric). */
  team(): Promise<BenchTeam>
  /** The median time of `fn` in ms, collected under the options; garbage collected before each run. */
  time(fn: () => unknown, options?: TimeOptions): Promise<number>
  /** The harness's clock in ms (wall time, or process CPU time with `--clock cpu`), for custom timings. */
  now(): number
  /** A full garbage collection (the harness makes `gc` available even without --expose-gc). */
  gc(): void
  /** Computes a value once per size and shares it between metrics (sizes, synthetic data). */
  memo<T>(key: string, compute: () => T | Promise<T>): Promise<T>
}
