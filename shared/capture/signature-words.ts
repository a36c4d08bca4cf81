import { foldText } from './text'

/** Words that make a signature line a job title (English, and Arabic folded as by `foldText`). */
// prettier-ignore
const TITLE_WORDS = new Set([
  'administrator', 'adviser', 'advisor', 'agent', 'analyst', 'appraiser', 'architect', 'assistant',
  'associate', 'attorney', 'banker', 'broker', 'ceo', 'cfo', 'chair', 'closer', 'consultant', 'contractor',
  'coo', 'coordinator', 'counsel', 'cto', 'designer', 'director', 'engineer', 'executive', 'founder',
  'co-founder', 'head', 'inspector', 'lawyer', 'lead', 'manager', 'negotiator', 'notary', 'officer',
  'originator', 'owner', 'paralegal', 'partner', 'photographer', 'planner', 'president', 'principal',
  'processor', 'realtor', 'representative', 'salesperson', 'secretary', 'specialist', 'stager',
  'supervisor', 'surveyor', 'treasurer', 'underwriter', 'vp',
  'مدير', 'مديره', 'مستشار', 'مستشاره', 'وسيط', 'وسيطه', 'وكيل', 'وكيله', 'مسؤول', 'مسؤوله', 'رئيس',
  'رئيسه', 'مؤسس', 'شريك', 'شريكه', 'محامي', 'محاميه', 'مهندس', 'مهندسه', 'اخصائي', 'اخصائيه', 'مقيم',
  'مقيمه', 'منسق', 'منسقه', 'مساعد', 'مساعده', 'موظف', 'موظفه', 'مندوب', 'مندوبه', 'مسوق', 'مسوقه',
])

/** Words that make a signature line a company name; none of them is also part of job titles. */
// prettier-ignore
const ORG_WORDS = new Set([
  'agency', 'associates', 'bancorp', 'bank', 'brokerage', 'builders', 'capital', 'co', 'company',
  'construction', 'consulting', 'corp', 'corporation', 'financial', 'firm', 'gmbh', 'group', 'holdings',
  'homes', 'inc', 'inspections', 'institute', 'lending', 'llc', 'llp', 'ltd', 'partners', 'plc',
  'properties', 'realty', 'services', 'solutions', 'university', 'ventures',
  'شركه', 'مجموعه', 'بنك', 'مصرف', 'مؤسسه', 'عقارات', 'المحدوده', 'مكتب',
])

/** The word with Arabic's article and "for the" prefixes taken off, as alternatives to look up. */
const forms = (word: string) => [word, word.replace(/^ال(?=..)/, ''), word.replace(/^لل(?=..)/, '')]

/**
 * Tells whether a short line of a signature is a job title or a company name, from its words.
 * @param text - one line or segment of a signature
 * @returns `'title'` or `'org'` when only that kind of word is present, `'unknown'` for neither or both
 */
export function roleOf(text: string): 'title' | 'org' | 'unknown' {
  let isTitle = false
  let isOrg = false
  for (const word of foldText(text).split(/[^\p{L}\p{N}-]+/u)) {
    if (forms(word).some((w) => TITLE_WORDS.has(w))) isTitle = true
    if (forms(word).some((w) => ORG_WORDS.has(w))) isOrg = true
  }
  if (isTitle === isOrg) return 'unknown'
  return isTitle ? 'title' : 'org'
}
