import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter, type ShallowRef } from 'vue'

/** Options of `useLiveQuery`. */
export interface UseLiveQueryOptions<T> {
  /** The value until the first answer, and while no querier is given. */
  initial: T
  /**
   * Keep the last value while a new querier runs, instead of going back to `initial`.
   * @default true
   */
  keepPrevious?: boolean
}

/** What `useLiveQuery` returns. */
export interface UseLiveQueryReturn<T> {
  /** The latest answer; a shallow ref, so large arrays are never made deeply reactive. */
  data: ShallowRef<T>
  /** The last error of the querier, cleared by the next answer. */
  error: ShallowRef<unknown>
  /** Whether the current querier has answered once. */
  isReady: ShallowRef<boolean>
}

/**
 * Follows a Dexie `liveQuery` into a shallow ref. The querier is reactive: give a getter that
 * returns a new function when what it reads changes (a filter, the open team), and the
 * subscription is replaced. `undefined` means nothing to query yet. Unsubscribes with the scope.
 */
export function useLiveQuery<T>(
  querier: MaybeRefOrGetter<(() => Promise<T>) | undefined>,
  options: UseLiveQueryOptions<T>,
): UseLiveQueryReturn<T> {
  const data = shallowRef<T>(options.initial) as ShallowRef<T>
  const error = shallowRef<unknown>()
  const isReady = shallowRef(false)
  let subscription: Subscription | undefined

  watch(
    () => toValue(querier),
    (fn) => {
      subscription?.unsubscribe()
      subscription = undefined
      isReady.value = false
      if (options.keepPrevious === false || !fn) data.value = options.initial
      if (!fn) return
      subscription = liveQuery(fn).subscribe({
        next: (value) => {
          data.value = value
          error.value = undefined
          isReady.value = true
        },
        error: (e: unknown) => {
          error.value = e
          console.error('Rapport: a live query failed', e)
        },
      })
    },
    { immediate: true },
  )
  onScopeDispose(() => subscription?.unsubscribe())
  return { data, error, isReady }
}
