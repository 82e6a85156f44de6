/**
 * Writes an import plan inside the caller's transaction. Every row goes through `log.rows`,
 * which keeps the raw row before and after, so "Hoàn tác" can put the database back exactly;
 * `log.record` says each change in workbook terms (codes, not ids) for the history page.
 * Unchanged rows are not touched.
 */
import type Database from 'better-sqlite3'
import { eq, getTableColumns, getTableName } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import {
  cadres,
  departments,
  exemptions,
  organisation,
  signers,
  tripParticipants,
  trips,
  tripUnits,
  units
} from '../../db/schema'
import type { ChangeRecorder } from '../context'
import { changeRowsInsert } from '../history/rows'
import { sameRow, type ImportPlan, type PlannedRow } from './plan'
import type { Snapshot } from './snapshot'
import { exemptionKey } from './validate'

function lookup(ids: Map<string, number>, code: string, what: string): number {
  const id = ids.get(code)
  // Validation has checked every reference; reaching this is a bug, and throwing rolls back.
  if (id === undefined) throw new Error(`Import: ${what} "${code}" has no id`)
  return id
}

function changed<T>(rows: PlannedRow<T>[]): PlannedRow<T>[] {
  return rows.filter((r) => r.action !== 'unchanged')
}

type Row = Record<string, unknown>
type Insert = <T extends SQLiteTable>(table: T, values: T['$inferInsert']) => T['$inferSelect']

interface PreparedInsert {
  statement: Database.Statement
  /** The columns of the INSERT, in the order of the values object's keys. */
  inserted: SQLiteColumn[]
  /**
   * For each column of `returned`: the index of its parameter, or -1 for the rowid alias left
   * to SQLite; null when a column is left to its default (then the row is read back).
   */
  sources: number[] | null
}

interface PreparedTable {
  tableName: string
  /** Every column of the table with its property name, as drizzle's returning() lists them. */
  returned: Array<[string, SQLiteColumn]>
  /** The row as stored, every column in `returned` order, by rowid. */
  readBack: Database.Statement
  /** One INSERT per list of given columns. */
  inserts: Map<string, PreparedInsert>
  /** True when the table has a trigger: the stored row is then always read back. */
  readAlways: boolean
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/** INTEGER PRIMARY KEY on its own: the column is the rowid, which SQLite assigns when not given. */
function isRowidAlias(column: SQLiteColumn): boolean {
  return column.primary && column.getSQLType() === 'integer'
}

/**
 * The row as SQLite stored it, known without reading it back when every column was given
 * (or is the rowid) and every value is one SQLite keeps exactly as bound: a string in a TEXT
 * column, a safe integer in an INTEGER column (not -0, which comes back as 0), or null. Type
 * affinity changes none of these and a table with a trigger is always read back, so the
 * read-back would return the same values; anything else (a default, another type) returns
 * null: read it back.
 */
function storedAsGiven(
  prepared: PreparedTable,
  sources: number[] | null,
  parameters: unknown[],
  rowid: number | bigint
): unknown[] | null {
  if (sources === null) return null
  const stored: unknown[] = []
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i] as number
    if (source === -1) {
      stored.push(rowid)
      continue
    }
    const value = parameters[source]
    const type = (prepared.returned[i] as [string, SQLiteColumn])[1].getSQLType()
    const kept =
      value === null ||
      (type === 'text' && typeof value === 'string') ||
      (type === 'integer' && Number.isSafeInteger(value) && !Object.is(value, -0))
    if (!kept) return null
    stored.push(value)
  }
  return stored
}

/**
 * log.rows.insert with each statement prepared once per table and column list: drizzle builds
 * and prepares a new statement for every row, which was two thirds of a 10,000-trip import.
 * Writes the same row and the same change_rows entry (before null, after the stored row with
 * drizzle's property names and value mapping, in the same order), so "Hoàn tác" and the
 * history see no difference (test/integration/speed/import-equal.test.ts compares them).
 * The stored row is read back by rowid rather than with INSERT … RETURNING: SQLite gathers
 * RETURNING rows in a temporary table on every execution, which made each insert about three
 * times slower; the read-back returns the same values (defaults and type affinity applied).
 * Every table written here is a rowid table, so lastInsertRowid names the row just inserted.
 * When the row is certain from the values given (storedAsGiven: trips, participants, visited
 * units), even the read-back is skipped.
 * Runs on the connection of the caller's transaction (better-sqlite3 transactions belong to
 * the connection), so the rows are part of it.
 */
