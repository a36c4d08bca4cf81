import * as Y from 'yjs'
import type { Clock, IdSource } from '../host'
import {
  inputSchema,
  patchSchema,
  type DataOf,
  type InputOf,
  type PatchOf,
  type RecordCollection,
  type RecordOf,
  type Stamp,
} from '../model'
import { DELETED_KEY, encodePatch, encodeRecord, META_KEY } from './layout'
import { readRecord, stripUndefined } from './records'
import { check, fail, ok, type Result } from './result'
import { allDocs, docOf, docsOf, type TeamDocs } from './team-docs'

export interface RepoOptions {
  clock: Clock
  ids: IdSource
  /** The member every write is attributed to. */
  actor: string
}

/** The origin of every Yjs transaction the repository opens: who, when, and the batch if any. */
export interface WriteOrigin {
  actor: string
  at: number
  batch?: string
}

export interface CreateOptions {
  /** A deterministic id (touches of an enrollment); an existing record with it is kept as is. */
  id?: string
}

export interface ListOptions {
  /** @default false */
  includeDeleted?: boolean
}

type RecordMap = Y.Map<Y.Map<unknown>>

/** Runs `fn` inside one transaction on each of `docs`, all with the same origin. */
function transactAll<T>(docs: Y.Doc[], origin: WriteOrigin, fn: () => T): T {
  const [first, ...rest] = docs
  if (!first) return fn()
  let out!: T
  first.transact(() => {
    out = transactAll(rest, origin, fn)
  }, origin)
  return out
}

/**
 * The record store over a team's documents. Every write goes through it: the input is
 * validated first (a refused write names the field and changes nothing), then written in
 * one Yjs transaction whose origin is the actor and the time, and stamped on the record.
 */
export function createRecordStore(docs: TeamDocs, options: RepoOptions) {
  const { clock, ids, actor } = options
  let batchOrigin: WriteOrigin | undefined
  /** Values this store's own `validate` produced: `create` need not check them twice. */
  const validated = new WeakSet<object>()

  const stamp = (): Stamp => ({ at: batchOrigin?.at ?? clock.now(), by: actor })
  const origin = (): WriteOrigin => batchOrigin ?? { actor, at: clock.now() }
  const mapOf = (c: RecordCollection, id: string) => docOf(docs, c, id).getMap(c) as RecordMap
  const write = <T>(doc: Y.Doc, fn: () => T): T => {
    let out!: T
    doc.transact(() => {
      out = fn()
    }, origin())
    return out
  }

  /** Restamps a record: `meta` keeps `created` and takes the new `stamp`. */
  const touch = (record: Y.Map<unknown>) => {
    const meta = record.get(META_KEY) as { created: Stamp } | undefined
    record.set(META_KEY, { created: meta?.created, stamp: stamp() })
  }

  function get<C extends RecordCollection>(c: C, id: string): RecordOf<C> | undefined {
    const m = mapOf(c, id).get(id)
    return m ? readRecord(c, id, m) : undefined
  }

  /**
   * Validates a create input without writing (a whole import is checked before its first
   * write); passing the returned value to `create` skips a second check.
   */
  function validate<C extends RecordCollection>(c: C, input: InputOf<C>): Result<DataOf<C>> {
    const r = check(inputSchema(c), input)
    if (r.ok && typeof r.value === 'object' && r.value !== null) validated.add(r.value)
    return r
  }

  function create<C extends RecordCollection>(
    c: C,
    input: InputOf<C> | DataOf<C>,
    opts: CreateOptions = {},
  ): Result<RecordOf<C>> {
    const valid = validated.has(input as object)
      ? ok(input as DataOf<C>)
      : check(inputSchema(c), input as InputOf<C>)
    if (!valid.ok) return valid
    const id = opts.id ?? ids.next()
    const map = mapOf(c, id)
    const existing = map.get(id)
    if (existing) return opts.id ? ok(readRecord(c, id, existing)) : fail('id', `${id} already exists`)
    const data = stripUndefined(valid.value as object) as Record<string, unknown>
    const s = stamp()
    const record = new Y.Map<unknown>()
    for (const [k, value] of encodeRecord(c, data, { created: s, stamp: s })) record.set(k, value)
    write(map.doc!, () => map.set(id, record))
    return ok(readRecord(c, id, record))
  }

  function update<C extends RecordCollection>(c: C, id: string, patch: PatchOf<C>): Result<RecordOf<C>> {
    const record = mapOf(c, id).get(id)
    if (!record) return fail('id', `no ${c} record ${id}`)
    if (record.get(DELETED_KEY)) return fail('id', `${c} record ${id} is deleted; restore it first`)
    const valid = check(patchSchema(c), patch)
    if (!valid.ok) return valid
    // Only the keys the caller named: valibot leaves absent optional keys out of the output.
    const named = Object.fromEntries(
      Object.keys(patch as object).map((k) => [
        k,
        stripUndefined((valid.value as Record<string, unknown>)[k]),
      ]),
    )
    const changes = encodePatch(c, record, named)
    if (changes.length > 0) {
      write(record.doc!, () => {
        for (const [k, value] of changes) {
          if (value === undefined) record.delete(k)
          else record.set(k, value)
        }
        touch(record)
      })
    }
    return ok(readRecord(c, id, record))
  }

  /** Soft delete: the record stays whole, marked with who deleted it and when. */
  function remove<C extends RecordCollection>(c: C, id: string): Result<RecordOf<C>> {
    const record = mapOf(c, id).get(id)
    if (!record) return fail('id', `no ${c} record ${id}`)
    if (!record.get(DELETED_KEY)) {
      write(record.doc!, () => {
        record.set(DELETED_KEY, stamp())
        touch(record)
      })
    }
    return ok(readRecord(c, id, record))
  }

  /** Explicitly brings back a soft-deleted record, with every field it had. */
  function restore<C extends RecordCollection>(c: C, id: string): Result<RecordOf<C>> {
    const record = mapOf(c, id).get(id)
    if (!record) return fail('id', `no ${c} record ${id}`)
    if (record.get(DELETED_KEY)) {
      write(record.doc!, () => {
        record.set(DELETED_KEY, null)
        touch(record)
      })
    }
    return ok(readRecord(c, id, record))
  }

  function list<C extends RecordCollection>(c: C, opts: ListOptions = {}): RecordOf<C>[] {
    const out: RecordOf<C>[] = []
    for (const doc of docsOf(docs, c)) {
      for (const [id, m] of (doc.getMap(c) as RecordMap).entries()) {
        if (!opts.includeDeleted && m.get(DELETED_KEY)) continue
        out.push(readRecord(c, id, m))
      }
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  /**
   * Runs `fn` with every write in it grouped: one transaction per document, one origin
   * carrying a batch id, so observers see the batch at once and it can be told apart.
   */
  function batch<T>(fn: () => T, batchId = ids.next()): T {
    if (batchOrigin) return fn()
    batchOrigin = { actor, at: clock.now(), batch: batchId }
    try {
      return transactAll(allDocs(docs), batchOrigin, fn)
    } finally {
      batchOrigin = undefined
    }
  }

  return {
    docs,
    actor,
    clock,
    ids,
    get,
    validate,
    create,
    update,
    remove,
    restore,
    list,
    batch,
    stamp,
    origin,
    write,
  }
}

export type RecordStore = ReturnType<typeof createRecordStore>
