import { describe, expect, it } from 'vitest'
import { createTeam, deriveKeys } from '../../../shared/sync'
import { decodePairingCode, encodePairingCode, type PairingCode } from '../../../shared/sync/pairing-code'

/** An offer as Chromium makes it for one data channel, with every candidate gathered. */
const SDP = [
  'v=0',
  'o=- 6952381830541418433 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'a=extmap-allow-mixed',
  'a=msid-semantic: WMS',
  'm=application 49203 UDP/DTLS/SCTP webrtc-datachannel',
  'c=IN IP4 192.168.1.23',
  'a=candidate:1467250027 1 udp 2122260223 192.168.1.23 49203 typ host generation 0 network-id 1',
  'a=candidate:2739151195 1 udp 2122262783 fd00::2 42311 typ host generation 0 network-id 2',
  'a=candidate:2999745851 1 tcp 1518280447 192.168.1.23 9 typ host tcptype active generation 0 network-id 1',
  'a=ice-ufrag:Dq3z',
  'a=ice-pwd:JfhoBQVsY6SHa6NDCeDDUbeU',
  'a=ice-options:trickle',
  'a=fingerprint:sha-256 3C:4F:8A:21:D9:55:1E:0B:7A:6C:90:EE:12:34:56:78:9A:BC:DE:F0:11:22:33:44:55:66:77:88:99:AA:BB:CC',
  'a=setup:actpass',
  'a=mid:0',
  'a=sctp-port:5000',
  'a=max-message-size:262144',
  '',
].join('\r\n')

const compression = { CompressionStream, DecompressionStream }

describe('pairing codes', async () => {
  const keys = await deriveKeys(createTeam().secret)
  const offer: PairingCode = { kind: 'offer', pairingId: new Uint8Array(8).fill(7), sdp: SDP }

  it('carry the SDP, deflated when the host can, and hide it', async () => {
    for (const options of [{}, { compression }]) {
      const code = await encodePairingCode(offer, keys.updateKey, options)
      expect(code).toMatch(/^rapport-offer1\.[A-Za-z0-9_-]+$/)
      for (const text of ['192.168', 'Dq3z', 'fingerprint']) expect(code).not.toContain(text)
      expect(await decodePairingCode('offer', code, keys.updateKey, options)).toEqual({
        ok: true,
        value: offer,
      })
    }
    const plain = await encodePairingCode(offer, keys.updateKey)
    const small = await encodePairingCode(offer, keys.updateKey, { compression })
    expect(small.length).toBeLessThan(plain.length * 0.85)
  })

  it('survive being wrapped over lines or pasted inside other text', async () => {
    const code = await encodePairingCode(offer, keys.updateKey)
    const wrapped = `Pair with me: ${code.match(/.{1,40}/g)!.join('\n  ')}.\nThanks`
    expect((await decodePairingCode('offer', wrapped, keys.updateKey)).ok).toBe(true)
  })

  it('refuse damaged codes, the other kind, other versions and other teams, each with a reason', async () => {
    const code = await encodePairingCode(offer, keys.updateKey, { compression })
    const reason = async (text: string, kind: 'offer' | 'answer' = 'offer', key = keys.updateKey) => {
      const r = await decodePairingCode(kind, text, key, { compression })
      return r.ok ? 'ok' : `${r.reason}: ${r.problems[0]!.message}`
    }
    const at = code.length - 20
    const changed = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1)
    expect(await reason(changed)).toMatch(/^damaged: .*copy or scan it again/)
    expect(await reason(code.slice(0, -3))).toMatch(/^damaged/)
    expect(await reason('rapport-offer1.')).toMatch(/^damaged/)
    expect(await reason('rapport-offer1.abc!')).toMatch(/^damaged/)
    expect(await reason('hello')).toMatch(/^not-a-pairing-code/)
    expect(await reason(code, 'answer')).toMatch(/^wrong-kind: this is the pairing offer/)
    expect(await reason(code.replace('offer1.', 'offer2.'))).toMatch(/^unsupported-version: .*newer/)
    const other = await deriveKeys(createTeam().secret)
    expect(await reason(code, 'offer', other.updateKey)).toMatch(/^other-team/)
    // An answer cannot be passed for an offer: the kind is bound into the ciphertext.
    expect(await reason(code.replace('rapport-offer1.', 'rapport-answer1.'), 'answer')).toMatch(/^other-team/)
  })

  it('tell a host without DecompressionStream that it cannot read a compressed code', async () => {
    const code = await encodePairingCode(offer, keys.updateKey, { compression })
    const r = await decodePairingCode('offer', code, keys.updateKey)
    expect(r.ok ? null : r.reason).toBe('cannot-decompress')
  })
})
