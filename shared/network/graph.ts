import { UndirectedGraph } from 'graphology'
import type { RecordOf, RelationshipType } from '../model/index'

/** A contact in the referral graph. */
export interface ContactNode {
  name: string
  relationshipType?: RelationshipType
}

/** A tie between two contacts: how many times each kind of link joined them. */
export interface ReferralTie {
  /** referrals + intros + requests: how often the two were linked. */
  weight: number
  /** Referrals between the two, either way. */
  referrals: number
  /** Introductions made between the two. */
  intros: number
  /** Introductions one asked us to make for the other. */
  requests: number
}

/** The referral network: contacts as nodes, their referrals and introductions as ties. */
export type ReferralGraph = UndirectedGraph<ContactNode, ReferralTie>

/** The records the graph is built from. */
export interface ReferralGraphInput {
  contacts: readonly RecordOf<'contacts'>[]
  referrals: readonly RecordOf<'referrals'>[]
  intros: readonly RecordOf<'intros'>[]
}

/**
 * Builds the network of DOMAIN.md "The referral network" as a simple undirected graph.
 * Nodes are the contacts that take part in a referral or an intro. Ties: referrer–referred,
 * partyA–partyB, and requestedBy–partyA and –partyB when a third person asked for the intro;
 * repeats add to `weight`, with the count per kind beside it.
 *
 * Undirected on purpose: the domain's measures (density 2E/N(N−1), betweenness over pairs,
 * closeness) are the undirected ones; a referral means the two know each other either way,
 * and a referral chain A→B→C makes B a bridge whichever way it ran. Who sent whom is kept in
 * the records and read there (see `suggestCoreAdvocates`).
 *
 * Deleted records, links to deleted or unknown contacts, and self-links are left out.
 */
export function buildReferralGraph(input: ReferralGraphInput): ReferralGraph {
  const graph: ReferralGraph = new UndirectedGraph<ContactNode, ReferralTie>()
  const contacts = new Map<string, RecordOf<'contacts'>>()
  for (const c of input.contacts) if (c.deleted == null) contacts.set(c.id, c)

  const link = (a: string | undefined, b: string | undefined, kind: 'referrals' | 'intros' | 'requests') => {
    if (a === undefined || b === undefined || a === b) return
    const ca = contacts.get(a)
    const cb = contacts.get(b)
    if (!ca || !cb) return
    if (!graph.hasNode(a)) graph.addNode(a, nodeOf(ca))
    if (!graph.hasNode(b)) graph.addNode(b, nodeOf(cb))
    graph.updateEdge(a, b, (tie) => {
      const t: ReferralTie = {
        weight: tie.weight ?? 0,
        referrals: tie.referrals ?? 0,
        intros: tie.intros ?? 0,
        requests: tie.requests ?? 0,
      }
      t[kind]++
      t.weight++
      return t
    })
  }

  for (const r of input.referrals) if (r.deleted == null) link(r.referrerId, r.referredId, 'referrals')
  for (const i of input.intros) {
    if (i.deleted != null) continue
    link(i.partyA, i.partyB, 'intros')
    link(i.requestedBy, i.partyA, 'requests')
    link(i.requestedBy, i.partyB, 'requests')
  }
  return graph
}

function nodeOf(c: RecordOf<'contacts'>): ContactNode {
  const node: ContactNode = { name: c.name.display }
  if (c.class?.relationshipType !== undefined) node.relationshipType = c.class.relationshipType
  return node
}
