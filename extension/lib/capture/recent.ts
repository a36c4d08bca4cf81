import type { RecentCapture } from '../messages'
import { STORAGE_KEYS, type StorageArea } from '../settings'

/** How many captures the popup lists. */
export const RECENT_LIMIT = 20

/** The popup's list of recent captures, newest first, in `storage.local`. */
export interface RecentCaptures {
  /** Adds an entry, or replaces the one with the same id (a queued capture that was then saved). */
  put(entry: RecentCapture): Promise<void>
  list(): Promise<RecentCapture[]>
}

/**
 * Creates the recent-captures list over a storage area; writes run one after another.
 * @param area - `browser.storage.local`
 */
export function createRecentCaptures(area: StorageArea, limit = RECENT_LIMIT): RecentCaptures {
  let chain: Promise<unknown> = Promise.resolve()
  const read = async () =>
    ((await area.get(STORAGE_KEYS.recent))[STORAGE_KEYS.recent] as RecentCapture[] | undefined) ?? []
  return {
    put(entry) {
      const p = chain.then(async () => {
        const rest = (await read()).filter((e) => e.id !== entry.id)
        await area.set({ [STORAGE_KEYS.recent]: [entry, ...rest].slice(0, limit) })
      })
      chain = p.catch(() => {})
      return p
    },
    list: () => chain.then(read),
  }
}
