import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { meets, targetFor } from './targets'
import type { Unit } from './types'

/** One figure as written to the JSON file. */
export interface Result {
  metric: string
  contacts: number
  value: number
  unit: Unit
}

const DIGITS: Record<Unit, number> = { ms: 1, bytes: 0, ratio: 2, mb: 1 }

/** A value rounded for its unit (small times keep more digits). */
export function rounded(value: number, unit: Unit): number {
  const digits = unit === 'ms' && value < 10 ? 3 : DIGITS[unit]
  return Number(value.toFixed(digits))
}

/** The results as an aligned text table, with each target and whether it is met. */
export function formatTable(results: readonly Result[]): string {
  const rows = [['metric', 'contacts', 'value', 'unit', 'target', 'result']]
  let met = 0
  let judged = 0
  for (const r of results) {
    const target = targetFor(r.metric, r.contacts)
    const ok = target ? meets(target, r.value) : undefined
    if (target) {
      judged++
      if (ok) met++
    }
    rows.push([
      r.metric,
      String(r.contacts),
      String(rounded(r.value, r.unit)),
      r.unit,
      target ? `${target.op === '<' ? '<' : '≤'} ${target.value}` : '',
      ok === undefined ? '' : ok ? 'pass' : 'FAIL',
    ])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)))
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)]
  if (judged > 0) out.push('', `${met} of ${judged} targets met`)
  return out.join('\n')
}

/**
 * Writes the results as JSON. With `merge`, results already in the file for other
 * metric/size pairs are kept (a partial run with --only updates its own rows only).
 */
export function writeJson(file: string, results: readonly Result[], merge: boolean): void {
  const key = (r: Result) => `${r.metric}@${r.contacts}`
  const fresh = new Set(results.map(key))
  const kept =
    merge && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Result[]).filter((r) => !fresh.has(key(r)))
      : []
  const all = [...kept, ...results.map((r) => ({ ...r, value: rounded(r.value, r.unit) }))]
  all.sort((a, b) => a.contacts - b.contacts || 0)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`)
}
