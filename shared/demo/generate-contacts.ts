import type { InputOf, RelationshipType } from '../model'
import type { ContactInfo, GenContext, SourceKey } from './context'
import { DAY_MS } from './days'
import { createPeople, type GeneratedPerson } from './people'
import { CONTACT_NOTES } from './phrases'
import { FEATURES, NEIGHBOURHOODS, PROPERTY_TYPES, SEGMENT_TAGS, TRADES } from './pools'
import { createWeightedPool } from './random'
import { addLead, LEAD_SOURCES } from './generate-lead'
import { addReferral } from './generate-referral'

type SourceInput = InputOf<'sources'>
type ClassInput = NonNullable<InputOf<'contacts'>['class']>
type Circle = NonNullable<ClassInput['circles']>[number]
type InnerCircleRole = NonNullable<ClassInput['innerCircleRole']>

/** The team's lead sources; `weight` is how often a contact comes from it. */
export const SOURCES: Record<SourceKey, SourceInput & { weight: number }> = {
  'open-house': { name: 'Open house — Laurelhurst', kind: 'open-house', weight: 12 },
  website: { name: 'Team website', kind: 'website', weight: 12 },
  zillow: { name: 'Zillow ads', kind: 'ad', weight: 15 },
  'past-clients': { name: 'Past clients', kind: 'past-client', relationshipType: 'advocate', weight: 5 },
  referral: { name: 'Referrals from our sphere', kind: 'referral', relationshipType: 'advocate', weight: 0 },
  allied: { name: 'Allied resources', kind: 'referral', relationshipType: 'allied-resource', weight: 0 },
  linkedin: { name: 'LinkedIn', kind: 'linkedin', weight: 7 },
  farm: { name: 'Farm mailing — Sellwood', kind: 'other', weight: 22 },
  gmail: { name: 'Gmail contacts', kind: 'gmail', weight: 10 },
}

/**
 * The chance that a contact from a lead source arrived as a tracked lead: about 53% of
 * contacts come from such sources, so this makes leads about 20% of all contacts.
 */
const LEAD_CHANCE = 0.38

const ROLE_NAMES = [
  'Nadia Haddad',
  'Ben Whitaker',
  'Rosa Delgado',
  'Sam Okoye',
  'Tess Lindqvist',
  'Omar Farouk',
]

/** Writes the members (an owner, agents, an assistant) and the lead sources. */
export function addMembersAndSources(ctx: GenContext, memberCount: number): void {
  const n = Math.max(1, Math.min(memberCount, ROLE_NAMES.length))
  ctx.repo.batch(() => {
    for (let i = 0; i < n; i++) {
      const role = i === 0 ? 'owner' : i === n - 1 && n >= 3 ? 'assistant' : 'agent'
      const name = ROLE_NAMES[i]!
      const email = `${name.split(' ')[0]!.toLowerCase()}@rapportrealty.com`
      const id = ctx.put('members', { name, role, email })
      if (id) ctx.members.push({ id, role, name })
    }
    for (const [key, { weight: _weight, ...input }] of Object.entries(SOURCES)) {
      const id = ctx.put('sources', input)
      if (id) ctx.sources.set(key as SourceKey, id)
    }
  })
}

const REL_WEIGHTS = { 'allied-resource': 11, advocate: 16, 'core-advocate': 2, other: 14, none: 57 }
/** How likely a contact is to refer, before counting the referrals it already sent. */
const REFER_WEIGHT: Record<RelationshipType | 'none', number> = {
  'core-advocate': 10,
  advocate: 2,
  'allied-resource': 1.5,
  other: 0.2,
  none: 0.05,
}

/**
 * Writes the contacts in creation order, growing the referral graph as it goes: each new
 * contact may be a referral from an earlier one, picked in proportion to
 * (its type's weight) × (1 + referrals it already sent), so a few core advocates send many.
 */
export function addContacts(ctx: GenContext, count: number): void {
  const { rng } = ctx
  const people = createPeople(rng.fork('people'))
  const pool = createWeightedPool(count)
  const warmUp = Math.min(10, Math.ceil(count / 10))
  const owners = ctx.members.filter((m) => m.role !== 'assistant')
  const lastYear = ctx.start - 365 * DAY_MS

  ctx.chunked(count, ctx.batchSize, (i) => {
    let rel = rng.weighted(REL_WEIGHTS) as RelationshipType | 'none'
    const referrer = i >= warmUp && rng.chance(0.11) ? pool.draw(rng) : -1
    // Someone referred to us is new: not yet an advocate or a partner (a closed deal may make them one).
    if (referrer >= 0) rel = rng.chance(0.8) ? 'none' : 'other'
    const trade = rel === 'allied-resource' ? rng.pick(TRADES) : undefined
    const p = people.person({ trade })
    const info: ContactInfo = {
      id: '',
      display: p.display,
      met:
        referrer < 0 &&
        (rel === 'advocate' || rel === 'core-advocate' || (trade ? rng.chance(0.85) : rng.chance(0.04))),
      ...(rel === 'none' ? {} : { rel }),
      ...(trade ? { trade } : {}),
      owner: rng.pick(owners.length ? owners : ctx.members)?.id ?? ctx.repo.actor,
      source:
        referrer >= 0
          ? ctx.contacts[referrer]!.rel === 'allied-resource'
            ? 'allied'
            : 'referral'
          : sourceFor(ctx, rel),
      since: lastYear,
      isClient: rel === 'advocate' || rel === 'core-advocate',
    }
    if (info.source === 'past-clients') info.isClient = info.met = true
    if (info.isClient) info.side = rng.chance(0.6) ? 'buyer' : 'seller'
    const referral = referrer >= 0 ? addReferral.plan(ctx, info) : undefined
    const lead =
      !referral && LEAD_SOURCES.has(info.source) && rng.chance(LEAD_CHANCE)
        ? addLead.plan(ctx, info)
        : undefined
    const id = ctx.put(
      'contacts',
      contactInput(ctx, p, info, referrer >= 0 ? ctx.contacts[referrer]!.id : undefined),
    )
    info.id = id ?? `missing-${i}`
    ctx.contacts.push(info)
    if (lead) addLead.write(ctx, lead, info)
    if (referral) {
      addReferral.write(ctx, referral, referrer, i)
      pool.add(referrer, REFER_WEIGHT[ctx.contacts[referrer]!.rel ?? 'none'])
    }
    pool.add(i, REFER_WEIGHT[info.rel ?? 'none'] * (info.met || info.isClient ? 1 : 0.5))
  })
}

