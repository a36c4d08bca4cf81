/**
 * The team's replicated documents and the repository API through which every write goes.
 */
export { createRepo, type Repo } from './create-repo'
export {
  createRecordStore,
  type RecordStore,
  type RepoOptions,
  type WriteOrigin,
  type CreateOptions,
  type ListOptions,
} from './repo'
export {
  optOutStates,
  type OptOutState,
  type StoredOptIn,
  type StoredOptOut,
  type OptOutChannel,
} from './opt-out'
export { compareInteractions } from './timeline'
export { ValidationError, unwrap, ok, fail, check, type Problem, type Result } from './result'
export { readRecord, jsonEqual, stripUndefined } from './records'
export { encodeRecord, encodePatch, decodeRecord, META_KEY, FIXED_KEY, DELETED_KEY } from './layout'
export {
  SHARD_COUNT,
  createTeamDocs,
  allDocs,
  shardOf,
  docOf,
  docsOf,
  docName,
  type TeamDocs,
} from './team-docs'
export { installFastStrings } from './fast-strings'
export { applyRemoteUpdate } from './apply-remote'
export { attachPersistence, type PersistenceFactory, type TeamPersistence } from './persistence'
