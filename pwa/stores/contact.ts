import { Dexie } from 'dexie'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ContactRow, InteractionRow } from '../../shared/db'
import { shardOf, type Result } from '../../shared/doc'
import type { Contact } from '../../shared/model'
import { enroll, findBuiltinPlan, type BuiltinKey } from '../../shared/plans'
import { useLiveQuery } from '../composables/useLiveQuery'
import { contactInputOf, type ContactFormValues } from '../services/contact-form'
import { readContactPlans, type ContactPlanItem } from '../services/contact-plans'
import { useTeamStore } from './team'

/** Timeline entries shown at most, newest first. */
const TIMELINE_LIMIT = 200

/**
 * The open contact: its record from the document (details and edits), and from the read model
 * its row (shown at once), timeline and plans. Actions write through the repository.
 */
export const useContactStore = defineStore('contact', () => {
  const team = useTeamStore()
  const contactId = ref<string>()
  /** The full record, once its document shard is loaded; `null` when there is no such contact. */
  const contact = shallowRef<Contact | null>()

  const byContact = <T>(read: (db: NonNullable<typeof team.session>['db'], id: string) => Promise<T>) =>
    computed(() => {
      const s = team.session
      const id = contactId.value
      return s && id ? () => read(s.db, id) : undefined
    })

  const { data: row } = useLiveQuery(
    byContact((db, id) => db.contacts.get(id)),
    { initial: undefined as ContactRow | undefined, keepPrevious: false },
  )
  const { data: timeline } = useLiveQuery(
    byContact((db, id) =>
      db.interactions
        .where('[contactId+at]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .reverse()
        .limit(TIMELINE_LIMIT)
        .toArray(),
    ),
    { initial: [] as InteractionRow[], keepPrevious: false },
  )
  const { data: plans } = useLiveQuery(byContact(readContactPlans), {
    initial: [] as ContactPlanItem[],
    keepPrevious: false,
  })

  // The record comes from its document shard, read again whenever that shard changes.
  let stopRecord = () => {}
  watch(
    [contactId, () => team.session],
    ([id, s]) => {
      stopRecord()
      contact.value = undefined
      if (!id || !s) return
      const doc = s.docs.shards[shardOf(id)]!
      let isCurrent = true
      const read = () => {
        if (isCurrent) contact.value = s.repo.get('contacts', id) ?? null
      }
      void s.persistence.shard(shardOf(id)).then(read)
      doc.on('update', read)
      stopRecord = () => {
        isCurrent = false
        doc.off('update', read)
      }
    },
    { immediate: true },
  )

  const isOptedOut = computed(() => row.value?.optedOut === 1)

  /** Opens a contact. */
  function show(id: string) {
    contactId.value = id
  }

  /** Saves the Edit form. */
  async function save(values: ContactFormValues): Promise<Result<unknown>> {
    const id = contactId.value!
    return team.write((repo) => {
      const before = repo.get('contacts', id)
      const input = contactInputOf(values, before)
      return input.ok ? repo.update('contacts', id, input.value) : input
    })
  }

  /** Enrolls the contact in a built-in plan (8x8, 33 Touch, 12 Direct), starting today. */
  async function enrollIn(key: BuiltinKey): Promise<Result<unknown>> {
    const id = contactId.value!
    return team.write((repo, s) => {
      const plan = findBuiltinPlan(repo.list('plans'), key)
      if (!plan) return { ok: false, problems: [{ path: 'planId', message: `the team has no ${key} plan` }] }
      return enroll(repo, { contactId: id, planId: plan.id, memberId: s.memberId, startDay: team.today() })
    })
  }

  /** Records that the person asked to stop: every plan stops, on every device. */
  const optOut = (reason: string) => team.write((repo) => repo.optOut(contactId.value!, { reason }))

  /** An explicit opt-in with its reason, clearing the opt-outs in force. */
  const optIn = (reason: string) => team.write((repo) => repo.optIn(contactId.value!, { reason }))

  function $reset() {
    contactId.value = undefined
  }

  return { contactId, contact, row, timeline, plans, isOptedOut, show, save, enrollIn, optOut, optIn, $reset }
})
