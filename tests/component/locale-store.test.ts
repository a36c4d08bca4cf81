// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../pwa/i18n'
import { useLocaleStore } from '../../pwa/stores/locale'
import { useTeamStore } from '../../pwa/stores/team'
import { startApp } from './helpers/app'
import { testHost } from './helpers/host'

describe('useLocaleStore', () => {
  afterEach(() => {
    useLocaleStore().$reset()
    useTeamStore().$reset()
  })

  it('switches to Arabic: right to left on <html>, messages and the saved choice', async () => {
    const host = testHost()
    const { pinia } = await startApp(host)
    await useLocaleStore(pinia).setLocale('ar')
    expect(document.documentElement.dir).toBe('rtl')
    expect(document.documentElement.lang).toBe('ar')
    expect(i18n.global.t('nav.today')).toBe('اليوم')
    useLocaleStore(pinia).$reset()
    useTeamStore(pinia).$reset()
    expect(document.documentElement.dir).toBe('ltr')

    const again = await startApp(host)
    await useLocaleStore(again.pinia).restore()
    expect(useLocaleStore(again.pinia).locale).toBe('ar')
    expect(document.documentElement.dir).toBe('rtl')
  })

  it('formats dates and numbers for the locale with Intl', async () => {
    await startApp()
    const day = new Date('2026-11-23T00:00:00Z')
    expect(i18n.global.d(day, 'day')).toBe('Nov 23, 2026')
    expect(i18n.global.n(12345, 'integer')).toBe('12,345')
    await useLocaleStore().setLocale('ar')
    expect(i18n.global.d(day, 'day')).toBe(
      new Intl.DateTimeFormat('ar', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(day),
    )
  })
})
