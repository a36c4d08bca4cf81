import { unwrap } from '../../../shared/doc'
import { addSource } from '../../../shared/leads'
import { contact, replica, type Replica } from '../helpers/team'

/** A device with two sources, two active members and one inactive, and Dana as a contact. */
export function team(a: Replica = replica('ana')) {
  const zillow = unwrap(addSource(a.repo, { name: 'Zillow ads', kind: 'ad' }))
  const openHouse = unwrap(addSource(a.repo, { name: 'Open house Elm St', kind: 'open-house' }))
  for (const [id, name, active] of [
    ['m-ana', 'Ana Lopez', true],
    ['m-ben', 'Ben Cho', true],
    ['m-cy', 'Cy Park', false],
  ] as const) {
    unwrap(a.repo.create('members', { name, role: 'agent', active }, { id }))
  }
  const dana = unwrap(a.repo.create('contacts', contact()))
  return { a, zillow, openHouse, dana }
}
