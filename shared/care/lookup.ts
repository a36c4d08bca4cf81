import { fail, ok, type Repo, type Result } from '../doc'
import type { RecordOf } from '../model'

/** One side of an introduction. */
export type IntroParty = 'A' | 'B'

/** The intro `id`, refused when unknown or deleted. */
export function liveIntro(repo: Repo, id: string): Result<RecordOf<'intros'>> {
  const intro = repo.get('intros', id)
  if (!intro) return fail('id', `no intro ${id}`)
  if (intro.deleted) return fail('id', `intro ${id} is deleted`)
  return ok(intro)
}

/** The contact `id`, refused (naming `path`) when unknown or deleted. */
export function liveContact(repo: Repo, id: string, path: string): Result<RecordOf<'contacts'>> {
  const c = repo.get('contacts', id)
  if (!c) return fail(path, `no contact ${id}`)
  if (c.deleted) return fail(path, `contact ${c.name.display} is deleted`)
  return ok(c)
}

/** The contact id of one party. */
export const partyId = (intro: RecordOf<'intros'>, party: IntroParty) =>
  party === 'A' ? intro.partyA : intro.partyB
