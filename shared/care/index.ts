/**
 * Introductions that pass CARE (004): Consent from each party separately, an Actual need,
 * Relevance to both, Exit & evaluate. Neither party's details reach the other before both
 * consented; an intro that worked becomes a referral.
 */
export { createIntro, recordConsent, setChecklist, setRelevance, type CreateIntroInput } from './intro'
export {
  consentCompleteDay,
  ensureExitTouch,
  evaluateIntro,
  exitTouchId,
  introReferralId,
  introReferralParties,
  planExit,
} from './exit'
export {
  consentGate,
  introEmailDraft,
  sharedSummary,
  type IntroEmailDraft,
  type SharedParty,
  type SharedSummary,
} from './share'
export {
  careChecklist,
  goodReferralCompleteness,
  parsePreferredContact,
  type CareItem,
  type ChecklistItem,
  type Completeness,
} from './checklist'
export type { IntroParty } from './lookup'
