/**
 * Checks across rows and against the database: duplicate codes, date order, references to
 * departments, units and cadres, unit parent loops. Also the shape check of a WorkbookData
 * built in code (the demo generator), which never went through the cell parser.
 */
import { z } from 'zod'
import { organisationSchema, signerSchema } from '../../../shared/api/settings'
import type { ImportIssue } from '../../../shared/api/workbook'
import { formatDateVi, isValidIsoDate } from '../../../shared/domain/dates'
import {
  CONTENT_KINDS,
  EXEMPTION_REASONS,
  GENDERS,
  HALF_DAYS,
  TRIP_STATUSES,
  UNIT_KINDS
} from '../../../shared/domain/kinds'
import { ISSUER_LEVELS } from '../../../shared/domain/issuer'
import { isValidTripRange } from '../../../shared/domain/slots'
import { makeIssue } from './issues'
import { DEFAULT_SIGNING_AUTHORITY, headerOf, ORGANISATION_SHEET, sheetSpecOf } from './spec'
import { cleanLines, cleanText } from './text'
import { emptyWorkbookData, type WorkbookData } from './types'

export type RowNumbers = Record<keyof WorkbookData, number[]>
export type DeclaredCodes = Record<keyof WorkbookData, string[]>
/** Field keys of the optional columns missing from each sheet. */
export type AbsentColumns = Record<keyof WorkbookData, string[]>

/** An empty list per sheet (row numbers, declared codes, absent columns). */
export function emptyLists<T>(): Record<keyof WorkbookData, T[]> {
  return { departments: [], units: [], cadres: [], exemptions: [], trips: [], organisation: [], signers: [] }
}

/** What the database already holds, as far as references are concerned. */
export interface ExistingRecords {
  departments: ReadonlySet<string>
  cadres: ReadonlySet<string>
  /** Unit code → parent unit code. */
  unitParents: ReadonlyMap<string, string | null>
}

export const NO_EXISTING_RECORDS: ExistingRecords = {
  departments: new Set(),
  cadres: new Set(),
  unitParents: new Map()
}

/** Row numbers of data that was not read from a file: as the writer would lay it out. */
export function rowNumbersOf(data: WorkbookData): RowNumbers {
  const rows = (list: unknown[]) => list.map((_, i) => i + 2)
  return {
    departments: rows(data.departments),
    units: rows(data.units),
    cadres: rows(data.cadres),
    exemptions: rows(data.exemptions),
    trips: rows(data.trips),
    organisation: rows(data.organisation),
    signers: rows(data.signers)
  }
}

export function exemptionKey(row: { cadreCode: string; from: string }): string {
  return `${row.cadreCode}:${row.from}`
}

