/**
 * The Dexie read model: tables projected from the team's documents (never written by anything
 * else), the projector that keeps them current and repairs them at start-up, contact search,
 * and the local-only tables hosts write directly.
 */
export {
  createReadModel,
  PROJECTION_VERSION,
  PROJECTED_TABLES,
  READ_MODEL_VERSIONS,
  type ReadModel,
} from './schema'
export { startProjector, type Projector, type ProjectorOptions } from './projector'
export { rebuildReadModel, type RebuildOptions } from './rebuild'
export { dumpReadModel, type ReadModelDump } from './dump'
export type { ProjectionChange, TableChange } from './apply'
export {
  createContactSearch,
  DEFAULT_SEARCH_ENGINE,
  type ContactSearch,
  type ContactSearchOptions,
  type SearchEngine,
  type ChangeSource,
} from './search'
export type { ContactSearchHit, RankOptions } from './rank'
export { foldName, nameTokens, queryTokens } from './fold'
export type * from './rows'
