import type { Repo, Result } from '../doc'
import { captureLead, type CaptureLeadOptions, type CapturedLead } from './capture'

/** A lead typed in by hand: who, how to reach them, where they came from. */
export interface ManualLeadInput {
  name: string
  /** Email addresses; blanks are ignored. */
  emails?: readonly string[]
  /** Phone numbers; blanks are ignored. */
  phones?: readonly string[]
  /** A source from the team's list; required, and it must be active. */
  sourceId: string
  need?: string
}

/**
 * Adds a lead by hand (FAST's F, the manual entry). Stricter than `captureLead`, which also
 * takes imports and captured pages that may lack details: a lead typed in by an agent needs a
 * name and at least one email or phone, since a lead nobody can reach cannot be followed up.
 * Then it goes through `captureLead` (source check, matching an existing contact, no double).
 * @returns the lead and contact, or problems naming `name`, `contact` or `sourceId` (nothing written)
 */
export function addLeadByHand(
  repo: Repo,
  input: ManualLeadInput,
  options: CaptureLeadOptions = {},
): Result<CapturedLead> {
  const name = input.name.trim()
  const emails = (input.emails ?? []).map((e) => e.trim()).filter(Boolean)
  const phones = (input.phones ?? []).map((p) => p.trim()).filter(Boolean)
  const problems = [
    ...(name ? [] : [{ path: 'name', message: 'must not be empty' }]),
    ...(emails.length || phones.length
      ? []
      : [{ path: 'contact', message: 'give an email or a phone number to reach the lead' }]),
    ...(input.sourceId ? [] : [{ path: 'sourceId', message: 'a lead needs a source from the team list' }]),
  ]
  if (problems.length) return { ok: false, problems }
  const r = captureLead(
    repo,
    {
      person: {
        displayName: name,
        emails: emails.map((value) => ({ value })),
        phones: phones.map((value) => ({ value, label: 'mobile' })),
      },
      sourceId: input.sourceId,
      entry: 'manual',
      need: input.need,
    },
    options,
  )
  if (r.ok) return r
  // Problems about the person read as the form's fields.
  const field = (path: string) =>
    /^person\.(emails|phones)/.test(path) ? 'contact' : path.startsWith('person') ? 'name' : path
  return { ok: false, problems: r.problems.map((p) => ({ path: field(p.path), message: p.message })) }
}
