/**
 * Operations on whole contacts: merging two duplicates into one, and carrying over what
 * another device did to a merged contact while the merge was on its way.
 */
export {
  mergeContacts,
  mergedFields,
  checkMerge,
  reconcileMerges,
  carriedOptOutId,
  fingerprint,
  CONTACT_REFERENCES,
  type MergeRequest,
  type MergeOutcome,
  type MergeFailure,
  type MergeRefusal,
  type MovedCounts,
} from './merge'
