import * as v from 'valibot'
import type { KpiData, Metric } from '../../../shared/kpi/index'
import { inputSchema, type InputOf, type RecordCollection, type RecordOf } from '../../../shared/model/index'

/** Milliseconds of a UTC day and hour: `at('2024-01-10', 9)`. */
export function at(day: string, hour = 12, minute = 0): number {
  const [y, m, d] = day.split('-').map(Number)
  return Date.UTC(y, m - 1, d, hour, minute)
}

interface Meta {
  id?: string
  /** When the record was created (ms). */
  created?: number
  /** When the record was last written (ms). */
  stamp?: number
  isDeleted?: boolean
}

let seq = 0

/** A stored record: the input validated by the collection's schema (defaults applied), plus meta. */
export function rec<C extends RecordCollection>(c: C, input: InputOf<C>, meta: Meta = {}): RecordOf<C> {
  const data = v.parse(inputSchema(c), input)
  const created = meta.created ?? at('2023-06-01')
  return {
    ...data,
    id: meta.id ?? `${c}-${++seq}`,
    created: { at: created, by: 'm1' },
    stamp: { at: meta.stamp ?? created, by: 'm1' },
    deleted: meta.isDeleted ? { at: created + 1, by: 'm1' } : null,
  } as RecordOf<C>
}

type Overrides<C extends RecordCollection> = Partial<InputOf<C>> & Meta

function split<C extends RecordCollection>(o: Overrides<C>): [Partial<InputOf<C>>, Meta] {
  const { id, created, stamp, isDeleted, ...input } = o as Overrides<C> & Record<string, unknown>
  return [input as Partial<InputOf<C>>, { id, created, stamp, isDeleted }]
}

/** A contact named after its id. */
export function contact(o: Overrides<'contacts'> = {}): RecordOf<'contacts'> {
  const [input, meta] = split(o)
  return rec('contacts', { name: { display: meta.id ?? 'Someone' }, ...input }, meta)
}

/** A referral from `referrerId` to `referredId`, received at noon of 2024-01-10 unless told. */
export function referral(o: Overrides<'referrals'> = {}): RecordOf<'referrals'> {
  const [input, meta] = split(o)
  return rec(
    'referrals',
    { referrerId: 'x', referredId: 'y', need: 'buy a house', receivedAt: at('2024-01-10'), ...input },
    meta,
  )
}

/** A closed buyer deal unless told otherwise. */
export function deal(o: Overrides<'deals'> = {}): RecordOf<'deals'> {
  const [input, meta] = split(o)
  return rec('deals', { contactId: 'c1', side: 'buyer', status: 'closed', ...input }, meta)
}

/** A marketing cost. */
export function cost(o: Overrides<'costs'> = {}): RecordOf<'costs'> {
  const [input, meta] = split(o)
  return rec('costs', { day: '2024-01-05', amount: 1000, category: 'marketing', ...input }, meta)
}

/** A thank-you gift for a referral. */
export function reward(o: Overrides<'rewards'> = {}): RecordOf<'rewards'> {
  const [input, meta] = split(o)
  return rec(
    'rewards',
    { contactId: 'c1', reason: 'referral-made', kind: 'gift', cost: 1000, day: '2024-01-12', ...input },
    meta,
  )
}

/** A manual lead from source s1. */
export function lead(o: Overrides<'leads'> = {}): RecordOf<'leads'> {
  const [input, meta] = split(o)
  return rec(
    'leads',
    { contactId: 'c1', sourceId: 's1', entry: 'manual', receivedAt: at('2024-01-02'), ...input },
    meta,
  )
}

/** An NPS answer. */
export function survey(o: Overrides<'surveys'> = {}): RecordOf<'surveys'> {
  const [input, meta] = split(o)
  return rec('surveys', { contactId: 'c1', day: '2024-01-15', score: 10, ...input }, meta)
}

/** An enrollment of c1 in plan p1 by member m1. */
export function enrollment(o: Overrides<'enrollments'> = {}): RecordOf<'enrollments'> {
  const [input, meta] = split(o)
  return rec(
    'enrollments',
    { contactId: 'c1', planId: 'p1', startDay: '2023-12-01', memberId: 'm1', ...input },
    meta,
  )
}

/** A lead source entry. */
export function source(o: Overrides<'sources'> = {}): RecordOf<'sources'> {
  const [input, meta] = split(o)
  return rec('sources', { name: meta.id ?? 'Source', kind: 'referral', ...input }, meta)
}

/** A snapshot with empty collections except those given. */
export function snapshot(parts: Partial<KpiData> = {}): KpiData {
  return {
    contacts: [],
    referrals: [],
    leads: [],
    deals: [],
    costs: [],
    rewards: [],
    surveys: [],
    touches: [],
    enrollments: [],
    sources: [],
    members: [],
    ...parts,
  }
}

/** The value of a metric, failing the test with the reason when there is no data. */
export function val(m: Metric): number {
  if (m.kind !== 'value') throw new Error(`expected a value, got no-data: ${m.reason}`)
  return m.value
}

/** Whether a metric is no data with a stated reason. */
export function isNoData(m: Metric): boolean {
  return m.kind === 'no-data' && m.reason.length > 0
}
