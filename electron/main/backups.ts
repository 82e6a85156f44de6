/**
 * The app's side of Sao lưu: a snapshot on start ("Khi mở"), one a day while the window stays
 * open ("Hằng ngày"), and the warning when the data folder is on a network share. A failed
 * automatic snapshot never stops the clerk's work; it is logged and tried again later.
 */
import { dialog, type BrowserWindow } from 'electron'
import { dirname } from 'node:path'
import { networkShareWarning } from '../services/backups/network'
import type { DatabaseSession } from '../services/backups/session'
import { listSnapshotFiles, snapshotsFolderOf } from '../services/backups/store'

const DAY_MS = 24 * 3_600_000
const CHECK_EVERY_MS = 30 * 60_000

function trySnapshot(session: DatabaseSession, kind: 'start' | 'daily'): void {
  try {
    session.snapshot(kind)
  } catch (error) {
    console.error(`Automatic snapshot (${kind}) failed`, error)
  }
}

/** Starts the automatic snapshots; returns the function that stops them. */
export function startAutomaticSnapshots(session: DatabaseSession): () => void {
  if (session.databaseProblem) return () => undefined
  trySnapshot(session, 'start')
  const timer = setInterval(() => {
    if (session.databaseProblem) return
    const newest = listSnapshotFiles(snapshotsFolderOf(session.file))[0]
    if (!newest || Date.now() - Date.parse(newest.takenAt) >= DAY_MS) trySnapshot(session, 'daily')
  }, CHECK_EVERY_MS)
  timer.unref()
  return () => clearInterval(timer)
}

/** Tells the clerk once per start, without blocking, that the data folder is on a network share. */
export function warnIfNetworkShare(session: DatabaseSession, window: BrowserWindow): void {
  const warning = networkShareWarning(dirname(session.file))
  if (!warning) return
  void dialog.showMessageBox(window, {
    type: 'warning',
    title: 'Dữ liệu nằm trên ổ mạng',
    message: 'Dữ liệu nằm trên ổ mạng',
    detail: warning,
    buttons: ['Đã hiểu']
  })
}
