import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTeam } from '../../shared/sync'
import { converged, haveNames } from './sync/converge'
import { startSyncHarness, type SyncHarness } from './sync/harness'
import { eventually, type SyncTestPage } from './sync/sync-page'
import type { PairingStep } from './sync/page-api'

const codeOf = (step: PairingStep): string => {
  if (!step.ok) throw new Error(`pairing refused: ${step.reason}: ${step.message}`)
  return step.code
}

const paired = (device: SyncTestPage) =>
  eventually(
    () => device.pairStatus(),
    (s) => s?.state === 'connected' && s.isSynced,
    `${device.actor} paired and synced`,
  )

/** The whole exchange, the test carrying the codes between the pages as a person would. */
async function pair(a: SyncTestPage, b: SyncTestPage, secret: string) {
  const offer = codeOf(await a.pairOffer(secret))
  const answer = codeOf(await b.pairAccept(secret, offer))
  codeOf(await a.pairComplete(answer))
  await Promise.all([paired(a), paired(b)])
  return { offer, answer }
}

// Pairing with no server at all: no signaling server is named, the codes are the only rendezvous.
describe('serverless pairing between two browser profiles', () => {
  let h: SyncHarness

  beforeAll(async () => {
    h = await startSyncHarness()
  })
  afterAll(async () => {
    await h?.close()
  })

  it('connects through an offer code and an answer code, and syncs both ways', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben] = [await h.device(teamId, 'ana'), await h.device(teamId, 'ben')]
    await ana.createContact('Dana Whitfield')
    const { offer, answer } = await pair(ana, ben, secret)
    expect(offer).toMatch(/^rapport-offer1\.[A-Za-z0-9_-]+$/)
    expect(answer).toMatch(/^rapport-answer1\.[A-Za-z0-9_-]+$/)
    expect(offer).not.toMatch(/127\.0\.0\.1|candidate|fingerprint/)
    console.info(`pairing codes: offer ${offer.length} characters, answer ${answer.length}`)
    await haveNames([ana, ben], ['Dana Whitfield'])
    await ben.createContact('Priya Natarajan')
    await haveNames([ana, ben], ['Dana Whitfield', 'Priya Natarajan'])
    expect([...(await ana.errors()), ...(await ben.errors()), ...ana.pageErrors, ...ben.pageErrors]).toEqual(
      [],
    )
  })

  it('merges edits made while unpaired; an opt-out wins over a concurrent edit, after pairing again', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben] = [await h.device(teamId, 'ana'), await h.device(teamId, 'ben')]
    const dana = await ana.createContact('Dana Whitfield')
    await pair(ana, ben, secret)
    await haveNames([ana, ben], ['Dana Whitfield'])

    await ben.unpair()
    await eventually(
      () => ana.pairStatus(),
      (s) => s?.state === 'closed',
      'ana to see the link closed',
    )
    await ana.optOut(dana)
    await ana.createContact('Omar Haddad')
    await ben.renameContact(dana, 'Dana W. Whitfield')
    await ben.createContact('Lena Fischer')

    await pair(ben, ana, secret) // this time ben offers
    await haveNames([ana, ben], ['Dana W. Whitfield', 'Lena Fischer', 'Omar Haddad'])
    await converged([ana, ben])
    for (const device of [ana, ben]) {
      expect((await device.contacts()).find((c) => c.id === dana)!.isOptedOut).toBe(true)
    }
  })

  it('refuses pairing without the team secret, damaged codes, the wrong kind and other teams', async () => {
    const { teamId, secret } = createTeam()
    const [ana, ben] = [await h.device(teamId, 'ana'), await h.device(teamId, 'ben')]
    expect(await ana.pairOffer(null)).toMatchObject({ ok: false, reason: 'no-team-secret' })
    const offer = codeOf(await ana.pairOffer(secret))
    expect(await ben.pairAccept(null, offer)).toMatchObject({ ok: false, reason: 'no-team-secret' })

    const at = offer.length - 30
    const damaged = offer.slice(0, at) + (offer[at] === 'x' ? 'y' : 'x') + offer.slice(at + 1)
    expect(await ben.pairAccept(secret, damaged)).toMatchObject({ ok: false, reason: 'damaged' })
    expect(await ben.pairAccept(secret, offer.slice(0, 60))).toMatchObject({ ok: false, reason: 'damaged' })
    expect(await ben.pairAccept(createTeam().secret, offer)).toMatchObject({
      ok: false,
      reason: 'other-team',
    })
    expect(await ana.pairComplete(offer)).toMatchObject({ ok: false, reason: 'wrong-kind' })

    // An answer to an older offer of the same team is told apart; the current offer still works.
    const old = codeOf(await ben.pairOffer(secret))
    const answerToOld = codeOf(await ana.pairAccept(secret, old))
    await ana.unpair()
    const fresh = codeOf(await ana.pairOffer(secret))
    expect(await ana.pairComplete(answerToOld)).toMatchObject({ ok: false, reason: 'wrong-offer' })
    codeOf(await ana.pairComplete(codeOf(await ben.pairAccept(secret, fresh))))
    await Promise.all([paired(ana), paired(ben)])
  })
})
