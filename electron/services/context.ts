/**
 * What every service gets: the database, the clock, and `write`, the only way to change
 * data. `write` runs one transaction and records each change in the append-only change
 * log inside that same transaction, so data and history never disagree.
 */
import type { PathGuard } from './backups/paths'
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { AppDatabase, DatabaseHandle } from '../db/connection'
import type { RestoreResult, SnapshotInfo, SnapshotKind } from '../../shared/api/backups'
import { localToday, type IsoDate } from '../../shared/domain/dates'
import { createRowWriter, type RowWriter } from './history/rows'
import { rethrowSqlite } from './sqlite-errors'

export type ChangeAction = 'insert' | 'update' | 'delete'

/** What kind of operation a batch is: the history page filters on it. */
export type ChangeOrigin = 'form' | 'import' | 'undo'

export interface ChangeRecorder {
  readonly batchId: string
  /** The change in words for people (the history page): entity, its code, old and new values. */
  record(entity: string, entityKey: string, action: ChangeAction, oldValue: unknown, newValue: unknown): void
  /**
   * Writes that "Hoàn tác" can revert: each keeps the raw row before and after in
   * change_rows. Every form write goes through these; `record` still says it in words.
   */
  readonly rows: RowWriter
}

export interface Clock {
  /** The clerk's calendar day (summaries default to it). */
  today(): IsoDate
  /** A timestamp for the change log. */
  now(): string
}

export const systemClock: Clock = {
  today: () => localToday(),
  now: () => new Date().toISOString()
}

export interface ServiceContext {
  db: AppDatabase
  handle: DatabaseHandle
  clock: Clock
  /**
   * Runs `fn` in one transaction (better-sqlite3 transactions are synchronous, so nothing
   * else can interleave). Any throw rolls everything back, change-log rows included.
   */
  write<T>(source: string, fn: (tx: AppDatabase, log: ChangeRecorder) => T, origin?: ChangeOrigin): T
  /**
   * Takes a verified snapshot of the database (Sao lưu, services/backups). The app, the CLI
   * and the backup session provide it; absent in plain tests, where risky writes take none.
   */
  snapshot?: (kind: SnapshotKind) => SnapshotInfo | null
  /** Replaces the database with a verified copy of `file` and reopens (the app's session only). */
  restore?: (file: string) => RestoreResult
  /**
   * The app only: the folders and files the clerk chose in a desktop dialog this session. The
   * backup methods then write into and restore from only these (or the app's own snapshots);
   * see services/backups/paths.ts. Absent in the CLI and the tests.
   */
  pathGuard?: PathGuard
}

/**
 * The change_log insert, prepared once per connection: building a drizzle query for every
 * record was half of a 10,000-trip import's write. Same columns, same values as the drizzle
 * insert it replaces (every column is plain text, so drizzle mapped nothing); the id comes
 * from AUTOINCREMENT either way. A WeakMap so a closed connection takes its statement along.
 */
const changeLogInserts = new WeakMap<Database.Database, Database.Statement>()

function changeLogInsert(sqlite: Database.Database): Database.Statement {
  let statement = changeLogInserts.get(sqlite)
  if (!statement) {
    statement = sqlite.prepare(
      'INSERT INTO change_log (at, batch_id, source, origin, entity, entity_key, action, old_value, new_value) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    changeLogInserts.set(sqlite, statement)
  }
  return statement
}

/** A logged value as change_log keeps it: JSON, or NULL for nothing. */
function logValue(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

export function createServiceContext(handle: DatabaseHandle, clock: Clock = systemClock): ServiceContext {
  const { db, sqlite } = handle

  function runWrite<T>(
    source: string,
    fn: (tx: AppDatabase, log: ChangeRecorder) => T,
    origin: ChangeOrigin
  ): T {
    return db.transaction(
      (tx) => {
        const batchId = randomUUID()
        const at = clock.now()
        // drizzle's transaction type is a subtype of the database type for every query we use.
        const txDb = tx as unknown as AppDatabase
        // drizzle runs its transaction on this same connection, so these statements are part of it.
        const insertLog = changeLogInsert(sqlite)
        const recorder: ChangeRecorder = {
          batchId,
          rows: createRowWriter(txDb, sqlite, batchId),
          record(entity, entityKey, action, oldValue, newValue) {
            insertLog.run(
              at,
              batchId,
              source,
              origin,
              entity,
              entityKey,
              action,
              logValue(oldValue),
              logValue(newValue)
            )
          }
        }
        return fn(txDb, recorder)
      },
      // IMMEDIATE takes the write lock at BEGIN, so a second writer (the CLI, another window)
      // waits for the busy timeout instead of failing at its first write with "locked".
      { behavior: 'immediate' }
    )
  }

  return {
    db,
    handle,
    clock,
    write(source, fn, origin = 'form') {
      try {
        return runWrite(source, fn, origin)
      } catch (error) {
        // The transaction has rolled back as a whole; a SQLite reason (locked, disk full,
        // read-only, corrupt) becomes the clerk's message, anything else passes unchanged.
        return rethrowSqlite(error)
      }
    }
  }
}
