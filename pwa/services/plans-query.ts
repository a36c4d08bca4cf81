import type { ReadModel } from '../../shared/db'
import type { PlanStep } from '../../shared/model'
import { planStats, type BuiltinKey, type PlanStats } from '../../shared/plans'

/** One plan template as the Plans screen lists it. */
export interface PlanItem {
  id: string
  name: string
  builtin?: BuiltinKey
  description: string
  steps: PlanStep[]
  archived: boolean
  stats: PlanStats
}

const BUILTIN_ORDER: BuiltinKey[] = ['8x8', '33-touch', '12-direct', 'email-only']
const rank = (p: PlanItem) => (p.builtin ? BUILTIN_ORDER.indexOf(p.builtin) : BUILTIN_ORDER.length)

/** Live plans with their enrollment counts: built-ins first, then custom plans by name. Dexie calls only. */
export async function readPlans(db: ReadModel): Promise<PlanItem[]> {
  const plans = (await db.plans.toArray()).filter((p) => !p.deleted)
  const stats = planStats(await db.enrollments.toArray())
  return plans
    .map((p) => ({
      id: p.id,
      name: p.name,
      builtin: p.builtin,
      description: p.description,
      steps: p.steps,
      archived: p.archived,
      stats: stats.get(p.id) ?? { enrolled: 0, active: 0, completed: 0, stopped: 0 },
    }))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

/** How many touches of the plan are scheduled and still pending (what an edit leaves as it is). */
export async function readPendingTouches(db: ReadModel, planId: string): Promise<number> {
  const enrollments = await db.enrollments.where('planId').equals(planId).primaryKeys()
  if (enrollments.length === 0) return 0
  return db.touches
    .where('enrollmentId')
    .anyOf(enrollments as string[])
    .filter((t) => t.status === 'pending' && !t.deleted)
    .count()
}
