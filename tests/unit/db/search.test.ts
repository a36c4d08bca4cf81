import { describe, expect, it } from 'vitest'
import { unwrap } from '../../../shared/doc'
import { createContactSearch, nameTokens, type SearchEngine } from '../../../shared/db'
import { foldName } from '../../../shared/db/fold'
import { rankCandidates } from '../../../shared/db/rank'
import type { TableChange } from '../../../shared/db/apply'
import type { ContactRow } from '../../../shared/db/rows'
import type { ReadModel } from '../../../shared/db/schema'
import { createMiniSearchIndex } from '../../../shared/db/search-minisearch'
import { createPeople } from '../../../shared/demo/people'
import { TRADES } from '../../../shared/demo/pools'
import { createRandom } from '../../../shared/demo/random'
import { contact } from '../helpers/team'
import { device } from './read-model'

const people = [
  { display: 'سارة العلي' },
  { display: 'José Núñez', given: 'José', family: 'Núñez' },
  { display: 'Ahmad Khalil' },
  { display: 'أحمد خليل' },
  { display: 'Ali Hassan' },
  { display: 'Alice Ward' },
  { display: 'Alicia Alvarez' },
  { display: 'Dana Whitfield' },
]

async function searchable(engine: SearchEngine) {
  const d = await device('ana')
  const ids = new Map<string, string>()
  for (const name of people) {
    const c = unwrap(d.repo.create('contacts', contact({ name, emails: [], work: {} })))
    ids.set(name.display, c.id)
  }
  unwrap(
    d.repo.create(
      'contacts',
      contact({
        name: { display: 'Kim Park' },
        emails: [{ value: 'kpark.realty2024@example.com' }],
        work: { organisation: 'Évora Homes' },
      }),
    ),
  )
  await d.projector.flush()
  const search = createContactSearch(d.db, { engine, changes: d.projector })
  await search.ready
  const names = async (q: string, opts = {}) => (await search.search(q, opts)).map((h) => h.displayName)
  return { ...d, ids, search, names }
}

describe.each(['minisearch', 'dexie'] as const)('contact search (%s)', (engine) => {
  it('folds Arabic spelling variants: ساره finds سارة, احمد finds أحمد', async () => {
    const { names } = await searchable(engine)
    expect(await names('ساره')).toEqual(['سارة العلي'])
    expect(await names('احمد')).toEqual(['أحمد خليل'])
    expect(await names('علي')).toEqual(['سارة العلي'])
  })

  it('folds Latin case and accents: jose finds José, AHMAD finds Ahmad', async () => {
    const { names } = await searchable(engine)
    expect(await names('jose')).toEqual(['José Núñez'])
    expect(await names('nunez jo')).toEqual(['José Núñez'])
    expect(await names('AHMAD')).toEqual(['Ahmad Khalil'])
  })

  it('does not cross scripts', async () => {
    const { names } = await searchable(engine)
    expect(await names('sara al')).toEqual([])
  })

  it('searches the organisation and the local part of emails', async () => {
    const { names } = await searchable(engine)
    expect(await names('evora')).toEqual(['Kim Park'])
    expect(await names('realty')).toEqual(['Kim Park'])
    expect(await names('example')).toEqual([])
    expect(await names('2024')).toEqual([])
  })

  it('requires every query word and ranks exact tokens before prefixes, then by name', async () => {
    const { names } = await searchable(engine)
    expect(await names('ali')).toEqual(['Ali Hassan', 'Alice Ward', 'Alicia Alvarez'])
    expect(await names('al')).toEqual(['Alicia Alvarez', 'Ali Hassan', 'Alice Ward'])
    expect(await names('ali ward')).toEqual(['Alice Ward'])
    expect(await names('al', { limit: 1 })).toEqual(['Alicia Alvarez'])
    expect(await names('  ')).toEqual([])
  })

  it('follows the projector: new, renamed and deleted contacts', async () => {
    const { repo, projector, ids, names } = await searchable(engine)
    unwrap(repo.create('contacts', contact({ name: { display: 'Zoë Kruger' } })))
    unwrap(repo.update('contacts', ids.get('Alice Ward')!, { name: { display: 'Alice Brennan' } }))
    unwrap(repo.remove('contacts', ids.get('Ali Hassan')!))
    await projector.flush()
    expect(await names('zoe')).toEqual(['Zoë Kruger'])
    expect(await names('ward')).toEqual([])
    expect(await names('brennan')).toEqual(['Alice Brennan'])
    expect(await names('hassan')).toEqual([])
    expect(await names('hassan', { includeDeleted: true })).toEqual(['Ali Hassan'])
  })

  it('follows a full rebuild', async () => {
    const { projector, names } = await searchable(engine)
    await projector.rebuild()
    expect(await names('dana')).toEqual(['Dana Whitfield'])
  })
})

