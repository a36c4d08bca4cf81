/**
 * Contact import and export: LinkedIn, Google and Outlook CSVs, custom CSVs, vCard 2.1–4.0 in;
 * Google CSV and vCard 4.0 out; and the normalization dedupe relies on.
 */
export { importContacts } from './import-contacts'
export { importCsvWithMapping } from './csv-generic'
export { suggestHeaderMapping } from './header-mapping'
export { exportGoogleCsv } from './export-csv'
export { exportVCard } from './export-vcard'
export { contactToDraft, draftToContactFields } from './contact-mapping'
export {
  canonicalLinkedInUrl,
  linkedInProfileUrl,
  normalizeEmail,
  normalizePhone,
  type CountryCode,
} from './normalize'
export { normalizeBirthday } from './birthday'
export { decodeInput } from './decode'
export type { CsvField, HeaderMapping, ImportError, ImportFormat, ImportResult } from './types'
export { applyImport, createImportIndex, undoImport, mergeContactData } from './apply-import'
export type {
  ApplyImportOptions,
  ApplyImportResult,
  ImportBatch,
  ImportIndex,
  MergedContact,
} from './apply-import'
export { exportBackup, restoreBackup, BACKUP_FORMAT, BACKUP_VERSION, type RestoreResult } from './backup'
