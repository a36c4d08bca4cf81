import type { Repo } from '../doc'
import { ok, type Result } from '../doc'
import type { PlanInput, RecordOf } from '../model'
import { PLAN_33_TOUCH } from './builtin-33-touch'
import { PLAN_8X8 } from './builtin-8x8'
import { PLAN_12_DIRECT, PLAN_EMAIL_ONLY } from './builtin-light'

/** The key a built-in plan keeps through edits, so the rules still find it. */
export type BuiltinKey = NonNullable<PlanInput['builtin']>

/** The built-in plan templates, by key. */
export const BUILTIN_PLANS: Readonly<Record<BuiltinKey, PlanInput>> = {
  '8x8': PLAN_8X8,
  '33-touch': PLAN_33_TOUCH,
  '12-direct': PLAN_12_DIRECT,
  'email-only': PLAN_EMAIL_ONLY,
}

/** Deterministic ids: two devices installing the built-ins at once end with one copy of each. */
export const BUILTIN_PLAN_IDS: Readonly<Record<BuiltinKey, string>> = {
  '8x8': 'plan-8x8',
  '33-touch': 'plan-33-touch',
  '12-direct': 'plan-12-direct',
  'email-only': 'plan-email-only',
}

/** The plans for non-responsive contacts: they are not subject to the no-response rule. */
export const LIGHT_PLANS: readonly BuiltinKey[] = ['12-direct', 'email-only']

/**
 * Creates the built-in plans under their deterministic ids, in one batch. Idempotent: a plan
 * that exists already (even edited, archived or deleted by the team) is kept as it is.
 * @returns the four plans as stored, or the problems of the first refused write
 */
export function installBuiltinPlans(repo: Repo): Result<RecordOf<'plans'>[]> {
  return repo.batch(() => {
    const out: RecordOf<'plans'>[] = []
    for (const key of Object.keys(BUILTIN_PLANS) as BuiltinKey[]) {
      const r = repo.create('plans', BUILTIN_PLANS[key], { id: BUILTIN_PLAN_IDS[key] })
      if (!r.ok) return r
      out.push(r.value)
    }
    return ok(out)
  })
}

/**
 * The plan the team uses for a built-in key: the live (not deleted, not archived) plan with
 * that key, preferring the installed one, else the smallest id (the same on every device).
 * @returns undefined when the team has no live plan with that key
 */
export function findBuiltinPlan(
  plans: readonly RecordOf<'plans'>[],
  key: BuiltinKey,
): RecordOf<'plans'> | undefined {
  const live = plans.filter((p) => p.builtin === key && !p.deleted && !p.archived)
  return live.find((p) => p.id === BUILTIN_PLAN_IDS[key]) ?? live.sort((a, b) => (a.id < b.id ? -1 : 1))[0]
}
