import type { ContactRow, IntroRow, ReadModel } from '../../shared/db'
import { goodReferralCompleteness } from '../../shared/care'
import type { RecordOf } from '../../shared/model'

/** Where an intro stands on the CARE board. */
export type IntroColumn = 'consent' | 'ready' | 'exit' | 'evaluated'
export const INTRO_COLUMNS: readonly IntroColumn[] = ['consent', 'ready', 'exit', 'evaluated']

/** Intros listed at most per column (newest first); the count covers them all. */
export const COLUMN_LIMIT = 40

/** A read-model row as the record `shared/care` reads (rows keep every field but flatten `deleted`). */
export function introOf(row: IntroRow): RecordOf<'intros'> {
  const { deleted, tombstone, shard: _shard, ...rest } = row
  return { ...rest, deleted: deleted ? (tombstone ?? null) : null } as RecordOf<'intros'>
}

/**
 * The column of an intro: evaluated once an outcome is recorded; waiting for consent while a
 * party has not agreed; awaiting exit once the follow-up touch is scheduled; otherwise ready
 * to introduce (both agreed, nobody has stepped back in yet).
 */
export function introColumn(
  intro: Pick<IntroRow, 'consentA' | 'consentB' | 'exit' | 'outcome'>,
): IntroColumn {
  if (intro.outcome && intro.outcome !== 'pending') return 'evaluated'
  if (!intro.consentA || !intro.consentB) return 'consent'
  return intro.exit?.touchId ? 'exit' : 'ready'
}

/** One intro on the board. */
export interface IntroCard {
  id: string
  nameA: string
  nameB: string
  need: string
  urgency: 'now' | 'soon' | 'later'
  outcome: string
  filled: number
  total: number
  referralId?: string
}

/** The board: each column's cards (at most `COLUMN_LIMIT`) and its full count. */
export type IntroBoard = Record<IntroColumn, { count: number; cards: IntroCard[] }>

export const emptyBoard = (): IntroBoard => ({
  consent: { count: 0, cards: [] },
  ready: { count: 0, cards: [] },
  exit: { count: 0, cards: [] },
  evaluated: { count: 0, cards: [] },
})

const byRecent = (a: IntroRow, b: IntroRow) => b.created.at - a.created.at || (a.id < b.id ? 1 : -1)

/** Reads the CARE board from the read model. Dexie calls only: it can run in a `liveQuery`. */
export async function readIntroBoard(db: ReadModel): Promise<IntroBoard> {
  const rows = await db.intros.where('deleted').equals(0).toArray()
  const board = emptyBoard()
  const grouped = new Map<IntroColumn, IntroRow[]>(INTRO_COLUMNS.map((c) => [c, []]))
  for (const r of rows) grouped.get(introColumn(r))!.push(r)
  const shown = INTRO_COLUMNS.flatMap((c) => grouped.get(c)!.sort(byRecent).slice(0, COLUMN_LIMIT))
  const names = await contactNames(
    db,
    shown.flatMap((r) => [r.partyA, r.partyB]),
  )
  for (const c of INTRO_COLUMNS) {
    const list = grouped.get(c)!
    board[c].count = list.length
    board[c].cards = list.slice(0, COLUMN_LIMIT).map((r) => {
      const { filled, total } = goodReferralCompleteness(introOf(r))
      return {
        id: r.id,
        nameA: names.get(r.partyA) ?? '',
        nameB: names.get(r.partyB) ?? '',
        need: r.need.text,
        urgency: r.need.urgency,
        outcome: r.outcome ?? 'pending',
        filled,
        total,
        referralId: r.referralId,
      }
    })
  }
  return board
}

/** Display names of contacts by id (missing contacts are left out). */
export async function contactNames(db: ReadModel, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  const rows = await db.contacts.bulkGet(unique)
  return new Map(rows.filter((c): c is ContactRow => !!c).map((c) => [c.id, c.displayName]))
}

/** One intro with its two parties' rows, for the checklist. */
export interface IntroDetail {
  row: IntroRow
  partyA?: ContactRow
  partyB?: ContactRow
  followUp?: { due: string; status: string }
}

/** Reads one intro, its parties and its follow-up touch. Dexie calls only. */
export async function readIntro(db: ReadModel, id: string): Promise<IntroDetail | null> {
  const row = await db.intros.get(id)
  if (!row || row.deleted) return null
  const [partyA, partyB] = await db.contacts.bulkGet([row.partyA, row.partyB])
  const touch = row.exit?.touchId ? await db.touches.get(row.exit.touchId) : undefined
  return {
    row,
    partyA,
    partyB,
    followUp: touch && !touch.deleted ? { due: touch.due, status: touch.status } : undefined,
  }
}
