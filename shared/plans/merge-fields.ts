import type { ContactData, MemberData } from '../model'

/** Values for a script's merge fields, by field name (`firstName`, `agentName`, …). */
export type MergeContext = Readonly<Record<string, string | undefined>>

/** The merge fields a built-in script may use; `mergeContext` fills all of them it can. */
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'organisation',
  'city',
  'agentName',
  'agentFirstName',
  'agentEmail',
  'agentPhone',
  'teamName',
] as const

const FIELD = /\{([A-Za-z][A-Za-z0-9_]*)\}/g

/**
 * Fills `{field}` placeholders from `context`. A field the context does not know, or knows
 * only as an empty value, stays visible as written (`{agentPhone}`), so the agent sees what
 * is missing instead of a blank. Never throws: a non-string template gives `''`.
 * @param template - a script such as `Hi {firstName}, it's {agentName}…`
 * @param context - field values; only own keys count, so `{constructor}` stays as is
 */
export function fillScript(template: unknown, context: MergeContext): string {
  if (typeof template !== 'string') return ''
  return template.replace(FIELD, (whole, key: string) => {
    const value = Object.hasOwn(context, key) ? context[key] : undefined
    return typeof value === 'string' && value.trim() !== '' ? value : whole
  })
}

/** The parts of a contact the merge fields read (a stored contact or a read-model row). */
export type MergeContact = Pick<ContactData, 'name'> &
  Partial<Pick<ContactData, 'kind' | 'addresses' | 'work' | 'profile'>>

/** The parts of a member the merge fields read. */
export type MergeMember = Pick<MemberData, 'name'> & Partial<Pick<MemberData, 'email'>>

/** What `mergeContext` builds a context from; every part is optional. */
export interface MergeSources {
  contact?: MergeContact
  /** The member who makes the touch (the assignee): `{agentName}`, `{agentEmail}`. */
  member?: MergeMember
  /** The team's name, `{teamName}`. */
  teamName?: string
  /** Anything else, e.g. `{ agentPhone: '+1 503 555 0100' }`; these win over the derived values. */
  extra?: MergeContext
}

const words = (s: string | undefined) => (s ?? '').trim().split(/\s+/u).filter(Boolean)

/**
 * Builds the merge context for one touch. First and last names come from the contact's given
 * and family names, else from the words of the display name (which works for Arabic or any
 * space-separated script); an organisation's first name is its display name.
 * Fields with no value are left out, so `fillScript` keeps them visible.
 */
export function mergeContext(sources: MergeSources): Record<string, string> {
  const out: Record<string, string> = {}
  const put = (key: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') out[key] = value.trim()
  }
  const c = sources.contact
  if (c) {
    const display = c.name.display
    const parts = words(display)
    const isOrg = c.kind === 'organisation'
    put('fullName', display)
    put('firstName', c.name.given || (isOrg ? display : parts[0]))
    put('lastName', c.name.family || (isOrg || parts.length < 2 ? undefined : parts.slice(1).join(' ')))
    put('organisation', isOrg ? display : c.work?.organisation)
    put('city', c.addresses?.find((a) => a.city?.trim())?.city ?? c.profile?.locations?.[0])
  }
  const m = sources.member
  if (m) {
    put('agentName', m.name)
    put('agentFirstName', words(m.name)[0])
    put('agentEmail', m.email)
  }
  put('teamName', sources.teamName)
  for (const [k, value] of Object.entries(sources.extra ?? {})) put(k, value)
  return out
}
