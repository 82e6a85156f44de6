/**
 * The Playwright test bridge (ARCHITECTURE.md, "three transports"): the page's window.api
 * calls a Playwright binding, and the binding runs the same dispatcher the Electron IPC
 * handler uses, on real services over a real SQLite file in this test process. Only the
 * IPC hop is swapped; the client in the page unwraps envelopes exactly like the preload.
 */
import { test as base, expect } from '@playwright/test'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { ApiHandlers } from '../../shared/api/contract'
import type { ApiEnvelope } from '../../shared/api/errors'
import { API_METHODS } from '../../shared/api/methods'
import { openDatabase } from '../../electron/db/connection'
import { createServiceContext, type Clock, type ServiceContext } from '../../electron/services/context'
import { dispatch } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/index'
import { importWorkbook } from '../../electron/services/workbook/index'

export const FIXTURE_WORKBOOK = resolve(__dirname, '../fixtures/office-2025.xlsx')

/** "Today" for every e2e test: mid-October 2025, so 2025 is the running year. */
export const E2E_TODAY = '2025-10-15'
const fixedClock: Clock = {
  today: () => E2E_TODAY,
  now: () => `${E2E_TODAY}T03:00:00.000Z`
}

export interface Bridge {
  ctx: ServiceContext
  handlers: ApiHandlers
  /** Imports a workbook directly through the service (seeding, not the UI under test). */
  importFile(file: string): ReturnType<typeof importWorkbook>
}

/**
 * Defines window.api in the page. Playwright serialises this function's source into the
 * page, so it must not refer to anything outside its own body (like the preload's buildApi).
 */
function installApi(methods: string[]): void {
  type Call = (method: string, input: unknown) => Promise<ApiEnvelope<unknown>>
  const call = (globalThis as unknown as { __soDiCoSoCall: Call }).__soDiCoSoCall
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const method of methods) {
    api[method] = async (input: unknown) => {
      const envelope = await call(method, input)
      if (envelope.ok) return envelope.value
      const error = new Error(envelope.error.message) as Error & {
        code: string
        details: string[]
      }
      error.name = 'AppError'
      error.code = envelope.error.code
      error.details = envelope.error.details
      throw error
    }
  }
  Object.freeze(api)
  Object.defineProperty(globalThis, 'api', {
    value: api,
    enumerable: true,
    writable: false,
    configurable: false
  })
}

export const test = base.extend<{ bridge: Bridge }>({
  // Automatic: every test's page talks to its own fresh database, even if it never names `bridge`.
  bridge: [
    async ({ page }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'sdcs-e2e-'))
      const handle = openDatabase(join(dir, 'office.sqlite'))
      const ctx = createServiceContext(handle, fixedClock)
      const handlers = createHandlers(ctx)

      // Anything the page throws or logs as an error (a CSP violation, a React crash) fails the test.
      const pageProblems: string[] = []
      page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') pageProblems.push(`console.error: ${message.text()}`)
      })

      await page.exposeBinding('__soDiCoSoCall', (_source, method: unknown, input: unknown) =>
        dispatch(handlers, method, input)
      )
      await page.addInitScript(installApi, [...API_METHODS])

      try {
        await use({
          ctx,
          handlers,
          importFile: (file) => importWorkbook(ctx, readFileSync(file), basename(file))
        })
        expect(pageProblems, 'errors reported by the page').toEqual([])
      } finally {
        handle.close()
        rmSync(dir, { recursive: true, force: true })
      }
    },
    { auto: true }
  ]
})

export { expect }