function preparedInsert(sqlite: Database.Database, batchId: string): Insert {
  const keep = changeRowsInsert(sqlite)
  const tables = new Map<SQLiteTable, PreparedTable>()
  const tableOf = (table: SQLiteTable): PreparedTable => {
    let entry = tables.get(table)
    if (!entry) {
      const tableName = getTableName(table)
      const returned = Object.entries(getTableColumns(table)) as Array<[string, SQLiteColumn]>
      const readBack = sqlite
        .prepare(
          `SELECT ${returned.map(([, c]) => quote(c.name)).join(', ')} FROM ${quote(tableName)} WHERE rowid = ?`
        )
        .raw()
      // A trigger could change the row after the insert: such a table is always read back.
      const triggers = sqlite
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
        .pluck()
        .get(tableName) as number
      entry = { tableName, returned, readBack, inserts: new Map(), readAlways: triggers > 0 }
      tables.set(table, entry)
    }
    return entry
  }
  const insertOf = (prepared: PreparedTable, keys: string[]): PreparedInsert => {
    const cacheKey = keys.join(',')
    let entry = prepared.inserts.get(cacheKey)
    if (!entry) {
      const byKey = new Map(prepared.returned)
      const inserted = keys.map((key) => {
        const column = byKey.get(key)
        if (!column) throw new Error(`Import: ${prepared.tableName} has no column ${key}`)
        return column
      })
      const statement = sqlite.prepare(
        `INSERT INTO ${quote(prepared.tableName)} (${inserted.map((c) => quote(c.name)).join(', ')}) ` +
          `VALUES (${inserted.map(() => '?').join(', ')})`
      )
      const sources = prepared.returned.map(([key, column]) => {
        const index = keys.indexOf(key)
        if (index >= 0) return index
        return isRowidAlias(column) ? -1 : null
      })
      entry = {
        statement,
        inserted,
        sources: prepared.readAlways || sources.includes(null) ? null : (sources as number[])
      }
      prepared.inserts.set(cacheKey, entry)
    }
    return entry
  }
  return <T extends SQLiteTable>(table: T, values: T['$inferInsert']): T['$inferSelect'] => {
    const prepared = tableOf(table)
    const given = values as Row
    // drizzle leaves undefined values to the column default; so does this.
    const keys = Object.keys(given).filter((key) => given[key] !== undefined)
    const { statement, inserted, sources } = insertOf(prepared, keys)
    const parameters = keys.map((key, i) => {
      const value = given[key]
      return value === null ? null : (inserted[i] as SQLiteColumn).mapToDriverValue(value)
    })
    const { lastInsertRowid } = statement.run(parameters)
    const stored =
      storedAsGiven(prepared, sources, parameters, lastInsertRowid) ??
      (prepared.readBack.get(lastInsertRowid) as unknown[])
    const row: Row = {}
    prepared.returned.forEach(([key, column], i) => {
      const value = stored[i]
      row[key] = value === null ? null : column.mapFromDriverValue(value)
    })
    keep.run(batchId, prepared.tableName, null, JSON.stringify(row))
    return row as T['$inferSelect']
  }
}

/**
 * `sqlite`: the connection the transaction runs on; with it, inserts use statements prepared
 * once (preparedInsert), without it they go through log.rows one by one. Same rows either way.
 */
