/**
 * The desktop channels behind `window.desktop`: save a file the renderer produced (the
 * save dialog opens in the Documents folder with the suggested name) and open a saved file
 * with its usual program. Opening is limited to the files this session saved, so a page
 * that went wrong cannot make the shell launch an arbitrary path.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  shell,
  type IpcMainInvokeEvent,
  type OpenDialogOptions
} from 'electron'
import { writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import {
  BACKUP_FILE_FILTERS,
  fileExtension,
  SAVE_FILTERS,
  unsavableFileMessage,
  type DesktopReply
} from '../../shared/api/desktop'
import { DESKTOP_CHANNELS } from '../preload/channel'
import { isTrustedSender } from './ipc'
import { rememberPicked } from './picked-paths'
import type { RendererLocation } from './renderer-location'

const fail = (message: string): DesktopReply<never> => ({ ok: false, message })

/** The name without any folder part or characters Windows refuses in a file name. */
function safeFileName(name: string): string {
  const base = basename(name.replace(/\\/g, '/'))
  return Array.from(base, (ch) => (ch < ' ' || '<>:"|?*'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
}

export function registerDesktop(location: RendererLocation): void {
  const saved = new Set<string>()

  ipcMain.handle(
    DESKTOP_CHANNELS.saveFile,
    async (event, file: unknown): Promise<DesktopReply<{ path: string } | null>> => {
      if (!isTrustedSender(event, location)) {
        throw new Error(
          `Rejected ${DESKTOP_CHANNELS.saveFile} from ${event.senderFrame?.url ?? 'a destroyed frame'}`
        )
      }
      const { fileName, contentBase64 } = (file ?? {}) as { fileName?: unknown; contentBase64?: unknown }
      if (typeof fileName !== 'string' || typeof contentBase64 !== 'string' || contentBase64 === '') {
        return fail('Không có tệp để lưu.')
      }
      const name = safeFileName(fileName)
      const filter = SAVE_FILTERS[fileExtension(name)]
      if (!name || !filter) return fail(unsavableFileMessage(fileName))
      const owner = BrowserWindow.fromWebContents(event.sender)
      const options = {
        title: 'Lưu tệp',
        buttonLabel: 'Lưu',
        defaultPath: join(app.getPath('documents'), name),
        filters: [filter]
      }
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { ok: true, value: null }
      try {
        await writeFile(choice.filePath, Buffer.from(contentBase64, 'base64'))
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        return fail(
          `Không ghi được tệp "${choice.filePath}" (tệp đang mở trong Word, hoặc thư mục không cho ghi?): ${reason}`
        )
      }
      saved.add(resolve(choice.filePath))
      return { ok: true, value: { path: choice.filePath } }
    }
  )

  ipcMain.handle(DESKTOP_CHANNELS.openPath, async (event, path: unknown): Promise<DesktopReply<null>> => {
    if (!isTrustedSender(event, location)) {
      throw new Error(
        `Rejected ${DESKTOP_CHANNELS.openPath} from ${event.senderFrame?.url ?? 'a destroyed frame'}`
      )
    }
    if (typeof path !== 'string' || !saved.has(resolve(path))) {
      return fail('Chỉ mở được tệp vừa lưu trong lần làm việc này.')
    }
    const problem = await shell.openPath(path)
    return problem ? fail(`Không mở được tệp "${path}": ${problem}`) : { ok: true, value: null }
  })

  // Sao lưu: a folder for "Sao lưu ngay", a backup file for "Khôi phục từ tệp". The path goes
  // back to the page, which hands it to backups.create / backups.inspect / backups.restore.
  const pick = async (
    event: IpcMainInvokeEvent,
    channel: string,
    options: OpenDialogOptions
  ): Promise<DesktopReply<{ path: string } | null>> => {
    if (!isTrustedSender(event, location)) {
      throw new Error(`Rejected ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`)
    }
    const owner = BrowserWindow.fromWebContents(event.sender)
    const choice = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
    const path = choice.filePaths[0]
    if (choice.canceled || !path) return { ok: true, value: null }
    rememberPicked(path)
    return { ok: true, value: { path } }
  }
  ipcMain.handle(DESKTOP_CHANNELS.pickFolder, (event) =>
    pick(event, DESKTOP_CHANNELS.pickFolder, {
      title: 'Chọn thư mục để lưu bản sao lưu (ví dụ USB)',
      buttonLabel: 'Lưu vào đây',
      defaultPath: app.getPath('documents'),
      properties: ['openDirectory', 'createDirectory']
    })
  )
  ipcMain.handle(DESKTOP_CHANNELS.pickBackupFile, (event) =>
    pick(event, DESKTOP_CHANNELS.pickBackupFile, {
      title: 'Chọn bản sao lưu để khôi phục',
      buttonLabel: 'Chọn',
      defaultPath: app.getPath('documents'),
      filters: [...BACKUP_FILE_FILTERS],
      properties: ['openFile']
    })
  )
}
