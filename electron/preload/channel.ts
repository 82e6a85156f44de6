/**
 * The one IPC channel the app uses. Every API call goes through it as (method, input), so
 * the main process has a single door to guard and the contract decides what is callable.
 */
export const API_CHANNEL = 'api:call'

/**
 * The desktop's own channels (window.desktop, shared/api/desktop.ts): saving a file the app
 * made and opening a file saved in this session. Not API methods: they need the OS, not data.
 */
export const DESKTOP_CHANNELS = {
  saveFile: 'desktop:saveFile',
  openPath: 'desktop:openPath',
  pickFolder: 'desktop:pickFolder',
  pickBackupFile: 'desktop:pickBackupFile'
} as const
