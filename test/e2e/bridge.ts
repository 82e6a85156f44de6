/**
 * The Playwright test bridge (ARCHITECTURE.md, "three transports"): the page's window.api
 * calls a Playwright binding, and the binding runs the same dispatcher the Electron IPC
 * handler uses, on real services over a real SQLite file in this test process. Only the
 * IPC hop is swapped; the client in the page unwraps envelopes exactly like the preload.
 */
import { test as base, expect } from '@playwright/test'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import type { ApiHandlers } from '../../shared/api/contract'
import {
  fileExtension,
  SAVE_FILTERS,
  unsavableFileMessage,
  type DesktopReply
} from '../../shared/api/desktop'
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
  /** window.desktop of the page: what it saved (into this test's temp folder) and opened. */
  desktop: DesktopDouble
  /** Sends the page's calls to other handlers from now on (a backup session of the test's own). */
  useHandlers(handlers: () => ApiHandlers): void
}

export interface DesktopDouble {
  /** Where saveFile writes, standing in for the folder the clerk picks in the save dialog. */
  folder: string
  saved: string[]
  opened: string[]
  /** The next saveFile behaves as if the clerk closed the dialog. */
  cancelNextSave(): void
  /** What the next folder or file picker answers (a path the clerk chose, or null: cancelled). */
  answerNextPick(path: string | null): void
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
        shownDetails: string[] | undefined
      }
      error.name = 'AppError'
      error.code = envelope.error.code
      error.details = envelope.error.details
      error.shownDetails = envelope.error.shownDetails
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

/**
 * Defines window.desktop in the page (what the preload exposes in Electron) over two bindings.
 * Serialised into the page like installApi, so self-contained.
 */
function installDesktop(): void {
  type Reply = { ok: true; value: unknown } | { ok: false; message: string }
  const g = globalThis as unknown as Record<string, (argument: unknown) => Promise<Reply>>
  const call = async (binding: string, argument: unknown) => {
    const reply = await g[binding]!(argument)
    if (reply.ok) return reply.value
    throw new Error(reply.message)
  }
  const desktop = Object.freeze({
    saveFile: (file: unknown) => call('__soDiCoSoSaveFile', file),
    openPath: async (path: unknown) => {
      await call('__soDiCoSoOpenPath', path)
    },
    pickFolder: () => call('__soDiCoSoPick', 'folder'),
    pickBackupFile: () => call('__soDiCoSoPick', 'file')
  })
  Object.defineProperty(globalThis, 'desktop', {
    value: desktop,
    enumerable: true,
    writable: false,
    configurable: false
  })
}

/** The main process's desktop handlers, with a folder of the test instead of a dialog. */
function desktopDouble(folder: string): DesktopDouble & {
  save(file: unknown): DesktopReply<{ path: string } | null>
  open(path: unknown): DesktopReply<null>
  pick(): DesktopReply<{ path: string } | null>
} {
  mkdirSync(folder, { recursive: true })
  const saved: string[] = []
  const opened: string[] = []
  let cancelNext = false
  let nextPick: string | null = null
  return {
    folder,
    saved,
    opened,
    cancelNextSave() {
      cancelNext = true
    },
    answerNextPick(path) {
      nextPick = path
    },
    pick() {
      const path = nextPick
      nextPick = null
      return { ok: true, value: path === null ? null : { path } }
    },
    save(file) {
      const { fileName, contentBase64 } = (file ?? {}) as { fileName?: unknown; contentBase64?: unknown }
      if (typeof fileName !== 'string' || typeof contentBase64 !== 'string' || contentBase64 === '') {
        return { ok: false, message: 'Không có tệp để lưu.' }
      }
      const name = basename(fileName)
      if (!SAVE_FILTERS[fileExtension(name)]) {
        return { ok: false, message: unsavableFileMessage(fileName) }
      }
      if (cancelNext) {
        cancelNext = false
        return { ok: true, value: null }
      }
      const path = join(folder, name)
      writeFileSync(path, Buffer.from(contentBase64, 'base64'))
      saved.push(path)
      return { ok: true, value: { path } }
    },
    open(path) {
      if (typeof path !== 'string' || !saved.includes(path)) {
        return { ok: false, message: 'Chỉ mở được tệp vừa lưu trong lần làm việc này.' }
      }
      opened.push(path)
      return { ok: true, value: null }
    }
  }
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

      let route = () => handlers
      await page.exposeBinding('__soDiCoSoCall', (_source, method: unknown, input: unknown) =>
        dispatch(route(), method, input)
      )
      await page.addInitScript(installApi, [...API_METHODS])
      const desktop = desktopDouble(join(dir, 'saved'))
      await page.exposeBinding('__soDiCoSoSaveFile', (_source, file: unknown) => desktop.save(file))
      await page.exposeBinding('__soDiCoSoOpenPath', (_source, path: unknown) => desktop.open(path))
      await page.exposeBinding('__soDiCoSoPick', () => desktop.pick())
      await page.addInitScript(installDesktop)

      try {
        await use({
          ctx,
          handlers,
          importFile: (file) => importWorkbook(ctx, readFileSync(file), basename(file)),
          desktop,
          useHandlers(next) {
            route = next
          }
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
