import { Workbox } from 'workbox-window'

/** How often an open app asks whether a new version was deployed. */
const UPDATE_CHECK_MS = 60 * 60 * 1000

/**
 * Registers the generated service worker (vite-plugin-pwa, `skipWaiting` + `clientsClaim`: the
 * first visit is controlled at once, so the app works offline from then on). When a new
 * worker takes over a page that an older one served, `onUpdate` runs so the app can offer a
 * reload. Does nothing in development or where service workers are not available.
 */
export function registerServiceWorker(onUpdate: () => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const base = import.meta.env.BASE_URL
  // The first worker to control a page no worker served (a first visit, or a reload that raced
  // the first install) serves this same version: no update. Any later take-over is one.
  let wasControlled = !!navigator.serviceWorker.controller
  const wb = new Workbox(`${base}sw.js`, { scope: base })
  wb.addEventListener('controlling', (event) => {
    if (wasControlled && (event.isUpdate || event.isExternal)) onUpdate()
    wasControlled = true
  })
  // Browsers can refuse workers (private modes, policies): the app then works, online only.
  wb.register().catch((error: unknown) =>
    console.warn('Rapport: no service worker, so no offline use in this browser', error),
  )
  const check = () => {
    if (navigator.onLine) wb.update().catch(() => {})
  }
  setInterval(check, UPDATE_CHECK_MS)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check()
  })
}
