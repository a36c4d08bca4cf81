import * as Y from 'yjs'
import {
  APPEND_COLLECTIONS,
  RECORD_COLLECTIONS,
  type AppendCollection,
  type RecordCollection,
} from '../model'

/**
 * How many record documents a team's records are spread over. Part of the stored format:
 * changing it moves records between documents, so it is fixed. 16 shards keep each
 * document near 3k contacts at 50k, which decodes in about a tenth of a second.
 */
export const SHARD_COUNT = 16

/**
 * The Yjs documents of one team: the small team document (members, settings, plans,
 * sources, the opt-out ledger) and the record shards. Every device holds all of them.
 */
export interface TeamDocs {
  teamId: string
  team: Y.Doc
  shards: Y.Doc[]
}

/** The guid of a team's document: `<teamId>` for the team doc, `<teamId>/<n>` for shard n. */
export function docName(teamId: string, shard?: number): string {
  return shard === undefined ? teamId : `${teamId}/${shard}`
}

/**
 * Creates the in-memory documents of a team. Persistence (y-indexeddb) and sync attach
 * to them afterwards; an empty Y.Doc costs next to nothing until it is loaded.
 */
export function createTeamDocs(teamId: string): TeamDocs {
  return {
    teamId,
    team: new Y.Doc({ guid: docName(teamId) }),
    shards: Array.from({ length: SHARD_COUNT }, (_, i) => new Y.Doc({ guid: docName(teamId, i) })),
  }
}

/** Every document of the team, team doc first. */
export function allDocs(docs: TeamDocs): Y.Doc[] {
  return [docs.team, ...docs.shards]
}

/** FNV-1a over the id's UTF-16 code units: stable on every platform, cheap, well spread. */
export function shardOf(id: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) % SHARD_COUNT
}

/** The document that holds record `id` of `collection`. */
export function docOf(docs: TeamDocs, collection: RecordCollection | AppendCollection, id: string): Y.Doc {
  const placement =
    collection in RECORD_COLLECTIONS
      ? RECORD_COLLECTIONS[collection as RecordCollection].placement
      : APPEND_COLLECTIONS[collection as AppendCollection].placement
  return placement === 'team' ? docs.team : docs.shards[shardOf(id)]!
}

/** The documents a collection is spread over. */
export function docsOf(docs: TeamDocs, collection: RecordCollection | AppendCollection): Y.Doc[] {
  const placement =
    collection in RECORD_COLLECTIONS
      ? RECORD_COLLECTIONS[collection as RecordCollection].placement
      : APPEND_COLLECTIONS[collection as AppendCollection].placement
  return placement === 'team' ? [docs.team] : docs.shards
}
