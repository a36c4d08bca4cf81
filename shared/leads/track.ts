import { check, fail, jsonEqual, ok, type Repo, type Result } from '../doc'
import { LeadStage, type LeadStage as Stage, type RecordOf } from '../model'
import {
  CONTACT_STAGES,
  deriveLead,
  leadStageEventId,
  leadStageEvents,
  refuseLeadMove,
  type DerivedLead,
} from './stages'

function derive(repo: Repo, lead: RecordOf<'leads'>): DerivedLead {
  return deriveLead(lead, leadStageEvents(lead.id, repo.timeline.list(lead.contactId)))
}

/**
 * A lead as every device agrees on it: its stored fields with `stage`, `stageAt` and
 * `firstContactAt` derived from every recorded move (see `deriveLead`).
 * @returns the lead, or `undefined` when there is no such record
 */
export function leadView(repo: Repo, id: string): RecordOf<'leads'> | undefined {
  const lead = repo.get('leads', id)
  return lead && { ...lead, ...derive(repo, lead) }
}

/**
 * Tracks a lead (FAST's T): moves it forward, or to `lost` from any open stage, recording
 * `stageAt` and a stage event on the contact's timeline (id `${id}:stage:${stage}:${actor}`,
 * the merge-safe record of the move). The first move into a contact stage (contacted,
 * qualified, appointment, converted) sets `firstContactAt`, once: later moves keep it.
 * @returns the lead, or problems naming `id` or `stage` (nothing written)
 */
export function advanceLead(repo: Repo, id: string, stage: Stage): Result<RecordOf<'leads'>> {
  const stored = repo.get('leads', id)
  if (!stored) return fail('id', `no lead ${id}`)
  if (stored.deleted) return fail('id', `lead ${id} is deleted`)
  const valid = check(LeadStage, stage, 'stage')
  if (!valid.ok) return valid
  const current = derive(repo, stored)
  const refused = refuseLeadMove(current.stage, stage)
  if (refused) return fail('stage', refused)
  const now = repo.clock.now()
  const next = deriveLead({ ...current, stage, stageAt: { ...current.stageAt, [stage]: now } }, [])
  return repo.batch(() => {
    const updated = repo.update('leads', id, next)
    if (!updated.ok) return updated
    const firstContact = current.firstContactAt === undefined && CONTACT_STAGES.includes(stage)
    repo.timeline.append(
      {
        contactId: stored.contactId,
        kind: 'note',
        at: now,
        summary: `Lead moved to ${stage}${firstContact ? ' (first contact)' : ''}`,
      },
      { id: leadStageEventId(id, stage, repo.actor) },
    )
    return updated
  })
}

/**
 * Writes a lead's derived `stage`, `stageAt` and `firstContactAt` back to the record, so
 * readers of the plain fields (the read model, the KPIs) agree after devices merged
 * concurrent moves: the earliest first contact wins. Idempotent and the same on every device.
 * @returns the reconciled lead, or a problem naming `id`
 */
export function reconcileLead(repo: Repo, id: string): Result<RecordOf<'leads'>> {
  const stored = repo.get('leads', id)
  if (!stored) return fail('id', `no lead ${id}`)
  if (stored.deleted) return ok(stored)
  const d = derive(repo, stored)
  const now = { stage: stored.stage, stageAt: stored.stageAt, firstContactAt: stored.firstContactAt }
  return jsonEqual(now, d) ? ok(stored) : repo.update('leads', id, d)
}

/**
 * Time to first contact (FAST: respond quickly) in ms; 0 when the contact came before the lead
 * was entered, `undefined` while nobody has been in touch.
 */
export function timeToFirstContact(
  lead: Pick<RecordOf<'leads'>, 'receivedAt' | 'firstContactAt'>,
): number | undefined {
  return lead.firstContactAt === undefined ? undefined : Math.max(0, lead.firstContactAt - lead.receivedAt)
}
