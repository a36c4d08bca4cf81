/**
 * Referrals (000, 002, 004): receive one, reward the act of referring at once, move it
 * through its stages telling the referrer in positive terms, reward the close, keep the
 * rewards ledger. Concurrent moves on several devices merge to the furthest stage.
 */
export {
  receiveReferral,
  checkReferralParties,
  type ReceiveReferralInput,
  type ReceiveReferralOptions,
  type ReceivedReferral,
} from './receive'
export {
  advanceReferral,
  reconcileReferral,
  referralView,
  type AdvanceReferralOptions,
  type AdvancedReferral,
} from './advance'
export {
  FORWARD_STAGES,
  deriveStage,
  isTerminalStage,
  refuseMove,
  stageEventId,
  stageEvents,
  stageRank,
  type DerivedStage,
} from './stages'
export {
  REWARD_DISCLOSURE,
  REWARD_STAGES,
  TELL_TEMPLATES,
  fillTemplate,
  firstName,
  tellScript,
  tellTouchId,
} from './tell'
export {
  markRewardGiven,
  rewardId,
  rewardsLedger,
  type LedgerEntry,
  type LedgerTotals,
  type RewardRole,
  type RewardsLedger,
} from './rewards'
