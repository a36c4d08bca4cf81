import { unwrap } from '../../../shared/doc'
import { contact, replica, syncAll, type Replica } from '../helpers/team'

/** Dana (an allied-resource lender) refers Sam (a buyer); both live on device `a`. */
export function referrerAndReferred(a: Replica = replica('ana')) {
  const dana = unwrap(a.repo.create('contacts', contact()))
  const sam = unwrap(
    a.repo.create(
      'contacts',
      contact({
        name: { display: 'Sam Ortiz', given: 'Sam', family: 'Ortiz' },
        emails: [{ value: 'sam.ortiz@example.com' }],
        phones: [{ value: '+15035550177' }],
        class: { met: false, circles: [] },
        tags: [],
      }),
    ),
  )
  return { a, dana, sam }
}

/** Two devices sharing Dana and Sam. */
export function twoDevices() {
  const { a, dana, sam } = referrerAndReferred()
  const b = replica('ben')
  syncAll(a, b)
  return { a, b, dana, sam }
}
