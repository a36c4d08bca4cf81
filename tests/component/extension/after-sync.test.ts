import { describe, expect, it } from 'vitest'
import { allDocs, unwrap } from '../../../shared/doc'
import { advanceLead, captureLead, leadView } from '../../../shared/leads'
import { reconcileAfterSync, reconcileOnSync } from '../../../pwa/services/after-sync'
import { replica, syncAll } from '../../unit/helpers/team'
import { team } from '../../unit/leads/fixtures'

const MIN = 60_000

/** Two devices sharing a lead, each moving it while apart, then merged. */
function mergedConcurrentMoves() {
  const t = team()
  const { lead } = unwrap(
    captureLead(t.a.repo, { contactId: t.dana.id, sourceId: t.zillow.id, entry: 'capture' }),
  )
  const b = replica('ben')
  syncAll(t.a, b)
  t.a.clock.advance(30 * MIN)
  b.clock.advance(10 * MIN)
  unwrap(advanceLead(b.repo, lead.id, 'qualified'))
  unwrap(advanceLead(t.a.repo, lead.id, 'contacted'))
  syncAll(t.a, b)
  return { a: t.a, b, id: lead.id }
}

describe('reconcileAfterSync', () => {
  it('writes the derived lead stage back after a merge, the same on both devices', () => {
    const { a, b, id } = mergedConcurrentMoves()
    // Which device's plain field wins the merge depends on Yjs client ids: make it the stale one.
    unwrap(a.repo.update('leads', id, { stage: 'contacted' }))
    expect(a.repo.get('leads', id)!.stage).toBe('contacted')
    for (const r of [a, b]) {
      const report = reconcileAfterSync(r.repo, { day: '2026-01-05' })
      expect(report).toMatchObject({ leads: 1, problems: [] })
      expect(r.repo.get('leads', id)).toMatchObject({
        stage: 'qualified',
        firstContactAt: leadView(r.repo, id)!.firstContactAt,
      })
    }
  })

  it('writes nothing on a second pass', () => {
    const { a } = mergedConcurrentMoves()
    reconcileAfterSync(a.repo, { day: '2026-01-05' })
    let updates = 0
    for (const doc of allDocs(a.docs)) doc.on('update', () => updates++)
    reconcileAfterSync(a.repo, { day: '2026-01-05' })
    expect(updates).toBe(0)
  })
})

describe('reconcileOnSync', () => {
  it('runs one pass after a burst of updates from the sync origin, none for local writes', async () => {
    const { a, id } = mergedConcurrentMoves()
    unwrap(a.repo.update('leads', id, { stage: 'contacted' })) // a stale field, as a merge can leave
    const origin = { kind: 'sync' }
    const reports: unknown[] = []
    const stop = reconcileOnSync(origin, {
      repo: a.repo,
      docs: a.docs,
      day: () => '2026-01-05',
      delayMs: 5,
      onReconciled: (r) => reports.push(r),
    })
    unwrap(a.repo.create('contacts', { name: { display: 'Local Write' } }))
    await new Promise((r) => setTimeout(r, 20))
    expect(reports).toHaveLength(0)
    expect(a.repo.get('leads', id)!.stage).toBe('contacted')
    for (let i = 0; i < 3; i++)
      a.docs.team.transact(() => a.docs.team.getMap('probe').set(`k${i}`, i), origin)
    await new Promise((r) => setTimeout(r, 30))
    expect(reports).toHaveLength(1)
    expect(a.repo.get('leads', id)!.stage).toBe('qualified')
    stop()
  })
})
