import { isScreenReaderCopy } from './linkedin-top-card'
import { elementText, foldText } from './text'

/** A position held now. */
export interface CurrentPosition {
  title?: string
  organisation?: string
}

const HEADING = /^(?:experience|الخبره|الخبرات)$/
/** An end date that is not one: the position is current. */
const PRESENT = /\b(?:present)\b|الحالي|حتي الان|حاليا/

/**
 * The Experience section: the `section` around the `#experience` anchor, else the section of
 * the main column whose heading says "Experience" / "الخبرة".
 * @param main - the main column
 * @returns the section, or `undefined`
 */
export function findExperienceSection(main: Element): Element | undefined {
  const anchor = main.querySelector('#experience')
  if (anchor) return anchor.closest('section') ?? undefined
  for (const heading of main.querySelectorAll('section h2')) {
    if (HEADING.test(foldText(elementText(heading, isScreenReaderCopy))))
      return heading.closest('section') ?? undefined
  }
  return undefined
}

const DATES = '.pvs-entity__caption-wrapper, span.t-black--light'

/** Text of the first match, LinkedIn's visible copy (`aria-hidden` span) rather than the screen-reader one. */
const textOf = (el: Element, selector: string) => elementText(el.querySelector(selector), isScreenReaderCopy)

/** Whether an entry's dates ("Jan 2021 - Present", "يناير ٢٠٢٢ - الحالي") end in the present. */
function isCurrent(entry: Element, list: Element): boolean {
  return [...entry.querySelectorAll(DATES)].some(
    (el) => el.closest('ul') === list && PRESENT.test(foldText(elementText(el, isScreenReaderCopy))),
  )
}

/**
 * The first current position of the Experience list. An entry is a company with several roles
 * (its bold line is the company, each nested entry a role with dates) or a single role (bold
 * title, then "Company · Full-time", then dates). The first role whose dates end in "Present"
 * wins; past positions are never returned.
 * @param section - the Experience section
 * @returns the title and company, or `undefined` when no entry is current
 */
export function currentPosition(section: Element): CurrentPosition | undefined {
  const list = section.querySelector('ul')
  if (!list) return undefined
  for (const entry of list.children) {
    if (entry.localName !== 'li') continue
    const roles = [...entry.querySelectorAll('ul > li')].filter((role) => role.querySelector('.t-bold'))
    if (roles.length > 0) {
      const role = roles.find((r) => PRESENT.test(foldText(textOf(r, DATES))))
      if (!role) continue
      return withValues(textOf(role, '.t-bold'), textOf(entry, '.t-bold'))
    }
    if (!isCurrent(entry, list)) continue
    const company = textOf(entry, 'span.t-14.t-normal:not(.t-black--light)').split(' · ')[0]
    return withValues(textOf(entry, '.t-bold'), company)
  }
  return undefined
}

const withValues = (title: string | undefined, organisation: string | undefined): CurrentPosition => ({
  ...(title ? { title } : {}),
  ...(organisation?.trim() ? { organisation: organisation.trim() } : {}),
})
