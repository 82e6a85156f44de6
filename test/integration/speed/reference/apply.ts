// Frozen copy of electron/services/workbook/apply.ts before issue 12 (speed): the import test runs it and the optimised one on the same workbook and compares every row and change_rows entry. Do not optimise.
/**
 * Writes an import plan inside the caller's transaction. Every row goes through `log.rows`,
 * which keeps the raw row before and after, so "Hoàn tác" can put the database back exactly;
 * `log.record` says each change in workbook terms (codes, not ids) for the history page.
 * Unchanged rows are not touched.
 */
import { eq } from 'drizzle-orm'
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
} from '../../../../electron/db/schema'
import type { ChangeRecorder } from '../../../../electron/services/context'
import { sameRow, type ImportPlan, type PlannedRow } from '../../../../electron/services/workbook/plan'
import type { Snapshot } from '../../../../electron/services/workbook/snapshot'
import { exemptionKey } from '../../../../electron/services/workbook/validate'

function lookup(ids: Map<string, number>, code: string, what: string): number {
  const id = ids.get(code)
  // Validation has checked every reference; reaching this is a bug, and throwing rolls back.
  if (id === undefined) throw new Error(`Import: ${what} "${code}" has no id`)
  return id
}

function changed<T>(rows: PlannedRow<T>[]): PlannedRow<T>[] {
  return rows.filter((r) => r.action !== 'unchanged')
}

export function applyPlan(log: ChangeRecorder, plan: ImportPlan, snapshot: Snapshot, now: string): void {
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
      ids.departments.set(p.row.code, log.rows.insert(departments, { code: p.row.code, ...values }).id)
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
      ids.units.set(p.row.code, log.rows.insert(units, { code: p.row.code, ...values }).id)
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
      ids.cadres.set(p.row.code, log.rows.insert(cadres, { code: p.row.code, ...values }).id)
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
      ids.exemptions.set(key, log.rows.insert(exemptions, { cadreId, fromDate: p.row.from, ...values }).id)
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
      tripId = log.rows.insert(trips, { code: p.row.code, ...values, createdAt: now }).id
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
        log.rows.insert(tripParticipants, { tripId, cadreId: lookup(ids.cadres, code, 'cán bộ'), position })
      })
    }
    if (rewriteUnits) {
      p.row.unitCodes.forEach((code, position) => {
        log.rows.insert(tripUnits, { tripId, unitId: lookup(ids.units, code, 'đơn vị'), position })
      })
    }
    record('trips', p.row.code, p)
  }

  // The organisation is one row (id 1): the sheet's row replaces it.
  for (const p of changed(plan.organisation)) {
    const values = { ...p.row, updatedAt: now }
    if (snapshot.hasOrganisation) log.rows.update(organisation, eq(organisation.id, 1), values)
    else log.rows.insert(organisation, { id: 1, ...values })
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
    else log.rows.insert(signers, { ...values, active: true })
    record('signers', p.row.fullName, p)
  }
}
