import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ImportBatchRow } from '../../shared/db'
import { exportBackup, exportGoogleCsv, exportVCard, importContacts, undoImport } from '../../shared/io'
import type { ImportResult } from '../../shared/io'
import { useLiveQuery } from '../composables/useLiveQuery'
import type { DownloadFile } from '../services/download'
import { applyInChunks, type ImportCounts, type ImportRecord } from '../services/import-apply'
import { useTeamStore } from './team'

/** Where the import is. */
export type ImportPhase = 'idle' | 'reading' | 'preview' | 'applying' | 'done'

/** Import (read, preview, apply in chunks, undo) and export (Google CSV, vCard, JSON backup). */
export const useImportExportStore = defineStore('import-export', () => {
  const team = useTeamStore()
  const phase = ref<ImportPhase>('idle')
  const fileName = ref('')
  const preview = shallowRef<ImportResult>()
  const progress = ref({ done: 0, total: 0 })
  const counts = ref<ImportCounts>()
  const undone = ref<{ reverted: number; keptEdits: number }>()
  const failure = ref<string>()

  const historyQuerier = computed(() => {
    const s = team.session
    return s ? () => s.db.importBatches.toArray() : undefined
  })
  const { data: history } = useLiveQuery(historyQuerier, { initial: [] as ImportBatchRow[] })
  /** The most recent import still applied (the one Undo reverts). */
  const lastImport = computed(() =>
    (history.value as unknown as ImportRecord[]).reduce<ImportRecord | undefined>(
      (last, r) => (!last || r.at > last.at ? r : last),
      undefined,
    ),
  )

  /** Reads a chosen or dropped file and shows what it holds. */
  async function readFile(file: File) {
    reset()
    phase.value = 'reading'
    fileName.value = file.name
    try {
      preview.value = await importContacts(new Uint8Array(await file.arrayBuffer()), file.name)
      phase.value = 'preview'
    } catch (e) {
      fail(e)
    }
  }

  /** Applies the previewed contacts, with progress, and keeps the import so it can be undone. */
  async function apply() {
    const drafts = preview.value?.contacts ?? []
    if (phase.value !== 'preview' || drafts.length === 0) return
    phase.value = 'applying'
    try {
      const s = await team.whenLoaded()
      const record = await applyInChunks(s.repo, drafts, fileName.value, (done, total) => {
        progress.value = { done, total }
      })
      await s.db.importBatches.put(record as unknown as ImportBatchRow)
      counts.value = record.counts
      phase.value = 'done'
    } catch (e) {
      fail(e)
    }
  }

  /** Undoes the last import (every chunk, newest first); edits made since are kept. */
  async function undoLast() {
    const record = lastImport.value
    if (!record) return
    try {
      const s = await team.whenLoaded()
      let reverted = 0
      let keptEdits = 0
      for (const batch of [...record.batches].reverse()) {
        const r = undoImport(s.repo, batch)
        reverted += r.reverted
        keptEdits += r.keptEdits.length
      }
      await s.db.importBatches.delete(record.id)
      undone.value = { reverted, keptEdits }
    } catch (e) {
      fail(e)
    }
  }

  /** The team's contacts (or whole state) as a file to save. */
  async function exportFile(kind: 'google-csv' | 'vcard' | 'backup'): Promise<DownloadFile | undefined> {
    try {
      const s = await team.whenLoaded()
      const stamp = team.today()
      if (kind === 'backup') {
        const text = exportBackup(s.docs, s.repo.clock.now())
        return { name: `rapport-backup-${stamp}.json`, text, type: 'application/json' }
      }
      const contacts = s.repo.list('contacts')
      return kind === 'vcard'
        ? { name: `rapport-contacts-${stamp}.vcf`, text: exportVCard(contacts), type: 'text/vcard' }
        : { name: `rapport-contacts-${stamp}.csv`, text: exportGoogleCsv(contacts), type: 'text/csv' }
    } catch (e) {
      fail(e)
      return undefined
    }
  }

  function fail(e: unknown) {
    console.error('Rapport: import/export failed', e)
    failure.value = e instanceof Error ? e.message : String(e)
    phase.value = preview.value ? 'preview' : 'idle'
  }

  function reset() {
    phase.value = 'idle'
    fileName.value = ''
    preview.value = undefined
    progress.value = { done: 0, total: 0 }
    counts.value = undefined
    undone.value = undefined
    failure.value = undefined
  }

  return {
    phase,
    fileName,
    preview,
    progress,
    counts,
    undone,
    failure,
    lastImport,
    readFile,
    apply,
    undoLast,
    exportFile,
    reset,
    $reset: reset,
  }
})
