import { hkdfSync, webcrypto } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createTeam, decodeJoinCode, deriveKeys, encodeJoinCode, SyncError } from '../../../shared/sync'

const fromB64u = (s: string) => Buffer.from(s, 'base64url')

describe('team secret and join code', () => {
  it('creates a random 128-bit team id and 256-bit secret, in base64url', () => {
    const teams = Array.from({ length: 50 }, () => createTeam())
    for (const { teamId, secret } of teams) {
      expect(teamId).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(fromB64u(secret)).toHaveLength(32)
    }
    expect(new Set(teams.map((t) => t.secret)).size).toBe(50)
    expect(new Set(teams.map((t) => t.teamId)).size).toBe(50)
  })

  it('round-trips a join code, small enough for a QR code', () => {
    const team = createTeam()
    const full = {
      ...team,
      name: 'Cascade Realty — Pearl District',
      signaling: ['wss://signal.example.com', 'ws://192.168.1.20:4444'],
    }
    const code = encodeJoinCode(full)
    expect(code).toMatch(/^rapport1\.[A-Za-z0-9_-]+$/)
    expect(code.length).toBeLessThan(300)
    expect(decodeJoinCode(code)).toEqual({ ok: true, value: full })
    expect(decodeJoinCode(encodeJoinCode(team))).toEqual({ ok: true, value: team })
  })

  it('reads a code wrapped over lines or inside a link', () => {
    const team = createTeam()
    const code = encodeJoinCode(team)
    const wrapped = code.match(/.{1,20}/g)!.join('\n  ')
    expect(decodeJoinCode(wrapped)).toEqual({ ok: true, value: team })
    expect(decodeJoinCode(`https://rapport.example/join#${code}`)).toEqual({ ok: true, value: team })
  })

  it('refuses what is not a join code', () => {
    for (const text of ['', 'hello', 'https://example.com', 'rapport', 'myrapport1.abc']) {
      const r = decodeJoinCode(text)
      expect(r.ok === false && r.reason).toBe('not-a-join-code')
    }
  })

  it('refuses a damaged code: a changed, missing or extra character', () => {
    const code = encodeJoinCode({ ...createTeam(), name: 'Team' })
    const at = 30
    const other = code[at] === 'A' ? 'B' : 'A'
    for (const bad of [
      code.slice(0, at) + other + code.slice(at + 1),
      code.slice(0, at) + code.slice(at + 1),
      code.slice(0, -1),
      code + 'x',
      'rapport1.',
      'rapport1.@@@@',
    ]) {
      const r = decodeJoinCode(bad)
      expect(r.ok === false && r.reason, bad).toBe('damaged')
      if (!r.ok) expect(r.problems[0]!.message).toMatch(/damaged/)
    }
  })

  it('refuses a code of another version, naming it', () => {
    const r = decodeJoinCode(encodeJoinCode(createTeam()).replace('rapport1.', 'rapport2.'))
    expect(r).toMatchObject({ ok: false, reason: 'unsupported-version' })
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/newer Rapport \(version 2\)/)
  })

  it('refuses to encode a secret that is not 32 bytes', () => {
    expect(() => encodeJoinCode({ teamId: 't', secret: 'c2hvcnQ' })).toThrow(SyncError)
    expect(() => encodeJoinCode({ teamId: '', secret: createTeam().secret })).toThrow(SyncError)
  })
})

describe('deriveKeys', () => {
  it('derives the room, the signaling password and the update key as README.md documents', async () => {
    const { secret } = createTeam()
    const keys = await deriveKeys(secret)
    const hkdf = (info: string, bytes: number) =>
      Buffer.from(hkdfSync('sha256', fromB64u(secret), new Uint8Array(0), info, bytes))
    expect(keys.roomId).toBe(hkdf('rapport room v1', 16).toString('hex'))
    expect(keys.roomId).toMatch(/^[0-9a-f]{32}$/)
    expect(keys.roomPassword).toBe(hkdf('rapport signaling v1', 32).toString('base64url'))
    expect(keys.updateKey.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    expect(keys.updateKey.extractable).toBe(false)
    const raw = await webcrypto.subtle.importKey('raw', hkdf('rapport updates v1', 32), 'AES-GCM', false, [
      'encrypt',
    ])
    const iv = new Uint8Array(12)
    const sealed = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, raw, Buffer.from('hello team'))
    const opened = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, keys.updateKey, sealed)
    expect(Buffer.from(opened).toString()).toBe('hello team')
  })

  it('is the same on every device and different for every secret', async () => {
    const { secret } = createTeam()
    const [k1, k2, other] = await Promise.all([
      deriveKeys(secret),
      deriveKeys(secret),
      deriveKeys(createTeam().secret),
    ])
    expect(k1.roomId).toBe(k2.roomId)
    expect(k1.roomPassword).toBe(k2.roomPassword)
    expect(other.roomId).not.toBe(k1.roomId)
    expect(other.roomPassword).not.toBe(k1.roomPassword)
  })

  it('throws a SyncError for a secret that is not one', async () => {
    await expect(deriveKeys('not a secret')).rejects.toThrow(SyncError)
  })
})
