/** Sao lưu và khôi phục: verified snapshots of the database, their list, and restore. */
import './zod-vi'
import { z } from 'zod'
import { returns } from './returns'

/** Why a snapshot was taken; the file name carries it (ASCII), the page shows the label. */
export const SNAPSHOT_KINDS = ['start', 'import', 'daily', 'manual', 'restore', 'migration'] as const
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number]

export const SNAPSHOT_KIND_LABELS: Record<SnapshotKind, string> = {
  start: 'Khi mở',
  import: 'Trước khi nhập',
  daily: 'Hằng ngày',
  manual: 'Thủ công',
  restore: 'Trước khi khôi phục',
  migration: 'Trước khi nâng cấp'
}

/** What a database file holds, read from the file itself. */
export interface DatabaseContents {
  cadres: number
  trips: number
  units: number
  issuedDocuments: number
  changes: number
  /** ISO timestamp of the newest change-log entry, null when nothing was ever changed. */
  lastChange: string | null
}

export interface SnapshotInfo {
  /** Full path of the file (what restore takes). */
  file: string
  name: string
  /** null for a picked file that is not one of our snapshots. */
  kind: SnapshotKind | null
  /** ISO timestamp the snapshot was taken (from its name), or the file's modification time. */
  takenAt: string
  size: number
  /** null when the file cannot be read as a Sổ đi cơ sở database; `problem` says why. */
  contents: DatabaseContents | null
  problem: string | null
}

export interface BackupOverview {
  databaseFile: string
  snapshotsFolder: string
  /** Set when the data folder is on a network share, where SQLite's WAL is not safe. */
  networkWarning: string | null
  current: DatabaseContents | null
  /** Newest first. */
  snapshots: SnapshotInfo[]
}

/** The app could not open its database: what the corrupt-database screen shows. */
export interface DatabaseProblem {
  databaseFile: string
  message: string
  /** Where the damaged file (with its -wal/-shm) was moved, if it was. */
  quarantinedTo: string | null
  /** The newest snapshot that verifies (integrity and ours), null when there is none. */
  newestVerified: SnapshotInfo | null
}

export interface BackupStatus {
  problem: DatabaseProblem | null
}

export interface RestoreResult {
  restored: SnapshotInfo
  /** The snapshot of the data as it was just before, null when there was no usable database. */
  safetySnapshot: SnapshotInfo | null
}

const filePath = (what: string) =>
  z
    .string({ message: `Thiếu ${what}.` })
    .trim()
    .min(1, `Thiếu ${what}.`)
    .max(4000, `Đường dẫn ${what} quá dài.`)

export const backupCreateSchema = z.object({
  /** A folder the clerk picked (a USB stick); absent: the SaoLuu folder beside the database. */
  folder: filePath('thư mục lưu bản sao').optional()
})

export const backupFileSchema = z.object({ file: filePath('tệp sao lưu') })

export const backupsContract = {
  'backups.status': returns<BackupStatus>()(z.object({})),
  'backups.list': returns<BackupOverview>()(z.object({})),
  'backups.create': returns<SnapshotInfo>()(backupCreateSchema),
  'backups.inspect': returns<SnapshotInfo>()(backupFileSchema),
  'backups.restore': returns<RestoreResult>()(backupFileSchema)
}
