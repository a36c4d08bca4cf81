import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ContactRow } from '../../shared/db'
import type { Result } from '../../shared/doc'
import type { RecordOf } from '../../shared/model'
import { useLiveQuery } from '../composables/useLiveQuery'
import { defaultFilters, readContactIds, type ContactFilters } from '../services/contact-query'
import { contactInputOf, type ContactFormValues } from '../services/contact-form'
import { useTeamStore } from './team'

/** How many search hits the list shows at most (best first). */
export const SEARCH_LIMIT = 500
/** Rows read beyond each end of the visible window. */
const WINDOW_MARGIN = 30

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

  const idsQuerier = computed(() => {
    const s = team.session
    const f = { ...filters.value }
    return s ? () => readContactIds(s.db, f) : undefined
  })
  const { data: filteredIds, isReady } = useLiveQuery(idsQuerier, { initial: [] as string[] })

  let stopChanges = () => {}
  watch(
    () => team.session,
    (s) => {
      stopChanges()
      stopChanges = s?.onChange(() => changes.value++) ?? (() => {})
    },
    { immediate: true },
  )

  // The search runs outside the live query (MiniSearch is not Dexie), again when the list changes.
  let searchRun = 0
  watch(
    [query, filteredIds, changes, () => team.session],
    async ([q, , , s]) => {
      const run = ++searchRun
      const text = q.trim()
      if (!text || !s) return void (hits.value = undefined)
      const found = await s.search(text, { limit: SEARCH_LIMIT })
      if (run === searchRun) hits.value = found.map((h) => h.id)
    },
    { immediate: true },
  )

  // Built once per filter result, not per keystroke: at 50k contacts it is a 50k-entry set.
  const allowed = computed(() => new Set(filteredIds.value))
  /** The ids the list shows, in order: search hits that pass the filters, or every filtered id. */
  const ids = computed(() => {
    if (!hits.value) return filteredIds.value
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
  /** The rows of the visible window by id; rows outside it are not read. */
  const rows = computed(() => {
    const map = new Map<string, ContactRow>()
    for (const r of windowRows.value) if (r) map.set(r.id, r)
    return map
  })

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
    query.value = ''
    filters.value = defaultFilters()
    range.value = [0, 40]
  }

  return { query, filters, ids, isReady, rows, setRange, addContact, $reset }
})
