import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Result } from '../../shared/doc'
import type { RelationshipType, ReferralStage } from '../../shared/model'
import {
  FORWARD_STAGES,
  advanceReferral,
  isTerminalStage,
  markRewardGiven,
  receiveReferral,
  reconcileReferral,
} from '../../shared/referrals'
import { useLiveQuery } from '../composables/useLiveQuery'
import {
  emptyLedger,
  emptyPipeline,
  readLedger,
  readPipeline,
  readReferral,
  type ReferralDetail,
} from '../services/referrals-query'
import { useTeamStore } from './team'

/** Contacts a picker offers at most. */
const PICKER_LIMIT = 8

/** What a new referral needs from the form. */
export interface NewReferralValues {
  referrerId: string
  referredId: string
  need: string
  /** Empty: the referrer's own relationship type. */
  relationshipType: RelationshipType | ''
}

/**
 * The referrals screen: the pipeline by stage, the open referral with what each move made
 * (the tell-the-referrer touches, the rewards) and the rewards ledger. Moves, new referrals and
 * given rewards write through `shared/referrals`.
 */
export const useReferralsStore = defineStore('referrals', () => {
  const team = useTeamStore()
  const referralId = ref<string>()

  const onSession = <T>(read: (db: NonNullable<typeof team.session>['db']) => Promise<T>) =>
    computed(() => {
      const s = team.session
      return s ? () => read(s.db) : undefined
    })
  const { data: pipeline, isReady } = useLiveQuery(onSession(readPipeline), { initial: emptyPipeline() })
  const { data: ledger } = useLiveQuery(onSession(readLedger), { initial: emptyLedger() })

  const detailQuerier = computed(() => {
    const s = team.session
    const id = referralId.value
    return s && id ? () => readReferral(s.db, id) : undefined
  })
  const { data: detail } = useLiveQuery(detailQuerier, {
    initial: undefined as ReferralDetail | null | undefined,
    keepPrevious: false,
  })

  /** The team's currency (ISO 4217), for values and costs. */
  const currency = computed(() => {
    void team.teamName // re-read when the team document changes
    try {
      return team.session?.repo.settings.get().currency ?? 'USD'
    } catch {
      return 'USD'
    }
  })

  // The stored stage is a cache: moves merged from other devices are written back on opening.
  watch(
    [referralId, () => team.isLoaded],
    ([id, loaded]) => {
      if (id && loaded) void team.write((repo) => reconcileReferral(repo, id))
    },
    { immediate: true },
  )

  /** The forward stage after the open referral's, if it can still move. */
  const nextStage = computed<ReferralStage | undefined>(() => {
    const stage = detail.value?.row.stage
    if (!stage || isTerminalStage(stage)) return undefined
    return FORWARD_STAGES[FORWARD_STAGES.indexOf(stage as (typeof FORWARD_STAGES)[number]) + 1]
  })

  function show(id: string | undefined) {
    referralId.value = id || undefined
  }

  /** Moves the open referral; `value` (cents) is needed to close. */
  const advance = (stage: ReferralStage, value?: number) => {
    const id = referralId.value
    if (!id)
      return Promise.resolve({
        ok: false as const,
        problems: [{ path: 'id', message: 'no referral is open' }],
      })
    return team.write((repo) => advanceReferral(repo, id, stage, value === undefined ? {} : { value }))
  }

  /** Receives a referral (the thank-you reward and touch come with it). */
  const receive = (values: NewReferralValues) =>
    team.write((repo) =>
      receiveReferral(repo, {
        referrerId: values.referrerId,
        referredId: values.referredId,
        need: values.need,
        ...(values.relationshipType ? { relationshipType: values.relationshipType } : {}),
      }),
    )

  const markGiven = (rewardId: string): Promise<Result<unknown>> =>
    team.write((repo) => markRewardGiven(repo, rewardId))

  /** Contacts whose names match, best first, for the pickers. */
  async function searchContacts(query: string): Promise<{ id: string; displayName: string }[]> {
    const s = team.session
    if (!s) return []
    const hits = await s.search(query, { limit: PICKER_LIMIT })
    return hits.map((h) => ({ id: h.id, displayName: h.displayName }))
  }

  function $reset() {
    referralId.value = undefined
  }

  return {
    referralId,
    pipeline,
    isReady,
    ledger,
    detail,
    currency,
    nextStage,
    show,
    advance,
    receive,
    markGiven,
    searchContacts,
    $reset,
  }
})
