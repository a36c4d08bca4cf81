import type { TeamDocs } from '../doc'
import type { Clock } from '../host'
import { equalBytes } from './bytes'
import { refuse, SyncError, webRandomBytes, type RandomBytes, type Refusal } from './errors'
import {
  decodePairingCode,
  encodePairingCode,
  PAIRING_ID_BYTES,
  type PairingCodeRefusal,
} from './pairing-code'
import { openPeerLink, type PeerLink } from './peer-link'
import { CHANNEL_LABEL } from './rtc-negotiation'
import { deriveKeys, type TeamKeys } from './team-secret'
import type { CompressionStreams, RTCPeerConnectionConstructor } from './webrtc-host'

/** Options of `createPairingOffer` and `acceptPairingOffer`. */
export interface PairingOptions {
  /** The team's documents. */
  docs: TeamDocs
  /** The team secret (from the join code): pairing refuses without it. Or give `keys`. */
  secret?: string
  /** Keys already derived with `deriveKeys`. */
  keys?: TeamKeys
  /** The host's `RTCPeerConnection` constructor. */
  RTCPeerConnection: RTCPeerConnectionConstructor
  /** STUN/TURN servers: none pairs devices on one LAN only (PAIRING.md). @default [] */
  iceServers?: RTCIceServer[]
  /** The host's `CompressionStream`/`DecompressionStream`: shorter codes, deflated sync. @default none */
  compression?: CompressionStreams
  /** The code is made once ICE gathering completes, or after this long with what was found. @default 5000 */
  gatherTimeoutMs?: number
  /** The link is given up when the channel is not open this long after the code was made. @default 600000 */
  connectTimeoutMs?: number
  /** @default systemClock */
  clock?: Clock
  /** @default globalThis.crypto.subtle */
  subtle?: SubtleCrypto
  /** @default WebCrypto's getRandomValues */
  random?: RandomBytes
  /** Told about dropped packets and failed sends of the link. */
  onError?: (error: Error) => void
}

/** Why pairing was refused. */
export type PairingRefusal = PairingCodeRefusal | 'no-team-secret' | 'wrong-offer' | 'unusable-code'
export type PairingResult<T> = { ok: true; value: T } | Refusal<PairingRefusal>

/** The first device's side: the code to show, and what to do with the answer. */
export interface PairingOffer {
  /** `rapport-offer1.…`, for a QR code or a paste. */
  readonly code: string
  /**
   * Takes the second device's answer code and connects; the sync runs on the returned link. A
   * refused answer leaves the offer usable: another answer can be tried.
   * @throws SyncError when the offer was completed or cancelled already
   */
  completePairing(answerCode: string): Promise<PairingResult<PeerLink>>
  /** Gives the offer up (closes its connection). */
  cancel(): void
}

const noSecret = () =>
  refuse('no-team-secret', 'pairing needs the team secret: join the team first with its join code')

function gathered(connection: RTCPeerConnection, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (connection.iceGatheringState !== 'complete') return
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(resolve, timeoutMs)
    connection.addEventListener('icegatheringstatechange', check)
    check()
  })
}

/**
 * Both sides create the channel (negotiated, id 0), so the link exists from the start: the side
 * that answers never waits for a `datachannel` event.
 */
function createChannel(connection: RTCPeerConnection): RTCDataChannel {
  return connection.createDataChannel(CHANNEL_LABEL, { ordered: true, negotiated: true, id: 0 })
}

async function keysOf(options: PairingOptions): Promise<TeamKeys | null> {
  if (options.keys) return options.keys
  if (!options.secret) return null
  return deriveKeys(options.secret, options.subtle)
}

function linkOf(
  options: PairingOptions,
  keys: TeamKeys,
  connection: RTCPeerConnection,
  channel: RTCDataChannel,
) {
  const { docs, clock, subtle, random, onError, compression, connectTimeoutMs = 600_000 } = options
  return openPeerLink({
    peerId: 'paired',
    connection,
    channel,
    docs,
    updateKey: keys.updateKey,
    connectTimeoutMs,
    clock,
    subtle,
    random,
    onError,
    compression,
  })
}

