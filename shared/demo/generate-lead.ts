import { LEAD_STAGES, type InputOf, type LeadStage } from '../model'
import type { ContactInfo, GenContext, SourceKey } from './context'
import { DAY_MS } from './days'
import { HOME_NEEDS } from './phrases'

const MINUTE_MS = 60_000
/** Sources whose people arrive as leads (FAST: funnelled, assigned, tracked). */
export const LEAD_SOURCES: ReadonlySet<SourceKey> = new Set([
  'open-house',
  'website',
  'zillow',
  'linkedin',
  'farm',
])
const STAGE_WEIGHTS = { new: 14, contacted: 26, qualified: 18, appointment: 12, converted: 12, lost: 18 }
const OPEN: LeadStage[] = LEAD_STAGES.filter((s) => s !== 'lost')

/** A lead decided before its contact is written. */
export interface LeadPlan {
  receivedAt: number
  firstContactAt?: number
  stage: InputOf<'leads'>['stage']
  stageAt: Record<string, number>
}

/**
 * Picks a lead's dates and stage, and updates the contact: met from the appointment on,
 * a client once converted. Time to first contact is log-normal: median about 40 minutes,
 * with a long tail of leads that waited days.
 */
function plan(ctx: GenContext, info: ContactInfo): LeadPlan {
  const { rng } = ctx
  const receivedAt = ctx.start - rng.int(1, 364) * DAY_MS + rng.int(7 * 60, 21 * 60) * MINUTE_MS
  const target = rng.weighted(STAGE_WEIGHTS)
  const path =
    target === 'lost'
      ? [...OPEN.slice(0, rng.int(1, 3)), 'lost' as const]
      : OPEN.slice(0, OPEN.indexOf(target) + 1)
  const wait = Math.round(Math.exp(rng.normal(Math.log(40), 1.4))) * MINUTE_MS
  const firstContactAt = path.length > 1 && receivedAt + wait < ctx.start ? receivedAt + wait : undefined
  const stageAt: Record<string, number> = {}
  let stage: LeadPlan['stage'] = 'new'
  let t = receivedAt
  for (const s of path) {
    if (s === 'contacted') t = firstContactAt ?? Infinity
    else if (s !== 'new') t += rng.int(1, 30) * DAY_MS
    if (t >= ctx.start) break
    stageAt[s] = t
    stage = s
  }
  info.since = receivedAt
  if ('appointment' in stageAt) info.met = true
  if (stage === 'converted') {
    info.isClient = true
    info.side = rng.chance(0.65) ? 'buyer' : 'seller'
    info.convertedAt = stageAt.converted
  }
  return { receivedAt, stage, stageAt, ...(firstContactAt ? { firstContactAt } : {}) }
}

/** Writes a planned lead for contact `info` (already written). */
function write(ctx: GenContext, p: LeadPlan, info: ContactInfo): void {
  const { rng } = ctx
  const entry = info.source === 'farm' ? 'import' : rng.chance(0.3) ? 'capture' : 'manual'
  const sourceId = ctx.sources.get(info.source)
  if (!sourceId) return
  ctx.put('leads', {
    contactId: info.id,
    sourceId,
    entry,
    stage: p.stage,
    stageAt: p.stageAt,
    receivedAt: p.receivedAt,
    ...(p.firstContactAt ? { firstContactAt: p.firstContactAt } : {}),
    assignee: info.owner,
    ...(ctx.plans.get('8x8') && p.stage !== 'new' && p.stage !== 'lost'
      ? { planId: ctx.plans.get('8x8') }
      : {}),
    ...(rng.chance(0.6) ? { need: rng.pick(HOME_NEEDS) } : {}),
  })
}

/** Leads grown with the contacts: `plan` before the contact is written, `write` after. */
export const addLead = { plan, write }
