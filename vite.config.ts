import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

/** The theme colour of the app, its manifest and its icons (pwa/tools/draw-icons.mjs). */
const THEME_COLOR = '#0f766e'

export default defineConfig({
  root: fileURLToPath(new URL('./pwa', import.meta.url)),
  plugins: [
    vue(),
    VitePWA({
      // The app registers the worker itself (pwa/services/service-worker.ts, workbox-window)
      // so it can show its own "new version" prompt.
      injectRegister: false,
      registerType: 'prompt',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Rapport — referral CRM',
        short_name: 'Rapport',
        description: 'A local-first referral CRM for real-estate agents and their teams.',
        theme_color: THEME_COLOR,
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first visit is controlled at once, so the app works offline after one visit.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  define: {
    // vue-i18n's bundler build: Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { host: '127.0.0.1', port: 5173 },
  build: {
    // RAPPORT_DIST moves every build elsewhere (parallel test runs); dist/ by default.
    outDir: path.resolve(
      fileURLToPath(new URL('.', import.meta.url)),
      process.env.RAPPORT_DIST ?? 'dist',
      'pwa',
    ),
    emptyOutDir: true,
    // The whole app is precached for offline use; the core (Yjs, Dexie, phone metadata) is one
    // chunk by design, and screens are split per route.
    chunkSizeWarningLimit: 700,
  },
})
