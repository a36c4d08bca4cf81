import type { Address, LabeledValue } from '../model'
import {
  ARABIC_FAMILY,
  ARABIC_GIVEN,
  EMAIL_DOMAINS,
  ENGLISH_FAMILY,
  ENGLISH_GIVEN,
  JOBS,
  PLACES,
  STREETS,
  type Trade,
} from './pools'
import type { Random } from './random'

/** A generated person: what an address book knows about someone. */
export interface GeneratedPerson {
  given: string
  family: string
  display: string
  /** The script the name is written in. */
  script: 'latin' | 'arabic'
  emails: LabeledValue[]
  /** US numbers in E.164 (`+15035550142`). */
  phones: LabeledValue[]
  work?: { organisation: string; title: string }
  address?: Address
  linkedin?: string
}

/** Options for one person. */
export interface PersonOptions {
  /** Makes the person work in this trade (an allied resource). */
  trade?: Trade
}

const AREA_CODES = ['503', '971', '360'] as const
/** Exchanges that look ordinary: not 555, not N11 service codes. */
const EXCHANGES = Array.from({ length: 800 }, (_, i) => 200 + i).filter((x) => x !== 555 && x % 100 !== 11)

/**
 * The phone number of slot `n` of a team, unique per slot. The first 300 are in the 555-0100…0199
 * range reserved for fiction; the next 29,700 use the rest of 555; only a team larger than
 * that gets ordinary-looking numbers. Slots are spread by a multiplicative permutation.
 */
export function phoneForSlot(n: number, offset = 0): string {
  const ranges = [
    { size: 300, at: (j: number) => `555${String(100 + Math.floor(j / 3)).padStart(4, '0')}` },
    { size: 29_700, at: (j: number) => `555${String(skip01xx(Math.floor(j / 3))).padStart(4, '0')}` },
    {
      size: 3 * EXCHANGES.length * 10_000,
      at: (j: number) => {
        const k = Math.floor(j / 3)
        return `${EXCHANGES[k % EXCHANGES.length]}${String(Math.floor(k / EXCHANGES.length)).padStart(4, '0')}`
      },
    },
  ]
  let i = n
  for (const r of ranges) {
    if (i < r.size) {
      // 1_000_003 is prime and divides none of the range sizes, so this is a bijection.
      const j = Math.floor((i * 1_000_003 + offset) % r.size)
      return `+1${AREA_CODES[j % 3]}${r.at(j)}`
    }
    i -= r.size
  }
  throw new RangeError(`phone slot ${n} is beyond the generated number space`)
}

function skip01xx(k: number): number {
  return k < 100 ? k : k + 100
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/^al-/, 'al')
    .replace(/[^a-z0-9]+/g, '')

/** The web domain of a made-up business name. */
export function orgDomain(org: string): string {
  return `${org
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '')}.com`
}

/**
 * Makes people for one team: names in English and Arabic (some written in Arabic script),
 * unique emails on realistic domains, unique valid US phone numbers, work and addresses.
 * @param rng - the team's random source
 */
export function createPeople(rng: Random) {
  const usedEmails = new Set<string>()
  let phoneSlot = 0
  const phoneOffset = rng.int(0, 1_000_000)

  function uniqueEmail(local: string, domain: string): string {
    let candidate = `${local}@${domain}`
    for (let n = 2; usedEmails.has(candidate); n++)
      candidate = `${local}${n === 2 ? rng.int(10, 99) : n}@${domain}`
    usedEmails.add(candidate)
    return candidate
  }

  function name(): Pick<GeneratedPerson, 'given' | 'family' | 'display' | 'script'> & {
    latin: [string, string]
  } {
    if (rng.chance(0.7)) {
      const given = rng.pick(ENGLISH_GIVEN)
      const family = rng.pick(ENGLISH_FAMILY)
      return { given, family, display: `${given} ${family}`, script: 'latin', latin: [given, family] }
    }
    const g = rng.pick(ARABIC_GIVEN)
    const f = rng.pick(ARABIC_FAMILY)
    const latin: [string, string] = [g.latin, f.latin]
    if (rng.chance(0.55))
      return { given: g.ar, family: f.ar, display: `${g.ar} ${f.ar}`, script: 'arabic', latin }
    return { given: g.latin, family: f.latin, display: `${g.latin} ${f.latin}`, script: 'latin', latin }
  }

  function person(opts: PersonOptions = {}): GeneratedPerson {
    const n = name()
    const [first, last] = n.latin.map(slug) as [string, string]
    const job = opts.trade
      ? { organisation: rng.pick(opts.trade.orgs), title: rng.pick(opts.trade.titles) }
      : rng.chance(0.3)
        ? (({ org, title }) => ({ organisation: org, title }))(rng.pick(JOBS))
        : undefined

    const emails: LabeledValue[] = []
    const style = rng.int(0, 3)
    const local = [`${first}.${last}`, `${first[0]}${last}`, `${first}${last[0]}`, `${first}_${last}`][style]!
    emails.push({ value: uniqueEmail(local, rng.weighted(EMAIL_DOMAINS)), label: 'home' })
    const extra = rng.weighted({ 0: 60, 1: 30, 2: 10 })
    if (extra !== '0' && job)
      emails.push({ value: uniqueEmail(`${first}.${last}`, orgDomain(job.organisation)), label: 'work' })
    while (emails.length < 1 + Number(extra)) {
      emails.push({ value: uniqueEmail(`${first}${last}`, rng.weighted(EMAIL_DOMAINS)), label: 'other' })
    }

    const phones: LabeledValue[] = []
    if (opts.trade || rng.chance(0.85))
      phones.push({ value: phoneForSlot(phoneSlot++, phoneOffset), label: 'mobile' })
    if (rng.chance(job ? 0.3 : 0.12)) {
      phones.push({ value: phoneForSlot(phoneSlot++, phoneOffset), label: job ? 'work' : 'home' })
    }

    let address: Address | undefined
    if (rng.chance(0.45)) {
      const place = rng.pick(PLACES)
      address = {
        label: 'home',
        street: `${rng.int(100, 9899)} ${rng.pick(STREETS)}`,
        city: place.city,
        region: place.region,
        postalCode: rng.pick(place.zips),
        country: 'US',
      }
    }
    const linkedin = rng.chance(job ? 0.5 : 0.12)
      ? `https://www.linkedin.com/in/${first}-${last}-${rng.int(0x1000, 0xffff).toString(16)}`
      : undefined

    return {
      given: n.given,
      family: n.family,
      display: n.display,
      script: n.script,
      emails,
      phones,
      ...(job ? { work: job } : {}),
      ...(address ? { address } : {}),
      ...(linkedin ? { linkedin } : {}),
    }
  }

  return { person }
}
export type People = ReturnType<typeof createPeople>
