import { check, fail, ok, type Repo, type Result } from '../doc'
import { Text, inputSchema, type RecordOf, type SourceInput } from '../model'

const key = (name: string) => name.trim().toLowerCase()

function nameTaken(repo: Repo, name: string, exceptId?: string): RecordOf<'sources'> | undefined {
  return repo.list('sources').find((s) => s.id !== exceptId && s.active && key(s.name) === key(name))
}

/**
 * Adds a lead source to the team's list (one set of marketing details, so sources can be
 * told apart: FAST's S). Refuses a name already used by another active source.
 * @returns the source, or problems naming the field
 */
export function addSource(repo: Repo, input: SourceInput): Result<RecordOf<'sources'>> {
  const valid = check(inputSchema('sources'), input)
  if (!valid.ok) return valid
  const taken = nameTaken(repo, valid.value.name)
  if (taken) return fail('name', `a source named ${taken.name} already exists`)
  return repo.create('sources', valid.value)
}

/** The source `id`, refused when unknown or deleted. */
function liveSource(repo: Repo, id: string): Result<RecordOf<'sources'>> {
  const s = repo.get('sources', id)
  if (!s) return fail('sourceId', `no source ${id}`)
  if (s.deleted) return fail('sourceId', `source ${s.name} is deleted`)
  return ok(s)
}

/** Renames a source; leads keep pointing at it. Refuses a name another active source uses. */
export function renameSource(repo: Repo, id: string, name: string): Result<RecordOf<'sources'>> {
  const found = liveSource(repo, id)
  if (!found.ok) return found
  const valid = check(Text, name, 'name')
  if (!valid.ok) return valid
  const taken = nameTaken(repo, valid.value, id)
  if (taken) return fail('name', `a source named ${taken.name} already exists`)
  return repo.update('sources', id, { name: valid.value })
}

/**
 * Retires a source: no new lead may name it, while the leads that came from it keep it
 * (their history and the per-source KPIs stay intact).
 */
export function deactivateSource(repo: Repo, id: string): Result<RecordOf<'sources'>> {
  const found = liveSource(repo, id)
  if (!found.ok) return found
  return repo.update('sources', id, { active: false })
}

/** The sources a new lead may name, by name. */
export function activeSources(repo: Repo): RecordOf<'sources'>[] {
  return repo
    .list('sources')
    .filter((s) => s.active)
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
}

/**
 * The source a new lead names, refused with a clear error when it is unknown, deleted or
 * inactive.
 */
export function usableSource(repo: Repo, id: string | undefined): Result<RecordOf<'sources'>> {
  if (!id) return fail('sourceId', 'a lead needs a source from the team list')
  const found = liveSource(repo, id)
  if (!found.ok) return found
  if (!found.value.active)
    return fail('sourceId', `source ${found.value.name} is inactive: pick an active source`)
  return found
}
