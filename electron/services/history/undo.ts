/**
 * "Hoàn tác": puts back what one change-log batch wrote, from the raw rows it kept
 * (change_rows), newest first, in one transaction. It refuses, changing nothing, when a row
 * was changed again since (undoing would silently drop that later change), when the batch
 * was already undone, or when it kept no rows (an import from before undo existed).
 *
 * The undo is itself a batch with origin 'undo', tracked like any write, so the history
 * shows it and it could be undone in turn.
 */
import { sqliteCodeOf } from '../sqlite-errors'
import { asc, desc, eq, getTableName } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { AppError } from '../../../shared/api/errors'
import type { UndoResult } from '../../../shared/api/history'
import { changeLog, changeRows, schema, undoneBatches } from '../../db/schema'
import type { ServiceContext } from '../context'
import { whereRow } from './rows'

type Row = Record<string, unknown>

const TABLES: ReadonlyMap<string, SQLiteTable> = new Map(
  Object.values(schema).map((table) => [getTableName(table), table as SQLiteTable])
)

function tableNamed(name: string): SQLiteTable {
  const table = TABLES.get(name)
  if (!table)
    throw new AppError('INTERNAL', `Không hoàn tác được: bảng "${name}" không còn trong cơ sở dữ liệu.`)
  return table
}

/** Rows compare by their JSON (drizzle returns the same shape for the same table). */
function sameRow(a: Row | undefined, b: Row | null): boolean {
  if (a === undefined || b === null) return a === undefined && b === null
  return JSON.stringify(a) === JSON.stringify(b)
}

function isForeignKeyError(error: unknown): boolean {
  return sqliteCodeOf(error) === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

export function undoBatch(ctx: ServiceContext, batchId: string): UndoResult {
  const logged = ctx.db
    .select()
    .from(changeLog)
    .where(eq(changeLog.batchId, batchId))
    .orderBy(asc(changeLog.id))
    .all()
  if (logged.length === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy thao tác cần hoàn tác.')
  const label = logged[0]!.source
  const done = ctx.db.select().from(undoneBatches).where(eq(undoneBatches.batchId, batchId)).get()
  if (done) throw new AppError('CONFLICT', `Thao tác "${label}" đã được hoàn tác trước đó.`)
  const kept = ctx.db
    .select()
    .from(changeRows)
    .where(eq(changeRows.batchId, batchId))
    .orderBy(desc(changeRows.id))
    .all()
  if (kept.length === 0) {
    throw new AppError('CONFLICT', `Thao tác "${label}" không lưu đủ dữ liệu để hoàn tác.`)
  }

  try {
    return ctx.write(
      `Hoàn tác: ${label}`,
      (tx, log) => {
        for (const change of kept) {
          const table = tableNamed(change.tableName)
          const before = change.before === null ? null : (JSON.parse(change.before) as Row)
          const after = change.after === null ? null : (JSON.parse(change.after) as Row)
          const key = whereRow(table, (after ?? before)!)
          const current = tx.select().from(table).where(key).get() as Row | undefined
          if (!sameRow(current, after)) {
            throw new AppError(
              'CONFLICT',
              `Không hoàn tác được "${label}": dữ liệu đã được sửa tiếp sau thao tác này. Hãy sửa lại bằng tay.`
            )
          }
          if (after === null) log.rows.insert(table, before as never)
          else if (before === null) log.rows.delete(table, key)
          else log.rows.update(table, key, before as never)
        }
        // The words of the history, reversed: what was new becomes old.
        for (const entry of [...logged].reverse()) {
          const action =
            entry.action === 'insert' ? 'delete' : entry.action === 'delete' ? 'insert' : 'update'
          log.record(
            entry.entity,
            entry.entityKey,
            action,
            entry.newValue === null ? null : JSON.parse(entry.newValue),
            entry.oldValue === null ? null : JSON.parse(entry.oldValue)
          )
        }
        tx.insert(undoneBatches).values({ batchId, undoBatchId: log.batchId, at: ctx.clock.now() }).run()
        return { undone: { batchId, label }, change: { batchId: log.batchId, label: `Hoàn tác: ${label}` } }
      },
      'undo'
    )
  } catch (error) {
    if (isForeignKeyError(error)) {
      throw new AppError(
        'CONFLICT',
        `Không hoàn tác được "${label}": dữ liệu này đã được dùng ở chỗ khác sau đó (ví dụ trong một chuyến đi).`
      )
    }
    throw error
  }
}
