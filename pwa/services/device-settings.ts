import { Dexie, type EntityTable } from 'dexie'
import type { SettingRow } from '../../shared/db'
import type { IndexedDBFactory } from '../../shared/host'

/** Keys of this device's own settings, kept across teams (never synced). */
export interface DeviceSettingValues {
  /** The team this device opens at start. */
  teamId: string
  /** The interface language. */
  locale: string
}

/** This device's settings: a local-only Dexie `settings` table outside any team's read model. */
export interface DeviceSettings {
  get<K extends keyof DeviceSettingValues>(key: K): Promise<DeviceSettingValues[K] | undefined>
  set<K extends keyof DeviceSettingValues>(key: K, value: DeviceSettingValues[K]): Promise<void>
  remove(key: keyof DeviceSettingValues): Promise<void>
  close(): void
}

/**
 * Opens the device database. The team's read model is one database per team
 * (`rapport-<teamId>`), so which team to open has to live outside it.
 */
export function openDeviceSettings(factory: IndexedDBFactory): DeviceSettings {
  const db = new Dexie('rapport-device', factory) as Dexie & { settings: EntityTable<SettingRow, 'key'> }
  db.version(1).stores({ settings: 'key' })
  return {
    get: async (key) => (await db.settings.get(key))?.value as never,
    set: async (key, value) => {
      await db.settings.put({ key, value })
    },
    remove: (key) => db.settings.delete(key),
    close: () => db.close(),
  }
}
