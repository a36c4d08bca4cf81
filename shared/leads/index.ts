/**
 * Lead servicing, FAST (003 §4.1): Funnel every lead into one inbox, Assign it to a member
 * and/or a plan, record its Source from the team's list, Track it to conversion, measuring
 * the time to first contact.
 */
export { addSource, renameSource, deactivateSource, activeSources, usableSource } from './sources'
export {
  captureLead,
  leadInbox,
  type CaptureLeadInput,
  type CaptureLeadOptions,
  type CapturedLead,
  type LeadPerson,
} from './capture'
export {
  assignLead,
  assignPlan,
  assignRoundRobin,
  openLeadCounts,
  type AssignPlanOptions,
  type PlanAssignment,
  type RoundRobinResult,
} from './assign'
export { addLeadByHand, type ManualLeadInput } from './manual'
export { leadFunnel, type LeadFunnel } from './funnel'
export { advanceLead, leadView, reconcileLead, timeToFirstContact } from './track'
export {
  CONTACT_STAGES,
  LEAD_FORWARD_STAGES,
  deriveLead,
  isClosedLead,
  leadStageEventId,
  leadStageEvents,
  leadStageRank,
  refuseLeadMove,
  type DerivedLead,
} from './stages'
