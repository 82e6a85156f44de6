/**
 * The open database as the app (and the test bridge) hold it: the handle, the service context
 * with its snapshot and restore capabilities, and the handlers the transport dispatches to.
 * Restore swaps all three at once, so every later call reaches the restored database; when
 * the file is damaged the session runs in recovery mode, where only the backup methods work.
 */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { BackupStatus, DatabaseProblem, SnapshotKind } from '../../../shared/api/backups'
import { AppError } from '../../../shared/api/errors'
import { API_METHODS } from '../../../shared/api/methods'
import { CorruptDatabaseError, openDatabase, type DatabaseHandle } from '../../db/connection'
import { fileShape, quarantineDatabase } from '../../db/integrity'
import { createServiceContext, systemClock, type Clock, type ServiceContext } from '../context'
import { dispatch } from '../dispatch'
import { createHandlers } from '../index'
import { backupOverview, newestVerifiedSnapshot } from './overview'
import { removeRestoreLeftover, restoreDatabaseFile } from './restore'
import { assertMayRead, type PathGuard } from './paths'
import { takeSnapshot } from './snapshot'
import { describeDatabaseFile, holdsData } from './verify'

export interface SessionOptions {
  file: string
  migrationsFolder: string
  clock?: Clock
  /** Snapshot "Khi mở" right after opening (the app: yes; tests choose). */
  snapshotOnOpen?: boolean
  /** The app: only dialog-picked paths for backups (services/backups/paths.ts). */
  pathGuard?: PathGuard
}

export class DatabaseSession {
  readonly file: string
  readonly migrationsFolder: string
  readonly clock: Clock
  readonly pathGuard: PathGuard | undefined
  private handle: DatabaseHandle | null = null
  private problem: DatabaseProblem | null = null
  private currentCtx: ServiceContext | null = null
  handlers: ApiHandlers

  /** Opens the file; a damaged one is quarantined and the session starts in recovery mode. Other refusals throw. */
  constructor(options: SessionOptions) {
    this.file = options.file
    this.migrationsFolder = options.migrationsFolder
    this.clock = options.clock ?? systemClock
    this.pathGuard = options.pathGuard
    removeRestoreLeftover(this.file)
    this.handlers = this.open()
    if (options.snapshotOnOpen && this.handle) this.snapshot('start')
  }

  get ctx(): ServiceContext | null {
    return this.currentCtx
  }

  get databaseProblem(): DatabaseProblem | null {
    return this.problem
  }

  private open(): ApiHandlers {
    try {
      this.handle = openDatabase(this.file, {
        migrationsFolder: this.migrationsFolder,
        onCorrupt: 'quarantine',
        now: () => this.clock.now()
      })
    } catch (error) {
      let damage: { message: string; quarantinedTo: string | null }
      if (error instanceof CorruptDatabaseError) {
        damage = { message: error.message, quarantinedTo: error.quarantinedTo }
      } else if (fileShape(this.file) === 'empty') {
        // A 0-byte file where the office's data should be (a copy cut short, a disk that
        // lost the file's content): refused as it is, moved aside like a damaged one so the
        // clerk is offered the newest snapshot instead of an app that will not start.
        const quarantinedTo = quarantineDatabase(this.file, this.clock.now())
        damage = {
          message: `Tệp cơ sở dữ liệu ${this.file} rỗng (0 byte): dữ liệu trong đó đã mất. Tệp đã được chuyển sang ${quarantinedTo}. Hãy khôi phục từ bản sao lưu gần nhất.`,
          quarantinedTo
        }
      } else {
        throw error
      }
      this.handle = null
      this.currentCtx = null
      this.problem = {
        databaseFile: this.file,
        ...damage,
        newestVerified: newestVerifiedSnapshot(this.file, this.migrationsFolder)
      }
      return this.recoveryHandlers()
    }
    this.problem = null
    const ctx: ServiceContext = {
      ...createServiceContext(this.handle, this.clock),
      snapshot: (kind) => this.snapshot(kind),
      restore: (file) => this.restore(file),
      ...(this.pathGuard ? { pathGuard: this.pathGuard } : {})
    }
    this.currentCtx = ctx
    return createHandlers(ctx)
  }

  /** A snapshot of the open database; automatic ones skip a database that holds nothing yet. */
  snapshot(kind: SnapshotKind) {
    if (!this.handle) return null
    if (kind !== 'manual' && !holdsData(this.handle.sqlite)) return null
    return takeSnapshot(this.handle.sqlite, this.file, {
      kind,
      nowIso: this.clock.now(),
      migrationsFolder: this.migrationsFolder
    })
  }

  restore(source: string) {
    let result
    try {
      result = restoreDatabaseFile(source, {
        databaseFile: this.file,
        current: this.handle,
        migrationsFolder: this.migrationsFolder,
        nowIso: this.clock.now()
      })
    } catch (error) {
      // A refusal after the current database was closed reopens the untouched old file.
      if (this.handle && !this.handle.sqlite.open) this.handlers = this.open()
      throw error
    }
    this.handlers = this.open()
    return result
  }

  dispatch(method: unknown, input: unknown) {
    return dispatch(this.handlers, method, input)
  }

  close(): void {
    this.handle?.close()
    this.handle = null
  }

  /** Every method answers "the database is damaged" except the backup ones. */
  private recoveryHandlers(): ApiHandlers {
    const problem = (): DatabaseProblem => {
      if (!this.problem) throw new AppError('CONFLICT', 'Cơ sở dữ liệu đã được khôi phục.')
      return this.problem
    }
    const refuse = () => {
      throw new AppError(
        'DATABASE_UNREADABLE',
        `${problem().message} Mở trang "Sao lưu và khôi phục" để khôi phục.`
      )
    }
    const handlers: Record<string, unknown> = {}
    for (const method of API_METHODS) handlers[method] = refuse
    const own: Partial<ApiHandlers> = {
      // The window frame asks for the organisation on every page: no organisation (the frame
      // shows just the app's name) rather than the damage message above every screen.
      'organisation.get': () => null,
      'backups.status': (): BackupStatus => ({ problem: problem() }),
      'backups.list': () => backupOverview(this.file, this.migrationsFolder, null),
      'backups.inspect': ({ file }) => {
        assertMayRead(this.pathGuard, this.file, file)
        return describeDatabaseFile(file, this.migrationsFolder)
      },
      'backups.restore': ({ file }) => {
        assertMayRead(this.pathGuard, this.file, file)
        return this.restore(file)
      },
      'backups.create': () => {
        throw new AppError(
          'CONFLICT',
          'Cơ sở dữ liệu đang bị hỏng nên không sao lưu được. Hãy khôi phục trước.'
        )
      }
    }
    return { ...handlers, ...own } as ApiHandlers
  }
}
