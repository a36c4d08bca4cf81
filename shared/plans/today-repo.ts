import type { OptOutState, Repo } from '../doc'
import type { RecordOf } from '../model'
import { buildToday, type TodayList, type TodayOptions } from './today'

/** Everything the plan views read, as plain arrays: what the Dexie read model will also hold. */
export interface PlanSnapshot {
  touches: RecordOf<'touches'>[]
  contacts: RecordOf<'contacts'>[]
  members: RecordOf<'members'>[]
  enrollments: RecordOf<'enrollments'>[]
  plans: RecordOf<'plans'>[]
  optOuts: Map<string, OptOutState>
  settings: { name: string }
}

/** Reads a `PlanSnapshot` from the repository (live records only; all plans, for labels). */
export function planSnapshot(repo: Repo): PlanSnapshot {
  return {
    touches: repo.list('touches'),
    contacts: repo.list('contacts'),
    members: repo.list('members'),
    enrollments: repo.list('enrollments'),
    plans: repo.list('plans', { includeDeleted: true }),
    optOuts: repo.optOutStates(),
    settings: { name: repo.settings.get().name },
  }
}

/** `buildToday` over the repository's current state (a convenience for tests and small teams). */
export function todayFromRepo(repo: Repo, options: TodayOptions): TodayList {
  return buildToday(planSnapshot(repo), options)
}
