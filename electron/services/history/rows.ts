/**
 * Tracked row writes: insert, update and delete through drizzle, keeping each affected row
 * as it was before and after in change_rows (in write order). That is all "Hoàn tác" needs
 * to put the database back exactly, for any table, without per-screen undo code (the way
 * Actual Budget undoes every mutation from one place: the recorded old and new rows).
 */
import type Database from 'better-sqlite3'
import { and, eq, getTableColumns, getTableName, type SQL } from 'drizzle-orm'
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { AppDatabase } from '../../db/connection'

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

/**
 * The change_rows insert, prepared once per connection (the same columns and values the
 * drizzle insert wrote; all plain text): a drizzle query built per kept row was a large part
 * of every write touching many rows.
 */
const changeRowsInserts = new WeakMap<Database.Database, Database.Statement>()

export function changeRowsInsert(sqlite: Database.Database): Database.Statement {
  let statement = changeRowsInserts.get(sqlite)
  if (!statement) {
    statement = sqlite.prepare(
      'INSERT INTO change_rows (batch_id, table_name, before, after) VALUES (?, ?, ?, ?)'
    )
    changeRowsInserts.set(sqlite, statement)
  }
  return statement
}

/**
 * `sqlite`: the connection `tx` runs on (a better-sqlite3 transaction belongs to its
 * connection, so statements prepared on it are part of the transaction).
 */
export function createRowWriter(tx: AppDatabase, sqlite: Database.Database, batchId: string): RowWriter {
  const insertKept = changeRowsInsert(sqlite)
  const keep = (table: SQLiteTable, before: Row | null, after: Row | null) => {
    insertKept.run(
      batchId,
      getTableName(table),
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after)
    )
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
