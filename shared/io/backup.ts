import * as v from 'valibot'
import * as Y from 'yjs'
import { allDocs, applyRemoteUpdate, docName, readRecord, SHARD_COUNT, type TeamDocs } from '../doc'
import { RECORD_COLLECTIONS, type RecordCollection } from '../model'

/** The backup file's format name and version; a newer version is refused, never guessed at. */
export const BACKUP_FORMAT = 'rapport-backup'
export const BACKUP_VERSION = 1

const Base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'))

const BackupFile = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.pipe(
    v.number(),
    v.integer(),
    v.maxValue(BACKUP_VERSION, `was written by a newer Rapport; this one reads version ${BACKUP_VERSION}`),
  ),
  teamId: v.pipe(v.string(), v.minLength(1)),
  exportedAt: v.number(),
  /** One Yjs update per document, the team doc first: the whole history, nothing lost. */
  docs: v.pipe(
    v.array(
      v.object({ name: v.string(), update: Base64, fnv1a: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/)) }),
    ),
    v.length(SHARD_COUNT + 1, `must hold ${SHARD_COUNT + 1} documents`),
  ),
  /** The same data as readable records, for people and other tools; not read back. */
  records: v.optional(v.record(v.string(), v.unknown())),
})
export type BackupFile = v.InferOutput<typeof BackupFile>

/** Readable records of every collection (for the `records` section). */
function readableRecords(docs: TeamDocs): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {}
  for (const doc of allDocs(docs)) {
    for (const name of doc.share.keys()) {
      const into = (out[name] ??= {})
      for (const [id, value] of doc.getMap(name).entries()) {
        into[id] =
          value instanceof Y.Map && name in RECORD_COLLECTIONS
            ? readRecord(name as RecordCollection, id, value as Y.Map<unknown>)
            : value instanceof Y.Map
              ? value.toJSON()
              : value
      }
    }
  }
  return out
}

/** FNV-1a (32 bit) over the bytes: catches damage that would still decode. */
function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193)
  return (h >>> 0).toString(16).padStart(8, '0')
}

const toBase64 = (bytes: Uint8Array): string => {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}
const fromBase64 = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0))

/**
 * A full backup of the team as JSON: every document's complete Yjs state (lossless, history
 * and tombstones included) plus the records in readable form.
 * @param now - the export time in ms, written into the file
 */
export function exportBackup(docs: TeamDocs, now: number): string {
  const file: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    teamId: docs.teamId,
    exportedAt: now,
    docs: allDocs(docs).map((doc) => {
      const update = Y.encodeStateAsUpdate(doc)
      return { name: doc.guid, update: toBase64(update), fnv1a: fnv1a(update) }
    }),
    records: readableRecords(docs),
  }
  return JSON.stringify(file)
}

export type RestoreResult =
  { ok: true; teamId: string } | { ok: false; problems: { path: string; message: string }[] }

/**
 * Merges a backup into the team's documents. The whole file is checked first — JSON, format,
 * version, team, and that every update decodes — and only then applied, so a wrong or
 * damaged file changes nothing. Merging is a CRDT merge: restoring twice changes nothing more.
 */
export function restoreBackup(docs: TeamDocs, text: string): RestoreResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {
      ok: false,
      problems: [{ path: '', message: 'the backup is not valid JSON (damaged or truncated?)' }],
    }
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ path: 'format', message: 'this file is not a Rapport backup' }] }
  }
  const parsed = v.safeParse(BackupFile, json)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })),
    }
  }
  const file = parsed.output
  if (file.teamId !== docs.teamId) {
    return {
      ok: false,
      problems: [
        {
          path: 'teamId',
          message: `the backup is of team ${file.teamId}, not of this team (${docs.teamId})`,
        },
      ],
    }
  }
  const updates: Uint8Array[] = []
  for (const [i, entry] of file.docs.entries()) {
    const expected = docName(docs.teamId, i === 0 ? undefined : i - 1)
    if (entry.name !== expected) {
      return { ok: false, problems: [{ path: `docs.${i}.name`, message: `expected document ${expected}` }] }
    }
    try {
      const update = fromBase64(entry.update)
      if (fnv1a(update) !== entry.fnv1a) throw new Error('checksum')
      Y.applyUpdate(new Y.Doc(), update) // decodes, or throws on damaged bytes
      updates.push(update)
    } catch {
      return { ok: false, problems: [{ path: `docs.${i}.update`, message: 'the document data is damaged' }] }
    }
  }
  allDocs(docs).forEach((doc, i) => applyRemoteUpdate(doc, updates[i]!, 'backup'))
  return { ok: true, teamId: file.teamId }
}
