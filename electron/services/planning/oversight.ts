/**
 * Phụ trách: clusters of units, leaders assigned to a unit or a cluster with dates, the area
 * each leader oversees during a period, and the coverage of units (who has been where).
 */
import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import type { CoverageView, OversightView } from '../../../shared/api/planning'
import { compareVietnamese, compareVietnameseNames } from '../../../shared/domain/collation'
import { formatDateVi, minDate, quarterRange, type IsoDate } from '../../../shared/domain/dates'
import { isCountedStatus, type TripStatus, type UnitKind } from '../../../shared/domain/kinds'
import { quarterLabel, type Quarter } from '../../../shared/domain/planning'
import type { AppDatabase } from '../../db/connection'
import {
  cadres,
  oversightAssignments,
  oversightClusters,
  oversightClusterUnits,
  registrations,
  registrationUnits,
  trips,
  tripUnits,
  units
} from '../../db/schema'
import type { ServiceContext } from '../context'
import { parentNamesOn } from '../units/state'

export function oversightView(ctx: ServiceContext): OversightView {
  const { db } = ctx
  const clusterRows = db.select().from(oversightClusters).all()
  const members = db
    .select({
      clusterId: oversightClusterUnits.clusterId,
      position: oversightClusterUnits.position,
      code: units.code,
      name: units.name
    })
    .from(oversightClusterUnits)
    .innerJoin(units, eq(units.id, oversightClusterUnits.unitId))
    .orderBy(asc(oversightClusterUnits.position))
    .all()
  const clusterById = new Map(clusterRows.map((c) => [c.id, c]))
  const assignments = db
    .select({
      id: oversightAssignments.id,
      cadreCode: cadres.code,
      cadreName: cadres.fullName,
      position: cadres.position,
      unitId: oversightAssignments.unitId,
      clusterId: oversightAssignments.clusterId,
      fromDate: oversightAssignments.fromDate,
      toDate: oversightAssignments.toDate,
      note: oversightAssignments.note
    })
    .from(oversightAssignments)
    .innerJoin(cadres, eq(cadres.id, oversightAssignments.cadreId))
    .all()
  const unitIds = assignments.map((a) => a.unitId).filter((id): id is number => id !== null)
  const unitRows = unitIds.length ? db.select().from(units).where(inArray(units.id, unitIds)).all() : []
  const unitById = new Map(unitRows.map((u) => [u.id, u]))
  return {
    clusters: clusterRows
      .map((c) => ({
        code: c.code,
        name: c.name,
        note: c.note,
        units: members.filter((m) => m.clusterId === c.id).map((m) => ({ code: m.code, name: m.name }))
      }))
      .sort((a, b) => compareVietnamese(a.name, b.name)),
    assignments: assignments
      .map((a) => {
        const unit = a.unitId === null ? null : unitById.get(a.unitId)
        const cluster = a.clusterId === null ? null : clusterById.get(a.clusterId)
        return {
          id: a.id,
          cadreCode: a.cadreCode,
          cadreName: a.cadreName,
          position: a.position,
          unitCode: unit?.code ?? null,
          clusterCode: cluster?.code ?? null,
          targetName: unit?.name ?? cluster?.name ?? '',
          fromDate: a.fromDate,
          toDate: a.toDate,
          note: a.note
        }
      })
      .sort(
        (a, b) => compareVietnameseNames(a.cadreName, b.cadreName) || a.fromDate.localeCompare(b.fromDate)
      )
  }
}

/**
 * The units each leader oversees at some time in [from, to] (a cluster's units included), by
 * cadre id, and for each unit the leaders with the cluster it comes through.
 */
