import type { Channel, PlanStep } from '../../shared/model'
import type { PlanEdit } from '../../shared/plans'

/** One step as the form holds it: numbers as typed, so a bad one reaches the model's check. */
export interface StepFormValues {
  id: string
  timing: 'offset' | 'recurrence'
  offsetDays: string | number
  everyDays: string | number
  count: string | number
  channel: Channel
  title: string
  script: string
  assigneeRole: NonNullable<PlanStep['assigneeRole']>
}

export interface PlanFormValues {
  name: string
  description: string
  steps: StepFormValues[]
}

export const stepFormOf = (s: PlanStep): StepFormValues => ({
  id: s.id,
  timing: s.recurrence ? 'recurrence' : 'offset',
  offsetDays: String(s.offsetDays ?? 0),
  everyDays: String(s.recurrence?.everyDays ?? 30),
  count: String(s.recurrence?.count ?? 12),
  channel: s.channel,
  title: s.title,
  script: s.script ?? '',
  assigneeRole: s.assigneeRole ?? 'owner',
})

export const planFormOf = (p: { name: string; description?: string; steps: PlanStep[] }): PlanFormValues => ({
  name: p.name,
  description: p.description ?? '',
  steps: p.steps.map(stepFormOf),
})

/** A blank step with an id no other step of the form uses. */
export function newStep(steps: readonly StepFormValues[], title: string): StepFormValues {
  const ids = new Set(steps.map((s) => s.id))
  let k = steps.length + 1
  while (ids.has(`step-${k}`)) k++
  return {
    id: `step-${k}`,
    timing: 'offset',
    offsetDays: '0',
    everyDays: '30',
    count: '12',
    channel: 'call',
    title,
    script: '',
    assigneeRole: 'owner',
  }
}

/**
 * A typed number, or NaN for a blank field (the model then refuses it, naming the field). Vue's
 * v-model hands a number input's value over as a number once it parses.
 */
const num = (s: string | number) => (String(s).trim() === '' ? Number.NaN : Number(s))

/** The edit `shared/plans` validates and saves. */
export function planEditOf(form: PlanFormValues): PlanEdit {
  return {
    name: form.name,
    description: form.description,
    steps: form.steps.map((s) => ({
      id: s.id,
      ...(s.timing === 'recurrence'
        ? { recurrence: { everyDays: num(s.everyDays), count: num(s.count) } }
        : { offsetDays: num(s.offsetDays) }),
      channel: s.channel,
      title: s.title,
      script: s.script,
      assigneeRole: s.assigneeRole,
    })),
  }
}
