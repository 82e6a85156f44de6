/**
 * Launches the built desktop app in real Electron, against a fresh data folder, and checks
 * what only the shell provides: the window, the preload's window.api over IPC to a real
 * SQLite file, errors that keep their code and details, isolation, CSP and navigation guards.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { contentSecurityPolicy } from '../../electron/main/csp'
import type { ApiClient } from '../../shared/api/contract'
import { API_METHODS } from '../../shared/api/methods'

/**
 * What the page's global object offers, typed here because this file compiles with the
 * Node program (no DOM lib). Only used in casts inside page.evaluate callbacks.
 */
interface PageGlobals {
  api: ApiClient
  require?: unknown
  process?: unknown
  stillHere?: boolean
  location: { href: string }
  document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null }
  open(url: string): unknown
}

const root = join(__dirname, '..', '..')
const mainBundle = join(root, 'out', 'main', 'index.js')

function electronInstalled(): boolean {
  if (!existsSync(join(root, 'node_modules', 'electron', 'dist'))) return false
  try {
    const executable: unknown = createRequire(join(root, 'package.json'))('electron')
    return typeof executable === 'string' && existsSync(executable)
  } catch {
    return false
  }
}

const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD) — run in the GitHub workflow'
const canLaunch = electronInstalled()
// The list reporter shows skipped tests without their reason; say it once, plainly.
if (!canLaunch) console.log(`[launch.spec] skipped: ${SKIP_REASON}`)
test.skip(!canLaunch, SKIP_REASON)

let app: ElectronApplication
let page: Page
let dataDir: string

test.beforeAll(async () => {
  if (!existsSync(mainBundle)) {
    throw new Error(
      `${mainBundle} is missing: run \`npm run e2e:electron\` (it runs electron-vite build first)`
    )
  }
  // better-sqlite3 must be the Electron build while the app runs (npm test switches it back).
  execFileSync(process.execPath, [join(root, 'scripts', 'ensure-native.mjs'), 'electron'], {
    stdio: 'inherit'
  })
  dataDir = mkdtempSync(join(tmpdir(), 'so-di-co-so-electron-'))
  app = await electron.launch({
    args: ['.'],
    cwd: root,
    env: { ...process.env, SO_DI_CO_SO_DATA_DIR: dataDir }
  })
  page = await app.firstWindow({ timeout: 30_000 })
  await page.waitForLoadState('domcontentloaded')
})

test.afterAll(async () => {
  await app?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

test('opens one window titled "Sổ đi cơ sở"', async () => {
  await expect(page).toHaveTitle(/Sổ đi cơ sở/)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('exposes exactly the API methods and no Node to the page', async () => {
  const surface = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals
    return {
      methods: Object.keys(g.api).sort(),
      summaryIsFunction: typeof g.api['summary.year'] === 'function',
      require: typeof g.require,
      process: typeof g.process,
      apiIsFrozen: Object.isFrozen(g.api)
    }
  })
  expect(surface.methods).toEqual([...API_METHODS].sort())
  expect(surface.summaryIsFunction).toBe(true)
  expect(surface.require).toBe('undefined')
  expect(surface.process).toBe('undefined')
  expect(surface.apiIsFrozen).toBe(true)
})

test('calls the services over IPC against the database in the data folder', async () => {
  const listing = await page.evaluate(() => (globalThis as unknown as PageGlobals).api['years.list']({}))
  expect(listing.years).toContain(listing.currentYear)
  expect(existsSync(join(dataDir, 'so-di-co-so.sqlite'))).toBe(true)
})

test('a rejected call arrives as an Error with its code and details', async () => {
  const failure = await page.evaluate(async () => {
    try {
      await (globalThis as unknown as PageGlobals).api['settings.getYear']({ year: 1999 })
      return null
    } catch (error) {
      const e = error as Error & { code?: unknown; details?: unknown }
      return { isError: e instanceof Error, message: e.message, code: e.code, details: e.details }
    }
  })
  expect(failure).not.toBeNull()
  expect(failure?.isError).toBe(true)
  expect(failure?.code).toBe('VALIDATION')
  expect(failure?.message).toBe('Dữ liệu gửi lên không hợp lệ.')
  expect(failure?.details).toEqual([expect.stringContaining('year')])
})

test('enforces the production Content Security Policy', async () => {
  const csp = await page.evaluate(
    () =>
      (globalThis as unknown as PageGlobals).document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content') ?? null
  )
  expect(csp).toBe(contentSecurityPolicy(false))
  const evalOutcome = await page.evaluate(() => {
    try {
      return String(new Function('return "ran"')())
    } catch {
      return 'blocked'
    }
  })
  expect(evalOutcome).toBe('blocked')
})

test('moves between pages inside the window, and a reload stays on the page', async () => {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Cài đặt' })
    .click()
  await expect(page).toHaveURL(/#\/cai-dat/)
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible()
  await page.reload()
  await expect(page).toHaveURL(/#\/cai-dat/)
  await expect(page.getByRole('heading', { level: 1, name: 'Cài đặt' })).toBeVisible()
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})

test('blocks navigating away and opening new windows', async () => {
  const appUrl = page.url()
  const elsewhere = pathToFileURL(join(root, 'package.json')).href
  await page.evaluate(() => {
    ;(globalThis as unknown as PageGlobals).stillHere = true
  })
  const navigated = page.waitForEvent('framenavigated', { timeout: 2_000 }).then(
    () => true,
    () => false
  )
  await page.evaluate((url) => {
    ;(globalThis as unknown as PageGlobals).location.href = url
  }, elsewhere)
  expect(await navigated).toBe(false)
  expect(page.url()).toBe(appUrl)
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).stillHere)).toBe(true)

  const opened = await page.evaluate(
    (url) => (globalThis as unknown as PageGlobals).open(url) === null,
    elsewhere
  )
  expect(opened).toBe(true)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
})
