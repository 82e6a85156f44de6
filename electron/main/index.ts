/**
 * The Electron main process, kept thin: one instance, one window, one database, one IPC
 * channel. Everything the app does lives in electron/services behind that channel.
 */
import { app, BrowserWindow, session } from 'electron'
import type { DatabaseSession } from '../services/backups/session'
import { startAutomaticSnapshots, warnIfNetworkShare } from './backups'
import { applyDataDirOverride, openAppSession } from './database'
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
let databaseSession: DatabaseSession | null = null
let stopSnapshots: () => void = () => undefined

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    // A damaged database (quarantined at open) opens on the screen that offers the snapshot.
    mainWindow = createMainWindow(
      location,
      databaseSession?.databaseProblem ? '/co-so-du-lieu-hong' : undefined
    )
    mainWindow.on('closed', () => {
      mainWindow = null
    })
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

function start(): void {
  const opened = openAppSession()
  if (opened === null) {
    app.exit(1)
    return
  }
  databaseSession = opened
  registerApi(() => opened.handlers, location)
  registerDesktop(location)
  hardenSession(session.defaultSession, dev)
  installMenu(dev)
  showMainWindow()
  stopSnapshots = startAutomaticSnapshots(opened)
  if (mainWindow) warnIfNetworkShare(opened, mainWindow)
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
    if (databaseSession !== null && BrowserWindow.getAllWindows().length === 0) showMainWindow()
  })
  app.on('will-quit', () => {
    stopSnapshots()
    databaseSession?.close()
    databaseSession = null
  })
  void app.whenReady().then(start)
}
