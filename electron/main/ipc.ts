/**
 * The single IPC door: 'api:call' carries (method, input) to the same dispatcher the CLI and
 * the tests use, which checks the method against the contract and validates the input. Only
 * the top frame showing the app's own page may knock.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { ApiHandlers } from '../../shared/api/contract'
import type { ApiEnvelope } from '../../shared/api/errors'
import { API_CHANNEL } from '../preload/channel'
import { dispatch } from '../services/dispatch'
import { isAppUrl, type RendererLocation } from './renderer-location'

export function isTrustedSender(event: IpcMainInvokeEvent, location: RendererLocation): boolean {
  const frame = event.senderFrame
  return frame !== null && frame.parent === null && isAppUrl(location, frame.url)
}

/**
 * `handlers` is asked on every call: a restore swaps the database and the handlers with it
 * (services/backups/session.ts), and later calls must reach the restored file.
 */
export function registerApi(handlers: () => ApiHandlers, location: RendererLocation): void {
  ipcMain.handle(
    API_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<ApiEnvelope<unknown>> => {
      if (!isTrustedSender(event, location)) {
        throw new Error(`Rejected ${API_CHANNEL} from ${event.senderFrame?.url ?? 'a destroyed frame'}`)
      }
      return dispatch(handlers(), method, input)
    }
  )
}
