import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ContactRow } from '../../shared/db'
import { jsonEqual, type Result } from '../../shared/doc'
import type { RecordOf } from '../../shared/model'
import { useLiveQuery } from '../composables/useLiveQuery'
import { useProjectedQuery } from '../composables/useProjectedQuery'
import {
  defaultFilters,
  isDefaultFilters,
  readContactIds,
  readOrderSnapshot,
  snapshotKeeper,
  readFilterChoices,
  type ContactFilters,
  type FilterChoices,
} from '../services/contact-query'
import {
  BULK_CHUNK,
  changeTag,
  enrollChunk,
  enrollTotals,
  inChunks,
  tagOf,
  tagTotals,
  type BulkProgress,
  type EnrollTotals,
  type TagReport,
} from '../services/contact-bulk'
import { bulkEnroller, type Enroller } from '../../shared/plans'
import { contactInputOf, type ContactFormValues } from '../services/contact-form'
import { useTeamStore } from './team'

/** How many search hits the list shows at most (best first). */
export const SEARCH_LIMIT = 500
/** Rows read beyond each end of the visible window. */
const WINDOW_MARGIN = 30
/** Search hits whose rows the list takes from the search itself (a screenful and more). */
const FIRST_ROWS = 40
/** Rows kept in memory beyond the window. */
const ROW_CACHE = 2000

/**
 * The Contacts screen: the ids that pass the filters (or match the search), and the rows of the
 * window the virtual list shows. Only ids are held for the whole team; rows are read per window.
 */