/**
 * Starts pairing with no server at all: makes an offer for a direct connection and, once ICE
 * gathering is complete (every candidate is inside), returns it as a code (`pairing-code.ts`) for
 * the other device to scan or paste into `acceptPairingOffer`.
 * @returns the offer, or a refusal `no-team-secret` when neither `secret` nor `keys` is given
 * @throws SyncError when the secret is not a team secret
 */
export async function createPairingOffer(options: PairingOptions): Promise<PairingResult<PairingOffer>> {
  const keys = await keysOf(options)
  if (!keys) return noSecret()
  const { iceServers = [], gatherTimeoutMs = 5000, compression, subtle, random = webRandomBytes } = options
  const connection = new options.RTCPeerConnection({ iceServers })
  const channel = createChannel(connection)
  const pairingId = random(PAIRING_ID_BYTES)
  try {
    await connection.setLocalDescription(await connection.createOffer())
    await gathered(connection, gatherTimeoutMs)
  } catch (error) {
    connection.close()
    throw new SyncError('could not make a pairing offer', { cause: error })
  }
  const sdp = connection.localDescription!.sdp
  const code = await encodePairingCode({ kind: 'offer', pairingId, sdp }, keys.updateKey, {
    compression,
    subtle,
    random,
  })
  let isDone = false

  const pending: PairingOffer = {
    code,
    async completePairing(answerCode) {
      if (isDone) throw new SyncError('this pairing offer was completed or cancelled already')
      const answer = await decodePairingCode('answer', answerCode, keys.updateKey, { compression, subtle })
      if (!answer.ok) return answer
      if (!equalBytes(answer.value.pairingId, pairingId)) {
        return refuse(
          'wrong-offer',
          'this answer belongs to another pairing offer: answer the code shown now',
        )
      }
      if (isDone) throw new SyncError('this pairing offer was completed or cancelled already')
      try {
        await connection.setRemoteDescription({ type: 'answer', sdp: answer.value.sdp })
      } catch {
        return refuse('unusable-code', 'the answer could not be used: make a new offer and answer it again')
      }
      isDone = true
      return { ok: true, value: linkOf(options, keys, connection, channel) }
    },
    cancel() {
      if (isDone) return
      isDone = true
      connection.close()
    },
  }
  return { ok: true, value: pending }
}

/**
 * The second device's side of pairing: opens the offer code, answers it and returns the answer
 * code to show to the first device, with the link whose sync starts once the first device
 * completes the pairing.
 * @returns the answer code and the link, or a refusal: `no-team-secret`, a refused code (see
 *   `decodePairingCode`: `other-team` for an offer from another team), or `unusable-code`
 * @throws SyncError when the secret is not a team secret
 */
export async function acceptPairingOffer(
  offerCode: string,
  options: PairingOptions,
): Promise<PairingResult<{ answerCode: string; link: PeerLink }>> {
  const keys = await keysOf(options)
  if (!keys) return noSecret()
  const { iceServers = [], gatherTimeoutMs = 5000, compression, subtle, random } = options
  const offer = await decodePairingCode('offer', offerCode, keys.updateKey, { compression, subtle })
  if (!offer.ok) return offer
  const connection = new options.RTCPeerConnection({ iceServers })
  const channel = createChannel(connection)
  try {
    await connection.setRemoteDescription({ type: 'offer', sdp: offer.value.sdp })
    await connection.setLocalDescription(await connection.createAnswer())
    await gathered(connection, gatherTimeoutMs)
  } catch {
    connection.close()
    return refuse('unusable-code', 'the offer could not be used: make a new offer on the other device')
  }
  const answerCode = await encodePairingCode(
    { kind: 'answer', pairingId: offer.value.pairingId, sdp: connection.localDescription!.sdp },
    keys.updateKey,
    { compression, subtle, random },
  )
  return { ok: true, value: { answerCode, link: linkOf(options, keys, connection, channel) } }
}
