/**
 * The extension's local settings, kept in `storage.local` (never synced, never in the team's data):
 * the app's address, which sites capture is on, which team member this browser is, and the team
 * the app's bridge introduced. Functions take the storage area, so tests pass a fake one.
 */
import type { CountryCode } from '../../shared/io'

/** The part of `browser.storage.local` the extension uses. */
export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>
  set(items: Record<string, unknown>): Promise<void>
  remove(keys: string | string[]): Promise<void>
}

/** The sites a capture button can appear on. */
export type CaptureSite = 'gmail' | 'linkedin'

/** What the options page edits. */
export interface ExtensionSettings {
  /** The app's address; its origin is where the bridge runs. */
  pwaUrl: string
  sites: Record<CaptureSite, boolean>
  /** The team member this browser writes as; `undefined` until chosen. */
  memberId?: string
  /** The region of phone numbers written without a calling code. */
  defaultCountry: CountryCode
}

/** The app's address as `npm start` serves it. */
export const DEFAULT_PWA_URL = 'http://localhost:5173'

/** The settings before anyone changed them. */
export const DEFAULT_SETTINGS: ExtensionSettings = {
  pwaUrl: DEFAULT_PWA_URL,
  sites: { gmail: true, linkedin: true },
  defaultCountry: 'US',
}

/** Storage keys, in one place. */
export const STORAGE_KEYS = {
  settings: 'settings',
  team: 'team',
  device: 'device',
  queue: 'captureQueue',
  recent: 'recentCaptures',
} as const

/**
 * Reads the settings, defaults filled in.
 * @param area - `browser.storage.local`
 */
export async function readSettings(area: StorageArea): Promise<ExtensionSettings> {
  const stored = (await area.get(STORAGE_KEYS.settings))[STORAGE_KEYS.settings] as
    Partial<ExtensionSettings> | undefined
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    sites: { ...DEFAULT_SETTINGS.sites, ...stored?.sites },
  }
}

/** A refused settings change, as plain data. */
export interface SettingsProblem {
  field: keyof ExtensionSettings
  message: string
}

/**
 * Checks and stores a change of settings; nothing is stored when a field is refused.
 * @returns the settings now in force, or the problems
 */
export async function writeSettings(
  area: StorageArea,
  patch: Partial<ExtensionSettings>,
): Promise<{ ok: true; value: ExtensionSettings } | { ok: false; problems: SettingsProblem[] }> {
  const next = { ...(await readSettings(area)), ...patch }
  const problems: SettingsProblem[] = []
  const origin = appOrigin(next.pwaUrl)
  if (!origin) problems.push({ field: 'pwaUrl', message: 'must be an http:// or https:// address' })
  else next.pwaUrl = next.pwaUrl.trim()
  if (!/^[A-Z]{2}$/.test(next.defaultCountry)) {
    problems.push({ field: 'defaultCountry', message: 'must be a two-letter country code such as US' })
  }
  if (problems.length) return { ok: false, problems }
  await area.set({ [STORAGE_KEYS.settings]: next })
  return { ok: true, value: next }
}

/**
 * The origin of the app's address.
 * @returns `http(s)://host[:port]`, or `undefined` for anything that is not an http(s) URL
 */
export function appOrigin(pwaUrl: string): string | undefined {
  try {
    const url = new URL(pwaUrl.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  } catch {
    return undefined
  }
}

/** Origins the manifest already covers: the app on this computer, any port. */
export function isBuiltInAppOrigin(origin: string): boolean {
  const { protocol, hostname } = new URL(origin)
  return protocol === 'http:' && (hostname === 'localhost' || hostname === '127.0.0.1')
}

/** The team the app's bridge introduced, if any. */
export async function readTeamId(area: StorageArea): Promise<string | undefined> {
  const team = (await area.get(STORAGE_KEYS.team))[STORAGE_KEYS.team] as { teamId?: string } | undefined
  return team?.teamId
}

/** Remembers the team the app's bridge introduced. */
export async function writeTeamId(area: StorageArea, teamId: string, at: number): Promise<void> {
  await area.set({ [STORAGE_KEYS.team]: { teamId, at } })
}

/**
 * This browser's own id, made once: the actor of its writes until a team member is chosen.
 * @param newId - makes the id the first time
 */
export async function deviceId(area: StorageArea, newId: () => string): Promise<string> {
  const stored = (await area.get(STORAGE_KEYS.device))[STORAGE_KEYS.device] as { id?: string } | undefined
  if (stored?.id) return stored.id
  const id = `browser-${newId()}`
  await area.set({ [STORAGE_KEYS.device]: { id } })
  return id
}