export const useContactsStore = defineStore('contacts', () => {
  const team = useTeamStore()
  const query = ref('')
  const filters = ref<ContactFilters>(defaultFilters())
  const hits = shallowRef<string[]>()
  const range = ref<[number, number]>([0, 40])
  /** Bumped when the search index changes, so the search runs again. */
  const changes = ref(0)

  // Rows read lately, by id, newest last: a refined search or a scroll back draws from them at
  // once, and the live query of the window refreshes them.
  const rowCache = new Map<string, ContactRow>()
  function remember(list: readonly (ContactRow | undefined)[]) {
    for (const r of list) {
      if (!r) continue
      const old = rowCache.get(r.id)
      rowCache.delete(r.id)
      // A row read again unchanged keeps its object: the list's row for it is not drawn again
      // (each keystroke's window read answers while the next keystroke is being drawn).
      rowCache.set(r.id, old && jsonEqual(old, r) ? old : r)
    }
    for (const id of rowCache.keys()) {
      if (rowCache.size <= ROW_CACHE) break
      rowCache.delete(id)
    }
  }

  // Reading every id in name order takes a 50k team one to three seconds of IndexedDB: until the
  // first answer of a session, the unfiltered list is drawn from the copy kept last time. The
  // fresh read then waits for the first rows on screen, or their reads would queue behind it.
  const snapshot = shallowRef<string[]>()
  /** `reading` the snapshot, `none` kept, or `shown` until the fresh read answers. */
  const snapshotState = ref<'reading' | 'none' | 'shown'>('reading')
  const hasDrawnRows = ref(false)
  watch(
    () => team.session,
    async (s) => {
      rowCache.clear()
      snapshot.value = undefined
      snapshotState.value = 'reading'
      hasDrawnRows.value = false
      const kept = s ? await readOrderSnapshot(s.db).catch(() => undefined) : undefined
      if (s !== team.session) return
      snapshot.value = kept
      snapshotState.value = kept?.length ? 'shown' : 'none'
    },
    { immediate: true },
  )
  const isSnapshotShown = computed(() => snapshotState.value === 'shown' && isDefaultFilters(filters.value))

  const idsQuerier = computed(() => {
    const s = team.session
    const f = { ...filters.value }
    if (!s || snapshotState.value === 'reading' || (isSnapshotShown.value && !hasDrawnRows.value)) return
    return () => readContactIds(s.db, f)
  })
  const { data: freshIds, isReady } = useProjectedQuery(idsQuerier, () => team.session, {
    initial: [] as string[],
  })
  const keepSnapshot = snapshotKeeper()
  watch(freshIds, (list) => {
    if (!isReady.value) return
    snapshotState.value = 'none'
    const s = team.session
    if (s && isDefaultFilters(filters.value)) keepSnapshot(s.db, list)
  })
  /** The ids that pass the filters, in name order. */
  const filteredIds = computed(() =>
    isSnapshotShown.value && snapshot.value ? snapshot.value : freshIds.value,
  )

  let stopChanges = () => {}
  watch(
    () => team.session,
    (s) => {
      stopChanges()
      stopChanges = s?.onChange(() => changes.value++) ?? (() => {})
    },
    { immediate: true },
  )

  // Built once per filter result, not per keystroke: at 50k contacts it is a 50k-entry set.
  // Only a filtered search reads it.
  const allowed = computed(() => new Set(filteredIds.value))

  // The search runs outside the live query (MiniSearch is not Dexie), again when the list changes.
  let searchRun = 0
  watch(
    [query, filteredIds, changes, () => team.session],
    async ([q, , , s]) => {
      const run = ++searchRun
      const text = q.trim()
      if (!text || !s) return void (hits.value = undefined)
      const found = await s.search(text, { limit: SEARCH_LIMIT })
      if (run !== searchRun) return
      // Hits carry their rows: the list draws them at once, with no read and no placeholders.
      remember(found.slice(0, FIRST_ROWS).map((h) => h.row))
      hits.value = found.map((h) => h.id)
    },
    { immediate: true },
  )

  /** The ids the list shows, in order: search hits that pass the filters, or every filtered id. */
  const ids = computed(() => {
    if (!hits.value) return filteredIds.value
    // With no filter set every live contact passes, and the search finds live contacts only:
    // the first keystroke need not build a set of the whole team (50k ids) to check them.
    if (isDefaultFilters(filters.value)) return hits.value
    const pass = allowed.value
    return hits.value.filter((id) => pass.has(id))
  })

  const windowIds = computed(() => {
    const [start, end] = range.value
    return ids.value.slice(Math.max(0, start - WINDOW_MARGIN), end + WINDOW_MARGIN)
  })
  const rowsQuerier = computed(() => {
    const s = team.session
    const wanted = windowIds.value
    return s ? () => s.db.contacts.bulkGet(wanted) : undefined
  })
  const { data: windowRows } = useLiveQuery(rowsQuerier, { initial: [] as (ContactRow | undefined)[] })
  watch(windowRows, remember, { flush: 'sync' })
  // The first rows on screen let the documents start loading (see TeamSession.firstScreenDrawn).
  watch([windowRows, isReady], ([list, ready]) => {
    if (list.length > 0) hasDrawnRows.value = true // answered for a window (rows of deleted ids too)
    if (list.some(Boolean) || (ready && freshIds.value.length === 0)) team.screenDrawn()
  })
  /** The rows of the visible window by id; rows outside it are not read. */
  const rows = computed(() => {
    void windowRows.value // read again when the window's rows answer (the cache follows them)
    const map = new Map<string, ContactRow>()
    for (const id of windowIds.value) {
      const r = rowCache.get(id)
      if (r) map.set(id, r)
    }
    return map
  })

  const choicesQuerier = computed(() => {
    const s = team.session
    return s ? () => readFilterChoices(s.db) : undefined
  })
  const { data: choices } = useLiveQuery(choicesQuerier, {
    initial: { tags: [], plans: [] } as FilterChoices,
  })

  // Selection: a set of ids, replaced (not mutated) so a 10k selection re-renders once.
  const selected = shallowRef<ReadonlySet<string>>(new Set())
  /** The index last toggled, the anchor of a shift-click range. */
  let anchor = -1
  /** Toggles one contact; with `range`, every contact from the last toggled one to it. */
  function toggle(index: number, on: boolean, range = false) {
    const list = ids.value
    const next = new Set(selected.value)
    const [from, to] =
      range && anchor >= 0 ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index]
    for (let i = from; i <= to; i++) {
      const id = list[i]
      if (id === undefined) continue
      if (on) next.add(id)
      else next.delete(id)
    }
    anchor = index
    selected.value = next
  }
  /** Selects every contact the filters and the search let through. */
  function selectAllMatching() {
    selected.value = new Set(ids.value)
  }
  function clearSelection() {
    selected.value = new Set()
    anchor = -1
  }

  const bulk = ref<{ running: boolean; progress: BulkProgress }>({
    running: false,
    progress: { done: 0, total: 0 },
  })
  async function runBulk<T>(
    write: (chunk: string[]) => Promise<Result<T>>,
    size = BULK_CHUNK,
  ): Promise<Result<T[]>> {
    const chosen = ids.value.filter((id) => selected.value.has(id))
    // Selected contacts hidden by a later filter are still selected: keep them, after the shown ones.
    const shown = new Set(chosen)
    for (const id of selected.value) if (!shown.has(id)) chosen.push(id)
    bulk.value = { running: true, progress: { done: 0, total: chosen.length } }
    try {
      return await inChunks(chosen, write, (p) => (bulk.value = { running: true, progress: p }), size)
    } finally {
      bulk.value = { ...bulk.value, running: false }
    }
  }

  /** Enrolls the selection in a plan, in chunks; `shared/plans` skips and counts the others. */
  async function enrollSelected(planId: string): Promise<Result<EnrollTotals>> {
    const plan = choices.value.plans.find((p) => p.id === planId)
    const startDay = team.today()
    let enroller: Enroller | undefined
    const r = await runBulk(
      (chunk) =>
        team.write((repo, s) =>
          (enroller ??= bulkEnroller(repo, { planId, memberId: s.memberId, startDay }))(chunk),
        ),
      enrollChunk(plan?.touches ?? 33),
    )
    return r.ok ? { ok: true, value: enrollTotals(r.value) } : r
  }

  /** Adds or removes a tag on the selection, one batch per chunk. */
  async function tagSelected(text: string, mode: 'add' | 'remove'): Promise<Result<TagReport>> {
    const tag = tagOf(text)
    if (!tag.ok) return tag
    const r = await runBulk((chunk) => team.write((repo) => changeTag(repo, chunk, tag.value, mode)))
    return r.ok ? { ok: true, value: tagTotals(r.value) } : r
  }

  /** The virtual list reports which indexes it shows. */
  function setRange(start: number, end: number) {
    if (range.value[0] !== start || range.value[1] !== end) range.value = [start, end]
  }

  /** Creates a contact from the Add form; the problems name the fields. */
  async function addContact(values: ContactFormValues): Promise<Result<RecordOf<'contacts'>>> {
    const input = contactInputOf(values)
    if (!input.ok) return input
    return team.write((repo, s) => repo.create('contacts', { ...input.value, owner: s.memberId }))
  }

  function $reset() {
    rowCache.clear()
    query.value = ''
    filters.value = defaultFilters()
    range.value = [0, 40]
    clearSelection()
  }

  return {
    query,
    filters,
    ids,
    isReady,
    rows,
    choices,
    selected,
    bulk,
    setRange,
    addContact,
    toggle,
    selectAllMatching,
    clearSelection,
    enrollSelected,
    tagSelected,
    $reset,
  }
})
