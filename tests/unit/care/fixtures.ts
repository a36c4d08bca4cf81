import { unwrap } from '../../../shared/doc'
import { contact, replica, type Replica } from '../helpers/team'

/** Sam (a buyer who needs a mortgage), Dana (a lender) and Priya (a past client) on device `a`. */
export function people(a: Replica = replica('ana')) {
  const sam = unwrap(
    a.repo.create(
      'contacts',
      contact({
        name: { display: 'Sam Ortiz', given: 'Sam', family: 'Ortiz' },
        emails: [{ value: 'sam.ortiz@example.com' }],
        phones: [{ value: '+15035550177' }],
        class: { met: true, circles: ['clients'] },
        tags: [],
      }),
    ),
  )
  const dana = unwrap(a.repo.create('contacts', contact()))
  const priya = unwrap(
    a.repo.create(
      'contacts',
      contact({ name: { display: 'Priya Raman', given: 'Priya' }, emails: [], phones: [], tags: [] }),
    ),
  )
  return { a, sam, dana, priya }
}

/** The intro every CARE test starts from: Sam needs a mortgage now, Dana lends. */
export const mortgageNeed = { text: 'a pre-approval for a first home', urgency: 'now' as const }
