import type { PersonDraft } from '../model/person'

/** One problem found while importing. */
export type ImportError = {
  /** 1-based physical line of the file where the bad row or card starts; 0 for the whole file. */
  line: number
  /** What is wrong, in words a user can act on. */
  message: string
}

/** What `importContacts` recognized the file as. */
export type ImportFormat =
  | 'linkedin-csv'
  | 'google-csv'
  | 'outlook-csv'
  | 'csv'
  | 'vcard-2.1'
  | 'vcard-3.0'
  | 'vcard-4.0'
  | 'vcard'
  | 'unknown'

/** A field of a person that a column of a custom CSV can hold. */
export type CsvField =
  | 'displayName'
  | 'givenName'
  | 'familyName'
  | 'email'
  | 'phone'
  | 'organisation'
  | 'title'
  | 'linkedinUrl'
  | 'website'
  | 'notes'
  | 'tags'
  | 'birthday'
  | 'street'
  | 'city'
  | 'region'
  | 'postalCode'
  | 'country'

/** For each column of a CSV, in order, the field it holds, or `null` to ignore the column. */
export type HeaderMapping = (CsvField | null)[]

/** The outcome of an import: the contacts that could be read and a problem per row that could not. */
export type ImportResult = {
  format: ImportFormat
  /** Drafts that each pass `v.parse(PersonDraft, …)`. */
  contacts: PersonDraft[]
  errors: ImportError[]
  /** For `csv`: the header row, so a UI can show the mapping step. */
  headers?: string[]
  /** For `csv`: the mapping that was applied (from `suggestHeaderMapping`). */
  mapping?: HeaderMapping
}
