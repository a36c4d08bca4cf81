import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { activeSources, addSource, captureLead, deactivateSource, renameSource } from '../../../shared/leads'
import { team } from './fixtures'

describe('the team source list', () => {
  it('adds, renames and lists sources; names stay unique among active sources', () => {
    const { a, zillow } = team()
    expect(addSource(a.repo, { name: ' zillow ADS ', kind: 'ad' })).toEqual({
      ok: false,
      problems: [{ path: 'name', message: 'a source named Zillow ads already exists' }],
    })
    expect(!addSource(a.repo, { name: '', kind: 'ad' }).ok).toBe(true)
    expect(!addSource(a.repo, { name: 'Billboard', kind: 'billboard' as never }).ok).toBe(true)
    expect(!renameSource(a.repo, zillow.id, 'Open house elm st').ok).toBe(true)
    unwrap(renameSource(a.repo, zillow.id, 'Zillow Premier Agent'))
    expect(activeSources(a.repo).map((s) => s.name)).toEqual(['Open house Elm St', 'Zillow Premier Agent'])
  })

  it('a deactivated source is refused for new leads but its name may be reused', () => {
    const { a, zillow, dana } = team()
    unwrap(deactivateSource(a.repo, zillow.id))
    expect(captureLead(a.repo, { contactId: dana.id, sourceId: zillow.id, entry: 'manual' })).toEqual({
      ok: false,
      problems: [{ path: 'sourceId', message: 'source Zillow ads is inactive: pick an active source' }],
    })
    expect(activeSources(a.repo).map((s) => s.name)).toEqual(['Open house Elm St'])
    expect(addSource(a.repo, { name: 'Zillow ads', kind: 'ad' }).ok).toBe(true)
    expect(!deactivateSource(a.repo, 'nope').ok).toBe(true)
  })
})
