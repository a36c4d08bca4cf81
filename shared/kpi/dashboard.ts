import type { RelationshipType } from '../model/index'
import { createKpiContext } from './context'
import {
  averageCustomerValueOf,
  conversionRateOf,
  costPerLeadOf,
  customerAcquisitionCostOf,
  customerLifetimeValueOf,
  listingsBalanceOf,
  npsOf,
  planCompletionRateOf,
  referralRateOf,
  referralsBySourceTypeOf,
  roiBySourceOf,
  timeToFirstContactOf,
  type ListingsBalance,
  type TimeToFirstContact,
} from './measures'
import { scanCosts, scanDeals } from './scan-money'
import { scanContacts, scanEnrollments, scanLeads, scanReferrals, scanSurveys } from './scan-people'
import { noData, type KpiData, type KpiFilters, type KpiOptions, type KpiPeriod, type Metric } from './types'

/** Every measure of DOMAIN.md "Measures (KPIs)" for one period and one set of filters. */
export interface KpiDashboard {
  /** Referrals received ÷ contacts existing at the period's end × 100. */
  referralRate: Metric
  /** Referrals received in the period and now closed ÷ referrals received × 100. */
  conversionRate: Metric
  /** Referrals received per relationship type (count; denominator = all received). */
  referralsBySourceType: Record<RelationshipType, Metric>
  /** Mean income of the period's closed deals, cents. */
  averageCustomerValue: Metric
  /** Average transaction value × transactions per client × retention periods, cents. */
  customerLifetimeValue: Metric
  /** (Costs + rewards) ÷ new customers, cents. */
  customerAcquisitionCost: Metric
  /** Marketing costs ÷ leads received, cents. */
  costPerLead: Metric
  /** (Income − cost) ÷ cost per source id, as a ratio. */
  roiBySource: Record<string, Metric>
  /** % promoters − % detractors. */
  nps: Metric
  /** Seller vs buyer listings taken in the period. */
  listingsBalance: ListingsBalance
  /** Delay from a lead's arrival to its first contact, ms. */
  timeToFirstContact: TimeToFirstContact
  /** Enrollments completed ÷ enrollments ended (completed or stopped) × 100. */
  planCompletionRate: Metric
}

function emptyDashboard(reason: string, sourceIds: string[]): KpiDashboard {
  const m = noData(reason)
  return {
    referralRate: m,
    conversionRate: m,
    referralsBySourceType: { 'allied-resource': m, advocate: m, 'core-advocate': m, other: m },
    averageCustomerValue: m,
    customerLifetimeValue: m,
    customerAcquisitionCost: m,
    costPerLead: m,
    roiBySource: Object.fromEntries(sourceIds.map((id) => [id, m])),
    nps: m,
    listingsBalance: { sellers: m, buyers: m, ratio: m, sellerShare: m },
    timeToFirstContact: { median: m, mean: m },
    planCompletionRate: m,
  }
}

/**
 * Computes every measure over a snapshot in one pass per collection (plus one indexing pass
 * over contacts, referrals and sources), so a 10k-contact year takes milliseconds.
 * Soft-deleted records are ignored. Filters narrow every measure (see `createKpiContext` for
 * how records are attributed); costs carry no member, so cost measures are no data under the
 * member filter.
 * @param period - inclusive days; a malformed period, or one that ends before it starts,
 *   makes every measure no data
 * @param options - team settings
 * @default filters {}
 * @default options { retentionYears: 5, dayStart: UTC midnight }
 */
export function kpiDashboard(
  data: KpiData,
  period: KpiPeriod,
  filters: KpiFilters = {},
  options: KpiOptions = {},
): KpiDashboard {
  const ctx = createKpiContext(data, period, filters, options)
  if (!ctx) {
    const ids = data.sources.filter((s) => s.deleted == null).map((s) => s.id)
    return emptyDashboard('the period is not a valid range of days', ids)
  }
  const contacts = scanContacts(ctx, data.contacts)
  const referrals = scanReferrals(ctx, data.referrals)
  const deals = scanDeals(ctx, data.deals)
  const costs = scanCosts(ctx, data.costs, data.rewards)
  const leads = scanLeads(ctx, data.leads)
  const surveys = scanSurveys(ctx, data.surveys)
  const enrollments = scanEnrollments(ctx, data.enrollments)
  return {
    referralRate: referralRateOf(contacts.existing, referrals),
    conversionRate: conversionRateOf(referrals),
    referralsBySourceType: referralsBySourceTypeOf(referrals),
    averageCustomerValue: averageCustomerValueOf(deals),
    customerLifetimeValue: customerLifetimeValueOf(ctx, deals),
    customerAcquisitionCost: customerAcquisitionCostOf(ctx, costs, deals),
    costPerLead: costPerLeadOf(ctx, costs, leads),
    roiBySource: roiBySourceOf(ctx, costs, deals),
    nps: npsOf(surveys),
    listingsBalance: listingsBalanceOf(deals),
    timeToFirstContact: timeToFirstContactOf(leads),
    planCompletionRate: planCompletionRateOf(enrollments),
  }
}
