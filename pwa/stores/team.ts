import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { fail, type Repo, type Result } from '../../shared/doc'
import { openDeviceSettings, type DeviceSettings } from '../services/device-settings'
import type { AppHost } from '../services/host'
import { localDay } from '../services/local-day'
import { errorProblem } from '../services/problems'
import { deleteTeamData, openTeamSession, type TeamSession } from '../services/team-session'
import type { JoinCode } from '../../shared/sync'
import {
  setUpDemoTeam,
  setUpJoinedTeam,
  setUpNewTeam,
  type JoinAs,
  type NewTeamInput,
} from '../services/team-setup'
import { openJoinPreview, type JoinPreview } from '../services/sync-join'
import { useSyncStore } from './sync'

/** Where the app is in opening a team. */
export type TeamStatus = 'idle' | 'starting' | 'no-team' | 'opening' | 'open' | 'error'

/**
 * The open team: the one way stores reach the repository and the read model. It opens the
 * team named in this device's settings at start, or lets the user start one (the demo team or
 * a new empty team), and removes it. Writes go through `write`, which waits until every
 * document is loaded so the repository sees the whole team.
 */
export const useTeamStore = defineStore('team', () => {
  const status = ref<TeamStatus>('idle')
  const error = ref<string>()
  /** True once every document is loaded and the read model is current. */
  const isLoaded = ref(false)
  const session = shallowRef<TeamSession>()
  const teamName = ref('')
  const memberName = ref('')
  let host: AppHost | undefined
  let device: DeviceSettings | undefined
  let started: Promise<void> | undefined
  /** Whether a screen has drawn since the app started (`screenDrawn`). */
  let hasDrawn = false
  let stopWatchingTeamDoc = () => {}

  const teamId = computed(() => session.value?.teamId)
  const memberId = computed(() => session.value?.memberId)
  const isDemo = computed(() => session.value?.isDemo === true)

  /** Opens this device's team, if it has one. Safe to call again: it starts once. */
  function start(appHost: AppHost): Promise<void> {
    if (started) return started
    host = appHost
    device = openDeviceSettings(appHost.indexedDB)
    status.value = 'starting'
    started = (async () => {
      const id = await device!.get('teamId')
      if (id) await open(id)
      else status.value = 'no-team'
    })().catch((e: unknown) => failWith(e))
    return started
  }

  /** Resolves once `start` has settled (the router waits for it). */
  const whenStarted = () => started ?? Promise.resolve()

  async function open(id: string): Promise<void> {
    status.value = 'opening'
    isLoaded.value = false
    const s = await openTeamSession(host!, id)
    session.value = s
    if (hasDrawn) s.firstScreenDrawn() // a team opened from a screen already on view
    status.value = 'open'
    useSyncStore() // follows the open team: live sync starts with it when turned on
    void s.teamLoaded.then(() => watchTeamDoc(s))
    s.loaded.then(
      () => {
        if (session.value === s) isLoaded.value = true
      },
      (e: unknown) => failWith(e),
    )
  }

  /** Keeps the team's and this member's names current (they live in the team document). */
  function watchTeamDoc(s: TeamSession) {
    if (session.value !== s) return
    const read = () => {
      teamName.value = s.repo.settings.get().name
      memberName.value = s.repo.get('members', s.memberId)?.name ?? ''
    }
    read()
    s.docs.team.on('update', read)
    stopWatchingTeamDoc = () => s.docs.team.off('update', read)
  }

  function failWith(e: unknown) {
    console.error('Rapport:', e)
    error.value = e instanceof Error ? e.message : String(e)
    status.value = 'error'
  }

  async function adopt(created: Result<string>): Promise<Result<string>> {
    if (!created.ok) return created
    await device!.set('teamId', created.value)
    await open(created.value)
    return created
  }

  /** Creates and opens the demo team. */
  async function startDemo(): Promise<Result<string>> {
    await whenStarted()
    return adopt(await setUpDemoTeam(host!))
  }

  /** Creates and opens an empty team with the user as its first member. */
  async function startNewTeam(input: NewTeamInput): Promise<Result<string>> {
    await whenStarted()
    if (!input.memberName.trim()) return fail('memberName', 'must not be empty')
    return adopt(await setUpNewTeam(host!, input))
  }

  /** Joins a team from its join code on this device and opens it (live sync on). */
  async function joinTeam(code: JoinCode, as: JoinAs, signaling?: string[]): Promise<Result<string>> {
    await whenStarted()
    return adopt(await setUpJoinedTeam(host!, code, as, signaling))
  }

  /** Starts syncing a team before joining it, to list its members (`sync-join.ts`). */
  async function previewJoin(code: JoinCode, signaling: string[]): Promise<JoinPreview> {
    await whenStarted()
    const g = globalThis as Partial<Pick<typeof globalThis, 'RTCPeerConnection' | 'WebSocket'>>
    const webrtc =
      g.RTCPeerConnection && g.WebSocket
        ? { RTCPeerConnection: g.RTCPeerConnection, WebSocket: g.WebSocket }
        : undefined
    return openJoinPreview(host!, code, signaling, webrtc)
  }

  /** Closes the team and deletes it from this device (the demo team, or before joining another). */
  async function removeTeam(): Promise<void> {
    const s = session.value
    if (!s) return
    close()
    await device!.remove('teamId')
    await deleteTeamData(host!, s.teamId)
    status.value = 'no-team'
  }

  /** The session once every document is loaded: what a write needs. */
  async function whenLoaded(): Promise<TeamSession> {
    const s = session.value
    if (!s) throw new Error('no team is open')
    await s.loaded
    return s
  }

  /**
   * Runs a write through the repository once the team is loaded. An unexpected error becomes a
   * problem (and is logged) so screens show one kind of failure.
   */
  async function write<T>(fn: (repo: Repo, s: TeamSession) => Result<T>): Promise<Result<T>> {
    try {
      const s = await whenLoaded()
      return fn(s.repo, s)
    } catch (e) {
      console.error('Rapport: a write failed', e)
      return { ok: false, problems: errorProblem(e).map((p) => ({ path: p.field, message: p.message })) }
    }
  }

  /**
   * A screen says it has drawn what it reads from the read model (or that it reads the
   * documents): the open team's documents may load now.
   */
  function screenDrawn() {
    hasDrawn = true
    session.value?.firstScreenDrawn()
  }

  /** Today in the user's zone. */
  const today = () => localDay(host?.clock ?? { now: () => Date.now() })

  /** This device's settings (language, team); available once `start` ran. */
  const deviceSettings = async () => {
    await whenStarted()
    return device
  }

  function close() {
    stopWatchingTeamDoc()
    session.value?.close()
    session.value = undefined
    isLoaded.value = false
    teamName.value = ''
    memberName.value = ''
  }

  function $reset() {
    close()
    device?.close()
    device = undefined
    host = undefined
    started = undefined
    hasDrawn = false
    status.value = 'idle'
    error.value = undefined
  }

  return {
    status,
    error,
    isLoaded,
    session,
    teamId,
    memberId,
    isDemo,
    teamName,
    memberName,
    start,
    whenStarted,
    startDemo,
    startNewTeam,
    joinTeam,
    previewJoin,
    removeTeam,
    whenLoaded,
    screenDrawn,
    write,
    today,
    deviceSettings,
    $reset,
  }
})
