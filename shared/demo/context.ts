import type { Problem, Repo } from '../doc'
import {
  RECORD_COLLECTION_NAMES,
  type InputOf,
  type InteractionInput,
  type RecordCollection,
  type RelationshipType,
} from '../model'
import type { Trade } from './pools'
import type { Random } from './random'

/** Counts of what a generator wrote, by collection, and the writes the repository refused. */
export type GenerateTeamSummary = Record<RecordCollection | 'interactions' | 'optOuts', number> & {
  /** Writes the repository refused (always 0 unless the generator has a bug). */
  failed: number
  /** The first few refusals, for the bug report. */
  problems: { collection: string; problems: Problem[] }[]
}

/** A team member as the generator knows it. */
export interface MemberInfo {
  id: string
  role: 'owner' | 'agent' | 'assistant'
  name: string
}

/** The keys of the generated lead sources. */
export type SourceKey =
  'open-house' | 'website' | 'zillow' | 'past-clients' | 'referral' | 'allied' | 'linkedin' | 'farm' | 'gmail'

/** A generated contact, with what later steps (leads, deals, the timeline) need to know. */
export interface ContactInfo {
  id: string
  display: string
  met: boolean
  rel?: RelationshipType
  trade?: Trade
  owner: string
  source: SourceKey
  /** When the team first heard of them (ms); the timeline starts here. */
  since: number
  isClient: boolean
  side?: 'buyer' | 'seller'
  /** When they became a client through a lead (ms). */
  convertedAt?: number
  optedOut?: boolean
}

/** A generated referral, for rewards, deals, intros and the timeline. */
export interface ReferralInfo {
  id: string
  referrer: number
  referred: number
  stage: string
  stageAt: Record<string, number>
  value?: number
  side: 'buyer' | 'seller'
}

/** What every generation step shares. */
export interface GenContext {
  repo: Repo
  rng: Random
  /** The day the history leads up to, as midnight UTC in ms. */
  start: number
  tags: string[]
  batchSize: number
  members: MemberInfo[]
  sources: Map<SourceKey, string>
  /** Plan ids by built-in key. */
  plans: Map<string, string>
  contacts: ContactInfo[]
  referrals: ReferralInfo[]
  summary: GenerateTeamSummary
  /** Creates a record, counting it (or the refusal); returns its id. */
  put<C extends RecordCollection>(c: C, input: InputOf<C>): string | undefined
  /** Appends an interaction to the timeline, counting it (or the refusal). */
  note(input: InteractionInput): void
  /** Runs `fn(i)` for i in [0, count), `size` per repository batch. */
  chunked(count: number, size: number, fn: (i: number) => void): void
}

const MAX_PROBLEMS = 5

/** Creates the shared context of one generation run. */
export function createContext(
  repo: Repo,
  rng: Random,
  start: number,
  tags: string[],
  batchSize: number,
): GenContext {
  const summary: GenerateTeamSummary = {
    ...(Object.fromEntries(RECORD_COLLECTION_NAMES.map((c) => [c, 0])) as Record<RecordCollection, number>),
    interactions: 0,
    optOuts: 0,
    failed: 0,
    problems: [],
  }
  const refused = (collection: string, problems: Problem[]) => {
    summary.failed++
    if (summary.problems.length < MAX_PROBLEMS) summary.problems.push({ collection, problems })
  }
  return {
    repo,
    rng,
    start,
    tags,
    batchSize,
    members: [],
    sources: new Map(),
    plans: new Map(),
    contacts: [],
    referrals: [],
    summary,
    put(c, input) {
      const r = repo.create(c, input)
      if (!r.ok) return void refused(c, r.problems)
      summary[c]++
      return r.value.id
    },
    note(input) {
      const r = repo.timeline.append(input)
      if (r.ok) summary.interactions++
      else refused('interactions', r.problems)
    },
    chunked(count, size, fn) {
      for (let b = 0; b < count; b += size) {
        repo.batch(() => {
          for (let i = b; i < Math.min(count, b + size); i++) fn(i)
        })
      }
    },
  }
}
