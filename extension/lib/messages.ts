/**
 * Every message between the extension's parts, as one discriminated union, and the handler map the
 * background answers them with (in the spirit of Actual's `…Handlers`). Whatever crosses a message
 * boundary is plain JSON data with a `type`: extension messaging is JSON and an `Error` arrives as `{}`.
 */
import type { Problem } from '../../shared/doc'
import type { PersonDraft } from '../../shared/model'

/** Where a capture was made. */
export type CaptureSource = 'gmail' | 'linkedin'

/** An introduction proposed by a captured email; parties are indexes into `CaptureRequest.people`. */
export interface CaptureIntro {
  /** The person who made the introduction, or `null` for the signed-in agent. */
  introducer: number | null
  partyA: number
  partyB: number
  need?: string
}

/** A capture as the panel sends it: the drafts the agent kept and edited, and where they came from. */
export interface CaptureRequest {
  /** Chosen by the page once per capture; saving the same id twice saves it once. */
  id: string
  source: CaptureSource
  /** The page the capture was made on. */
  url: string
  people: PersonDraft[]
  intro?: CaptureIntro
  /** The Gmail thread's subject and link, recorded on each person's timeline. */
  thread?: { subject?: string; link?: string }
}

/** What the team already knows about a captured person ("Already in Rapport"). */
export interface KnownContact {
  id: string
  displayName: string
  /** Which of the draft's keys matched: `email`, `phone` or `linkedin`. */
  matchedBy: 'email' | 'phone' | 'linkedin'
  relationshipType?: string
  /** The name of the active touch plan, if enrolled. */
  plan?: string
  /** The last touch on the timeline (a call, an email, a meeting…). */
  lastTouch?: { kind: string; at: number; summary: string }
  /** How they reached the team: the source kind and, for a referral, the referrer's name. */
  source?: { kind: string; referrer?: string; name?: string }
}

/** What happened to one captured person. */
export interface SavedPerson {
  contactId: string
  displayName: string
  outcome: 'created' | 'merged' | 'unchanged'
}

/** The answer to `capture/save`: expected failures are values too. */
export type SaveOutcome =
  | { status: 'saved'; people: SavedPerson[]; intro?: { id: string } | { problem: string } }
  /** Kept in the queue: no team yet, or the write failed and is retried at the next start. */
  | { status: 'queued'; reason: string }
  | { status: 'invalid'; problems: Problem[] }

/** One entry of the popup's recent captures. */
export interface RecentCapture {
  id: string
  at: number
  source: CaptureSource
  /** The thread's subject or the profile's name. */
  title: string
  status: 'saved' | 'queued'
  people: SavedPerson[]
  reason?: string
}

/** A quick-search hit for the popup. */
export interface ContactHit {
  id: string
  displayName: string
  organisation?: string
  primaryEmail?: string
}

/** What the options page and the popup show of the team this browser belongs to. */
export interface TeamStatus {
  /** Learned from the app through the bridge; absent until the app was opened once. */
  teamId?: string
  members: { id: string; name: string }[]
  /** Captures waiting in the queue. */
  pending: number
  /** App tabs syncing with the extension right now. */
  bridges: number
}

/** Messages the background answers. */
export type BackgroundMessage =
  | { type: 'contacts/lookup'; people: PersonDraft[] }
  | { type: 'contacts/search'; query: string }
  | { type: 'capture/save'; capture: CaptureRequest }
  | { type: 'captures/recent' }
  | { type: 'team/status' }

/** Messages the background sends to content scripts. */
export type ContentMessage = { type: 'bridge/wake' }

/** Any message of the extension. */
export type Message = BackgroundMessage | ContentMessage

/** What each background message resolves to. */
export interface MessageResults {
  'contacts/lookup': (KnownContact | null)[]
  'contacts/search': ContactHit[]
  'capture/save': SaveOutcome
  'captures/recent': RecentCapture[]
  'team/status': TeamStatus
}

export type BackgroundMessageType = BackgroundMessage['type']
export type MessageOf<T extends BackgroundMessageType> = Extract<BackgroundMessage, { type: T }>

/** An unexpected failure, as plain data: the handler threw, or nobody handles the message. */
export interface MessageError {
  type: 'failed' | 'unknown-message'
  message: string
}

/** A reply on the wire. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: MessageError }

/** Who sent a message: enough of `runtime.MessageSender` for the handlers. */
export interface MessageSender {
  url?: string
  tabId?: number
}

/** The background's handler map: one async function per message type. */
export type BackgroundHandlers = {
  [T in BackgroundMessageType]: (message: MessageOf<T>, sender: MessageSender) => Promise<MessageResults[T]>
}

const BACKGROUND_TYPES: Record<BackgroundMessageType, true> = {
  'contacts/lookup': true,
  'contacts/search': true,
  'capture/save': true,
  'captures/recent': true,
  'team/status': true,
}

/** Whether `value` is a message for the background (by its `type`; payloads are checked by handlers). */
export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  const type = (value as { type?: unknown } | null)?.type
  return typeof type === 'string' && Object.hasOwn(BACKGROUND_TYPES, type)
}

/**
 * Runs the handler for `message` and turns whatever it throws into plain data.
 * @returns the reply to send back; never rejects
 */
export async function dispatchMessage(
  handlers: BackgroundHandlers,
  message: unknown,
  sender: MessageSender,
): Promise<Reply<unknown>> {
  if (!isBackgroundMessage(message)) {
    const type = String((message as { type?: unknown } | null)?.type)
    return { ok: false, error: { type: 'unknown-message', message: `no handler for ${type}` } }
  }
  try {
    const handler = handlers[message.type] as (m: BackgroundMessage, s: MessageSender) => Promise<unknown>
    return { ok: true, value: await handler(message, sender) }
  } catch (error) {
    return { ok: false, error: { type: 'failed', message: errorText(error) } }
  }
}

/** A readable one-line description of anything thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  return String(error)
}

/** The name of the runtime port the app bridge opens to the background. */
export const BRIDGE_PORT_NAME = 'rapport-bridge'

/**
 * Messages on the bridge's port: the team the app syncs, then sync packets both ways, base64-encoded
 * (Chrome's port messages are JSON, where a `Uint8Array` would arrive as an object of indexes).
 */
export type BridgePortMessage =
  { type: 'bridge/open'; teamId: string } | { type: 'bridge/packet'; data: string }

/** Whether `value` is a bridge port message. */
export function isBridgePortMessage(value: unknown): value is BridgePortMessage {
  const m = value as { type?: unknown; teamId?: unknown; data?: unknown } | null
  if (m?.type === 'bridge/open') return typeof m.teamId === 'string' && m.teamId.length > 0
  return m?.type === 'bridge/packet' && typeof m.data === 'string'
}
