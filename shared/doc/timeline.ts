import type * as Y from 'yjs'
import { Interaction, InteractionInput, type InteractionInput as InteractionInputType } from '../model'
import { check, ok, type Result } from './result'
import type { RecordStore } from './repo'
import { docOf, docsOf } from './team-docs'

/** Timeline order: by time, then by id so that equal times order the same on every device. */
export function compareInteractions(a: Interaction, b: Interaction): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * The append-only timeline. An interaction is one frozen JSON value keyed by its id:
 * nothing edits or removes it, so concurrent appends on several devices all survive.
 */
export function createTimeline(store: RecordStore) {
  const mapOf = (id: string) =>
    docOf(store.docs, 'interactions', id).getMap('interactions') as Y.Map<Interaction>

  function append(input: InteractionInputType, opts: { id?: string } = {}): Result<Interaction> {
    const valid = check(InteractionInput, input)
    if (!valid.ok) return valid
    const id = opts.id ?? store.ids.next()
    const map = mapOf(id)
    const existing = map.get(id)
    if (existing) return ok(existing)
    const s = store.stamp()
    const entry = check(Interaction, { ...valid.value, id, by: s.by, recordedAt: s.at })
    if (!entry.ok) return entry
    store.write(map.doc!, () => map.set(id, JSON.parse(JSON.stringify(entry.value)) as Interaction))
    return ok(entry.value)
  }

  /** A contact's timeline (or the whole team's), in timeline order. */
  function list(contactId?: string): Interaction[] {
    const out: Interaction[] = []
    for (const doc of docsOf(store.docs, 'interactions')) {
      for (const entry of (doc.getMap('interactions') as Y.Map<Interaction>).values()) {
        if (contactId === undefined || entry.contactId === contactId) out.push(entry)
      }
    }
    return out.sort(compareInteractions)
  }

  return { append, list }
}
export type Timeline = ReturnType<typeof createTimeline>
