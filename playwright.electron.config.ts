import { defineConfig } from '@playwright/test'

/**
 * The desktop shell test: launches the built app (out/) in real Electron. Kept apart from
 * playwright.config.ts, which drives the renderer in Chromium through the test bridge.
 * Run with `npm run e2e:electron` (it builds first); it skips when the Electron binary is
 * not installed.
 */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  reporter: 'list',
  workers: 1,
  timeout: 60_000,
  outputDir: 'test-results/electron'
})
