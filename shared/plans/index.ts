/**
 * Touch plans (8x8, 33 Touch, 12 Direct, email only, custom): enrolling contacts, scheduling
 * and closing their touches, the rules that move contacts between plans, the opt-out sweep,
 * the Today list, and the mailing-list and calendar exports. Plans are records of the `plans`
 * collection: create and edit custom ones with `repo.create('plans', …)` / `repo.update`.
 */
export {
  BUILTIN_PLANS,
  BUILTIN_PLAN_IDS,
  LIGHT_PLANS,
  installBuiltinPlans,
  findBuiltinPlan,
  type BuiltinKey,
} from './builtin-plans'
export { PLAN_8X8 } from './builtin-8x8'
export { PLAN_33_TOUCH } from './builtin-33-touch'
export { PLAN_12_DIRECT, PLAN_EMAIL_ONLY } from './builtin-light'
export { addDays, daysBetween, dayOf, isDay } from './days'
export { fillScript, mergeContext, MERGE_FIELDS, type MergeContext, type MergeSources } from './merge-fields'
export { expandPlan, enrollmentIdFor, touchIdFor, type Occurrence } from './schedule'
export { enroll, resolveAssignee, type EnrollRequest, type EnrollOptions, type Enrollment } from './enroll'
export {
  enrollMany,
  bulkEnroller,
  type Enroller,
  type EnrollManyRequest,
  type EnrollManyReport,
} from './enroll-many'
export {
  completeTouch,
  skipTouch,
  rescheduleTouch,
  enrollmentProgress,
  type TouchOutcome,
  type CompleteOptions,
  type SkipOptions,
} from './touches'
export { progressOf, type EnrollmentProgress } from './enrollment-state'
export { noResponseStreak, type RuleOutcome } from './rules'
export { applyOptOuts, type OptOutSweep } from './opt-outs'
export { reconcilePlans, type ReconcileReport } from './reconcile'
export { duplicateEnrollments } from './duplicates'
export { createCustomPlan, updatePlan, duplicatePlan, planStats, type PlanEdit, type PlanStats } from './edit'
export { isBlocked, type OptOutLookup, type ContactOptOut } from './blocks'
export {
  buildToday,
  type TodayInput,
  type TodayOptions,
  type TodayList,
  type TodayItem,
  type TodayGroup,
} from './today'
export { todayFromRepo, planSnapshot, type PlanSnapshot } from './today-repo'
export { channelVerb, touchSummary, touchPlanLabel, CHANNEL_ORDER } from './labels'
export { contactLinks, type ContactLinks } from './links'
export {
  twelveDirectMailingCsv,
  mailingAddress,
  MAILING_COLUMNS,
  type MailingList,
  type MailingOptions,
} from './mailing-csv'
export { scheduleToICalendar, type ICalOptions } from './ical'
