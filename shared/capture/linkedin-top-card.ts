import { isPronouns, splitDisplayName, type NameParts } from './person-name'
import { cleanText, elementText } from './text'

/** What the top card of a profile shows. */
export interface TopCard {
  name?: NameParts
  headline?: string
  location?: string
  /** The top card's "Current company" button, when there is one. */
  company?: string
}

/** LinkedIn's screen-reader copies of visible text: skipped so that text is not read twice. */
export const isScreenReaderCopy = (el: Element) => el.classList.contains('visually-hidden')
/** "(3) Dana Whitfield | LinkedIn": the profile's name in the page title. */
const TITLE_NAME = /^(?:\(\d+\+?\)\s*)?(.+?)\s*\|\s*LinkedIn\s*$/i
const COMPANY_BUTTON = /^(?:current company|الشركة الحالية|الشركه الحاليه)\s*[:：]/i

/**
 * The profile's top card: the `section.artdeco-card` (else the element) around the main
 * column's `h1`. Asides, the global nav and overlays are outside `main` and never searched.
 * @param main - the main column (`main.scaffold-layout__main`, else `main`)
 * @returns the card and its `h1`, or `undefined` when the page has no `h1` in the main column
 */
export function findTopCard(main: Element): { card: Element; h1: Element } | undefined {
  const h1 = main.querySelector('section.artdeco-card h1') ?? main.querySelector('h1')
  if (!h1) return undefined
  return { card: h1.closest('section') ?? h1.parentElement ?? h1, h1 }
}

/**
 * Reads the top card: the name (`h1`, with pronouns from the name or from the pronoun label
 * beside it), the headline (`.text-body-medium.break-words`), the location
 * (`span.text-body-small.inline.t-black--light.break-words`, in `.pv-text-details__left-panel`
 * when there is one) and the "Current company" button.
 * @param found - the card and its `h1` (see `findTopCard`), or nothing
 * @param doc - the page, whose title names the profile when there is no `h1`
 * @returns what was found
 */
export function readTopCard(found: { card: Element; h1: Element } | undefined, doc: Document): TopCard {
  const fromTitle = TITLE_NAME.exec(cleanText(doc.title))?.[1]
  const shownName = elementText(found?.h1, isScreenReaderCopy) || fromTitle || ''
  const name = shownName ? splitDisplayName(shownName) : undefined
  if (!found) return name?.displayName ? { name } : {}
  const { card } = found
  if (name && !name.pronouns) {
    for (const span of card.querySelectorAll('span.text-body-small.v-align-middle')) {
      const text = elementText(span, isScreenReaderCopy)
      if (isPronouns(text)) {
        name.pronouns = text.replace(/[()[\]\s]/g, '')
        break
      }
    }
  }
  const headline = elementText(card.querySelector('.text-body-medium.break-words'), isScreenReaderCopy)
  const LOCATION = 'span.text-body-small.inline.t-black--light.break-words'
  const location = elementText(
    card.querySelector(`.pv-text-details__left-panel ${LOCATION}`) ?? card.querySelector(LOCATION),
    isScreenReaderCopy,
  )
  let company: string | undefined
  for (const button of card.querySelectorAll('button[aria-label]')) {
    if (COMPANY_BUTTON.test(cleanText(button.getAttribute('aria-label')))) {
      company = elementText(button, isScreenReaderCopy) || undefined
      break
    }
  }
  return {
    ...(name?.displayName ? { name } : {}),
    ...(headline ? { headline } : {}),
    ...(location ? { location } : {}),
    ...(company ? { company } : {}),
  }
}
