import { createI18n } from 'vue-i18n'
import { ar } from './ar'
import { en, type MessageSchema } from './en'

/** The languages of the interface and their writing direction. */
export const LOCALES = {
  en: { name: 'English', dir: 'ltr' },
  ar: { name: 'العربية', dir: 'rtl' },
} as const
export type AppLocale = keyof typeof LOCALES

export const isAppLocale = (s: string): s is AppLocale => Object.hasOwn(LOCALES, s)

/** Date formats: days are `YYYY-MM-DD` read as UTC midnights (`dayToDate`), times are local. */
const datetimeFormats = {
  day: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  weekday: { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' },
  time: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
} as const
const numberFormats = {
  integer: { maximumFractionDigits: 0 },
  percent: { style: 'percent', maximumFractionDigits: 0 },
} as const

/** The app's i18n (Composition API mode). Dates and numbers are formatted by Intl for the locale. */
export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, ar },
  datetimeFormats: { en: datetimeFormats, ar: datetimeFormats },
  numberFormats: { en: numberFormats, ar: numberFormats },
})
