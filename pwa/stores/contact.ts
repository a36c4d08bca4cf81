import { Dexie } from 'dexie'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ContactRow, InteractionRow } from '../../shared/db'
import { shardOf, type Result } from '../../shared/doc'
import type { Contact } from '../../shared/model'
import { enroll, findBuiltinPlan, type BuiltinKey } from '../../shared/plans'
import { useLiveQuery } from '../composables/useLiveQuery'
import { mergeContacts, reconcileMerges } from '../../shared/contacts'
import { contactInputOf, type ContactFormValues } from '../services/contact-form'
import {
  countReferences,
  findLikelyDuplicates,
  previewOf,
  searchCandidates,
  type MergeCandidate,
  type MergePreview,
} from '../services/contact-merge'
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
  // Timeline entries are append-only and keep the contact they were written for: a contact's
  // timeline also shows those of the contacts merged into it (`mergedFrom`).
  const aliases = computed(() => (contact.value?.mergedFrom ?? []).join(' '))
  const { data: timeline } = useLiveQuery(
    computed(() => {
      const s = team.session
      const id = contactId.value
      const ids = [id, ...aliases.value.split(' ').filter(Boolean)]
      if (!s || !id) return undefined
      return async () => {
        const parts = await Promise.all(
          ids.map((cid) =>
            s.db.interactions
              .where('[contactId+at]')
              .between([cid, Dexie.minKey], [cid, Dexie.maxKey])
              .reverse()
              .limit(TIMELINE_LIMIT)
              .toArray(),
          ),
        )
        return parts
          .flat()
          .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
          .slice(0, TIMELINE_LIMIT)
      }
    }),
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

  /** Contacts likely to be the same person as the open one (same email, phone, LinkedIn or name). */
  async function likelyDuplicates(): Promise<MergeCandidate[]> {
    const s = team.session
    const id = contactId.value
    const r = s && id ? await s.db.contacts.get(id) : undefined
    return s && r ? findLikelyDuplicates(s.db, r, (q) => s.search(q)) : []
  }

  /** Other contacts matching a name search, to merge one that is not suggested. */
  async function searchOthers(query: string): Promise<MergeCandidate[]> {
    const s = team.session
    return s && contactId.value ? searchCandidates(s.db, await s.search(query), contactId.value) : []
  }

  /** What merging `dropId` into the open contact will do; `null` when either is not there. */
  async function mergePreview(dropId: string): Promise<MergePreview | null> {
    const s = team.session
    const keepId = contactId.value
    if (!s || !keepId) return null
    await Promise.all([s.persistence.shard(shardOf(keepId)), s.persistence.shard(shardOf(dropId))])
    const kept = s.repo.get('contacts', keepId)
    const dropped = s.repo.get('contacts', dropId)
    if (!kept || kept.deleted || !dropped || dropped.deleted) return null
    return previewOf(kept, dropped, await countReferences(s.db, dropId), s.repo.optOutState(dropId))
  }

  /** Merges `dropId` into the open contact (the rule and its refusals are `mergeContacts`). */
  async function mergeWith(dropId: string): Promise<Result<unknown>> {
    const keepId = contactId.value!
    const s = team.session
    if (s) await s.persistence.shard(shardOf(dropId))
    return team.write((repo) => {
      const r = mergeContacts(repo, { keepId, dropId })
      // Anything another device already did to an earlier merged contact follows too.
      if (r.ok) reconcileMerges(repo)
      return r
    })
  }

  function $reset() {
    contactId.value = undefined
  }

  return {
    contactId,
    contact,
    row,
    timeline,
    plans,
    isOptedOut,
    show,
    save,
    enrollIn,
    optOut,
    optIn,
    likelyDuplicates,
    searchOthers,
    mergePreview,
    mergeWith,
    $reset,
  }
})