export function oversightAreas(
  db: AppDatabase,
  from: IsoDate,
  to: IsoDate
): { byCadre: Map<number, Set<number>>; byUnit: Map<number, string[]> } {
  const rows = db
    .select({
      cadreId: oversightAssignments.cadreId,
      cadreName: cadres.fullName,
      unitId: oversightAssignments.unitId,
      clusterId: oversightAssignments.clusterId,
      fromDate: oversightAssignments.fromDate,
      toDate: oversightAssignments.toDate
    })
    .from(oversightAssignments)
    .innerJoin(cadres, eq(cadres.id, oversightAssignments.cadreId))
    .all()
    .filter((a) => a.fromDate <= to && (a.toDate === null || a.toDate >= from))
  const clusterUnits = db.select().from(oversightClusterUnits).all()
  const clusterNames = new Map(
    db
      .select()
      .from(oversightClusters)
      .all()
      .map((c) => [c.id, c.name])
  )
  const byCadre = new Map<number, Set<number>>()
  const byUnit = new Map<number, string[]>()
  const add = (cadreId: number, unitId: number, who: string) => {
    const set = byCadre.get(cadreId) ?? new Set<number>()
    set.add(unitId)
    byCadre.set(cadreId, set)
    const list = byUnit.get(unitId) ?? []
    if (!list.includes(who)) list.push(who)
    byUnit.set(unitId, list)
  }
  for (const a of rows) {
    if (a.unitId !== null) add(a.cadreId, a.unitId, a.cadreName)
    if (a.clusterId !== null) {
      for (const m of clusterUnits.filter((m) => m.clusterId === a.clusterId)) {
        add(a.cadreId, m.unitId, `${a.cadreName} (${clusterNames.get(a.clusterId) ?? ''})`)
      }
    }
  }
  return { byCadre, byUnit }
}

export function coverage(ctx: ServiceContext, year: number, quarter: Quarter): CoverageView {
  const { db } = ctx
  const q = quarterRange(year, quarter)
  const asOf = minDate(ctx.clock.today(), `${year}-12-31`)
  const unitRows = db
    .select()
    .from(units)
    .all()
    .filter(
      (u) =>
        u.kind !== 'TINH_DOAN' && (!u.validFrom || u.validFrom <= q.to) && (!u.validTo || u.validTo >= q.from)
    )
  const visits = db
    .select({
      unitId: tripUnits.unitId,
      status: trips.status,
      startDate: trips.startDate,
      endDate: trips.endDate
    })
    .from(tripUnits)
    .innerJoin(trips, eq(trips.id, tripUnits.tripId))
    .where(and(lte(trips.startDate, `${year}-12-31`), gte(trips.endDate, `${year}-01-01`)))
    .all()
    .filter((v) => isCountedStatus(v.status as TripStatus) && v.startDate <= asOf)
  const planned = db
    .select({ unitId: registrationUnits.unitId })
    .from(registrationUnits)
    .innerJoin(registrations, eq(registrations.id, registrationUnits.registrationId))
    .where(
      and(
        eq(registrations.year, year),
        eq(registrations.quarter, quarter),
        eq(registrations.status, 'THUONG_TRUC_DUYET')
      )
    )
    .all()
  const { byUnit } = oversightAreas(db, q.from, q.to)
  const parents = parentNamesOn(
    db,
    unitRows.map((u) => u.id),
    minDate(q.to, asOf) < q.from ? q.from : minDate(q.to, asOf)
  )
  return {
    year,
    quarter,
    label: quarterLabel(year, quarter),
    asOf,
    units: unitRows
      .map((u) => {
        const mine = visits.filter((v) => v.unitId === u.id)
        const last = mine.reduce<IsoDate | null>((m, v) => {
          const end = minDate(v.endDate, asOf)
          return m === null || end > m ? end : m
        }, null)
        return {
          code: u.code,
          name: u.name,
          kind: u.kind as UnitKind,
          parentName: parents.get(u.id) ?? null,
          lastVisit: last,
          visitedThisYear: mine.length > 0,
          visitedThisQuarter: mine.some((v) => v.startDate <= q.to && v.endDate >= q.from),
          plannedThisQuarter: planned.filter((p) => p.unitId === u.id).length,
          overseers: byUnit.get(u.id) ?? []
        }
      })
      .sort(
        (a, b) =>
          Number(a.visitedThisQuarter) - Number(b.visitedThisQuarter) ||
          Number(a.visitedThisYear) - Number(b.visitedThisYear) ||
          compareVietnamese(a.name, b.name)
      )
  }
}

// ——— Writes ————————————————————————————————————————————————————————————————————————

