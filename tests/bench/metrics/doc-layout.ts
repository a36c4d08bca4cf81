import * as Y from 'yjs'
import { createRandom, createSeededIds } from '../../../shared/demo'
import { createPeople } from '../../../shared/demo/people'
import type { BenchContext, Metric } from '../types'

/**
 * The granularity question behind the record layout, in our own numbers: the same synthetic
 * contacts stored as one Y.Map of ~20 scalar fields each, as one Y.Map of ~9 field groups each
 * (the layout `shared/doc` uses), or as one frozen JSON value each. Finer maps merge concurrent
 * edits of more fields, at a price in bytes and decode time; one JSON value merges nothing.
 */
type Layout = 'fields_map' | 'groups_map' | 'json_value'
const LAYOUTS: Layout[] = ['fields_map', 'groups_map', 'json_value']

interface Labeled {
  value: string
  label?: string
}
/** A synthetic contact in field groups, the shape of `ContactFields`. */
interface Groups {
  name: { display: string; given: string; family: string }
  emails: Labeled[]
  phones: Labeled[]
  work: { organisation?: string; title?: string }
  class: { met: boolean; relationshipType: string; circles: string[] }
  source: { kind: string; sourceId: string }
  tags: string[]
  notes: string
  owner: string
}

/** Synthetic contacts in the field-group shape: realistic people, classes, sources and tags. */
function groupsOf(n: number): [string, Groups][] {
  const rng = createRandom(7)
  const people = createPeople(rng.fork('layout'))
  const ids = createSeededIds(7, { now: () => Date.UTC(2026, 2, 2) })
  const owner = ids.next()
  return Array.from({ length: n }, () => {
    const p = people.person()
    return [
      ids.next(),
      {
        name: { display: p.display, given: p.given, family: p.family },
        emails: p.emails,
        phones: p.phones,
        work: p.work ?? {},
        class: {
          met: rng.chance(0.4),
          relationshipType: rng.pick(['advocate', 'other']),
          circles: ['clients'],
        },
        source: { kind: 'website', sourceId: owner },
        tags: rng.sample(['buyer', 'seller', 'investor', 'vip', 'sphere'], rng.int(0, 2)),
        notes: rng.chance(0.2) ? 'Met at the open house; renting now.' : '',
        owner,
      },
    ]
  })
}

/** The same contact flattened to ~20 scalar keys (arrays of strings stay one value). */
function fieldsOf(g: Groups): Record<string, unknown> {
  const out: Record<string, unknown> = {
    displayName: g.name.display,
    givenName: g.name.given,
    familyName: g.name.family,
    organisation: g.work.organisation,
    title: g.work.title,
    met: g.class.met,
    relationshipType: g.class.relationshipType,
    circles: g.class.circles,
    sourceKind: g.source.kind,
    sourceId: g.source.sourceId,
    tags: g.tags,
    notes: g.notes,
    owner: g.owner,
  }
  g.emails.slice(0, 2).forEach((e, i) => {
    out[`email${i + 1}`] = e.value
    out[`email${i + 1}Label`] = e.label
  })
  g.phones.slice(0, 2).forEach((p, i) => {
    out[`phone${i + 1}`] = p.value
    out[`phone${i + 1}Label`] = p.label
  })
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined))
}

function build(layout: Layout, contacts: [string, Groups][]): Uint8Array {
  const doc = new Y.Doc()
  const root = doc.getMap<unknown>('contacts')
  for (let b = 0; b < contacts.length; b += 1000) {
    doc.transact(() => {
      for (const [id, groups] of contacts.slice(b, b + 1000)) {
        if (layout === 'json_value') {
          root.set(id, groups)
          continue
        }
        const map = new Y.Map<unknown>()
        for (const [k, v] of Object.entries(layout === 'groups_map' ? groups : fieldsOf(groups)))
          map.set(k, v as unknown)
        root.set(id, map)
      }
    })
  }
  return Y.encodeStateAsUpdate(doc)
}

const encoded = (ctx: BenchContext) =>
  ctx.memo('doc.layout', () => {
    const contacts = groupsOf(ctx.size)
    return Object.fromEntries(LAYOUTS.map((l) => [l, build(l, contacts)])) as Record<Layout, Uint8Array>
  })

/** Decode time and bytes per contact of each layout, on `size` synthetic contacts. */
export const docLayoutMetrics: Metric[] = LAYOUTS.flatMap((layout): Metric[] => [
  {
    name: `doc.layout.${layout}.load`,
    unit: 'ms',
    async run(ctx) {
      const update = (await encoded(ctx))[layout]
      return ctx.time(() => Y.applyUpdate(new Y.Doc(), update), { runs: 5, budgetMs: 30_000 })
    },
  },
  {
    name: `doc.layout.${layout}.bytes`,
    unit: 'bytes',
    run: async (ctx) => (await encoded(ctx))[layout].byteLength / ctx.size,
  },
])
