/**
 * Where the app keeps its data and how it opens it. A database the app cannot read, or one
 * written by a newer version, is reported in Vietnamese and the app quits without writing
 * to it: the clerk's only copy of the records must never be "repaired" behind their back.
 * A damaged one is moved aside (CachLy/) and the app offers the newest verified snapshot.
 */
import { app, dialog } from 'electron'
import { join, resolve } from 'node:path'
import { AppError } from '../../shared/api/errors'
import { DatabaseSession } from '../services/backups/session'
import { pickedPaths } from './picked-paths'

export const DATABASE_FILE_NAME = 'so-di-co-so.sqlite'
export const DATA_FOLDER_NAME = 'SoDiCoSo'

/**
 * Lets the Playwright launch test (and a clerk's portable copy) point the app at another
 * folder. It replaces userData as a whole, so Chromium's own storage and the single-instance
 * lock follow it and test runs never touch the real profile.
 */
export function applyDataDirOverride(): void {
  const override = process.env['SO_DI_CO_SO_DATA_DIR']
  // Default: an ASCII folder name (%APPDATA%\SoDiCoSo on Windows) rather than the product
  // name with diacritics, so backup tools, scripts and older software handle the path.
  app.setPath('userData', override ? resolve(override) : join(app.getPath('appData'), DATA_FOLDER_NAME))
}

function migrationsFolder(): string {
  // Packaged: electron-builder copies electron/db/migrations to resources/migrations
  // (extraResources), outside the asar, where drizzle's migrator reads it with plain fs.
  return app.isPackaged
    ? join(process.resourcesPath, 'migrations')
    : join(app.getAppPath(), 'electron/db/migrations')
}

export function databaseFile(): string {
  return join(app.getPath('userData'), DATABASE_FILE_NAME)
}

/**
 * Opens the database or, after telling the clerk why, returns null (the caller quits). A
 * damaged file does not end here: the session quarantines it and starts in recovery mode,
 * and the window opens on the corrupt-database screen.
 */
export function openAppSession(): DatabaseSession | null {
  const file = databaseFile()
  try {
    return new DatabaseSession({ file, migrationsFolder: migrationsFolder(), pathGuard: pickedPaths })
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'DATABASE_MISMATCH' || error.code === 'DATABASE_UNREADABLE')
    ) {
      dialog.showErrorBox(
        'Không mở được cơ sở dữ liệu',
        `${error.message}\n\nTệp dữ liệu: ${file}\n\nSổ đi cơ sở sẽ đóng lại.`
      )
    } else {
      const message = error instanceof Error ? error.message : String(error)
      dialog.showErrorBox(
        'Sổ đi cơ sở không khởi động được',
        `Lỗi khi mở cơ sở dữ liệu: ${message}\n\nTệp dữ liệu: ${file}`
      )
    }
    return null
  }
}
