import { browser } from 'wxt/browser'
import {
  dispatchMessage,
  errorText,
  type BackgroundHandlers,
  type BackgroundMessageType,
  type MessageOf,
  type MessageResults,
  type Reply,
} from './messages'

/**
 * Sends a message to the background and waits for its reply. A background that cannot be reached
 * (being updated, or stopped mid-answer) comes back as a `failed` reply, never a rejection.
 * @param message - one of `BackgroundMessage`
 * @returns the typed reply
 */
export async function sendToBackground<T extends BackgroundMessageType>(
  message: MessageOf<T>,
): Promise<Reply<MessageResults[T]>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as Reply<MessageResults[T]> | undefined
    return reply ?? { ok: false, error: { type: 'failed', message: 'the extension did not answer' } }
  } catch (error) {
    return { ok: false, error: { type: 'failed', message: errorText(error) } }
  }
}

/**
 * Answers background messages with `handlers`. Uses `sendResponse` and `return true`, which every
 * browser supports (Chrome ignores a returned promise before version 146).
 * @returns the function that stops answering
 */
export function listenForMessages(handlers: BackgroundHandlers): () => void {
  const listener = (
    message: unknown,
    sender: { url?: string; tab?: { id?: number } },
    respond: (r: unknown) => void,
  ) => {
    void dispatchMessage(handlers, message, { url: sender.url, tabId: sender.tab?.id }).then(respond)
    return true
  }
  browser.runtime.onMessage.addListener(listener)
  return () => browser.runtime.onMessage.removeListener(listener)
}