/** A form's sentence ("Nhiệm kỳ ghi năm đầu – năm cuối.") as the problem part of a cell message. */
function asCellProblem(message: string): string {
  const text = message.trim().replace(/\.$/, '')
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function quoteList(codes: string[]): string {
  return codes.map((c) => `"${c}"`).join(', ')
}

export function validateWorkbook(
  data: WorkbookData,
  rowNumbers: RowNumbers,
  existing: ExistingRecords,
  declared: DeclaredCodes = emptyLists()
): ImportIssue[] {
  const errors: ImportIssue[] = []
  const rowOf = (entity: keyof WorkbookData, i: number) => rowNumbers[entity][i] ?? i + 2

  function checkDuplicates<T>(
    entity: keyof WorkbookData,
    rows: T[],
    keyOf: (row: T) => string,
    column: string,
    describe: (row: T, firstRow: number) => string
  ) {
    const firstRow = new Map<string, number>()
    rows.forEach((row, i) => {
      const key = keyOf(row)
      const first = firstRow.get(key)
      if (first === undefined) firstRow.set(key, rowOf(entity, i))
      else errors.push(makeIssue(sheetSpecOf(entity).sheet, rowOf(entity, i), column, describe(row, first)))
    })
  }
  const checkCodes = <T extends { code: string }>(entity: keyof WorkbookData, rows: T[], column: string) =>
    checkDuplicates(
      entity,
      rows,
      (r) => r.code,
      column,
      (r, first) => `mã "${r.code}" trùng với dòng ${first}`
    )
  checkCodes('departments', data.departments, 'Mã ban')
  checkCodes('units', data.units, 'Mã đơn vị')
  checkCodes('cadres', data.cadres, 'Mã cán bộ')
  checkCodes('trips', data.trips, 'Mã chuyến')
  checkDuplicates(
    'exemptions',
    data.exemptions,
    exemptionKey,
    'Từ ngày',
    (r, f) => `cán bộ "${r.cadreCode}" đã có kỳ miễn giảm bắt đầu ngày ${formatDateVi(r.from)} ở dòng ${f}`
  )

  const departmentCodes = new Set([
    ...existing.departments,
    ...data.departments.map((d) => d.code),
    ...declared.departments
  ])
  const unitCodes = new Set([
    ...existing.unitParents.keys(),
    ...data.units.map((u) => u.code),
    ...declared.units
  ])
  const cadreCodes = new Set([...existing.cadres, ...data.cadres.map((c) => c.code), ...declared.cadres])

  const report = (entity: keyof WorkbookData, i: number, column: string | null, message: string) =>
    errors.push(makeIssue(sheetSpecOf(entity).sheet, rowOf(entity, i), column, message))
  const notFound = (what: string, codes: string[]) =>
    `không tìm thấy ${what} có mã ${quoteList(codes)} (trong tệp hoặc trong dữ liệu đã có)`
  /** An end date before its start date, reported on the end column. */
  const dateOrder = (
    entity: keyof WorkbookData,
    i: number,
    [startColumn, endColumn]: [string, string],
    start: string | null,
    end: string | null
  ) => {
    if (start === null || end === null || end >= start) return
    report(entity, i, endColumn, `ngày ${formatDateVi(end)} trước "${startColumn}" ${formatDateVi(start)}`)
  }

  // Units: references, validity range, and no loop in the parent chain (database + workbook).
  const parents = new Map(existing.unitParents)
  for (const unit of data.units) parents.set(unit.code, unit.parentCode)
  data.units.forEach((unit, i) => {
    if (unit.parentCode !== null && !unitCodes.has(unit.parentCode)) {
      report('units', i, 'Mã đơn vị cấp trên', notFound('đơn vị', [unit.parentCode]))
    } else if (unit.parentCode !== null) {
      const chain = [unit.code]
      let current: string | null = unit.parentCode
      while (current !== null && !chain.includes(current)) {
        chain.push(current)
        current = parents.get(current) ?? null
      }
      if (current === unit.code) {
        const loop = [...chain, unit.code].join(' → ')
        report('units', i, 'Mã đơn vị cấp trên', `đơn vị cấp trên tạo thành vòng lặp (${loop})`)
      }
    }
    if (unit.mergedIntoCode === unit.code) {
      report('units', i, 'Mã đơn vị sáp nhập vào', 'đơn vị không thể sáp nhập vào chính nó')
    } else if (unit.mergedIntoCode !== null && !unitCodes.has(unit.mergedIntoCode)) {
      report('units', i, 'Mã đơn vị sáp nhập vào', notFound('đơn vị', [unit.mergedIntoCode]))
    }
    dateOrder('units', i, ['Hiệu lực từ', 'Hiệu lực đến'], unit.validFrom, unit.validTo)
  })

  data.cadres.forEach((cadre, i) => {
    if (!departmentCodes.has(cadre.departmentCode)) {
      report('cadres', i, 'Mã ban', notFound('ban', [cadre.departmentCode]))
    }
    dateOrder(
      'cadres',
      i,
      ['Ngày bắt đầu công tác', 'Ngày kết thúc công tác'],
      cadre.serviceStart,
      cadre.serviceEnd
    )
  })

  data.exemptions.forEach((exemption, i) => {
    if (!cadreCodes.has(exemption.cadreCode)) {
      report('exemptions', i, 'Mã cán bộ', notFound('cán bộ', [exemption.cadreCode]))
    }
    dateOrder('exemptions', i, ['Từ ngày', 'Đến ngày'], exemption.from, exemption.to)
  })

  data.trips.forEach((trip, i) => {
    const unknownUnits = trip.unitCodes.filter((code) => !unitCodes.has(code))
    if (unknownUnits.length > 0) report('trips', i, 'Mã đơn vị', notFound('đơn vị', unknownUnits))
    const unknownCadres = trip.cadreCodes.filter((code) => !cadreCodes.has(code))
    if (unknownCadres.length > 0) report('trips', i, 'Cán bộ tham gia', notFound('cán bộ', unknownCadres))
    if (trip.endDate < trip.startDate) {
      dateOrder('trips', i, ['Từ ngày', 'Đến ngày'], trip.startDate, trip.endDate)
    } else if (!isValidTripRange(trip.startDate, trip.startHalf, trip.endDate, trip.endHalf)) {
      const day = formatDateVi(trip.startDate)
      report(
        'trips',
        i,
        'Buổi kết thúc',
        `chuyến đi trong một ngày (${day}) không thể bắt đầu buổi chiều và kết thúc buổi sáng`
      )
    }
  })

  // The same rules as the Cài đặt forms (shared/api/settings.ts), so a value refused there is
  // refused here too, placed on its cell.
  const formRules = <T>(entity: 'organisation' | 'signers', rows: T[], schema: z.ZodType) => {
    rows.forEach((row, i) => {
      const parsed = schema.safeParse(row)
      if (parsed.success) return
      const seen = new Set<string>()
      for (const issue of parsed.error.issues) {
        const key = typeof issue.path[0] === 'string' ? issue.path[0] : null
        const column = key === null ? null : headerOf(entity, key)
        if (seen.has(column ?? '')) continue
        seen.add(column ?? '')
        report(entity, i, column, asCellProblem(issue.message))
      }
    })
  }
  formRules('organisation', data.organisation, organisationSchema)
  formRules('signers', data.signers, signerSchema)

  checkDuplicates(
    'signers',
    data.signers,
    (s) => s.fullName,
    'Họ và tên',
    (s, first) => `người ký "${s.fullName}" trùng với dòng ${first}`
  )
  const defaults = data.signers.flatMap((s, i) => (s.isDefault ? [rowOf('signers', i)] : []))
  if (defaults.length > 1) {
    errors.push(
      makeIssue(
        sheetSpecOf('signers').sheet,
        defaults[1] ?? null,
        'Mặc định',
        `chỉ được chọn một người ký mặc định, nhưng các dòng ${defaults.join(', ')} đều ghi "Có"`
      )
    )
  }
  return errors
}

// ---------------------------------------------------------------------------------------------
// Shape of data built in code

const REQUIRED = 'thiếu giá trị bắt buộc'
const requiredText = z
  .string({ error: REQUIRED })
  .transform(cleanText)
  .refine((s) => s !== '', REQUIRED)
const optionalText = z
  .string({ error: 'phải là văn bản' })
  .nullish()
  .transform((v) => {
    const t = v === null || v === undefined ? '' : cleanText(v)
    return t === '' ? null : t
  })
const date = z.string({ error: REQUIRED }).refine(isValidIsoDate, 'ngày không hợp lệ (cần dạng YYYY-MM-DD)')
const optionalDate = date.nullish().transform((v) => v ?? null)
const codes = z.array(requiredText, { error: REQUIRED }).min(1, REQUIRED)
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `giá trị không có trong danh sách (${values.join(', ')})` })
const withDefault = <T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  oneOf(values)
    .nullish()
    .transform((v) => v ?? fallback)