describe('ranking', () => {
  it('keeps the same best hits when it only keeps a window of them', () => {
    const candidates = Array.from({ length: 400 }, (_, i) => {
      const displayName = `${['Alma', 'Al', 'Alba', 'Bo'][i % 4]} ${['Alvarez', 'Smith', 'Al'][i % 3]} ${i}`
      return {
        id: `c${String(i).padStart(3, '0')}`,
        displayName,
        sortKey: displayName.toLowerCase(),
        deleted: 0 as const,
        nameTokens: nameTokens(displayName),
      }
    })
    const all = rankCandidates(candidates, ['al'], { limit: 1000 })
    expect(rankCandidates(candidates, ['al'], { limit: 10 })).toEqual(all.slice(0, 10))
    expect(all[0]).toMatchObject({ displayName: 'Al Alvarez 105', exact: 1, matched: 2 })
    expect(rankCandidates(candidates, ['al'], { limit: 0 })).toEqual([])
  })

  it('scores one-word queries in the tree walk exactly as rankCandidates does', async () => {
    const people = createPeople(createRandom(7).fork('people'))
    const rows = Array.from({ length: 1500 }, (_, i) => {
      const p = people.person({ trade: i % 9 === 0 ? TRADES[i % TRADES.length] : undefined })
      const locals = p.emails.map((e) => e.value.split('@')[0]!.replace(/\d+/g, ' '))
      return {
        id: `c${String(i).padStart(5, '0')}`,
        displayName: p.display,
        sortKey: foldName(p.display),
        deleted: (i % 13 === 0 ? 1 : 0) as 0 | 1,
        nameTokens: nameTokens(p.display, p.given, p.family, p.work?.organisation, ...locals),
      }
    })
    const index = createMiniSearchIndex({ contacts: { toArray: async () => rows } } as unknown as ReadModel)
    await index.load()
    const words = new Set<string>()
    for (const r of rows.slice(0, 300))
      for (const t of r.nameTokens) words.add(t.slice(0, 1 + (t.length % 4)))
    expect(words.size).toBeGreaterThan(100)
    for (const w of [...words, 'zzz', 'ال']) {
      for (const options of [{ limit: 20 }, { limit: 500, includeDeleted: true }]) {
        expect(index.search([w], options), w).toEqual(rankCandidates(rows, [w], options))
      }
    }
  })

  it('keeps one-letter hits current as contacts are added, renamed, edited and deleted', async () => {
    type Row = ContactRow
    const row = (id: string, displayName: string, email = ''): Row =>
      ({
        id,
        displayName,
        sortKey: foldName(displayName),
        deleted: 0,
        nameTokens: nameTokens(displayName),
        primaryEmail: email,
      }) as Row
    let rows = [
      row('c1', 'Alma Brooks'),
      row('c2', 'Bo Alvarez'),
      row('c3', 'Cara Dunn'),
      row('c4', 'Ava Stone'),
    ]
    const index = createMiniSearchIndex({ contacts: { toArray: async () => rows } } as unknown as ReadModel)
    await index.load()
    const expectSame = () => {
      for (const w of ['a', 'b', 'c', 'd', 's', 'z']) {
        expect(index.search([w], { limit: 3 }), w).toEqual(rankCandidates(rows, [w], { limit: 3 }))
      }
    }
    expectSame()

    const edited = row('c3', 'Cara Dunn', 'cara@example.com')
    const changes: TableChange<Row> = {
      put: [row('c5', 'A Zed'), row('c2', 'Bo Baker'), edited],
      deleted: ['c4'],
    }
    rows = [...rows.filter((r) => r.id !== 'c4' && r.id !== 'c2' && r.id !== 'c3'), ...changes.put]
    index.apply({ reset: false, tables: { contacts: changes } })
    expectSame()
    expect(index.search(['c'], { limit: 1 })[0]!.row).toBe(edited) // the new row, not a kept one

    const hits = index.search(['a'], { limit: 3 })
    hits[0]!.displayName = 'changed by a caller'
    expect(index.search(['a'], { limit: 3 })[0]!.displayName).toBe('A Zed')

    rows = [row('c9', 'Zoë Kruger')]
    index.apply({ reset: true, tables: { contacts: { put: rows, deleted: [] } } })
    expectSame()
  })

  it('keeps a change committed while the MiniSearch index loads', async () => {
    const { repo, db, projector } = await device('ana')
    const c = unwrap(repo.create('contacts', contact()))
    await projector.flush()
    const search = createContactSearch(db, { engine: 'minisearch', changes: projector })
    unwrap(repo.update('contacts', c.id, { name: { display: 'Dana Brennan' } }))
    await projector.flush()
    await search.ready
    expect(await search.search('brennan')).toMatchObject([{ id: c.id, displayName: 'Dana Brennan' }])
  })
})
