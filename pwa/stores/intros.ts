import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import {
  careChecklist,
  createIntro,
  ensureExitTouch,
  evaluateIntro,
  goodReferralCompleteness,
  introEmailDraft,
  planExit,
  recordConsent,
  setChecklist,
  setRelevance,
  type IntroEmailDraft,
  type IntroParty,
} from '../../shared/care'
import type { Result } from '../../shared/doc'
import type { Consent, GoodReferral } from '../../shared/model'
import { useLiveQuery } from '../composables/useLiveQuery'
import { emptyBoard, introOf, readIntro, readIntroBoard, type IntroDetail } from '../services/intros-query'
import { useTeamStore } from './team'

/** Contacts a picker offers at most. */
const PICKER_LIMIT = 8

/** What a new intro needs from the form. */
export interface NewIntroValues {
  partyA: string
  partyB: string
  need: string
  urgency: 'now' | 'soon' | 'later'
  relevance: string
  exitDays?: number
}

/**
 * The CARE board (every intro by where it stands) and the open intro: its row from the read
 * model, its CARE and good-referral checklists, and the email draft that `shared/care` gives
 * or refuses. Every action writes through `shared/care`.
 */
export const useIntrosStore = defineStore('intros', () => {
  const team = useTeamStore()
  const introId = ref<string>()

  const boardQuerier = computed(() => {
    const s = team.session
    return s ? () => readIntroBoard(s.db) : undefined
  })
  const { data: board, isReady } = useLiveQuery(boardQuerier, { initial: emptyBoard() })

  const detailQuerier = computed(() => {
    const s = team.session
    const id = introId.value
    return s && id ? () => readIntro(s.db, id) : undefined
  })
  const { data: detail, isReady: isDetailReady } = useLiveQuery(detailQuerier, {
    initial: undefined as IntroDetail | null | undefined,
    keepPrevious: false,
  })

  const intro = computed(() => (detail.value ? introOf(detail.value.row) : undefined))
  const care = computed(() => (intro.value ? careChecklist(intro.value) : undefined))
  const completeness = computed(() => (intro.value ? goodReferralCompleteness(intro.value) : undefined))

  /** The draft, or the problems `shared/care` refuses it with (the consent rule first). */
  const draft = shallowRef<Result<IntroEmailDraft>>()
  watch(
    [detail, () => team.isLoaded, () => team.memberName],
    ([d, loaded, agentName]) => {
      const s = team.session
      if (!d || !loaded || !s) return void (draft.value = undefined)
      draft.value = introEmailDraft(s.repo, d.row.id, { agentName })
      // Consents merged from two devices: the follow-up touch is made by the first device to see both.
      if (d.row.consentA && d.row.consentB && d.row.exit && !d.row.exit.touchId) {
        void team.write((repo) => ensureExitTouch(repo, d.row.id))
      }
    },
    { immediate: true },
  )

  function show(id: string | undefined) {
    introId.value = id || undefined
  }

  const withIntro = <T>(fn: (id: string) => Promise<Result<T>>) => {
    const id = introId.value
    return id
      ? fn(id)
      : Promise.resolve<Result<T>>({ ok: false, problems: [{ path: 'id', message: 'no intro is open' }] })
  }

  /** Starts an intro between two contacts for a need. */
  const create = (values: NewIntroValues) =>
    team.write((repo) =>
      createIntro(repo, {
        partyA: values.partyA,
        partyB: values.partyB,
        need: { text: values.need, urgency: values.urgency },
        ...(values.relevance.trim() ? { relevance: values.relevance } : {}),
        ...(values.exitDays !== undefined ? { exitDays: values.exitDays } : {}),
      }),
    )

  /** Records one party's consent, asked separately. */
  const consent = (party: IntroParty, how: Consent['how'], note: string) =>
    withIntro((id) =>
      team.write((repo) => recordConsent(repo, id, party, { how, ...(note.trim() ? { note } : {}) })),
    )

  const relevance = (text: string) => withIntro((id) => team.write((repo) => setRelevance(repo, id, text)))

  const checklist = (patch: Partial<GoodReferral>) =>
    withIntro((id) => team.write((repo) => setChecklist(repo, id, patch)))

  const exit = (days: number) => withIntro((id) => team.write((repo) => planExit(repo, id, days)))

  const evaluate = (outcome: 'worked' | 'did-not' | 'unknown') =>
    withIntro((id) => team.write((repo) => evaluateIntro(repo, id, outcome)))

  /** Contacts whose names match, best first, for the pickers. */
  async function searchContacts(query: string): Promise<{ id: string; displayName: string }[]> {
    const s = team.session
    if (!s) return []
    const hits = await s.search(query, { limit: PICKER_LIMIT })
    return hits.map((h) => ({ id: h.id, displayName: h.displayName }))
  }

  function $reset() {
    introId.value = undefined
  }

  return {
    introId,
    board,
    isReady,
    detail,
    isDetailReady,
    intro,
    care,
    completeness,
    draft,
    show,
    searchContacts,
    create,
    consent,
    relevance,
    checklist,
    exit,
    evaluate,
    $reset,
  }
})
