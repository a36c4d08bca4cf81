import { fail, ok, type Result } from '../../shared/doc'

/** The port `npm start` (scripts/start.mjs) serves its signaling server on. */
export const SIGNAL_PORT = 4444

/**
 * The signaling server a device uses until told otherwise: the one `npm start` runs next to the
 * app, on the same host (`wss` when the app is served over https, as browsers require).
 */
export function defaultSignalingUrls(location: { protocol: string; hostname: string }): string[] {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  const host = location.hostname.includes(':') ? `[${location.hostname}]` : location.hostname
  return [`${scheme}://${host}:${SIGNAL_PORT}`]
}

/**
 * Reads signaling addresses typed by the user, one a line (commas work too). Each must be a
 * `ws://` or `wss://` address; duplicates are dropped.
 */
export function parseSignalingUrls(text: string): Result<string[]> {
  const parts = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (parts.length === 0) return fail('signaling', 'give at least one signaling address (ws:// or wss://)')
  const urls: string[] = []
  for (const part of parts) {
    let url: URL
    try {
      url = new URL(part)
    } catch {
      return fail('signaling', `"${part}" is not an address (e.g. ws://192.168.1.20:${SIGNAL_PORT})`)
    }
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
      return fail('signaling', `"${part}" must start with ws:// or wss://`)
    if (!urls.includes(part)) urls.push(part)
  }
  return ok(urls)
}
