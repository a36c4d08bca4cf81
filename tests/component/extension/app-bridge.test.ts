// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { createRepo, createTeamDocs, unwrap, type TeamDocs } from '../../../shared/doc'
import { createSequentialIds } from '../../../shared/model'
import { createBridgeHost } from '../../../extension/lib/bridge/host'
import { startBridgeRelay } from '../../../extension/lib/bridge/relay'
import type { AfterSyncReport } from '../../../pwa/services/after-sync'
import { startExtensionBridge } from '../../../pwa/services/extension-bridge'
import { useTeamStore } from '../../../pwa/stores/team'
import { startApp } from '../helpers/app'
import { fakeWindow, portPair, until } from './bridge-fakes'

const repoOf = (docs: TeamDocs) =>
  createRepo(docs, {
    clock: { now: () => Date.UTC(2026, 10, 23) },
    ids: createSequentialIds('ext'),
    actor: 'ext',
  })

const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((s) => s()))

/** The app with its bridge service, and the extension's relay and background host on a fake window. */
async function wire() {
  const { pinia } = await startApp()
  const team = useTeamStore(pinia)
  unwrap(await team.startNewTeam({ memberName: 'Jane Doe', teamName: 'Harbor Realty' }))
  const win = fakeWindow()
  const replicas = new Map<string, TeamDocs>()
  const errors: unknown[] = []
  const reports: AfterSyncReport[] = []
  const host = createBridgeHost({
    isAppSender: async () => true,
    openTeam: async (teamId) => {
      if (!replicas.has(teamId)) replicas.set(teamId, createTeamDocs(teamId))
      return replicas.get(teamId)!
    },
    onError: (e) => errors.push(e),
  })
  stops.push(
    startExtensionBridge(pinia, {
      win,
      onError: (e) => errors.push(e),
      onReconciled: (r) => reports.push(r),
    }),
  )
  const relay = startBridgeRelay({
    win,
    connect: () => {
      const pair = portPair()
      host.accept(pair.background)
      return pair.page
    },
  })
  stops.push(
    () => relay.stop(),
    () => team.$reset(),
  )
  return { team, replicas, errors, reports, host }
}

describe('the app’s end of the extension bridge', () => {
  it('answers the extension with the open team and syncs both ways', async () => {
    const { team, replicas, errors, reports } = await wire()
    const session = await team.whenLoaded()
    await until(() => replicas.has(session.teamId), 'the extension to open the app’s team')
    const ext = repoOf(replicas.get(session.teamId)!)
    await until(() => ext.list('members').length === 1, 'the team’s member in the extension')
    expect(ext.list('members')[0]!.name).toBe('Jane Doe')

    unwrap(
      ext.create('contacts', {
        name: { display: 'Omar Haddad' },
        emails: [{ value: 'omar@harborlending.com' }],
      }),
    )
    await until(() => session.repo.list('contacts').length === 1, 'the capture in the app')
    await until(() => reports.length > 0, 'the reconciliation after the sync')

    unwrap(await team.write((repo) => repo.create('contacts', { name: { display: 'Dana Whitfield' } })))
    await until(() => ext.list('contacts').length === 2, 'the app’s contact in the extension')
    expect(errors).toEqual([])
  })

  it('follows a switch of team and stops syncing the team that was closed', async () => {
    const { team, replicas } = await wire()
    const first = (await team.whenLoaded()).teamId
    await until(() => replicas.has(first), 'the first team in the extension')
    const old = repoOf(replicas.get(first)!)
    await until(() => old.list('members').length === 1, 'the first sync')

    await team.removeTeam()
    unwrap(await team.startNewTeam({ memberName: 'Sam Lee', teamName: 'Elm Street' }))
    const second = await team.whenLoaded()
    await until(() => replicas.has(second.teamId), 'the extension to follow the new team')
    const now = repoOf(replicas.get(second.teamId)!)
    await until(() => now.list('members').some((m) => m.name === 'Sam Lee'), 'the new team in the extension')

    unwrap(old.create('contacts', { name: { display: 'Stale Capture' } }))
    unwrap(await team.write((repo) => repo.create('contacts', { name: { display: 'Rosa Delgado' } })))
    await until(() => now.list('contacts').length === 1, 'the new team’s contact in the extension')
    expect(second.repo.list('contacts').map((c) => c.name.display)).toEqual(['Rosa Delgado'])
    expect(old.list('contacts').map((c) => c.name.display)).toEqual(['Stale Capture'])
  })
})