export function applyPlan(
  log: ChangeRecorder,
  plan: ImportPlan,
  snapshot: Snapshot,
  now: string,
  sqlite?: Database.Database
): void {
  const insert: Insert = sqlite
    ? preparedInsert(sqlite, log.batchId)
    : (table, values) => log.rows.insert(table, values)
  const ids = {
    departments: new Map(snapshot.ids.departments),
    units: new Map(snapshot.ids.units),
    cadres: new Map(snapshot.ids.cadres),
    exemptions: new Map(snapshot.ids.exemptions),
    trips: new Map(snapshot.ids.trips)
  }
  const record = <T>(entity: string, key: string, p: PlannedRow<T>) =>
    log.record(entity, key, p.action === 'add' ? 'insert' : 'update', p.old, p.row)

  for (const p of changed(plan.departments)) {
    const values = { name: p.row.name, abbreviation: p.row.abbreviation }
    if (p.action === 'add') {
      ids.departments.set(p.row.code, insert(departments, { code: p.row.code, ...values }).id)
    } else {
      log.rows.update(departments, eq(departments.id, lookup(ids.departments, p.row.code, 'ban')), values)
    }
    record('departments', p.row.code, p)
  }

  // Units in two passes: a parent (or merged-into unit) may come later in the sheet.
  const changedUnits = changed(plan.units)
  for (const p of changedUnits) {
    const values = { name: p.row.name, kind: p.row.kind, validFrom: p.row.validFrom, validTo: p.row.validTo }
    if (p.action === 'add') {
      ids.units.set(p.row.code, insert(units, { code: p.row.code, ...values }).id)
    } else if (
      p.old === null ||
      !sameRow(values, {
        name: p.old.name,
        kind: p.old.kind,
        validFrom: p.old.validFrom,
        validTo: p.old.validTo
      })
    ) {
      log.rows.update(units, eq(units.id, lookup(ids.units, p.row.code, 'đơn vị')), values)
    }
  }
  for (const p of changedUnits) {
    const links = {
      parentId: p.row.parentCode === null ? null : lookup(ids.units, p.row.parentCode, 'đơn vị'),
      mergedIntoId: p.row.mergedIntoCode === null ? null : lookup(ids.units, p.row.mergedIntoCode, 'đơn vị')
    }
    const linksChanged =
      p.action === 'add'
        ? links.parentId !== null || links.mergedIntoId !== null
        : p.old === null ||
          p.old.parentCode !== p.row.parentCode ||
          p.old.mergedIntoCode !== p.row.mergedIntoCode
    if (linksChanged) log.rows.update(units, eq(units.id, lookup(ids.units, p.row.code, 'đơn vị')), links)
    record('units', p.row.code, p)
  }

  for (const p of changed(plan.cadres)) {
    const values = {
      fullName: p.row.fullName,
      gender: p.row.gender,
      birthDate: p.row.birthDate,
      position: p.row.position,
      departmentId: lookup(ids.departments, p.row.departmentCode, 'ban'),
      fullTime: p.row.fullTime,
      serviceStart: p.row.serviceStart,
      serviceEnd: p.row.serviceEnd
    }
    if (p.action === 'add') {
      ids.cadres.set(p.row.code, insert(cadres, { code: p.row.code, ...values }).id)
    } else {
      log.rows.update(cadres, eq(cadres.id, lookup(ids.cadres, p.row.code, 'cán bộ')), values)
    }
    record('cadres', p.row.code, p)
  }

  for (const p of changed(plan.exemptions)) {
    const key = exemptionKey(p.row)
    const values = { reason: p.row.reason, toDate: p.row.to, note: p.row.note }
    if (p.action === 'add') {
      const cadreId = lookup(ids.cadres, p.row.cadreCode, 'cán bộ')
      ids.exemptions.set(key, insert(exemptions, { cadreId, fromDate: p.row.from, ...values }).id)
    } else {
      log.rows.update(exemptions, eq(exemptions.id, lookup(ids.exemptions, key, 'kỳ miễn giảm')), values)
    }
    record('exemptions', key, p)
  }

  // Trips in workbook order, so ids (the creation order of RULES.md §3) follow the rows.
  for (const p of changed(plan.trips)) {
    const values = {
      startDate: p.row.startDate,
      startHalf: p.row.startHalf,
      endDate: p.row.endDate,
      endHalf: p.row.endHalf,
      kind: p.row.kind,
      topic: p.row.topic,
      status: p.row.status,
      travelOrderNo: p.row.travelOrderNo,
      reportDate: p.row.reportDate,
      note: p.row.note
    }
    let tripId: number
    let rewriteCadres = true
    let rewriteUnits = true
    if (p.action === 'add') {
      tripId = insert(trips, { code: p.row.code, ...values, createdAt: now }).id
      ids.trips.set(p.row.code, tripId)
    } else {
      tripId = lookup(ids.trips, p.row.code, 'chuyến đi')
      const { cadreCodes: oldCadres, unitCodes: oldUnits, ...oldFields } = p.old ?? p.row
      const { cadreCodes: newCadres, unitCodes: newUnits, ...newFields } = p.row
      if (!sameRow(oldFields, newFields)) log.rows.update(trips, eq(trips.id, tripId), values)
      rewriteCadres = !sameRow({ codes: oldCadres }, { codes: newCadres })
      rewriteUnits = !sameRow({ codes: oldUnits }, { codes: newUnits })
      if (rewriteCadres) log.rows.delete(tripParticipants, eq(tripParticipants.tripId, tripId))
      if (rewriteUnits) log.rows.delete(tripUnits, eq(tripUnits.tripId, tripId))
    }
    if (rewriteCadres) {
      p.row.cadreCodes.forEach((code, position) => {
        insert(tripParticipants, { tripId, cadreId: lookup(ids.cadres, code, 'cán bộ'), position })
      })
    }
    if (rewriteUnits) {
      p.row.unitCodes.forEach((code, position) => {
        insert(tripUnits, { tripId, unitId: lookup(ids.units, code, 'đơn vị'), position })
      })
    }
    record('trips', p.row.code, p)
  }

  // The organisation is one row (id 1): the sheet's row replaces it.
  for (const p of changed(plan.organisation)) {
    const values = { ...p.row, updatedAt: now }
    if (snapshot.hasOrganisation) log.rows.update(organisation, eq(organisation.id, 1), values)
    else insert(organisation, { id: 1, ...values })
    record('organisation', '1', p)
  }

  // Signers by name; a name the office had stopped using comes back as an active signer.
  for (const p of changed(plan.signers)) {
    const values = {
      fullName: p.row.fullName,
      position: p.row.position,
      authority: p.row.authority,
      isDefault: p.row.isDefault
    }
    const activeId = snapshot.ids.signers.get(p.row.fullName)
    const inactiveId = snapshot.ids.inactiveSigners.get(p.row.fullName)
    if (activeId !== undefined) log.rows.update(signers, eq(signers.id, activeId), values)
    else if (inactiveId !== undefined)
      log.rows.update(signers, eq(signers.id, inactiveId), { ...values, active: true })
    else insert(signers, { ...values, active: true })
    record('signers', p.row.fullName, p)
  }
}
