import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { i18n, isAppLocale, LOCALES, type AppLocale } from '../i18n'
import { useTeamStore } from './team'

/**
 * The interface language: English or Arabic (right to left). Kept in this device's settings;
 * sets `lang` and `dir` on <html> so the whole page, logical CSS included, follows it.
 */
export const useLocaleStore = defineStore('locale', () => {
  const locale = ref<AppLocale>('en')
  const dir = computed(() => LOCALES[locale.value].dir)

  function apply(next: AppLocale) {
    locale.value = next
    i18n.global.locale.value = next
    document.documentElement.lang = next
    document.documentElement.dir = LOCALES[next].dir
  }

  /** Restores the saved choice, else the browser's language when it is one of ours. */
  async function restore() {
    const settings = await useTeamStore().deviceSettings()
    const saved = await settings?.get('locale')
    const browser = navigator.language.slice(0, 2)
    apply(saved && isAppLocale(saved) ? saved : isAppLocale(browser) ? browser : 'en')
  }

  /** Switches the language and remembers it on this device. */
  async function setLocale(next: AppLocale) {
    apply(next)
    const settings = await useTeamStore().deviceSettings()
    await settings?.set('locale', next)
  }

  function $reset() {
    apply('en')
  }

  return { locale, dir, restore, setLocale, $reset }
})
