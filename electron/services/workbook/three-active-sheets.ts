/**
 * The two "3 chủ động" sheets of the exchange workbook (docs/WORKBOOK-3CD.md):
 *   - "3CĐ Đăng ký": one row per unit and year (registration, plan, hard criteria, follower);
 *   - "3CĐ Đánh giá": one row per unit, year and criterion (đạt / không đạt, evidence, score).
 * The export adds them after the office's sheets; they are read back by the 3 chủ động page
 * ("Nhập từ Excel"), all or nothing in one change-log batch, with the same refusals as the
 * forms. The general import passes over them (they are part of the workbook, not unknown).
 */
import ExcelJS from 'exceljs'
import { asc, eq } from 'drizzle-orm'
import type { ImportIssue } from '../../../shared/api/workbook'
import { isValidIsoDate, parseDateVi } from '../../../shared/domain/dates'
import {
  cadres,
  threeActiveCriteria,
  threeActivePeriods,
  threeActiveRegistrations,
  threeActiveResults,
  units
} from '../../db/schema'
import type { AppDatabase } from '../../db/connection'
import { makeIssue } from './issues'
import { foldKey } from './text'

export const REGISTRATION_SHEET = '3CĐ Đăng ký'
export const EVALUATION_SHEET = '3CĐ Đánh giá'

const REGISTRATION_HEADERS = [
  'Năm',
  'Mã đơn vị',
  'Ngày đăng ký',
  'Kế hoạch thực hiện',
  'Tiêu chí khó thực hiện',
  'Mã cán bộ theo dõi'
] as const
const EVALUATION_HEADERS = [
  'Năm',
  'Mã đơn vị',
  'Ngày đánh giá',
  'Mã tiêu chí',
  'Kết quả',
  'Minh chứng',
  'Điểm'
] as const
const WIDTHS: Record<string, number> = {
  Năm: 8,
  'Mã đơn vị': 12,
  'Ngày đăng ký': 14,
  'Kế hoạch thực hiện': 50,
  'Tiêu chí khó thực hiện': 30,
  'Mã cán bộ theo dõi': 18,
  'Ngày đánh giá': 14,
  'Mã tiêu chí': 12,
  'Kết quả': 12,
  'Minh chứng': 40,
  Điểm: 8
}

export interface RegistrationSheetRow {
  year: number
  unitCode: string
  registeredOn: string
  planText: string | null
  hardCriteria: string | null
  followerCode: string | null
}

export interface EvaluationSheetRow {
  year: number
  unitCode: string
  evaluatedOn: string
  criterionCode: string
  passed: boolean
  evidence: string | null
  score: number | null
}

export interface ThreeActiveSheets {
  registrations: Array<RegistrationSheetRow & { row: number }>
  evaluations: Array<EvaluationSheetRow & { row: number }>
  errors: ImportIssue[]
  /** Whether the file had either sheet at all. */
  found: boolean
}

/** One of these sheets: the general import passes over them (the 3 chủ động page reads them). */
export function isThreeActiveSheet(sheetName: string): boolean {
  const key = foldKey(sheetName)
  return key === foldKey(REGISTRATION_SHEET) || key === foldKey(EVALUATION_SHEET)
}

// ------------------------------------------------------------------ export