function unitIdsOf(db: AppDatabase, codes: readonly string[], field: string): number[] {
  const rows = codes.length
    ? db
        .select({ id: units.id, code: units.code })
        .from(units)
        .where(inArray(units.code, [...codes]))
        .all()
    : []
  const byCode = new Map(rows.map((r) => [r.code, r.id]))
  const unknown = codes.filter((c) => !byCode.has(c))
  if (unknown.length > 0) {
    const message = `Không có đơn vị mã ${unknown.map((c) => `"${c}"`).join(', ')}.`
    throw new AppError('VALIDATION', message, [`${field}: ${message}`])
  }
  return codes.map((c) => byCode.get(c)!)
}

export function saveCluster(
  ctx: ServiceContext,
  input: {
    originalCode?: string | null | undefined
    code: string
    name: string
    unitCodes: string[]
    note: string | null
  }
): Saved<{ code: string }> {
  const { db } = ctx
  const original = input.originalCode
    ? (db.select().from(oversightClusters).where(eq(oversightClusters.code, input.originalCode)).get() ??
      null)
    : null
  if (input.originalCode && !original)
    throw new AppError('NOT_FOUND', `Không có cụm mã "${input.originalCode}".`)
  const clash = db.select().from(oversightClusters).where(eq(oversightClusters.code, input.code)).get()
  if (clash && clash.id !== original?.id) {
    const message = `Mã cụm "${input.code}" đã có (${clash.name}).`
    throw new AppError('CONFLICT', message, [`code: ${message}`])
  }
  const unitIds = unitIdsOf(db, input.unitCodes, 'unitCodes')
  const label = original ? `Sửa cụm ${input.code} – ${input.name}` : `Thêm cụm ${input.code} – ${input.name}`
  const beforeCodes = original
    ? db
        .select({ code: units.code })
        .from(oversightClusterUnits)
        .innerJoin(units, eq(units.id, oversightClusterUnits.unitId))
        .where(eq(oversightClusterUnits.clusterId, original.id))
        .orderBy(asc(oversightClusterUnits.position))
        .all()
        .map((r) => r.code)
    : []
  return ctx.write(label, (_tx, log) => {
    const values = { code: input.code, name: input.name, note: input.note }
    let id: number
    if (original) {
      log.rows.update(oversightClusters, eq(oversightClusters.id, original.id), values)
      log.rows.delete(oversightClusterUnits, eq(oversightClusterUnits.clusterId, original.id))
      id = original.id
    } else {
      id = log.rows.insert(oversightClusters, values).id
    }
    unitIds.forEach((unitId, position) =>
      log.rows.insert(oversightClusterUnits, { clusterId: id, unitId, position })
    )
    log.record(
      'oversight_clusters',
      input.code,
      original ? 'update' : 'insert',
      original
        ? { code: original.code, name: original.name, note: original.note, unitCodes: beforeCodes }
        : null,
      { ...values, unitCodes: input.unitCodes }
    )
    return { value: { code: input.code }, change: { batchId: log.batchId, label } }
  })
}

