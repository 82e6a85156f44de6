/**
 * The preload: exposes `window.api`, one function per name in API_METHODS and nothing else
 * (no generic invoke). It runs sandboxed, so it can only load 'electron' and what the
 * bundler inlines: that is why it imports the method list and the error types, never the
 * zod contract.
 *
 * Failed calls must reach the page as real Errors that keep `code` and `details` (the list
 * of bad workbook cells, for instance). contextBridge cannot carry that: a rejected Error
 * crossing the bridge is rebuilt with its message only. So the functions that build and
 * throw the Error are compiled in the page's own world with executeInMainWorld, and only
 * the narrow per-method envelope call crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { ApiEnvelope } from '../../shared/api/errors'
import { API_METHODS, isApiMethod } from '../../shared/api/methods'
import { API_CHANNEL, DESKTOP_CHANNELS } from './channel'

type EnvelopeCall = (method: string, input: unknown) => Promise<ApiEnvelope<unknown>>

function callMain(method: string, input: unknown): Promise<ApiEnvelope<unknown>> {
  if (!isApiMethod(method)) {
    return Promise.reject(new Error(`Không có chức năng "${method}".`))
  }
  return ipcRenderer.invoke(API_CHANNEL, method, input) as Promise<ApiEnvelope<unknown>>
}

/**
 * Builds the client object. Electron serialises this function's source and compiles it in
 * the target world, so it must not refer to anything outside its own body.
 */
function buildApi(
  methods: readonly string[],
  call: EnvelopeCall,
  defineOnWindow: boolean
): Record<string, (input: unknown) => Promise<unknown>> | undefined {
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
  if (!defineOnWindow) return api
  Object.defineProperty(globalThis, 'api', {
    value: api,
    enumerable: true,
    writable: false,
    configurable: false
  })
  return undefined
}

try {
  contextBridge.executeInMainWorld({ func: buildApi, args: [API_METHODS, callMain, true] })
} catch (error) {
  // executeInMainWorld is marked experimental; if it ever fails, a bridge-exposed client still
  // works, only the error `code`/`details` are lost on the way (the launch test checks them).
  console.error('executeInMainWorld failed, falling back to exposeInMainWorld', error)
  contextBridge.exposeInMainWorld('api', buildApi(API_METHODS, callMain, false))
}

/**
 * The desktop's answer as a value, or an Error with the clerk's message (a message survives
 * the bridge). Replies are shaped as DesktopReply of shared/api/desktop.ts, which this sandboxed
 * file may not import.
 */
type DesktopReply<T> = { ok: true; value: T } | { ok: false; message: string }

async function desktopCall<T>(channel: string, argument: unknown): Promise<T> {
  const reply = (await ipcRenderer.invoke(channel, argument)) as DesktopReply<T>
  if (reply.ok) return reply.value
  throw new Error(reply.message)
}

// window.desktop (DesktopApi): not a service, it needs the OS; two functions on fixed channels.
contextBridge.exposeInMainWorld('desktop', {
  saveFile: (file: { fileName: unknown; contentBase64: unknown }) =>
    desktopCall<{ path: string } | null>(DESKTOP_CHANNELS.saveFile, {
      fileName: String(file.fileName),
      contentBase64: String(file.contentBase64)
    }),
  openPath: async (path: unknown): Promise<void> => {
    await desktopCall<null>(DESKTOP_CHANNELS.openPath, String(path))
  },
  // Sao lưu: the native folder / file dialogs; they answer a path the clerk chose, or null.
  pickFolder: () => desktopCall<{ path: string } | null>(DESKTOP_CHANNELS.pickFolder, null),
  pickBackupFile: () => desktopCall<{ path: string } | null>(DESKTOP_CHANNELS.pickBackupFile, null)
})
