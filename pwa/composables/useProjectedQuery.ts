import { onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import type { UseLiveQueryReturn } from './useLiveQuery'

/** Something that says when the read model changed: an open team (`TeamSession.onChange`). */
export interface ProjectionChanges {
  onChange(listener: () => void): () => void
}

/**
 * `useLiveQuery` for a read too large for Dexie's change tracking: Dexie's `liveQuery` records
 * every primary key a query returns, which for the 50k ids of a whole team cost about 0.4 s
 * before the first row. The read model has a single writer, the projector, so this runs the
 * querier once, then again after each projection pass; one run at a time, the last one wins.
 * @param querier - a getter returning the query, or `undefined` while there is nothing to read
 * @param changes - a getter returning where projection passes are announced (the open team)
 */
export function useProjectedQuery<T>(
  querier: MaybeRefOrGetter<(() => Promise<T>) | undefined>,
  changes: MaybeRefOrGetter<ProjectionChanges | undefined>,
  options: { initial: T },
): UseLiveQueryReturn<T> {
  const data = shallowRef<T>(options.initial)
  const error = shallowRef<unknown>()
  const isReady = shallowRef(false)
  let current: (() => Promise<T>) | undefined
  let isRunning = false
  let isStale = false

  async function run() {
    if (isRunning) return void (isStale = true)
    isRunning = true
    try {
      do {
        isStale = false
        const fn = current
        if (!fn) break
        try {
          const value = await fn()
          if (fn !== current) continue
          data.value = value
          error.value = undefined
          isReady.value = true
        } catch (e) {
          if (fn !== current) continue
          error.value = e
          console.error('Rapport: a read model query failed', e)
        }
      } while (isStale)
    } finally {
      isRunning = false
    }
  }

  watch(
    () => toValue(querier),
    (fn) => {
      current = fn
      isReady.value = false
      if (!fn) data.value = options.initial
      else void run()
    },
    { immediate: true },
  )
  let stop = () => {}
  watch(
    () => toValue(changes),
    (source) => {
      stop()
      stop = source?.onChange(() => void run()) ?? (() => {})
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    stop()
    current = undefined
  })
  return { data, error, isReady }
}
