import { defineConfig } from 'wxt'

/** The app on this computer (`npm start` serves http://localhost:5173), any port: the bridge's origins. */
const appOrigins = ['http://localhost/*', 'http://127.0.0.1/*']
/** Another origin for the app is asked for when the options name one, never granted up front. */
const anyOrigin = ['https://*/*', 'http://*/*']

export default defineConfig({
  srcDir: 'extension',
  // Builds land in dist/extension/<browser>-mv<n>, e.g. dist/extension/chrome-mv3.
  outDir: `${process.env.RAPPORT_DIST ?? 'dist'}/extension`,
  manifest: ({ manifestVersion }) => ({
    name: 'Rapport',
    description: 'Capture referral contacts from Gmail and LinkedIn into your Rapport team.',
    permissions: ['storage'],
    host_permissions: ['https://mail.google.com/*', 'https://www.linkedin.com/*', ...appOrigins],
    // MV3 registers the bridge on another origin with `scripting`; MV2 has no such API.
    ...(manifestVersion === 3
      ? { optional_permissions: ['scripting'], optional_host_permissions: anyOrigin }
      : { optional_permissions: anyOrigin }),
  }),
})