export function loadThreeActiveRows(db: AppDatabase): {
  registrations: RegistrationSheetRow[]
  evaluations: EvaluationSheetRow[]
} {
  const regs = db
    .select({
      id: threeActiveRegistrations.id,
      year: threeActiveRegistrations.year,
      unitCode: units.code,
      registeredOn: threeActiveRegistrations.registeredOn,
      planText: threeActiveRegistrations.planText,
      hardCriteria: threeActiveRegistrations.hardCriteria,
      followerCode: cadres.code,
      evaluatedOn: threeActiveRegistrations.evaluatedOn
    })
    .from(threeActiveRegistrations)
    .innerJoin(units, eq(units.id, threeActiveRegistrations.unitId))
    .leftJoin(cadres, eq(cadres.id, threeActiveRegistrations.followerId))
    .orderBy(asc(threeActiveRegistrations.year), asc(units.code))
    .all()
  const marks = db
    .select({
      registrationId: threeActiveResults.registrationId,
      code: threeActiveCriteria.code,
      pillar: threeActiveCriteria.pillar,
      position: threeActiveCriteria.position,
      passed: threeActiveResults.passed,
      evidence: threeActiveResults.evidence,
      score: threeActiveResults.score
    })
    .from(threeActiveResults)
    .innerJoin(threeActiveCriteria, eq(threeActiveCriteria.id, threeActiveResults.criterionId))
    .innerJoin(threeActivePeriods, eq(threeActivePeriods.id, threeActiveCriteria.periodId))
    .orderBy(asc(threeActiveCriteria.pillar), asc(threeActiveCriteria.position))
    .all()
  const evaluations: EvaluationSheetRow[] = []
  for (const r of regs) {
    if (r.evaluatedOn === null) continue
    for (const m of marks.filter((x) => x.registrationId === r.id)) {
      evaluations.push({
        year: r.year,
        unitCode: r.unitCode,
        evaluatedOn: r.evaluatedOn,
        criterionCode: m.code,
        passed: m.passed,
        evidence: m.evidence,
        score: m.score
      })
    }
  }
  return {
    registrations: regs.map((r) => ({
      year: r.year,
      unitCode: r.unitCode,
      registeredOn: r.registeredOn,
      planText: r.planText,
      hardCriteria: r.hardCriteria,
      followerCode: r.followerCode
    })),
    evaluations
  }
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  rows: ExcelJS.CellValue[][]
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = headers.map((h) => ({ header: h, width: WIDTHS[h] ?? 14 }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } }
  })
  for (const r of rows) sheet.addRow(r)
  headers.forEach((h, i) => {
    if (h.startsWith('Ngày')) sheet.getColumn(i + 1).numFmt = 'dd/mm/yyyy'
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } }
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`)

/** Adds the two sheets to a workbook being written (empty, with their headers, for the template). */
export function writeThreeActiveSheets(workbook: ExcelJS.Workbook, db: AppDatabase | null): void {
  const data = db ? loadThreeActiveRows(db) : { registrations: [], evaluations: [] }
  addSheet(
    workbook,
    REGISTRATION_SHEET,
    REGISTRATION_HEADERS,
    data.registrations.map((r) => [
      r.year,
      r.unitCode,
      asDate(r.registeredOn),
      r.planText,
      r.hardCriteria,
      r.followerCode
    ])
  )
  addSheet(
    workbook,
    EVALUATION_SHEET,
    EVALUATION_HEADERS,
    data.evaluations.map((e) => [
      e.year,
      e.unitCode,
      asDate(e.evaluatedOn),
      e.criterionCode,
      e.passed ? 'Đạt' : 'Không đạt',
      e.evidence,
      e.score
    ])
  )
}

// ------------------------------------------------------------------ import

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  }
  return String(value)
}

function dateOf(value: ExcelJS.CellValue): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  const text = cellText(value).trim()
  if (isValidIsoDate(text)) return text
  return parseDateVi(text)
}

const clean = (text: string) => {
  const t = text.normalize('NFC').trim()
  return t === '' ? null : t
}

function issue(sheet: string, row: number, column: string | null, message: string): ImportIssue {
  return makeIssue(sheet, row === 0 ? null : row, column, message)
}

function readRows(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  errors: ImportIssue[]
): Array<{ row: number; cells: Map<string, ExcelJS.CellValue> }> | null {
  const sheet = workbook.worksheets.find((w) => foldKey(w.name) === foldKey(name))
  if (!sheet) return null
  const positions = new Map<string, number>()
  sheet.getRow(1).eachCell((cell, col) => {
    const h = headers.find((x) => foldKey(x) === foldKey(cellText(cell.value)))
    if (h) positions.set(h, col)
  })
  const missing = headers.filter(
    (h) =>
      !positions.has(h) &&
      !['Kế hoạch thực hiện', 'Tiêu chí khó thực hiện', 'Mã cán bộ theo dõi', 'Minh chứng', 'Điểm'].includes(
        h
      )
  )
  for (const h of missing) errors.push(issue(name, 1, h, `thiếu cột "${h}"`))
  if (missing.length) return []
  const out: Array<{ row: number; cells: Map<string, ExcelJS.CellValue> }> = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const cells = new Map<string, ExcelJS.CellValue>()
    for (const [h, col] of positions) cells.set(h, row.getCell(col).value)
    if ([...cells.values()].every((v) => cellText(v).trim() === '')) return
    out.push({ row: n, cells })
  })
  return out
}

function yearOfCell(value: ExcelJS.CellValue): number | null {
  const n = Number(cellText(value).trim())
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null
}

export async function readThreeActiveSheets(buffer: Buffer): Promise<ThreeActiveSheets> {
  const workbook = new ExcelJS.Workbook()
  const errors: ImportIssue[] = []
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0], {
      ignoreNodes: ['dataValidations']
    })
  } catch {
    return {
      registrations: [],
      evaluations: [],
      errors: [issue('', 0, null, 'Tệp không phải tệp Excel (.xlsx) đọc được.')],
      found: false
    }
  }
  const regRows = readRows(workbook, REGISTRATION_SHEET, REGISTRATION_HEADERS, errors)
  const evalRows = readRows(workbook, EVALUATION_SHEET, EVALUATION_HEADERS, errors)
  const registrations: ThreeActiveSheets['registrations'] = []
  for (const { row, cells } of regRows ?? []) {
    const year = yearOfCell(cells.get('Năm') ?? null)
    const unitCode = clean(cellText(cells.get('Mã đơn vị') ?? null))
    const registeredOn = dateOf(cells.get('Ngày đăng ký') ?? null)
    if (year === null) errors.push(issue(REGISTRATION_SHEET, row, 'Năm', 'năm không hợp lệ (ví dụ 2026)'))
    if (!unitCode) errors.push(issue(REGISTRATION_SHEET, row, 'Mã đơn vị', 'thiếu mã đơn vị'))
    if (!registeredOn)
      errors.push(issue(REGISTRATION_SHEET, row, 'Ngày đăng ký', 'ngày không hợp lệ, nhập dạng dd/mm/yyyy'))
    if (year === null || !unitCode || !registeredOn) continue
    registrations.push({
      row,
      year,
      unitCode,
      registeredOn,
      planText: clean(cellText(cells.get('Kế hoạch thực hiện') ?? null)),
      hardCriteria: clean(cellText(cells.get('Tiêu chí khó thực hiện') ?? null)),
      followerCode: clean(cellText(cells.get('Mã cán bộ theo dõi') ?? null))
    })
  }
  const evaluations: ThreeActiveSheets['evaluations'] = []
  for (const { row, cells } of evalRows ?? []) {
    const year = yearOfCell(cells.get('Năm') ?? null)
    const unitCode = clean(cellText(cells.get('Mã đơn vị') ?? null))
    const evaluatedOn = dateOf(cells.get('Ngày đánh giá') ?? null)
    const criterionCode = clean(cellText(cells.get('Mã tiêu chí') ?? null))
    const result = foldKey(cellText(cells.get('Kết quả') ?? null))
    const passed = result === foldKey('Đạt') ? true : result === foldKey('Không đạt') ? false : null
    const scoreText = cellText(cells.get('Điểm') ?? null).trim()
    const score = scoreText === '' ? null : Number(scoreText)
    if (year === null) errors.push(issue(EVALUATION_SHEET, row, 'Năm', 'năm không hợp lệ (ví dụ 2026)'))
    if (!unitCode) errors.push(issue(EVALUATION_SHEET, row, 'Mã đơn vị', 'thiếu mã đơn vị'))
    if (!evaluatedOn)
      errors.push(issue(EVALUATION_SHEET, row, 'Ngày đánh giá', 'ngày không hợp lệ, nhập dạng dd/mm/yyyy'))
    if (!criterionCode) errors.push(issue(EVALUATION_SHEET, row, 'Mã tiêu chí', 'thiếu mã tiêu chí'))
    if (passed === null) errors.push(issue(EVALUATION_SHEET, row, 'Kết quả', 'ghi "Đạt" hoặc "Không đạt"'))
    if (score !== null && (!Number.isInteger(score) || score < 0))
      errors.push(issue(EVALUATION_SHEET, row, 'Điểm', 'điểm là số nguyên không âm'))
    if (year === null || !unitCode || !evaluatedOn || !criterionCode || passed === null) continue
    evaluations.push({
      row,
      year,
      unitCode,
      evaluatedOn,
      criterionCode,
      passed,
      evidence: clean(cellText(cells.get('Minh chứng') ?? null)),
      score
    })
  }
  return { registrations, evaluations, errors, found: regRows !== null || evalRows !== null }
}
