import type { Repo } from '../doc'
import type { Clock } from '../host'
import { createContext, type GenContext, type GenerateTeamSummary } from './context'
import { dayOf, dayStart } from './days'
import { addClientActivity, addCosts, addReferralOutcomes } from './generate-activity'
import { addContacts, addMembersAndSources } from './generate-contacts'
import { addEnrollments, addPlans } from './generate-plans'
import { addInteractions } from './generate-timeline'
import { createRandom } from './random'

export type { GenerateTeamSummary } from './context'

/** What team to generate. */
export interface GenerateTeamOptions {
  /** How many contacts. */
  contacts: number
  /** The seed: the same seed (with the same repository ids and clock) writes the same team. */
  seed: number
  /** `YYYY-MM-DD`: the generated year of history ends the day before; touches run a week past it. */
  start: string
  /**
   * Team members: an owner, agents and (from three members on) an assistant.
   * @default 4
   */
  members?: number
  /**
   * Tags put on every contact (the demo team's `demo`).
   * @default []
   */
  tags?: string[]
  /** The team's name in its settings; left unchanged when not given. */
  teamName?: string
  /**
   * How many records a repository batch holds.
   * @default 500
   */
  batchSize?: number
}

/**
 * Writes a realistic, seeded team through the repository: members, lead sources, plans,
 * contacts (English and Arabic names, valid US phones, Met/Haven't Met about 40/60, allied
 * resources, advocates and core advocates), a referral graph grown by preferential attachment,
 * rewards, CARE intros, leads (about 20% of contacts), deals, monthly costs per source, NPS
 * surveys, enrollments with the touches due around `start`, a few opt-outs and a year of
 * interactions (about ten per contact). Pure apart from the writes: no clock, no globals.
 * @param repo - the repository to write through (its clock stamps the records, its ids name them)
 * @param options - the size, seed and start day
 * @returns counts of what was written; `failed` counts refused writes (zero unless a bug)
 * @throws RangeError when `start` is not a `YYYY-MM-DD` day or `contacts` is negative
 */
export function generateTeam(repo: Repo, options: GenerateTeamOptions): GenerateTeamSummary {
  const start = dayStart(options.start)
  if (Number.isNaN(start)) throw new RangeError(`start must be a day as YYYY-MM-DD, got ${options.start}`)
  if (!(options.contacts >= 0)) throw new RangeError(`contacts must be 0 or more, got ${options.contacts}`)
  const root = createRandom(options.seed)
  const ctx = createContext(repo, root, start, options.tags ?? [], options.batchSize ?? 500)
  // Each step draws from its own generator, so changing one step leaves the others' data alone.
  const step = (label: string): GenContext => ({ ...ctx, rng: root.fork(label) })

  if (options.teamName) repo.settings.update({ name: options.teamName })
  addMembersAndSources(step('members'), options.members ?? 4)
  addPlans(step('plans'))
  addContacts(step('contacts'), Math.floor(options.contacts))
  addReferralOutcomes(step('referral-outcomes'))
  addClientActivity(step('clients'))
  addCosts(step('costs'))
  addEnrollments(step('enrollments'))
  addInteractions(step('interactions'))
  return ctx.summary
}

/** The name of the demo team. */
export const DEMO_TEAM_NAME = 'Demo team — Rapport Realty'
/** The tag on every contact of the demo team, so it can be found and cleared. */
export const DEMO_TAG = 'demo'

/** Options for the demo team. */
export interface DemoTeamOptions {
  /** Today, for the host: the demo's history leads up to this day. */
  clock: Clock
  /**
   * @default 60
   */
  contacts?: number
  /**
   * @default 2026
   */
  seed?: number
}

/**
 * Writes the small demo team a first run of the app can show: about 60 contacts with a year
 * of history up to today, named "Demo team — Rapport Realty", every contact tagged `demo`.
 * @param repo - the repository of the (empty) team to fill
 * @returns counts of what was written
 */
export function generateDemoTeam(repo: Repo, options: DemoTeamOptions): GenerateTeamSummary {
  return generateTeam(repo, {
    contacts: options.contacts ?? 60,
    seed: options.seed ?? 2026,
    start: dayOf(options.clock.now()),
    members: 4,
    tags: [DEMO_TAG],
    teamName: DEMO_TEAM_NAME,
    batchSize: 100,
  })
}
