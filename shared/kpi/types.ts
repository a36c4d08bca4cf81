import type { RecordOf, RelationshipType } from '../model/index'

/**
 * A snapshot of the records the measures read: plain arrays, as read back from the repository.
 * Records carrying a `deleted` tombstone are ignored everywhere.
 */
export interface KpiData {
  contacts: readonly RecordOf<'contacts'>[]
  referrals: readonly RecordOf<'referrals'>[]
  leads: readonly RecordOf<'leads'>[]
  deals: readonly RecordOf<'deals'>[]
  costs: readonly RecordOf<'costs'>[]
  rewards: readonly RecordOf<'rewards'>[]
  surveys: readonly RecordOf<'surveys'>[]
  touches: readonly RecordOf<'touches'>[]
  enrollments: readonly RecordOf<'enrollments'>[]
  sources: readonly RecordOf<'sources'>[]
  members: readonly RecordOf<'members'>[]
}

/** A review period: both days inclusive, `YYYY-MM-DD`. */
export interface KpiPeriod {
  from: string
  to: string
}

/**
 * Narrows every measure to one lead source, one team member or one relationship type.
 * How each record is attributed is documented on `createKpiContext`.
 */
export interface KpiFilters {
  sourceId?: string
  memberId?: string
  relationshipType?: RelationshipType
}

/** Team settings the measures depend on. */
export interface KpiOptions {
  /**
   * How many years a client stays a client, for CLV (002 §4.3).
   * @default 5
   */
  retentionYears?: number
  /**
   * The instant a day starts, in ms since the epoch: pass the team's time zone here.
   * @default UTC midnight
   */
  dayStart?: (day: string) => number
}

/**
 * The result of one measure. `value` is only given when it is a real number: an empty
 * population or a zero denominator is `no-data` with the reason, never 0, NaN or Infinity.
 * `numerator` and `denominator` are the figures the value was computed from; `parts` names
 * the factors of a product (CLV) or a difference (ROI).
 */
export type Metric =
  | {
      kind: 'value'
      value: number
      numerator?: number
      denominator?: number
      parts?: Readonly<Record<string, number>>
    }
  | { kind: 'no-data'; reason: string }

/** A measured value. */
export function value(
  v: number,
  numerator?: number,
  denominator?: number,
  parts?: Record<string, number>,
): Metric {
  const m: Metric = { kind: 'value', value: v }
  if (numerator !== undefined) m.numerator = numerator
  if (denominator !== undefined) m.denominator = denominator
  if (parts) m.parts = parts
  return m
}

/** A measure that has nothing to say, and why. */
export function noData(reason: string): Metric {
  return { kind: 'no-data', reason }
}

/**
 * `numerator ÷ denominator × scale`, or no data when the denominator is zero.
 * @param reason - what the empty denominator means, shown to the user
 * @default scale 1
 */
export function ratio(numerator: number, denominator: number, reason: string, scale = 1): Metric {
  if (denominator === 0) return noData(reason)
  return value((numerator / denominator) * scale, numerator, denominator)
}
