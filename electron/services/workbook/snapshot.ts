/**
 * The whole database as workbook rows (codes instead of ids), plus the id of every code. The
 * export writes `data`; the import compares against it and resolves codes with `ids`.
 */
import { asc, eq } from 'drizzle-orm'
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
import type { IssuerLevel, WorkbookData } from './types'
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
    /** Active signers by full name. */
    signers: Map<string, number>
    /** Signers no longer active, by full name: a workbook naming one brings it back. */
    inactiveSigners: Map<string, number>
  }
  /** Whether the organisation row (id 1) exists. */
  hasOrganisation: boolean
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
  const organisationRow = db.select().from(organisation).where(eq(organisation.id, 1)).get()
  const signerRows = db.select().from(signers).orderBy(asc(signers.id)).all()
  const activeSigners = signerRows.filter((s) => s.active)

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
    })),
    // The organisation's own level words are kept as stored; the sheet writes them as "Tỉnh đoàn" / "Thành đoàn".
    organisation: organisationRow
      ? [
          {
            issuerName: organisationRow.issuerName,
            issuerLevelName: organisationRow.issuerLevelName as IssuerLevel,
            placeName: organisationRow.placeName,
            issuerAbbreviation: organisationRow.issuerAbbreviation,
            congressTerm: organisationRow.congressTerm,
            congressTermStart: organisationRow.congressTermStart
          }
        ]
      : [],
    // Only active signers: the workbook lists the people who sign now.
    signers: activeSigners.map((s) => ({
      fullName: s.fullName,
      position: s.position,
      authority: s.authority,
      isDefault: s.isDefault
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
      trips: new Map(tripRows.map((t) => [t.code, t.id])),
      signers: new Map(activeSigners.map((s) => [s.fullName, s.id])),
      inactiveSigners: new Map(signerRows.filter((s) => !s.active).map((s) => [s.fullName, s.id]))
    },
    hasOrganisation: organisationRow !== undefined
  }
}

export function existingRecordsOf(snapshot: Snapshot): ExistingRecords {
  return {
    departments: new Set(snapshot.data.departments.map((d) => d.code)),
    cadres: new Set(snapshot.data.cadres.map((c) => c.code)),
    unitParents: new Map(snapshot.data.units.map((u) => [u.code, u.parentCode]))
  }
}