export function deleteCluster(ctx: ServiceContext, code: string): Saved<{ code: string }> {
  const { db } = ctx
  const cluster = db.select().from(oversightClusters).where(eq(oversightClusters.code, code)).get()
  if (!cluster) throw new AppError('NOT_FOUND', `Không có cụm mã "${code}".`)
  const used = db
    .select()
    .from(oversightAssignments)
    .where(eq(oversightAssignments.clusterId, cluster.id))
    .all()
  if (used.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Không xóa được cụm ${cluster.name}: còn ${used.length} phân công phụ trách cụm này. Xóa các phân công đó trước.`
    )
  }
  const label = `Xóa cụm ${code} – ${cluster.name}`
  return ctx.write(label, (_tx, log) => {
    log.rows.delete(oversightClusterUnits, eq(oversightClusterUnits.clusterId, cluster.id))
    log.rows.delete(oversightClusters, eq(oversightClusters.id, cluster.id))
    log.record('oversight_clusters', code, 'delete', { code, name: cluster.name, note: cluster.note }, null)
    return { value: { code }, change: { batchId: log.batchId, label } }
  })
}

export function saveAssignment(
  ctx: ServiceContext,
  input: {
    id?: number | null | undefined
    cadreCode: string
    unitCode: string | null
    clusterCode: string | null
    fromDate: IsoDate
    toDate: IsoDate | null
    note: string | null
  }
): Saved<{ id: number }> {
  const { db } = ctx
  const cadre = db.select().from(cadres).where(eq(cadres.code, input.cadreCode)).get()
  const details: string[] = []
  if (!cadre) details.push(`cadreCode: Không có cán bộ mã "${input.cadreCode}".`)
  const unit = input.unitCode ? db.select().from(units).where(eq(units.code, input.unitCode)).get() : null
  if (input.unitCode && !unit) details.push(`unitCode: Không có đơn vị mã "${input.unitCode}".`)
  const cluster = input.clusterCode
    ? db.select().from(oversightClusters).where(eq(oversightClusters.code, input.clusterCode)).get()
    : null
  if (input.clusterCode && !cluster) details.push(`clusterCode: Không có cụm mã "${input.clusterCode}".`)
  if (details.length > 0 || !cadre)
    throw new AppError('VALIDATION', 'Phân công phụ trách chưa lưu được.', details)
  const original = input.id
    ? db.select().from(oversightAssignments).where(eq(oversightAssignments.id, input.id)).get()
    : null
  if (input.id && !original) throw new AppError('NOT_FOUND', 'Không tìm thấy phân công phụ trách cần sửa.')
  const target = unit?.name ?? cluster?.name ?? ''
  const until = input.toDate ? ` đến ${formatDateVi(input.toDate)}` : ''
  const label = `${original ? 'Sửa' : 'Thêm'} phụ trách: ${cadre.fullName} – ${target} từ ${formatDateVi(input.fromDate)}${until}`
  const words = {
    cadreCode: input.cadreCode,
    unitCode: input.unitCode,
    clusterCode: input.clusterCode,
    fromDate: input.fromDate,
    toDate: input.toDate,
    note: input.note
  }
  return ctx.write(label, (_tx, log) => {
    const values = {
      cadreId: cadre.id,
      unitId: unit?.id ?? null,
      clusterId: cluster?.id ?? null,
      fromDate: input.fromDate,
      toDate: input.toDate,
      note: input.note
    }
    let id: number
    if (original) {
      log.rows.update(oversightAssignments, eq(oversightAssignments.id, original.id), values)
      id = original.id
    } else {
      id = log.rows.insert(oversightAssignments, values).id
    }
    log.record(
      'oversight_assignments',
      `${input.cadreCode} – ${target}`,
      original ? 'update' : 'insert',
      original ? { fromDate: original.fromDate, toDate: original.toDate, note: original.note } : null,
      words
    )
    return { value: { id }, change: { batchId: log.batchId, label } }
  })
}

export function deleteAssignment(ctx: ServiceContext, id: number): Saved<{ id: number }> {
  const { db } = ctx
  const row = db
    .select({ a: oversightAssignments, name: cadres.fullName, code: cadres.code })
    .from(oversightAssignments)
    .innerJoin(cadres, eq(cadres.id, oversightAssignments.cadreId))
    .where(eq(oversightAssignments.id, id))
    .get()
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phân công phụ trách cần xóa.')
  const target =
    (row.a.unitId !== null
      ? db.select({ n: units.name }).from(units).where(eq(units.id, row.a.unitId)).get()?.n
      : db
          .select({ n: oversightClusters.name })
          .from(oversightClusters)
          .where(eq(oversightClusters.id, row.a.clusterId!))
          .get()?.n) ?? ''
  const label = `Xóa phụ trách: ${row.name} – ${target}`
  return ctx.write(label, (_tx, log) => {
    log.rows.delete(oversightAssignments, eq(oversightAssignments.id, id))
    log.record(
      'oversight_assignments',
      `${row.code} – ${target}`,
      'delete',
      { fromDate: row.a.fromDate, toDate: row.a.toDate, note: row.a.note },
      null
    )
    return { value: { id }, change: { batchId: log.batchId, label } }
  })
}
