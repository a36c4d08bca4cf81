import { defineConfig } from 'wxt'

/** The PWA's default origins; the app bridge content script will run there. */
const pwaOrigins = ['http://localhost/*', 'http://127.0.0.1/*']

export default defineConfig({
  srcDir: 'extension',
  // Builds land in dist/extension/<browser>-mv<n>, e.g. dist/extension/chrome-mv3.
  outDir: 'dist/extension',
  manifest: {
    name: 'Rapport',
    description: 'Capture referral contacts from Gmail and LinkedIn into your Rapport team.',
    permissions: ['storage'],
    host_permissions: ['https://mail.google.com/*', 'https://www.linkedin.com/*', ...pwaOrigins],
  },
})
