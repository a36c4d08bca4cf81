import type { Metric } from '../../shared/kpi'

/**
 * The no-data reasons `shared/kpi` gives (English sentences, for logs and tests), mapped to the
 * screen's message keys so they are shown in the user's language. An unknown reason falls back
 * to the plain "no data".
 */
const REASON_KEYS: Record<string, string> = {
  'no contacts existed at the end of the period': 'noContacts',
  'no referrals were received in the period': 'noReferrals',
  'no deal with a known income closed in the period': 'noDeals',
  'the retention must be a positive number of years': 'retention',
  'costs are not recorded per team member': 'memberCosts',
  'no new customer in the period': 'noNewCustomer',
  'no program cost was recorded in the period': 'noProgramCost',
  'no leads were received in the period': 'noLeads',
  'no marketing cost was recorded in the period': 'noMarketingCost',
  'no cost was recorded for this source in the period': 'noSourceCost',
  'no survey answers in the period': 'noSurveys',
  'no listings were taken in the period': 'noListings',
  'no buyer listings in the period': 'noBuyerListings',
  'no lead of the period was contacted': 'noContactedLead',
  'no enrollment ended in the period': 'noEnded',
  'the period is not a valid range of days': 'badPeriod',
}

/** The message key of a no-data reason, or undefined when it is not one the screen knows. */
export function reasonKey(reason: string): string | undefined {
  const key = REASON_KEYS[reason]
  return key ? `kpis.reason.${key}` : undefined
}

/** The measured value, or null for no data (charts leave a gap; tables say "no data"). */
export const valueOf = (m: Metric): number | null => (m.kind === 'value' ? m.value : null)

/** How a figure is written: each kind maps to one set of Intl options. */
export type FigureKind = 'percent' | 'money' | 'ratio' | 'score' | 'count' | 'duration'

const HOUR_MS = 3_600_000

/**
 * Formats a figure with Intl for the locale. Rates arrive in percent (0–100), ROI as a ratio
 * (1.5 = +150 %), money in cents, durations in ms (hours under two days, days above).
 */
export function formatFigure(kind: FigureKind, v: number, locale: string, currency: string): string {
  switch (kind) {
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v / 100)
    case 'ratio':
      return new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 0,
        signDisplay: 'exceptZero',
      }).format(v)
    case 'money':
      return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
        v / 100,
      )
    case 'score':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(v)
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v)
    case 'duration': {
      const hours = v / HOUR_MS
      const [unit, amount] = hours < 48 ? (['hour', hours] as const) : (['day', hours / 24] as const)
      return new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'long',
        maximumFractionDigits: 1,
      }).format(amount)
    }
  }
}
