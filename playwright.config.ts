/**
 * End-to-end tests: the built renderer (out/renderer, from `electron-vite build`) served by
 * `vite preview` and driven in Debian's Chromium. window.api is the test bridge of
 * test/e2e/bridge.ts, so the real services run on a real SQLite file in the test process.
 */
import { defineConfig } from '@playwright/test'

// E2E_PORT and E2E_OUT let several checkouts or developers run the browser tests at once, each
// against its own build (`npx electron-vite build --outDir <E2E_OUT>`).
const port = Number(process.env.E2E_PORT ?? 4173)
const outDir = process.env.E2E_OUT ?? 'out'

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // No --user-data-dir: Playwright uses a fresh profile and launch() rejects that flag.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  },
  webServer: {
    command: `npx vite preview --outDir ${outDir}/renderer --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI
  }
})
