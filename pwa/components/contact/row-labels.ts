import { RelationshipType } from '../../../shared/model'

/** The texts a contact row shows, translated once for the list rather than in every row. */
export interface RowLabels {
  /** The checkbox's label for a contact's name. */
  select(name: string): string
  selectLoading: string
  met: string
  optedOut: string
  loading: string
  /** By relationship type; a type this version does not know shows as it is stored. */
  relationship: Readonly<Record<string, string>>
}

type Translate = (key: string, named?: Record<string, unknown>) => string

/** A character no name holds, standing in for the name in the translated checkbox label. */
const NAME = '\u0000'

/**
 * The row texts in the current language. Rows mount and unmount on every keystroke and scroll
 * step, and one `t()` costs each of them far more than joining two strings.
 */
export function rowLabels(t: Translate): RowLabels {
  const [before = '', after = ''] = t('bulk.selectRow', { name: NAME }).split(NAME)
  return {
    select: (name) => before + name + after,
    selectLoading: t('bulk.selectLoading'),
    met: t('contacts.metOnly'),
    optedOut: t('contacts.optedOut'),
    loading: t('contacts.loadingRow'),
    relationship: Object.fromEntries(RelationshipType.options.map((k) => [k, t(`relationship.${k}`)])),
  }
}
