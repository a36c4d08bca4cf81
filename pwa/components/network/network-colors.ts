import type { RelationshipType } from '../../../shared/model'

/**
 * One colour per relationship type, each at least 4.5:1 against the white page so dots and the
 * legend's swatches stay visible (WCAG 1.4.11 asks 3:1), and told apart by hue.
 */
export const RELATIONSHIP_COLORS: Record<RelationshipType | 'none', string> = {
  'allied-resource': '#1d4ed8',
  advocate: '#0f766e',
  'core-advocate': '#b45309',
  other: '#7e22ce',
  none: '#4b5563',
}

/** The colour of a contact's dot. */
export const colorOf = (t: RelationshipType | undefined) => RELATIONSHIP_COLORS[t ?? 'none']
