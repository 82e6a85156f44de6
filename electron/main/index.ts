/**
 * The Electron main process, kept thin: one instance, one window, one database, one IPC
 * channel. Everything the app does lives in electron/services behind that channel.
 */
import { app, BrowserWindow, session } from 'electron'
import type { DatabaseHandle } from '../db/connection'
import { createServiceContext } from '../services/context'
import { createHandlers } from '../services/index'
import { applyDataDirOverride, openAppDatabase } from './database'
import { registerDesktop } from './desktop'
import { registerApi } from './ipc'
import { installMenu } from './menu'
import { rendererLocation } from './renderer-location'
import { guardAllWebContents, hardenSession } from './security'
import { createMainWindow } from './window'

// Must run before the single-instance lock and 'ready': both depend on userData.
applyDataDirOverride()

const location = rendererLocation()
const dev = location.devServerUrl !== undefined
let mainWindow: BrowserWindow | null = null
let database: DatabaseHandle | null = null

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(location)
    mainWindow.on('closed', () => {
      mainWindow = null
    })
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function start(): void {
  database = openAppDatabase()
  if (database === null) {
    app.exit(1)
    return
  }
  registerApi(createHandlers(createServiceContext(database)), location)
  registerDesktop(location)
  hardenSession(session.defaultSession, dev)
  installMenu(dev)
  showMainWindow()
}

// Two instances writing the same SQLite file would each hold their own view of the data;
// the second launch just brings the first window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  guardAllWebContents(location)
  app.on('second-instance', () => {
    if (app.isReady()) showMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (database !== null && BrowserWindow.getAllWindows().length === 0) showMainWindow()
  })
  app.on('will-quit', () => {
    database?.close()
    database = null
  })
  void app.whenReady().then(start)
}