const workbookSchema = z.object({
  departments: z
    .array(z.object({ code: requiredText, name: requiredText, abbreviation: requiredText }))
    .default([]),
  units: z
    .array(
      z.object({
        code: requiredText,
        name: requiredText,
        kind: oneOf(UNIT_KINDS),
        parentCode: optionalText,
        validFrom: optionalDate,
        validTo: optionalDate,
        mergedIntoCode: optionalText
      })
    )
    .default([]),
  cadres: z
    .array(
      z.object({
        code: requiredText,
        fullName: requiredText,
        gender: oneOf(GENDERS)
          .nullish()
          .transform((v) => v ?? null),
        birthDate: optionalDate,
        position: requiredText,
        departmentCode: requiredText,
        fullTime: z
          .boolean({ error: 'phải là Có hoặc Không' })
          .nullish()
          .transform((v) => v ?? true),
        serviceStart: optionalDate,
        serviceEnd: optionalDate
      })
    )
    .default([]),
  exemptions: z
    .array(
      z.object({
        cadreCode: requiredText,
        reason: oneOf(EXEMPTION_REASONS),
        from: date,
        to: date,
        note: optionalText
      })
    )
    .default([]),
  trips: z
    .array(
      z.object({
        code: requiredText,
        startDate: date,
        startHalf: withDefault(HALF_DAYS, 'SANG'),
        endDate: date,
        endHalf: withDefault(HALF_DAYS, 'CHIEU'),
        unitCodes: codes,
        kind: oneOf(CONTENT_KINDS),
        topic: optionalText,
        cadreCodes: codes,
        status: withDefault(TRIP_STATUSES, 'DA_THUC_HIEN'),
        travelOrderNo: optionalText,
        reportDate: optionalDate,
        note: optionalText
      })
    )
    .default([]),
  organisation: z
    .array(
      z.object({
        issuerName: z
          .string({ error: REQUIRED })
          .transform(cleanLines)
          .refine((s) => s !== '', REQUIRED),
        issuerLevelName: oneOf(ISSUER_LEVELS),
        placeName: requiredText,
        issuerAbbreviation: requiredText,
        congressTerm: requiredText,
        congressTermStart: optionalDate
      })
    )
    // A second row is a mistake, not a choice between two organisations.
    .superRefine((rows, ctx) => {
      const message = ORGANISATION_SHEET.singleRow?.(2) ?? ''
      rows.slice(1).forEach((_, i) => ctx.addIssue({ code: 'custom', path: [i + 1], message }))
    })
    .default([]),
  signers: z
    .array(
      z.object({
        fullName: requiredText,
        position: requiredText,
        authority: optionalText.transform((v) => v ?? DEFAULT_SIGNING_AUTHORITY),
        isDefault: z
          .boolean({ error: 'phải là Có hoặc Không' })
          .nullish()
          .transform((v) => v ?? false)
      })
    )
    .default([])
})

const EMPTY_DATA: WorkbookData = emptyWorkbookData()

/**
 * Checks and canonicalises (NFC, trimmed, nulls, defaults) a WorkbookData that did not come
 * from a file. Problems are reported as if the data had been written to a workbook.
 */
export function checkWorkbookShape(input: unknown): { data: WorkbookData | null; errors: ImportIssue[] } {
  const parsed = workbookSchema.safeParse(input)
  if (parsed.success) {
    const data: WorkbookData = parsed.data
    return { data, errors: [] }
  }
  const errors = parsed.error.issues.map((issue) => {
    const [entity, index, key] = issue.path
    const spec =
      typeof entity === 'string' && entity in EMPTY_DATA ? sheetSpecOf(entity as keyof WorkbookData) : null
    if (!spec) return makeIssue('', null, null, issue.message)
    const row = typeof index === 'number' ? index + 2 : null
    const column = typeof key === 'string' ? headerOf(spec.entity, key) : null
    return makeIssue(spec.sheet, row, column, issue.message)
  })
  return { data: null, errors }
}
