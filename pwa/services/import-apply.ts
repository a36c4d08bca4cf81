import { applyImport, createImportIndex, type ImportBatch } from '../../shared/io'
import type { Repo } from '../../shared/doc'
import type { PersonDraft } from '../../shared/model'

/** What an import did, summed over its chunks. */
export interface ImportCounts {
  created: number
  merged: number
  skipped: number
  /** Contacts the repository refused (nothing of them was written). */
  invalid: number
}

/** An applied import as this device keeps it (local-only `importBatches` table), to undo it. */
export interface ImportRecord {
  id: string
  at: number
  fileName: string
  counts: ImportCounts
  /** One repository batch per chunk, in the order applied. */
  batches: ImportBatch[]
}

/** Drafts per chunk: at most about twenty steps of progress, and never tiny chunks. */
export const chunkSize = (total: number) => Math.max(50, Math.ceil(total / 20))

/**
 * Applies drafts in chunks through `applyImport`, yielding to the page between chunks so a
 * progress bar can move. Each chunk dedupes against everything before it (the repository
 * holds the earlier chunks), and is its own batch, so undoing the import undoes every chunk.
 */
export async function applyInChunks(
  repo: Repo,
  drafts: PersonDraft[],
  fileName: string,
  onProgress: (done: number, total: number) => void,
): Promise<ImportRecord> {
  const counts: ImportCounts = { created: 0, merged: 0, skipped: 0, invalid: 0 }
  const batches: ImportBatch[] = []
  const size = chunkSize(drafts.length)
  const at = repo.clock.now()
  onProgress(0, drafts.length)
  // Indexed once: at 50k contacts, indexing the team for each of twenty chunks took most of the import.
  const index = createImportIndex(repo)
  for (let i = 0; i < drafts.length; i += size) {
    const chunk = drafts.slice(i, i + size)
    const r = applyImport(repo, chunk, { fileName, index })
    if (r.ok) {
      batches.push(r.value.batch)
      counts.created += r.value.created
      counts.merged += r.value.merged
      counts.skipped += r.value.skipped
      counts.invalid += r.value.invalid.length
    } else counts.invalid += chunk.length
    onProgress(Math.min(i + size, drafts.length), drafts.length)
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { id: batches[0]?.id ?? `import-${at}`, at, fileName, counts, batches }
}
