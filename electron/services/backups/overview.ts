/** What the Sao lưu page lists, and the newest snapshot the corrupt-database screen offers. */
import type Database from 'better-sqlite3'
import { dirname } from 'node:path'
import type { BackupOverview, SnapshotInfo } from '../../../shared/api/backups'
import { networkShareWarning } from './network'
import { listSnapshotFiles, snapshotsFolderOf } from './store'
import { describeDatabaseFile, readContents } from './verify'

export function backupOverview(
  databaseFile: string,
  migrationsFolder: string,
  sqlite: Database.Database | null
): BackupOverview {
  const folder = snapshotsFolderOf(databaseFile)
  return {
    databaseFile,
    snapshotsFolder: folder,
    networkWarning: networkShareWarning(dirname(databaseFile)),
    current: sqlite ? readContents(sqlite) : null,
    snapshots: listSnapshotFiles(folder).map((s) => describeDatabaseFile(s.file, migrationsFolder))
  }
}

export function newestVerifiedSnapshot(databaseFile: string, migrationsFolder: string): SnapshotInfo | null {
  for (const stored of listSnapshotFiles(snapshotsFolderOf(databaseFile))) {
    const info = describeDatabaseFile(stored.file, migrationsFolder)
    if (info.contents) return info
  }
  return null
}
