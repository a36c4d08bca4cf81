import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { installFastStrings } from '../shared/doc'
import App from './App.vue'
import { i18n } from './i18n'
import { createAppRouter } from './router'
import { browserHost } from './services/host'
import { registerServiceWorker } from './services/service-worker'
import { useAppUpdateStore } from './stores/app-update'
import { useLocaleStore } from './stores/locale'
import { useTeamStore } from './stores/team'
import './styles/main.css'

installFastStrings() // before any document is decoded
const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)

// The team opens before the first route resolves; screens render from the read model meanwhile.
void useTeamStore(pinia).start(browserHost())
void useLocaleStore(pinia).restore()
void import('./services/extension-bridge').then((m) => m.startExtensionBridge(pinia)) // syncs with the extension, if installed

const router = createAppRouter()
router.onError((error: Error, to) => {
  // A screen's chunk of an older version is gone once a new version took over: load afresh.
  if (/dynamically imported module|Importing a module script failed/i.test(error.message)) {
    window.location.assign(to.fullPath)
  } else console.error('Rapport: navigation failed', error)
})
// Contacts and Today say when they have drawn from the read model; other screens read the
// documents, which may then start loading at once.
router.afterEach((to) => {
  if (to.name !== 'contacts' && to.name !== 'today') useTeamStore(pinia).screenDrawn()
})
app.use(router)
app.mount('#app')

registerServiceWorker(() => useAppUpdateStore(pinia).announce())
