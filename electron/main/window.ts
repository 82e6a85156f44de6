import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { RendererLocation } from './renderer-location'

/** `route` opens the window on a page other than the start page (the corrupt-database screen). */
export function createMainWindow(location: RendererLocation, route?: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Sổ đi cơ sở',
    backgroundColor: '#ffffff',
    webPreferences: {
      // The preload is reviewed: it exposes one function per API method name and the two
      // desktop calls, no ipcRenderer, no generic invoke (electron/preload/index.ts).
      preload: join(__dirname, '../preload/index.js'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // A middle click on a link would otherwise open it in a new window (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
      // Dropping a file on the window must not navigate to it (the import page reads files itself).
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false
    }
  })
  window.once('ready-to-show', () => window.show())
  if (location.devServerUrl) {
    void window.loadURL(route ? `${location.devServerUrl}#${route}` : location.devServerUrl)
  } else {
    void window.loadFile(location.indexFile, route ? { hash: route } : undefined)
  }
  return window
}
