import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { exportBackup, restoreBackup } from '../../../shared/io/backup'
import { contact, replica, snapshot } from '../helpers/team'

function teamWithHistory() {
  const r = replica('ana')
  const dana = unwrap(r.repo.create('contacts', contact()))
  const sara = unwrap(
    r.repo.create('contacts', contact({ name: { display: 'سارة العلي', given: 'سارة', family: 'العلي' } })),
  )
  unwrap(r.repo.update('contacts', dana.id, { notes: 'Prefers mornings' }))
  unwrap(r.repo.remove('contacts', sara.id))
  unwrap(r.repo.optOut(dana.id, { channel: 'email', reason: 'Unsubscribed' }))
  unwrap(r.repo.create('members', { name: 'Ana Ruiz', role: 'owner' }))
  unwrap(r.repo.settings.update({ name: 'Ruiz Team', noResponseLimit: 4 }))
  return r
}

describe('JSON backup', () => {
  it('restores into an empty device with nothing lost (records, tombstones, ledger, settings)', () => {
    const source = teamWithHistory()
    const file = exportBackup(source.docs, source.clock.now())
    const target = replica('new-device')
    expect(restoreBackup(target.docs, file)).toEqual({ ok: true, teamId: 'team-1' })
    expect(snapshot(target)).toBe(snapshot(source))
    // and it carries readable records for people and other tools
    const json = JSON.parse(file) as { records: { contacts: Record<string, { name: { display: string } }> } }
    expect(
      Object.values(json.records.contacts)
        .map((c) => c.name.display)
        .sort(),
    ).toEqual(['Dana Whitfield', 'سارة العلي'])
  })

  it('restoring twice or into a device that moved on merges without loss', () => {
    const source = teamWithHistory()
    const file = exportBackup(source.docs, 0)
    const later = unwrap(source.repo.create('contacts', contact({ name: { display: 'Later Person' } })))
    expect(restoreBackup(source.docs, file).ok).toBe(true)
    expect(restoreBackup(source.docs, file).ok).toBe(true)
    expect(source.repo.get('contacts', later.id)?.name.display).toBe('Later Person')
  })

  it('refuses a truncated file, a damaged document, another team, or a newer version, and changes nothing', () => {
    const source = teamWithHistory()
    const file = exportBackup(source.docs, 0)
    const target = replica('b')
    const empty = snapshot(target)

    const truncated = restoreBackup(target.docs, file.slice(0, file.length / 2))
    expect(!truncated.ok && truncated.problems[0]!.message).toMatch(/not valid JSON/)

    const parsed = JSON.parse(file)
    const victim = parsed.docs.findIndex((d: { update: string }) => d.update.length > 200)
    const u: string = parsed.docs[victim].update
    parsed.docs[victim].update = u.slice(0, 100) + (u[100] === 'A' ? 'B' : 'A') + u.slice(101)
    const damaged = restoreBackup(target.docs, JSON.stringify(parsed))
    expect(!damaged.ok && damaged.problems[0]).toEqual({
      path: `docs.${victim}.update`,
      message: 'the document data is damaged',
    })

    const other = replica('c', 'team-2')
    const wrongTeam = restoreBackup(other.docs, file)
    expect(!wrongTeam.ok && wrongTeam.problems[0]!.message).toMatch(/of team team-1, not of this team/)

    const newer = restoreBackup(target.docs, JSON.stringify({ ...JSON.parse(file), version: 99 }))
    expect(!newer.ok && newer.problems[0]!.message).toMatch(/newer Rapport/)

    const notOurs = restoreBackup(target.docs, JSON.stringify({ hello: 'world' }))
    expect(!notOurs.ok && notOurs.problems[0]!.message).toMatch(/not a Rapport backup/)

    expect(snapshot(target)).toBe(empty)
  })
})
