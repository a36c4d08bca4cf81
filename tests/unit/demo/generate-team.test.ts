import { createHash } from 'node:crypto'
import { isValidPhoneNumber } from 'libphonenumber-js'
import * as v from 'valibot'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRepo, createTeamDocs, type Repo } from '../../../shared/doc'
import {
  DEMO_TAG,
  DEMO_TEAM_NAME,
  generateDemoTeam,
  generateTeam,
  type GenerateTeamSummary,
} from '../../../shared/demo'
import { Contact, RECORD_COLLECTION_NAMES, createSequentialIds } from '../../../shared/model'
import { manualClock } from '../helpers/team'

const N = 300
const START = '2026-03-02'
const START_MS = Date.UTC(2026, 2, 2)

function team(seed: number, contacts = N): { repo: Repo; summary: GenerateTeamSummary } {
  const docs = createTeamDocs('bench-team')
  const repo = createRepo(docs, {
    clock: manualClock(START_MS + 9 * 3_600_000),
    ids: createSequentialIds('g'),
    actor: 'seed',
  })
  return { repo, summary: generateTeam(repo, { contacts, seed, start: START }) }
}

/** A hash of everything the repository can read back. */
function snapshotHash(repo: Repo): string {
  const all = {
    ...Object.fromEntries(RECORD_COLLECTION_NAMES.map((c) => [c, repo.list(c, { includeDeleted: true })])),
    interactions: repo.timeline.list(),
    optOuts: [...repo.optOutStates().entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
    settings: repo.settings.get(),
  }
  return createHash('sha256').update(JSON.stringify(all)).digest('hex')
}

describe('generateTeam', () => {
  let repo: Repo
  let summary: GenerateTeamSummary
  beforeAll(() => ({ repo, summary } = team(1)))

  it('writes the same team for the same seed, and a different one for another seed', () => {
    const hash = snapshotHash(repo)
    expect(snapshotHash(team(1).repo)).toBe(hash)
    expect(snapshotHash(team(2).repo)).not.toBe(hash)
  })

  it('has every write accepted by the repository and counts that match what it holds', () => {
    expect(summary.failed, JSON.stringify(summary.problems)).toBe(0)
    expect(summary.contacts).toBe(N)
    for (const c of RECORD_COLLECTION_NAMES)
      expect(repo.list(c, { includeDeleted: true }), c).toHaveLength(summary[c])
    expect(repo.timeline.list()).toHaveLength(summary.interactions)
    for (const c of repo.list('contacts')) expect(v.safeParse(Contact, c).success).toBe(true)
  })

  it('generates plausible proportions', () => {
    expect(summary.members).toBeGreaterThanOrEqual(3)
    expect(summary.members).toBeLessThanOrEqual(5)
    expect(summary.sources).toBeGreaterThanOrEqual(7)
    expect(summary.interactions / N).toBeGreaterThan(7)
    expect(summary.interactions / N).toBeLessThan(14)
    expect(summary.leads / N).toBeGreaterThan(0.12)
    expect(summary.leads / N).toBeLessThan(0.3)
    expect(summary.referrals / N).toBeGreaterThan(0.05)
    expect(summary.referrals / N).toBeLessThan(0.25)
    for (const c of ['rewards', 'intros', 'deals', 'costs', 'surveys', 'enrollments', 'touches'] as const) {
      expect(summary[c], c).toBeGreaterThan(0)
    }
    const contacts = repo.list('contacts')
    const share = (f: (c: (typeof contacts)[number]) => boolean) => contacts.filter(f).length / N
    expect(share((c) => c.class.met)).toBeGreaterThan(0.3)
    expect(share((c) => c.class.met)).toBeLessThan(0.5)
    expect(share((c) => c.class.relationshipType === 'allied-resource')).toBeGreaterThan(0.05)
    expect(share((c) => c.class.relationshipType === 'allied-resource')).toBeLessThan(0.16)
    expect(share((c) => c.class.relationshipType === 'advocate')).toBeGreaterThan(0.08)
    expect(share((c) => c.class.relationshipType === 'core-advocate')).toBeGreaterThan(0)
    expect(share((c) => c.class.relationshipType === 'core-advocate')).toBeLessThan(0.06)
  })

  it('writes names in both scripts, unique emails and valid US phone numbers', () => {
    const contacts = repo.list('contacts')
    expect(contacts.some((c) => /[\u0600-\u06ff]/.test(c.name.display))).toBe(true)
    expect(contacts.some((c) => /^[A-Za-z]+ [A-Za-z-]+$/.test(c.name.display))).toBe(true)
    const emails = contacts.flatMap((c) => c.emails.map((e) => e.value))
    expect(new Set(emails).size).toBe(emails.length)
    expect(emails.every((e) => /^[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]+$/.test(e))).toBe(true)
    const phones = contacts.flatMap((c) => c.phones.map((p) => p.value))
    expect(phones.length).toBeGreaterThan(N * 0.8)
    expect(new Set(phones).size).toBe(phones.length)
    for (const p of phones) expect(isValidPhoneNumber(p), p).toBe(true)
    expect(phones.every((p) => /^\+1(503|971|360)\d{7}$/.test(p))).toBe(true)
  })

  it('grows a referral graph where a few referrers send many referrals', () => {
    const referrals = repo.list('referrals')
    const sent = new Map<string, number>()
    for (const r of referrals) sent.set(r.referrerId, (sent.get(r.referrerId) ?? 0) + 1)
    const top = Math.max(...sent.values())
    expect(top).toBeGreaterThanOrEqual(4)
    expect(sent.size).toBeLessThan(referrals.length)
    for (const r of referrals) {
      expect(repo.get('contacts', r.referredId)?.source?.referredBy).toBe(r.referrerId)
      if (r.stage === 'closed') expect(r.value).toBeGreaterThan(0)
    }
    expect(referrals.some((r) => r.stage === 'closed')).toBe(true)
    expect(repo.list('rewards').filter((r) => r.reason === 'referral-made')).toHaveLength(referrals.length)
  })

  it('keeps the history before the start day and closed deals with their income', () => {
    const interactions = repo.timeline.list().filter((i) => i.kind !== 'opt-out')
    expect(interactions.every((i) => i.at < START_MS)).toBe(true)
    expect(interactions[0]!.at).toBeGreaterThanOrEqual(START_MS - 366 * 86_400_000)
    const closed = repo.list('deals').filter((d) => d.status === 'closed')
    expect(closed.length).toBeGreaterThan(0)
    for (const d of closed) expect(d.income! > 0 && d.closedOn! < START).toBe(true)
    expect(new Set(repo.list('deals').map((d) => d.side))).toEqual(new Set(['buyer', 'seller']))
    const leads = repo.list('leads')
    expect(
      leads.filter((l) => l.firstContactAt !== undefined).every((l) => l.firstContactAt! > l.receivedAt),
    ).toBe(true)
  })

  it('refuses a start that is not a day', () => {
    const docs = createTeamDocs('t')
    const r = createRepo(docs, { clock: manualClock(), ids: createSequentialIds('x'), actor: 'a' })
    expect(() => generateTeam(r, { contacts: 1, seed: 1, start: '2026/03/02' })).toThrow(RangeError)
  })
})

describe('generateDemoTeam', () => {
  it('writes a small, clearly named demo team with every contact tagged demo', () => {
    const docs = createTeamDocs('demo')
    const clock = manualClock(Date.UTC(2026, 4, 11, 15))
    const repo = createRepo(docs, { clock, ids: createSequentialIds('d'), actor: 'device' })
    const summary = generateDemoTeam(repo, { clock })
    expect(summary.failed).toBe(0)
    expect(summary.contacts).toBe(60)
    expect(repo.settings.get().name).toBe(DEMO_TEAM_NAME)
    expect(repo.list('contacts').every((c) => c.tags.includes(DEMO_TAG))).toBe(true)
    expect(repo.list('touches').some((t) => t.due >= '2026-05-11' && t.status === 'pending')).toBe(true)
  })
})
