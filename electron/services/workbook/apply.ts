/**
 * Writes an import plan inside the caller's transaction, with one change-log record (old and
 * new row, in workbook terms: codes, not ids) per inserted or updated row. Unchanged rows are
 * not touched.
 */
import { eq } from 'drizzle-orm'
import type { AppDatabase } from '../../db/connection'
import { cadres, departments, exemptions, tripParticipants, trips, tripUnits, units } from '../../db/schema'
import type { ChangeRecorder } from '../context'
import type { ImportPlan, PlannedRow } from './plan'
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

function insertedId(result: { lastInsertRowid: number | bigint }): number {
  return Number(result.lastInsertRowid)
}

export function applyPlan(
  tx: AppDatabase,
  log: ChangeRecorder,
  plan: ImportPlan,
  snapshot: Snapshot,
  now: string
): void {
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
      ids.departments.set(
        p.row.code,
        insertedId(
          tx
            .insert(departments)
            .values({ code: p.row.code, ...values })
            .run()
        )
      )
    } else {
      tx.update(departments)
        .set(values)
        .where(eq(departments.id, lookup(ids.departments, p.row.code, 'ban')))
        .run()
    }
    record('departments', p.row.code, p)
  }

  // Units in two passes: a parent (or merged-into unit) may come later in the sheet.
  const changedUnits = changed(plan.units)
  for (const p of changedUnits) {
    const values = { name: p.row.name, kind: p.row.kind, validFrom: p.row.validFrom, validTo: p.row.validTo }
    if (p.action === 'add') {
      ids.units.set(
        p.row.code,
        insertedId(
          tx
            .insert(units)
            .values({ code: p.row.code, ...values })
            .run()
        )
      )
    } else {
      tx.update(units)
        .set(values)
        .where(eq(units.id, lookup(ids.units, p.row.code, 'đơn vị')))
        .run()
    }
  }
  for (const p of changedUnits) {
    tx.update(units)
      .set({
        parentId: p.row.parentCode === null ? null : lookup(ids.units, p.row.parentCode, 'đơn vị'),
        mergedIntoId: p.row.mergedIntoCode === null ? null : lookup(ids.units, p.row.mergedIntoCode, 'đơn vị')
      })
      .where(eq(units.id, lookup(ids.units, p.row.code, 'đơn vị')))
      .run()
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
      ids.cadres.set(
        p.row.code,
        insertedId(
          tx
            .insert(cadres)
            .values({ code: p.row.code, ...values })
            .run()
        )
      )
    } else {
      tx.update(cadres)
        .set(values)
        .where(eq(cadres.id, lookup(ids.cadres, p.row.code, 'cán bộ')))
        .run()
    }
    record('cadres', p.row.code, p)
  }

  for (const p of changed(plan.exemptions)) {
    const key = exemptionKey(p.row)
    const values = { reason: p.row.reason, toDate: p.row.to, note: p.row.note }
    if (p.action === 'add') {
      const cadreId = lookup(ids.cadres, p.row.cadreCode, 'cán bộ')
      ids.exemptions.set(
        key,
        insertedId(
          tx
            .insert(exemptions)
            .values({ cadreId, fromDate: p.row.from, ...values })
            .run()
        )
      )
    } else {
      tx.update(exemptions)
        .set(values)
        .where(eq(exemptions.id, lookup(ids.exemptions, key, 'kỳ miễn giảm')))
        .run()
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
    if (p.action === 'add') {
      tripId = insertedId(
        tx
          .insert(trips)
          .values({ code: p.row.code, ...values, createdAt: now })
          .run()
      )
      ids.trips.set(p.row.code, tripId)
    } else {
      tripId = lookup(ids.trips, p.row.code, 'chuyến đi')
      tx.update(trips).set(values).where(eq(trips.id, tripId)).run()
      tx.delete(tripParticipants).where(eq(tripParticipants.tripId, tripId)).run()
      tx.delete(tripUnits).where(eq(tripUnits.tripId, tripId)).run()
    }
    p.row.cadreCodes.forEach((code, position) => {
      tx.insert(tripParticipants)
        .values({ tripId, cadreId: lookup(ids.cadres, code, 'cán bộ'), position })
        .run()
    })
    p.row.unitCodes.forEach((code, position) => {
      tx.insert(tripUnits)
        .values({ tripId, unitId: lookup(ids.units, code, 'đơn vị'), position })
        .run()
    })
    record('trips', p.row.code, p)
  }
}
