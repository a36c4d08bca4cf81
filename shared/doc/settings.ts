import * as v from 'valibot'
import type * as Y from 'yjs'
import { TeamSettings, type TeamSettingsInput } from '../model'
import { check, ok, type Result } from './result'
import type { RecordStore } from './repo'

/** Team settings in the team document, one Y.Map key per setting so edits merge per setting. */
export function createSettings(store: RecordStore) {
  const map = store.docs.team.getMap('settings') as Y.Map<unknown>

  function get(): TeamSettings {
    return v.parse(TeamSettings, Object.fromEntries(map.entries()))
  }

  function update(patch: Partial<TeamSettingsInput>): Result<TeamSettings> {
    const valid = check(v.partial(TeamSettings), patch)
    if (!valid.ok) return valid
    store.write(store.docs.team, () => {
      for (const [k, value] of Object.entries(valid.value)) if (value !== undefined) map.set(k, value)
    })
    return ok(get())
  }

  return { get, update }
}
