import { defineConfig } from 'vitest/config'

/**
 * End-to-end tests in Debian's Chromium (playwright-core). The global setup builds the PWA once
 * into dist/pwa and serves it; files run one after another, each with its own browser.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/helpers/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
})
