/**
 * The referral network of DOMAIN.md "The referral network": a graphology graph of contacts,
 * its centralities, and who to promote or wake up.
 */
export {
  suggestCoreAdvocates,
  silentAlliedResources,
  type CoreAdvocateSuggestion,
  type SilentAlliedResource,
  type SuggestCoreAdvocatesOptions,
} from './advocates'
export {
  betweenness,
  NetworkGraphError,
  type BetweennessOptions,
  type BetweennessResult,
} from './betweenness'
export {
  buildReferralGraph,
  type ContactNode,
  type ReferralGraph,
  type ReferralGraphInput,
  type ReferralTie,
} from './graph'
export { networkMetrics, type NetworkMetrics, type NodeMetrics } from './metrics'
export { ringLayout, type NodePosition } from './layout'
