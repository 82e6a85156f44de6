/**
 * The whole database as workbook rows (codes instead of ids), plus the id of every code. The
 * export writes `data`; the import compares against it and resolves codes with `ids`.
 */
import { asc } from 'drizzle-orm'
import type { IsoDate } from '../../../shared/domain/dates'
import type {
  ContentKind,
  ExemptionReason,
  Gender,
  HalfDay,
  TripStatus,
  UnitKind
} from '../../../shared/domain/kinds'
import type { AppDatabase } from '../../db/connection'
import { cadres, departments, exemptions, tripParticipants, trips, tripUnits, units } from '../../db/schema'
import type { WorkbookData } from './types'
import { exemptionKey, type ExistingRecords } from './validate'

export interface Snapshot {
  data: WorkbookData
  ids: {
    departments: Map<string, number>
    units: Map<string, number>
    cadres: Map<string, number>
    /** By exemptionKey (cadre code + start date). */
    exemptions: Map<string, number>
    trips: Map<string, number>
  }
}

function groupOrdered<T extends { position: number }>(
  rows: T[],
  keyOf: (row: T) => number
): Map<number, T[]> {
  const groups = new Map<number, T[]>()
  for (const row of [...rows].sort((a, b) => a.position - b.position)) {
    const key = keyOf(row)
    const list = groups.get(key)
    if (list) list.push(row)
    else groups.set(key, [row])
  }
  return groups
}

/** Rows in id order (the order they were created), trip participants and units in position order. */
export function loadSnapshot(db: AppDatabase): Snapshot {
  const departmentRows = db.select().from(departments).orderBy(asc(departments.id)).all()
  const unitRows = db.select().from(units).orderBy(asc(units.id)).all()
  const cadreRows = db.select().from(cadres).orderBy(asc(cadres.id)).all()
  const exemptionRows = db.select().from(exemptions).orderBy(asc(exemptions.id)).all()
  const tripRows = db.select().from(trips).orderBy(asc(trips.id)).all()
  const participantRows = db.select().from(tripParticipants).all()
  const visitRows = db.select().from(tripUnits).all()

  const departmentCode = new Map(departmentRows.map((d) => [d.id, d.code]))
  const unitCode = new Map(unitRows.map((u) => [u.id, u.code]))
  const cadreCode = new Map(cadreRows.map((c) => [c.id, c.code]))
  const codeOf = (map: Map<number, string>, id: number | null): string | null =>
    id === null ? null : (map.get(id) ?? null)
  const participantsByTrip = groupOrdered(participantRows, (p) => p.tripId)
  const visitsByTrip = groupOrdered(visitRows, (v) => v.tripId)

  const data: WorkbookData = {
    departments: departmentRows.map((d) => ({ code: d.code, name: d.name, abbreviation: d.abbreviation })),
    units: unitRows.map((u) => ({
      code: u.code,
      name: u.name,
      kind: u.kind as UnitKind,
      parentCode: codeOf(unitCode, u.parentId),
      validFrom: u.validFrom,
      validTo: u.validTo,
      mergedIntoCode: codeOf(unitCode, u.mergedIntoId)
    })),
    cadres: cadreRows.map((c) => ({
      code: c.code,
      fullName: c.fullName,
      gender: c.gender as Gender | null,
      birthDate: c.birthDate,
      position: c.position,
      departmentCode: departmentCode.get(c.departmentId) ?? '',
      fullTime: c.fullTime,
      serviceStart: c.serviceStart,
      serviceEnd: c.serviceEnd
    })),
    exemptions: exemptionRows.map((e) => ({
      cadreCode: cadreCode.get(e.cadreId) ?? '',
      reason: e.reason as ExemptionReason,
      from: e.fromDate as IsoDate,
      to: e.toDate as IsoDate,
      note: e.note
    })),
    trips: tripRows.map((t) => ({
      code: t.code,
      startDate: t.startDate,
      startHalf: t.startHalf as HalfDay,
      endDate: t.endDate,
      endHalf: t.endHalf as HalfDay,
      unitCodes: (visitsByTrip.get(t.id) ?? []).map((v) => unitCode.get(v.unitId) ?? ''),
      kind: t.kind as ContentKind,
      topic: t.topic,
      cadreCodes: (participantsByTrip.get(t.id) ?? []).map((p) => cadreCode.get(p.cadreId) ?? ''),
      status: t.status as TripStatus,
      travelOrderNo: t.travelOrderNo,
      reportDate: t.reportDate,
      note: t.note
    }))
  }

  return {
    data,
    ids: {
      departments: new Map(departmentRows.map((d) => [d.code, d.id])),
      units: new Map(unitRows.map((u) => [u.code, u.id])),
      cadres: new Map(cadreRows.map((c) => [c.code, c.id])),
      exemptions: new Map(
        exemptionRows.map((e, i) => [
          exemptionKey(data.exemptions[i] ?? { cadreCode: '', from: e.fromDate }),
          e.id
        ])
      ),
      trips: new Map(tripRows.map((t) => [t.code, t.id]))
    }
  }
}

export function existingRecordsOf(snapshot: Snapshot): ExistingRecords {
  return {
    departments: new Set(snapshot.data.departments.map((d) => d.code)),
    cadres: new Set(snapshot.data.cadres.map((c) => c.code)),
    unitParents: new Map(snapshot.data.units.map((u) => [u.code, u.parentCode]))
  }
}
