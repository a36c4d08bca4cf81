import { Dexie, type EntityTable } from 'dexie'
import type { IndexedDBFactory } from '../host'
import { RECORD_COLLECTION_NAMES, RECORD_COLLECTIONS } from '../model'
import type {
  CaptureQueueRow,
  ImportBatchRow,
  MetaRow,
  PeerRow,
  ProjectedRows,
  ProjectedTable,
  SettingRow,
  SnapshotRow,
} from './rows'

/**
 * The version of the projection itself, stored with each document's state vector. Bump it when
 * a row's shape or a derived field changes: every document then reads as stale at start-up and
 * is rebuilt, with no Dexie migration to write.
 */
export const PROJECTION_VERSION = 1

/** The projected tables living in the record shards, then those of the team document. */
export const SHARD_TABLES: ProjectedTable[] = [
  ...RECORD_COLLECTION_NAMES.filter((c) => RECORD_COLLECTIONS[c].placement === 'shard'),
  'interactions',
]
/** The projected tables of the team document. */
export const TEAM_TABLES: ProjectedTable[] = RECORD_COLLECTION_NAMES.filter(
  (c) => RECORD_COLLECTIONS[c].placement === 'team',
)
/** Every table the projector writes (and nobody else). */
export const PROJECTED_TABLES: ProjectedTable[] = [...SHARD_TABLES, ...TEAM_TABLES]

const shard = 'shard, deleted'
/**
 * The contacts' indexes: those the lookups, filters and list order use, nothing more. Every index
 * is written with each row, so each one slows imports and syncs.
 */
const CONTACT_INDEXES =
  'id, *emails, *phones, linkedin, *nameTokens, *tags, met, relationshipType, innerCircleRole, sourceKind, ' +
  `optedOut, sortKey, ${shard}`
/** Version 1 also indexed `nextTouchDue` and `owner`, which nothing queried (dropped in version 3). */
const CONTACT_INDEXES_V1 = CONTACT_INDEXES.replace('sortKey', 'nextTouchDue, owner, sortKey')
/** The projected tables as version 1 made them. */
const PROJECTED_V1: Record<ProjectedTable, string> = {
  contacts: CONTACT_INDEXES_V1,
  touches: `id, due, assignee, [assignee+due], [status+due], status, contactId, enrollmentId, ${shard}`,
  referrals: `id, referrerId, referredId, stage, memberId, ${shard}`,
  leads: `id, stage, sourceId, assignee, contactId, receivedAt, ${shard}`,
  interactions: 'id, contactId, [contactId+at], at, shard',
  enrollments: `id, contactId, planId, status, ${shard}`,
  intros: `id, partyA, partyB, outcome, referralId, ${shard}`,
  rewards: `id, contactId, referralId, day, ${shard}`,
  deals: `id, contactId, status, closedOn, sourceId, memberId, referralId, ${shard}`,
  costs: `id, day, sourceId, category, ${shard}`,
  surveys: `id, contactId, day, ${shard}`,
  plans: 'id, builtin, deleted',
  sources: 'id, kind, deleted',
  members: 'id, role, deleted',
}

/** The read model: projected tables (typed per row), the projection meta and local-only tables. */
export type ReadModel = Dexie & { [T in ProjectedTable]: EntityTable<ProjectedRows[T], 'id'> } & {
  meta: EntityTable<MetaRow, 'doc'>
  settings: EntityTable<SettingRow, 'key'>
  captureQueue: EntityTable<CaptureQueueRow, 'seq'>
  peers: EntityTable<PeerRow, 'id'>
  importBatches: EntityTable<ImportBatchRow, 'id'>
  snapshots: EntityTable<SnapshotRow, 'key'>
}

/**
 * The read model's versions, oldest first: what each one changed (Dexie merges them). A device
 * that kept an older version is upgraded on open; a new one gets the last version at once.
 */
export const READ_MODEL_VERSIONS: readonly Readonly<Record<string, string>>[] = [
  {
    ...PROJECTED_V1,
    meta: 'doc',
    settings: 'key',
    captureQueue: '++seq, status',
    peers: 'id',
    importBatches: 'id',
  },
  { snapshots: 'key' },
  { contacts: CONTACT_INDEXES },
]

/**
 * Opens (lazily, on first use) the Dexie read model of one team on this device. Projected tables
 * are written only by the projector; `settings`, `captureQueue`, `peers`, `importBatches` and `snapshots` are
 * local-only tables that hosts write directly and that are never projected nor synced.
 * Opening a database left by a newer version fails with Dexie's `VersionError` (no downgrades).
 * @param factory - the IndexedDB implementation (`indexedDB` and `IDBKeyRange`) to use
 * @param name - the database name; one per team, e.g. `rapport-<teamId>`
 * @default name 'rapport'
 * @returns the Dexie database
 */
export function createReadModel(factory: IndexedDBFactory, name = 'rapport'): ReadModel {
  const db = new Dexie(name, { indexedDB: factory.indexedDB, IDBKeyRange: factory.IDBKeyRange }) as ReadModel
  READ_MODEL_VERSIONS.forEach((stores, i) => db.version(i + 1).stores(stores))
  return db
}
