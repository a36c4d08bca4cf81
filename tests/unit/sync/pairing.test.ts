import { afterEach, describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { createTeam, SyncError } from '../../../shared/sync'
import { acceptPairingOffer, createPairingOffer, type PairingOptions } from '../../../shared/sync/pairing'
import type { PeerLink } from '../../../shared/sync/peer-link'
import { contact, replica, type Replica } from '../helpers/team'
import { fakeWebRTC } from './fake-webrtc'
import { until } from './memory-transport'
import { state } from './same-state'

const links: PeerLink[] = []
afterEach(() => links.splice(0).forEach((l) => l.stop()))

const compression = { CompressionStream, DecompressionStream }
const rtc = fakeWebRTC()
const options = (r: Replica, secret?: string): PairingOptions => ({
  docs: r.docs,
  secret,
  RTCPeerConnection: rtc.RTCPeerConnection,
  compression,
  gatherTimeoutMs: 1000,
})

describe('pairing (with an in-memory WebRTC)', () => {
  it('connects two devices through an offer code and an answer code, and they converge', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben] = [replica('ana', teamId), replica('ben', teamId)]
    unwrap(ana.repo.create('contacts', contact()))
    unwrap(ben.repo.create('contacts', contact({ name: { display: 'Priya Natarajan' } })))
    const offer = unwrap(await createPairingOffer(options(ana, secret)))
    expect(offer.code).toMatch(/^rapport-offer1\./)
    const accepted = unwrap(await acceptPairingOffer(offer.code, options(ben, secret)))
    expect(accepted.answerCode).toMatch(/^rapport-answer1\./)
    links.push(accepted.link)
    expect(accepted.link.status.state).toBe('connecting')
    const link = unwrap(await offer.completePairing(accepted.answerCode))
    links.push(link)
    await until(() => link.status.isSynced && accepted.link.status.isSynced, 'both synced')
    await until(() => state(ana) === state(ben), 'convergence')
    expect(link.status).toMatchObject({ peerId: 'paired', state: 'connected', rejected: 0 })
    await expect(offer.completePairing(accepted.answerCode)).rejects.toThrow(SyncError)

    accepted.link.stop()
    await until(() => link.status.state === 'closed', 'the other side to see the link closed')
  })

  it('refuses without the secret, codes of another team, and an answer to another offer', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben] = [replica('ana', teamId), replica('ben', teamId)]
    const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? 'ok' : r.reason)
    expect(reason(await createPairingOffer(options(ana)))).toBe('no-team-secret')
    const offer = unwrap(await createPairingOffer(options(ana, secret)))
    expect(reason(await acceptPairingOffer(offer.code, options(ben)))).toBe('no-team-secret')
    expect(reason(await acceptPairingOffer(offer.code, options(ben, createTeam().secret)))).toBe('other-team')
    expect(reason(await acceptPairingOffer('rapport-offer1.AAAA', options(ben, secret)))).toBe('damaged')

    const other = unwrap(await createPairingOffer(options(ana, secret)))
    const answerToOther = unwrap(await acceptPairingOffer(other.code, options(ben, secret)))
    links.push(answerToOther.link)
    expect(reason(await offer.completePairing(answerToOther.answerCode))).toBe('wrong-offer')
    expect(reason(await offer.completePairing(offer.code))).toBe('wrong-kind')
    // The offer is still good after refused answers.
    const answer = unwrap(await acceptPairingOffer(offer.code, options(ben, secret)))
    links.push(answer.link, unwrap(await offer.completePairing(answer.answerCode)))
    await until(() => answer.link.status.state === 'connected', 'connected')
    other.cancel()
  })
})
