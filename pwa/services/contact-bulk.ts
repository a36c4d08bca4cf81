import { fail, ok, type Repo, type Result } from '../../shared/doc'
import type { EnrollManyReport } from '../../shared/plans'
import type { RecordOf } from '../../shared/model'

/** Contacts written per repository batch: small enough that the page stays responsive between. */
export const BULK_CHUNK = 250
/**
 * Records (enrollment plus touches) written per chunk of a bulk enrollment: each costs about a
 * tenth of a millisecond, so a chunk stays near 50 ms whatever the plan's length.
 */
export const RECORDS_PER_CHUNK = 500

/** Contacts per chunk when enrolling in a plan that schedules `touches` touches each. */
export const enrollChunk = (touches: number) => Math.max(5, Math.floor(RECORDS_PER_CHUNK / (1 + touches)))

/** How far a bulk operation got. */
export interface BulkProgress {
  done: number
  total: number
}

/** What a bulk tag change did. */
export interface TagReport {
  changed: number
  /** Contacts that already had the tag (add) or did not have it (remove). */
  unchanged: number
}

/**
 * Runs `write` over `ids` in chunks, one repository call each, yielding to the page between
 * chunks so the progress bar moves and the list keeps scrolling at 10k contacts. Stops at the
 * first refused chunk: the chunks before it stay written (each is whole), and the problem says so.
 */
export async function inChunks<T>(
  ids: readonly string[],
  write: (chunk: string[]) => Promise<Result<T>>,
  onProgress: (p: BulkProgress) => void,
  size = BULK_CHUNK,
): Promise<Result<T[]>> {
  const out: T[] = []
  onProgress({ done: 0, total: ids.length })
  for (let i = 0; i < ids.length; i += size) {
    const chunk = ids.slice(i, i + size)
    const r = await write(chunk)
    if (!r.ok) {
      const note = i > 0 ? ` (the first ${i} contacts were written)` : ''
      return { ok: false, problems: r.problems.map((p) => ({ ...p, message: p.message + note })) }
    }
    out.push(r.value)
    onProgress({ done: Math.min(i + size, ids.length), total: ids.length })
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return ok(out)
}

/** A tag as typed: trimmed, and refused when empty. */
export function tagOf(text: string): Result<string> {
  const tag = text.trim()
  return tag ? ok(tag) : fail('tag', 'must not be empty')
}

/** Adds (or removes) one tag on the given contacts, in one batch; missing contacts are refused. */
export function changeTag(
  repo: Repo,
  ids: readonly string[],
  text: string,
  mode: 'add' | 'remove',
): Result<TagReport> {
  const tag = tagOf(text)
  if (!tag.ok) return tag
  const contacts: RecordOf<'contacts'>[] = []
  for (const id of ids) {
    const c = repo.get('contacts', id)
    if (!c || c.deleted) return fail('contactIds', `no contact ${id}`)
    contacts.push(c)
  }
  return repo.batch(() => {
    const report: TagReport = { changed: 0, unchanged: 0 }
    for (const c of contacts) {
      const has = c.tags.includes(tag.value)
      if (has === (mode === 'add')) {
        report.unchanged++
        continue
      }
      const tags = mode === 'add' ? [...c.tags, tag.value] : c.tags.filter((x) => x !== tag.value)
      const r = repo.update('contacts', c.id, { tags })
      if (!r.ok) return r
      report.changed++
    }
    return ok(report)
  })
}

/** Totals of the chunks of a bulk enrollment. */
export interface EnrollTotals {
  enrolled: number
  skipped: number
  alreadyEnrolled: number
  optedOut: number
}

export function enrollTotals(reports: readonly EnrollManyReport[]): EnrollTotals {
  const t = { enrolled: 0, skipped: 0, alreadyEnrolled: 0, optedOut: 0 }
  for (const r of reports) {
    t.enrolled += r.enrolled.length
    t.alreadyEnrolled += r.alreadyEnrolled.length
    t.optedOut += r.optedOut.length
  }
  t.skipped = t.alreadyEnrolled + t.optedOut
  return t
}

/** Totals of the chunks of a bulk tag change. */
export const tagTotals = (reports: readonly TagReport[]): TagReport =>
  reports.reduce((a, r) => ({ changed: a.changed + r.changed, unchanged: a.unchanged + r.unchanged }), {
    changed: 0,
    unchanged: 0,
  })
