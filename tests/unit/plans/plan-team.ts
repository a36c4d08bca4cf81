import { unwrap } from '../../../shared/doc'
import type { ContactInput } from '../../../shared/model'
import { installBuiltinPlans } from '../../../shared/plans'
import { contact, replica, syncAll, type Replica } from '../helpers/team'

/** A team of two devices (Ana, the owner, and Ben, an assistant) with the built-in plans and Dana. */
export function planTeam(overrides: Partial<ContactInput> = {}) {
  const a = replica('ana')
  const b = replica('ben')
  unwrap(
    a.repo.create(
      'members',
      { name: 'Ana Reyes', role: 'owner', email: 'ana@rapport.example' },
      { id: 'ana' },
    ),
  )
  unwrap(a.repo.create('members', { name: 'Ben Okafor', role: 'assistant' }, { id: 'ben' }))
  unwrap(a.repo.settings.update({ name: 'Reyes Home Team' }))
  unwrap(installBuiltinPlans(a.repo))
  const dana = unwrap(a.repo.create('contacts', contact({ owner: 'ana', ...overrides })))
  syncAll(a, b)
  return { a, b, dana }
}

/** The touches of one replica, by plan step and repetition, as `stepId:n → due`. */
export function schedule(r: Replica, enrollmentId: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const t of r.repo.list('touches')) {
    if (t.enrollmentId === enrollmentId) out[t.id.slice(enrollmentId.length + 1)] = t.due
  }
  return out
}

/** The statuses of the touches of an enrollment, sorted by due day then id. */
export function touchesOf(r: Replica, enrollmentId: string) {
  return r.repo
    .list('touches')
    .filter((t) => t.enrollmentId === enrollmentId)
    .sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.id < y.id ? -1 : 1))
}