function sourceFor(ctx: GenContext, rel: RelationshipType | 'none'): SourceKey {
  const { rng } = ctx
  if (rel === 'allied-resource') return rng.pick(['gmail', 'linkedin', 'past-clients'] as const)
  if (rel === 'advocate' || rel === 'core-advocate') return rng.chance(0.7) ? 'past-clients' : 'gmail'
  const weights = Object.fromEntries(Object.entries(SOURCES).map(([k, s]) => [k, s.weight])) as Record<
    SourceKey,
    number
  >
  return rng.weighted(weights)
}

function contactInput(
  ctx: GenContext,
  p: GeneratedPerson,
  info: ContactInfo,
  referredBy?: string,
): InputOf<'contacts'> {
  const { rng } = ctx
  const isOrg = !!info.trade && rng.chance(0.15)
  const circles = circlesFor(ctx, info)
  const tags = [...ctx.tags]
  if (info.trade) tags.push(info.trade.tag)
  if (info.source === 'farm') tags.push('farm-sellwood')
  if (rng.chance(0.45)) tags.push(...rng.sample(SEGMENT_TAGS, rng.int(1, 2)))
  return {
    name: isOrg
      ? { display: p.work!.organisation }
      : {
          display: p.display,
          given: p.given,
          family: p.family,
          ...(rng.chance(0.04) ? { pronouns: 'she/her' } : {}),
        },
    kind: isOrg ? 'organisation' : 'person',
    emails: p.emails,
    phones: p.phones,
    addresses: p.address ? [p.address] : [],
    ...(p.linkedin ? { web: { linkedin: p.linkedin, websites: [] } } : {}),
    ...(p.work ? { work: p.work } : {}),
    class: {
      met: info.met,
      ...(info.rel ? { relationshipType: info.rel } : {}),
      ...innerCircle(ctx, info),
      circles,
      targetGroup: info.trade
        ? 'allied-resources'
        : info.met
          ? 'met'
          : rng.chance(0.6)
            ? 'target-group'
            : 'general-public',
    },
    ...(rng.chance(0.45) || info.isClient ? { profile: profileFor(ctx, info, p) } : {}),
    source: {
      kind: SOURCES[info.source].kind,
      sourceId: ctx.sources.get(info.source),
      ...(referredBy ? { referredBy } : {}),
    },
    tags: [...new Set(tags)],
    notes: rng.chance(0.25) ? rng.pick(CONTACT_NOTES) : '',
    owner: info.owner,
  }
}

function circlesFor(ctx: GenContext, info: ContactInfo): Circle[] {
  const { rng } = ctx
  if (info.trade) return ['vendors']
  if (info.isClient) return rng.chance(0.3) ? ['clients', 'family-friends'] : ['clients']
  if (!info.met) return []
  return rng.sample(['family-friends', 'colleagues', 'organisations'] as const, rng.int(1, 2))
}

function innerCircle(ctx: GenContext, info: ContactInfo): { innerCircleRole?: InnerCircleRole } {
  const { rng } = ctx
  if (info.rel === 'core-advocate') return { innerCircleRole: rng.chance(0.7) ? 'influencer' : 'promoter' }
  if (info.rel === 'advocate') return rng.chance(0.7) ? { innerCircleRole: 'promoter' } : {}
  if (info.trade) return rng.chance(0.6) ? { innerCircleRole: 'collaborator' } : {}
  if (!info.met) return {}
  const role = rng.weighted({ none: 80, promoter: 8, influencer: 5, collaborator: 3, detractor: 4 })
  return role === 'none' ? {} : { innerCircleRole: role }
}

function profileFor(
  ctx: GenContext,
  info: ContactInfo,
  p: GeneratedPerson,
): NonNullable<InputOf<'contacts'>['profile']> {
  const { rng } = ctx
  const budgetMax = rng.int(35, 150) * 1_000_000
  return {
    ageBand: rng.pick(['25-34', '35-44', '45-54', '55-64', '65+']),
    ...(p.work ? { occupation: p.work.title } : {}),
    incomeBand: rng.pick(['<75k', '75-150k', '150-250k', '250k+']),
    propertyTypes: rng.sample(PROPERTY_TYPES, rng.int(1, 2)),
    locations: rng.sample(NEIGHBOURHOODS, rng.int(1, 3)),
    budgetMin: Math.round(budgetMax * 0.75),
    budgetMax,
    features: rng.sample(FEATURES, rng.int(0, 3)),
    side: info.side ?? rng.pick(['buyer', 'seller', 'both']),
  }
}
