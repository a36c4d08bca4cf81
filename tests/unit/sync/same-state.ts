import { snapshot, type Replica } from '../helpers/team'

/** JSON with object keys sorted, at every depth. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/**
 * A replica's readable state with keys sorted. `snapshot` alone is not enough to compare devices:
 * a record's keys come out in the order its Y.Map entries were integrated, which differs between
 * devices that received the same updates in another order (e.g. `deleted` first or last).
 */
export function state(r: Replica): string {
  return sortedJson(JSON.parse(snapshot(r)))
}
