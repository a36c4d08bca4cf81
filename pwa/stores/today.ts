import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Result } from '../../shared/doc'
import { addDays, completeTouch, rescheduleTouch, skipTouch } from '../../shared/plans'
import { useLiveQuery } from '../composables/useLiveQuery'
import { fieldProblems, type FieldProblem } from '../services/problems'
import { emptyToday, readToday } from '../services/today-query'
import { useTeamStore } from './team'

/** Whose touches the Today list shows. */
export type TodayScope = 'mine' | 'team'

/** What the last action did, for the status line (announced to screen readers). */
export interface TodayNotice {
  kind: 'done' | 'skipped' | 'rescheduled' | 'error'
  title: string
  day?: string
  problems?: FieldProblem[]
}

/** The Today list: due and overdue touches from the read model, and the actions on them. */
export const useTodayStore = defineStore('today', () => {
  const team = useTeamStore()
  const scope = ref<TodayScope>('mine')
  const day = ref(team.today())
  const pending = ref<string[]>([])
  const notice = ref<TodayNotice>()

  const querier = computed(() => {
    const s = team.session
    if (!s) return undefined
    const query = {
      day: day.value,
      memberId: scope.value === 'mine' ? s.memberId : undefined,
      teamName: team.teamName,
    }
    return () => readToday(s.db, query)
  })
  const { data: list, isReady } = useLiveQuery(querier, { initial: emptyToday(day.value) })
  watch(isReady, (ready) => ready && team.screenDrawn())

  /** Moves the list to the current day (after midnight, or when the app comes back). */
  function refreshDay() {
    day.value = team.today()
  }

  async function act(
    touchId: string,
    title: string,
    kind: Exclude<TodayNotice['kind'], 'error'>,
    run: () => Promise<Result<unknown>>,
    newDay?: string,
  ) {
    if (pending.value.includes(touchId)) return
    pending.value = [...pending.value, touchId]
    try {
      const r = await run()
      notice.value = r.ok
        ? { kind, title, day: newDay }
        : { kind: 'error', title, problems: fieldProblems(r.problems) }
    } finally {
      pending.value = pending.value.filter((id) => id !== touchId)
    }
  }

  /** Marks a touch done (the plan rules run in the same batch). */
  const complete = (touchId: string, title: string) =>
    act(touchId, title, 'done', () => team.write((repo) => completeTouch(repo, touchId, { day: day.value })))

  /** Skips a touch. */
  const skip = (touchId: string, title: string) =>
    act(touchId, title, 'skipped', () => team.write((repo) => skipTouch(repo, touchId, { day: day.value })))

  /** Moves a touch to another day; tomorrow by default (one tap). */
  const reschedule = (touchId: string, title: string, toDay = addDays(day.value, 1)) =>
    act(
      touchId,
      title,
      'rescheduled',
      () => team.write((repo) => rescheduleTouch(repo, touchId, toDay)),
      toDay,
    )

  function $reset() {
    scope.value = 'mine'
    pending.value = []
    notice.value = undefined
    refreshDay()
  }

  return { scope, day, list, isReady, pending, notice, refreshDay, complete, skip, reschedule, $reset }
})
