import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import prettier from 'eslint-config-prettier'
import vue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** What `shared/` may never import: UI frameworks, extension APIs, and the two apps. */
const sharedRestrictedImports = {
  paths: [
    { name: 'vue', message: 'shared/ is host-free: no Vue. Put reactive glue in pwa/.' },
    { name: 'pinia', message: 'shared/ is host-free: stores live in pwa/stores/.' },
    { name: 'wxt', message: 'shared/ is host-free: extension glue lives in extension/.' },
    { name: '#imports', message: 'shared/ is host-free: WXT auto-imports belong to extension/.' },
    { name: 'webextension-polyfill', message: 'shared/ is host-free: no extension APIs.' },
  ],
  patterns: [
    { group: ['wxt/*', 'vue/*', '@vue/*', 'pinia/*'], message: 'shared/ is host-free.' },
    {
      group: ['**/pwa', '**/pwa/**', '**/extension', '**/extension/**'],
      message: 'shared/ never imports the apps.',
    },
  ],
}

/** Globals `shared/` may never touch; hosts pass what is needed as parameters (see shared/host.ts). */
const sharedRestrictedGlobals = [
  'window',
  'document',
  'location',
  'localStorage',
  'indexedDB',
  'chrome',
  'browser',
].map((name) => ({ name, message: `shared/ never touches the global ${name}: take it as a parameter.` }))

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.output/',
      '.wxt/',
      'bench-results/',
      'test-results/',
      'coverage/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    rules: {
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['pwa/**', 'extension/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.{js,ts}', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', sharedRestrictedImports],
      'no-restricted-globals': ['error', ...sharedRestrictedGlobals],
    },
  },
  {
    files: ['pwa/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/extension', '**/extension/**'], message: 'pwa/ never imports extension/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['extension/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/pwa', '**/pwa/**'], message: 'extension/ never imports pwa/.' }] },
      ],
    },
  },
  prettier,
)
