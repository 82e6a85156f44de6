import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { RendererLocation } from './renderer-location'

export function createMainWindow(location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Sổ đi cơ sở',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  window.once('ready-to-show', () => window.show())
  if (location.devServerUrl) {
    void window.loadURL(location.devServerUrl)
  } else {
    void window.loadFile(location.indexFile)
  }
  return window
}
