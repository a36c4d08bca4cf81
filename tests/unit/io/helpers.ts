import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'
import { Contact, type ContactInput } from '../../../shared/model/contact'

/**
 * The bytes of a file in `tests/fixtures/io/`.
 * @param name - the file name
 * @returns its bytes, as `importContacts` receives them from a file input
 */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url))))
}

/**
 * A stored contact with defaults filled in.
 * @param fields - the contact's fields; `name.display` is required
 * @param id - its id
 * @returns the parsed contact
 */
export function contact(fields: ContactInput, id = 'c-1'): Contact {
  return v.parse(Contact, { ...fields, id, created: { at: 1, by: 'm-1' }, stamp: { at: 1, by: 'm-1' } })
}
