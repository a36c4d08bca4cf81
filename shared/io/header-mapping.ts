import type { CsvField, HeaderMapping } from './types'

/** Header names, English and Arabic, that mean each field (compared after `normalizeHeader`). */
const SYNONYMS: Record<CsvField, string> = {
  displayName:
    'name, full name, fullname, display name, contact, contact name, client, client name, customer name, ' +
    'الاسم, اسم, الاسم الكامل, الاسم بالكامل, اسم العميل, العميل, اسم جهة الاتصال',
  givenName: 'first name, firstname, first, given name, forename, fname, الاسم الأول, الاسم الاول',
  familyName: 'last name, lastname, last, surname, family name, lname, اسم العائلة, العائلة, الكنية, اللقب',
  email:
    'email, e-mail, e mail, email address, e-mail address, mail, ' +
    'البريد الإلكتروني, البريد الالكتروني, البريد, الإيميل, ايميل, بريد إلكتروني',
  phone:
    'phone, phone number, telephone, tel, mobile, mobile number, mobile phone, cell, cell phone, cellphone, ' +
    'whatsapp, work phone, home phone, business phone, office phone, ' +
    'الهاتف, رقم الهاتف, هاتف, الجوال, رقم الجوال, جوال, الموبايل, رقم الموبايل, الهاتف المحمول, المحمول, ' +
    'واتساب, هاتف العمل',
  organisation:
    'company, company name, organisation, organization, org, employer, business, brokerage, agency, firm, ' +
    'الشركة, اسم الشركة, المؤسسة, جهة العمل',
  title: 'title, job title, position, role, job, المسمى الوظيفي, الوظيفة, المنصب, المسمى',
  linkedinUrl: 'linkedin, linkedin url, linkedin profile, لينكد إن, لينكدإن, لينكدان',
  website: 'website, web site, web page, url, homepage, site, الموقع, الموقع الإلكتروني',
  notes: 'notes, note, comments, comment, remarks, ملاحظات, الملاحظات, ملاحظة, تعليقات',
  tags:
    'tags, tag, labels, label, groups, group, categories, category, ' +
    'الوسوم, الوسم, التصنيف, التصنيفات, المجموعة, المجموعات, الفئة',
  birthday: 'birthday, birth date, date of birth, dob, birthdate, تاريخ الميلاد, عيد الميلاد, الميلاد',
  street: 'address, street, street address, address line, العنوان, الشارع',
  city: 'city, town, المدينة',
  region: 'state, region, province, county, emirate, المنطقة, الولاية, المحافظة, الإمارة',
  postalCode: 'zip, zip code, zipcode, postal code, postcode, post code, الرمز البريدي',
  country: 'country, country/region, الدولة, البلد',
}

const LOOKUP = new Map<string, CsvField>(
  (Object.entries(SYNONYMS) as [CsvField, string][]).flatMap(([field, names]) =>
    names.split(',').map((n) => [normalizeHeader(n), field] as const),
  ),
)

/**
 * Normalizes a header for matching: lower-cased, punctuation and numbering removed
 * (`E-mail 2:` → `e mail`), Arabic diacritics and tatweel removed and alef/yeh/teh marbuta forms
 * unified.
 * @param header - the header as written
 * @returns the key compared against the synonyms
 */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[_\-.:#()*/]+/g, ' ')
    .replace(/\s+\d+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Suggests which field each column of a custom CSV holds, from known header names in English and
 * Arabic ("Full Name", "E-mail 2", "الاسم", "البريد الإلكتروني", "الهاتف", "الشركة", …).
 * @param headers - the header row as written
 * @returns one field or `null` per header, in order; unknown headers map to `null`
 */
export function suggestHeaderMapping(headers: string[]): HeaderMapping {
  return headers.map((h) => {
    return LOOKUP.get(normalizeHeader(h)) ?? null
  })
}

/**
 * Guesses the label a header implies for a phone or email column.
 * @param header - the header as written, e.g. "Mobile", "Work Email", "هاتف العمل"
 * @returns `mobile`, `work`, `home`, or `undefined`
 */
export function labelFromHeader(header: string): string | undefined {
  const h = normalizeHeader(header)
  if (/mobile|cell|whatsapp|جوال|موبايل|محمول|واتساب/.test(h)) return 'mobile'
  if (/work|business|office|عمل|مكتب/.test(h)) return 'work'
  if (/home|personal|منزل|بيت|شخصي/.test(h)) return 'home'
  return undefined
}
