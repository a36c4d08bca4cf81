/**
 * The measures of DOMAIN.md "Measures (KPIs)": pure functions over a snapshot of records.
 */
export { kpiDashboard, type KpiDashboard } from './dashboard'
export type { ListingsBalance, TimeToFirstContact } from './measures'
export { nextDay, periodBounds, utcDayStart, type PeriodBounds } from './period'
export type { KpiData, KpiFilters, KpiOptions, KpiPeriod, Metric } from './types'
