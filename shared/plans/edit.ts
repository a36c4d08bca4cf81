import { check, fail, ok, type Problem, type Repo, type Result } from '../doc'
import { inputSchema, type InputOf, type RecordOf } from '../model'

/** What a team edits of a plan: its name, description and steps. */
export type PlanEdit = Pick<InputOf<'plans'>, 'name' | 'description' | 'steps'>

/** Rules the record schema cannot say: at least one step, and step ids unique in the plan. */
function stepProblems(steps: readonly { id?: unknown }[]): Problem[] {
  if (steps.length === 0) return [{ path: 'steps', message: 'a plan needs at least one step' }]
  const seen = new Set<unknown>()
  const out: Problem[] = []
  steps.forEach((s, i) => {
    if (seen.has(s.id))
      out.push({ path: `steps.${i}.id`, message: `another step already has the id ${String(s.id)}` })
    seen.add(s.id)
  })
  return out
}

/** Validates an edit as the record schema and `stepProblems` do, so every problem shows at once. */
function validate(edit: PlanEdit): Problem[] {
  const r = check(inputSchema('plans'), { ...edit, steps: edit.steps })
  return [...(r.ok ? [] : r.problems), ...stepProblems(edit.steps)]
}

function livePlan(repo: Repo, id: string): Result<RecordOf<'plans'>> {
  const plan = repo.get('plans', id)
  if (!plan) return fail('id', `no plan ${id}`)
  if (plan.deleted) return fail('id', `plan ${plan.name} is deleted`)
  return ok(plan)
}

/**
 * Creates a custom plan (no built-in key: the 8x8 → 33 Touch and no-response rules never pick
 * it). Refused with problems naming each field (`steps.2.title`), nothing written.
 */
export function createCustomPlan(repo: Repo, edit: PlanEdit): Result<RecordOf<'plans'>> {
  const problems = validate(edit)
  if (problems.length) return { ok: false, problems }
  return repo.create('plans', { name: edit.name, description: edit.description ?? '', steps: edit.steps })
}

/**
 * Saves a plan's name, description and steps; a built-in keeps its key, so the rules still find
 * it. Enrollments are not touched: the touches already scheduled keep their day, title, script
 * and assignee (they were copied at enrollment, and may be half done), and the edit applies to
 * enrollments made from now on. Refused with problems naming each field, nothing written.
 */
export function updatePlan(repo: Repo, id: string, edit: PlanEdit): Result<RecordOf<'plans'>> {
  const found = livePlan(repo, id)
  if (!found.ok) return found
  const problems = validate(edit)
  if (problems.length) return { ok: false, problems }
  return repo.update('plans', id, { name: edit.name, description: edit.description ?? '', steps: edit.steps })
}

/**
 * Copies a plan (typically a built-in) into a new custom plan the team can reshape without
 * changing the one the rules use. The copy has no built-in key and is not archived.
 * @param name - the copy's name @default `${plan.name} (copy)`
 */
export function duplicatePlan(repo: Repo, id: string, name?: string): Result<RecordOf<'plans'>> {
  const found = livePlan(repo, id)
  if (!found.ok) return found
  const plan = found.value
  return createCustomPlan(repo, {
    name: name ?? `${plan.name} (copy)`,
    description: plan.description,
    steps: plan.steps.map((s) => ({ ...s })),
  })
}

/** How a plan's enrollments went. */
export interface PlanStats {
  enrolled: number
  active: number
  completed: number
  stopped: number
  /** Completed over ended (completed + stopped), 0–1; undefined while none has ended. */
  completionRate?: number
}

/** Enrollment counts per plan id, from live enrollments (repository records or read-model rows). */
export function planStats(
  enrollments: readonly { planId: string; status?: 'active' | 'completed' | 'stopped'; deleted?: unknown }[],
): Map<string, PlanStats> {
  const out = new Map<string, PlanStats>()
  for (const e of enrollments) {
    if (e.deleted) continue
    const s = out.get(e.planId) ?? { enrolled: 0, active: 0, completed: 0, stopped: 0 }
    s.enrolled++
    s[e.status ?? 'active']++
    out.set(e.planId, s)
  }
  for (const s of out.values()) {
    const ended = s.completed + s.stopped
    if (ended > 0) s.completionRate = s.completed / ended
  }
  return out
}
