import { hkdfSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createTeam, deriveKeys, deriveOpenRooms, OPEN_ROOM_COUNT, SyncError } from '../../../shared/sync'

// The secret 00 01 02 … 1f: the worked example of shared/sync/README.md.
const SECRET = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'

describe('open rooms: one y-webrtc room per team document', () => {
  it('derives fixed room names and passwords from a fixed secret (the README example)', async () => {
    const rooms = await deriveOpenRooms(SECRET)
    expect(rooms).toHaveLength(17)
    expect(OPEN_ROOM_COUNT).toBe(17)
    expect(rooms[0]).toEqual({
      index: 0,
      room: '948e7f16399f96f54877cda91c0d0801',
      password: 'XLfYFRBXPTcd_UdMEw3hEjKHpXabmi6LJ7JZJuHGus8',
    })
    expect(rooms[1]).toEqual({
      index: 1,
      room: '6fda556afd4e83ef3cecec5f31ab9acd',
      password: 'UphON9wOFmaqDnojsf4-shySmLIoFV6NF2TUwXXso7c',
    })
    expect(rooms[16]).toEqual({
      index: 16,
      room: 'c9cb15d5c186fa312ce2433bc52b3fcf',
      password: 'gIJwTZQWUoI-XLLmEkIld_RzX1TG9YlQgLYdHete6FU',
    })
  })

  it('is plain HKDF-SHA-256 with an empty salt, as any client can reproduce it', async () => {
    const { secret } = createTeam()
    const ikm = Buffer.from(secret, 'base64url')
    const hkdf = (info: string, n: number) => Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), info, n))
    const rooms = await deriveOpenRooms(secret)
    rooms.forEach((r, i) => {
      expect(r.index).toBe(i)
      expect(r.room).toBe(hkdf(`rapport doc room v1 ${i}`, 16).toString('hex'))
      expect(r.password).toBe(hkdf(`rapport doc password v1 ${i}`, 32).toString('base64url'))
    })
  })

  it('gives every document its own room, apart from the team session room, and another team other rooms', async () => {
    const { secret } = createTeam()
    const rooms = await deriveOpenRooms(secret)
    const other = await deriveOpenRooms(createTeam().secret)
    const { roomId, roomPassword } = await deriveKeys(secret)
    const names = new Set([roomId, ...rooms.map((r) => r.room), ...other.map((r) => r.room)])
    expect(names.size).toBe(1 + 2 * 17)
    const passwords = new Set([roomPassword, ...rooms.map((r) => r.password)])
    expect(passwords.size).toBe(18)
    for (const r of rooms) {
      expect(r.room).toMatch(/^[0-9a-f]{32}$/)
      expect(r.password).toMatch(/^[A-Za-z0-9_-]{43}$/)
    }
  })

  it('refuses what is not a team secret', async () => {
    await expect(deriveOpenRooms('')).rejects.toThrow(SyncError)
    await expect(deriveOpenRooms('not a secret!')).rejects.toThrow(/32 bytes of base64url/)
    await expect(deriveOpenRooms(SECRET.slice(0, 40))).rejects.toThrow(SyncError)
  })
})
