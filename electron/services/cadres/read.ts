/**
 * Reading cadres and their exemption periods as the API shows them (codes, not ids), and the
 * same rows in workbook terms for the change log: the history page and the Excel exchange
 * speak of a cadre by "Mã cán bộ" and of a period by cadre code and start date.
 */
import { asc, eq } from 'drizzle-orm'
import type { CadreRecord, ExemptionRecord } from '../../../shared/api/cadres'
import { AppError } from '../../../shared/api/errors'
import { inclusiveDays, type IsoDate } from '../../../shared/domain/dates'
import type { ExemptionReason, Gender } from '../../../shared/domain/kinds'
import type { AppDatabase } from '../../db/connection'
import { cadres, departments, exemptions } from '../../db/schema'

const cadreColumns = {
  id: cadres.id,
  code: cadres.code,
  fullName: cadres.fullName,
  gender: cadres.gender,
  birthDate: cadres.birthDate,
  position: cadres.position,
  departmentCode: departments.code,
  departmentName: departments.name,
  fullTime: cadres.fullTime,
  serviceStart: cadres.serviceStart,
  serviceEnd: cadres.serviceEnd
}

type CadreSelect = { gender: string | null } & Omit<CadreRecord, 'gender'>

function toRecord(row: CadreSelect): CadreRecord {
  return { ...row, gender: row.gender === 'NAM' || row.gender === 'NU' ? (row.gender as Gender) : null }
}

/** Every cadre with their ban, in id order (callers sort for display). */
export function readCadreRecords(db: AppDatabase): CadreRecord[] {
  return db
    .select(cadreColumns)
    .from(cadres)
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .orderBy(asc(cadres.id))
    .all()
    .map(toRecord)
}

export function findCadre(db: AppDatabase, code: string): CadreRecord | undefined {
  const row = db
    .select(cadreColumns)
    .from(cadres)
    .innerJoin(departments, eq(departments.id, cadres.departmentId))
    .where(eq(cadres.code, code))
    .get()
  return row ? toRecord(row) : undefined
}

export function requireCadre(db: AppDatabase, code: string): CadreRecord {
  const found = findCadre(db, code)
  if (!found) throw new AppError('NOT_FOUND', `Không có cán bộ mã "${code}".`)
  return found
}

/** "A03 Lê Minh Đức": how labels of the change history name a cadre. */
export function cadreLabel(cadre: { code: string; fullName: string }): string {
  return `${cadre.code} ${cadre.fullName}`
}

/** A cadre as a row of the workbook's "Cán bộ" sheet (the import logs the same shape). */
export function workbookCadre(c: CadreRecord) {
  return {
    code: c.code,
    fullName: c.fullName,
    gender: c.gender,
    birthDate: c.birthDate,
    position: c.position,
    departmentCode: c.departmentCode,
    fullTime: c.fullTime,
    serviceStart: c.serviceStart,
    serviceEnd: c.serviceEnd
  }
}

export interface ExemptionRow {
  id: number
  cadreId: number
  reason: string
  fromDate: IsoDate
  toDate: IsoDate
  note: string | null
}

/** A period as a row of the workbook's "Miễn giảm" sheet, and its key there (code:from). */
export function workbookExemption(
  cadreCode: string,
  e: Pick<ExemptionRow, 'reason' | 'fromDate' | 'toDate' | 'note'>
) {
  return { cadreCode, reason: e.reason, from: e.fromDate, to: e.toDate, note: e.note }
}

export function exemptionKey(cadreCode: string, from: IsoDate): string {
  return `${cadreCode}:${from}`
}

export function readExemptionRows(db: AppDatabase, cadreId: number): ExemptionRow[] {
  return db
    .select()
    .from(exemptions)
    .where(eq(exemptions.cadreId, cadreId))
    .orderBy(asc(exemptions.fromDate), asc(exemptions.id))
    .all()
}

/** The cadre's periods by start date, each with the ids of the others it overlaps. */
export function toExemptionRecords(rows: readonly ExemptionRow[]): ExemptionRecord[] {
  return rows.map((e) => ({
    id: e.id,
    reason: e.reason as ExemptionReason,
    from: e.fromDate,
    to: e.toDate,
    note: e.note,
    days: inclusiveDays(e.fromDate, e.toDate),
    overlapsWith: rows
      .filter((o) => o.id !== e.id && o.fromDate <= e.toDate && o.toDate >= e.fromDate)
      .map((o) => o.id)
  }))
}
