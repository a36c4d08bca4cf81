import { rankCandidates, type ContactSearchHit, type RankOptions } from './rank'
import type { ReadModel } from './schema'

/**
 * Search straight on the read model's multi-entry `*nameTokens` index: one `startsWith` range per
 * query token, the primary keys intersected, then the surviving rows read and ranked.
 * Nothing to build or keep in memory; each query costs index reads.
 */
export async function searchDexie(
  db: ReadModel,
  query: string[],
  options: RankOptions,
): Promise<ContactSearchHit[]> {
  if (query.length === 0) return []
  const rows = await db.transaction('r', db.contacts, async () => {
    // Longest token first: its range is usually the narrowest.
    const tokens = [...query].sort((a, b) => b.length - a.length)
    let ids: Set<string> | undefined
    for (const t of tokens) {
      const keys = (await db.contacts.where('nameTokens').startsWith(t).primaryKeys()) as string[]
      ids = ids ? new Set(keys.filter((k) => ids!.has(k))) : new Set(keys)
      if (ids.size === 0) return []
    }
    return (await db.contacts.bulkGet([...ids!])).filter((r) => r !== undefined)
  })
  return rankCandidates(rows, query, options)
}
