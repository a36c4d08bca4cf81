import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { vi } from 'vitest'
import type { Component } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { i18n } from '../../../pwa/i18n'
import { createAppRouter } from '../../../pwa/router'
import type { AppHost } from '../../../pwa/services/host'
import { useTeamStore } from '../../../pwa/stores/team'
import { testHost } from './host'

/** A real Pinia with the team store started on a test host. */
export async function startApp(host: AppHost = testHost()): Promise<{ pinia: Pinia; host: AppHost }> {
  const pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'en'
  await useTeamStore(pinia).start(host)
  return { pinia, host }
}

/** Starts the demo team and waits until every document is loaded and projected. */
export async function startDemoApp(host: AppHost = testHost()) {
  const app = await startApp(host)
  const team = useTeamStore(app.pinia)
  const created = await team.startDemo()
  if (!created.ok) throw new Error(JSON.stringify(created.problems))
  await team.whenLoaded()
  return app
}

/** Mounts a view with the app's plugins: Pinia, i18n and a router on a memory history at `path`. */
export async function mountView(
  view: Component,
  pinia: Pinia,
  path: string,
  props: Record<string, unknown> = {},
) {
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  await router.isReady()
  const wrapper = mount(view, { props, global: { plugins: [pinia, i18n, router] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

/**
 * Waits for a condition the live queries reach asynchronously (fake IndexedDB is asynchronous).
 * Generous: on a busy 2-core machine WebCrypto and IndexedDB steps can take seconds.
 */
export const eventually = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 20 })
