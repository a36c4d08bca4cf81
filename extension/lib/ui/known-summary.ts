import type { KnownContact } from '../messages'
import { el, humanize, shortDate } from './dom'

/**
 * "Already in Rapport": who the person is to the team, from the read model.
 * @param known - the matched contact
 */
export function knownSummary(known: KnownContact): HTMLElement {
  const rows: [string, string][] = [
    ['Relationship', known.relationshipType ? humanize(known.relationshipType) : 'Not set'],
    ['Plan', known.plan ?? 'None'],
    [
      'Last touch',
      known.lastTouch ? `${humanize(known.lastTouch.kind)}, ${shortDate(known.lastTouch.at)}` : 'None yet',
    ],
    ['Source', known.source ? sourceText(known.source) : 'Unknown'],
  ]
  return el('div', { class: 'known', attrs: { 'data-known': known.id } }, [
    el('strong', { text: 'Already in Rapport' }),
    ` as ${known.displayName} (same ${known.matchedBy}). Save merges into this contact.`,
    el(
      'dl',
      {},
      rows.flatMap(([term, value]) => [el('dt', { text: term }), el('dd', { text: value })]),
    ),
  ])
}

function sourceText(source: NonNullable<KnownContact['source']>): string {
  if (source.referrer) return `Referral from ${source.referrer}`
  return source.name ?? humanize(source.kind)
}
