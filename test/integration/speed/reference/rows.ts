// Frozen copy of electron/services/history/rows.ts before change_rows was written with a prepared statement (issue 12, import speed), used by ./context.ts. Do not optimise.
/**
 * Tracked row writes: insert, update and delete through drizzle, keeping each affected row
 * as it was before and after in change_rows (in write order). That is all "Hoàn tác" needs
 * to put the database back exactly, for any table, without per-screen undo code (the way
 * Actual Budget undoes every mutation from one place: the recorded old and new rows).
 */
import { and, eq, getTableColumns, getTableName, type SQL } from 'drizzle-orm'
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { AppDatabase } from '../../../../electron/db/connection'
import { changeRows } from '../../../../electron/db/schema'

type Row = Record<string, unknown>

export interface RowWriter {
  /** Inserts one row and returns it as stored (with its id and defaults). */
  insert<T extends SQLiteTable>(table: T, values: T['$inferInsert']): T['$inferSelect']
  /** Updates the rows `where` selects and returns them as stored after the change. */
  update<T extends SQLiteTable>(
    table: T,
    where: SQL | undefined,
    values: Partial<T['$inferInsert']>
  ): T['$inferSelect'][]
  /** Deletes the rows `where` selects and returns them as they were. */
  delete<T extends SQLiteTable>(table: T, where: SQL | undefined): T['$inferSelect'][]
}

/** The primary-key columns of a table with the property names drizzle rows use. */
export function primaryKeyOf(table: SQLiteTable): Array<[string, SQLiteColumn]> {
  const columns = Object.entries(getTableColumns(table)) as Array<[string, SQLiteColumn]>
  const single = columns.filter(([, column]) => column.primary)
  if (single.length > 0) return single
  const composite = getTableConfig(table).primaryKeys[0]
  if (!composite)
    throw new Error(`Table ${getTableName(table)} has no primary key: its writes cannot be undone`)
  const names = new Set(composite.columns.map((c) => c.name))
  return columns.filter(([, column]) => names.has(column.name))
}

/** The condition selecting exactly this row by its primary key. */
export function whereRow(table: SQLiteTable, row: Row): SQL {
  const parts = primaryKeyOf(table).map(([key, column]) => eq(column, row[key]))
  const condition = parts.length === 1 ? parts[0] : and(...parts)
  if (!condition) throw new Error(`Empty primary key for ${getTableName(table)}`)
  return condition
}

export function createRowWriter(tx: AppDatabase, batchId: string): RowWriter {
  const keep = (table: SQLiteTable, before: Row | null, after: Row | null) => {
    tx.insert(changeRows)
      .values({
        batchId,
        tableName: getTableName(table),
        before: before === null ? null : JSON.stringify(before),
        after: after === null ? null : JSON.stringify(after)
      })
      .run()
  }

  return {
    insert(table, values) {
      const row = tx.insert(table).values(values).returning().get() as Row
      keep(table, null, row)
      return row as never
    },
    update(table, where, values) {
      const before = tx.select().from(table).where(where).all() as Row[]
      const after: Row[] = []
      for (const old of before) {
        const row = tx
          .update(table)
          .set(values as never)
          .where(whereRow(table, old))
          .returning()
          .get() as Row
        keep(table, old, row)
        after.push(row)
      }
      return after as never
    },
    delete(table, where) {
      const before = tx.select().from(table).where(where).all() as Row[]
      for (const old of before) {
        tx.delete(table).where(whereRow(table, old)).run()
        keep(table, old, null)
      }
      return before as never
    }
  }
}
