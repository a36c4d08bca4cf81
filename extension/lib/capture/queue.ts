import type { CaptureRequest } from '../messages'
import { STORAGE_KEYS, type StorageArea } from '../settings'

/**
 * A capture waiting to be written to the team's documents. The ids of everything it creates are
 * chosen when it is queued, so applying it again after a crash (the service worker stopped between
 * the write and the removal) finds its own records instead of making new ones.
 */
export interface QueuedCapture {
  request: CaptureRequest
  /** One per person: the id a new contact gets, and the id of the `capture` interaction. */
  ids: { contacts: string[]; interactions: string[] }
  queuedAt: number
  attempts: number
  /** Why the last attempt did not finish (no team yet, a failed write). */
  lastError?: string
}

/** The capture queue in `storage.local`: written before anything else, removed only once persisted. */
export interface CaptureQueue {
  /** Adds a capture unless one with the same request id is queued; resolves once stored. */
  add(item: QueuedCapture): Promise<QueuedCapture>
  /** Every queued capture, oldest first. */
  list(): Promise<QueuedCapture[]>
  get(id: string): Promise<QueuedCapture | undefined>
  /** Records a failed attempt. */
  failed(id: string, reason: string): Promise<void>
  remove(id: string): Promise<void>
}

/**
 * Creates the queue over a storage area. Operations run one after another, so read-modify-write
 * never interleaves within this context (the background is the queue's only writer).
 * @param area - `browser.storage.local`
 */
export function createCaptureQueue(area: StorageArea): CaptureQueue {
  let chain: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = chain.then(fn)
    chain = p.catch(() => {})
    return p
  }
  const read = async () =>
    ((await area.get(STORAGE_KEYS.queue))[STORAGE_KEYS.queue] as QueuedCapture[] | undefined) ?? []
  const write = (items: QueuedCapture[]) => area.set({ [STORAGE_KEYS.queue]: items })

  return {
    add: (item) =>
      serial(async () => {
        const items = await read()
        const existing = items.find((i) => i.request.id === item.request.id)
        if (existing) return existing
        await write([...items, item])
        return item
      }),
    list: () => serial(read),
    get: (id) => serial(async () => (await read()).find((i) => i.request.id === id)),
    failed: (id, reason) =>
      serial(async () => {
        const items = await read()
        await write(
          items.map((i) => (i.request.id === id ? { ...i, attempts: i.attempts + 1, lastError: reason } : i)),
        )
      }),
    remove: (id) => serial(async () => write((await read()).filter((i) => i.request.id !== id))),
  }
}
