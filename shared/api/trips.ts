/**
 * The trips logbook's API (sổ chuyến đi): the filtered, sorted list read a window at a time,
 * one trip's record, the entry form (create, update, the live check before saving), quick
 * actions (duplicate, status of several, delete), export of the filtered list, the next free
 * code, and a cadre's year strip.
 *
 * The form schema here is the one the screen validates with (react-hook-form + zodResolver)
 * and the dispatcher validates again, so a message is the same on both sides. Every message
 * names its field in the workbook's words ("Từ ngày", "Cán bộ tham gia").
 *
 * 'trips.list' (contract.ts) is the Văn bản screen's trip picker and stays as it is.
 */
import './zod-vi'
import { z } from 'zod'
import { formatDateVi, isValidIsoDate, type IsoDate } from '../domain/dates'
import {
  CONTENT_KINDS,
  HALF_DAYS,
  TRIP_STATUSES,
  type ContentKind,
  type ExemptionReason,
  type HalfDay,
  type TripStatus,
  type UnitKind
} from '../domain/kinds'
import { isValidTripRange } from '../domain/slots'
import type { Saved } from './history'
import { returns } from './returns'
import { code, quarterSchema, yearSchema } from './schemas'

// ——— Field schemas ———————————————————————————————————————————————————————————————

/** Dates outside this range are typing slips ("01/01/0025"), not the office's data. */
const EARLIEST = '1900-01-01'
const LATEST = '2100-12-31'

function invalidDate(label: string): string {
  return `${label} không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).`
}

/** A date the trip must have; `label` is the field as the form shows it. */
function requiredDate(label: string) {
  const missing = `Chưa nhập ${label.toLowerCase()}.`
  return z
    .string({ message: missing })
    .min(1, { message: missing, abort: true })
    .refine(isValidIsoDate, { message: invalidDate(label), abort: true })
    .refine((d) => d >= EARLIEST && d <= LATEST, { message: `${label} phải trong khoảng năm 1900 – 2100.` })
}

/** A date the field may leave empty (null). */
function optionalDate(label: string) {
  return z
    .string({ message: invalidDate(label) })
    .refine((d) => d === '' || isValidIsoDate(d), { message: invalidDate(label), abort: true })
    .refine((d) => d === '' || (d >= EARLIEST && d <= LATEST), {
      message: `${label} phải trong khoảng năm 1900 – 2100.`
    })
    .nullish()
    .transform((d): IsoDate | null => (d ? d : null))
}

/** Optional text: trimmed, NFC (as the workbook stores text), empty becomes null. */
function optionalText(label: string, max: number) {
  return z
    .string({ message: `${label} phải là chữ.` })
    .trim()
    .normalize('NFC')
    .max(max, `${label} không quá ${max} ký tự.`)
    .nullish()
    .transform((s) => (s ? s : null))
}

function codeList(what: string, field: string, max: number) {
  return z
    .array(code(what).normalize('NFC'), { message: `${field}: danh sách không hợp lệ.` })
    .min(1, `Chọn ít nhất một ${what} (${field}).`)
    .max(max, `${field}: không quá ${max} mục.`)
    .refine((codes) => new Set(codes).size === codes.length, {
      message: `${field}: có mục được chọn hai lần.`
    })
}

const tripCode = code('chuyến').normalize('NFC')
const halfDay = (label: string) => z.enum(HALF_DAYS, { message: `${label}: chọn Sáng hoặc Chiều.` })
const contentKind = z.enum(CONTENT_KINDS, { message: 'Chưa chọn loại nội dung.' })
const tripStatus = z.enum(TRIP_STATUSES, {
  message: 'Trạng thái: chọn Dự kiến, Đã thực hiện hoặc Đã báo cáo.'
})

/** The dates of a trip: end not before start, and a one-day trip cannot run Chiều → Sáng. */
const tripSpanShape = {
  startDate: requiredDate('Từ ngày'),
  startHalf: halfDay('Buổi bắt đầu'),
  endDate: requiredDate('Đến ngày'),
  endHalf: halfDay('Buổi kết thúc')
}

type Span = { startDate: string; startHalf: HalfDay; endDate: string; endHalf: HalfDay }

function spanIssue(s: Span): { path: 'endDate' | 'endHalf'; message: string } | null {
  if (s.endDate < s.startDate) return { path: 'endDate', message: 'Đến ngày không được trước Từ ngày.' }
  if (!isValidTripRange(s.startDate, s.startHalf, s.endDate, s.endHalf)) {
    return {
      path: 'endHalf',
      message: 'Chuyến đi trong một ngày không thể bắt đầu buổi chiều và kết thúc buổi sáng.'
    }
  }
  return null
}

function refineSpan(s: Span, ctx: z.RefinementCtx): void {
  const issue = spanIssue(s)
  if (issue) ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.path] })
}

// ——— The entry form ——————————————————————————————————————————————————————————————

/**
 * "Thêm chuyến đi" / "Sửa chuyến đi": the columns of the workbook's "Chuyến đi" sheet. Units
 * and cadres are lists of codes in the order the clerk picked them (the first cadre is the
 * one who reports by default).
 */
const tripFormShape = {
  code: tripCode,
  ...tripSpanShape,
  unitCodes: codeList('đơn vị', 'Đơn vị', 50),
  kind: contentKind,
  topic: optionalText('Nội dung', 1000),
  cadreCodes: codeList('cán bộ', 'Cán bộ tham gia', 100),
  status: tripStatus,
  travelOrderNo: optionalText('Số công lệnh', 100),
  reportDate: optionalDate('Ngày nộp báo cáo'),
  note: optionalText('Ghi chú', 1000)
}

export const tripFormSchema = z.object(tripFormShape).superRefine(refineSpan)

export type TripFormInput = z.input<typeof tripFormSchema>
export type TripFormValues = z.output<typeof tripFormSchema>

/** The form's field names, for mapping a service refusal ("code: ...") under its field. */
export const TRIP_FORM_FIELDS = [
  'code',
  'startDate',
  'startHalf',
  'endDate',
  'endHalf',
  'unitCodes',
  'kind',
  'topic',
  'cadreCodes',
  'status',
  'travelOrderNo',
  'reportDate',
  'note'
] as const
export type TripFormField = (typeof TRIP_FORM_FIELDS)[number]

/**
 * Editing names the trip by the code it had when the form opened (the code itself may
 * change). The fields stay flat, so a refusal names them as the form does ("code: ...").
 */
export const tripUpdateSchema = z.object({ originalCode: tripCode, ...tripFormShape }).superRefine(refineSpan)
export type TripUpdateInput = z.input<typeof tripUpdateSchema>

/**
 * The unsaved trip as the form holds it while the clerk types: anything may still be empty
 * or half typed, so nothing is refused; the check warns about what it can already see.
 */
export const tripDraftSchema = z.object({
  /** The trip being edited (it does not overlap itself); absent for a new trip. */
  originalCode: z.string().max(50).optional(),
  code: z.string().max(50).optional(),
  startDate: z.string().max(20).optional(),
  startHalf: z.enum(HALF_DAYS).optional().catch(undefined),
  endDate: z.string().max(20).optional(),
  endHalf: z.enum(HALF_DAYS).optional().catch(undefined),
  unitCodes: z.array(z.string().max(50)).max(50).optional(),
  kind: z.enum(CONTENT_KINDS).optional().catch(undefined),
  cadreCodes: z.array(z.string().max(50)).max(100).optional(),
  status: z.enum(TRIP_STATUSES).optional().catch(undefined),
  reportDate: z.string().max(20).nullish()
})
export type TripDraft = z.input<typeof tripDraftSchema>

// ——— The list ————————————————————————————————————————————————————————————————————

export const TRIP_SORT_KEYS = [
  'code',
  'startDate',
  'days',
  'kind',
  'topic',
  'cadres',
  'units',
  'status',
  'travelOrderNo',
  'reportDate'
] as const
export type TripSortKey = (typeof TRIP_SORT_KEYS)[number]

/** What the list filters on; every filter is optional and they combine with "and". */
const tripFiltersShape = {
  /**
   * Trips touching the year (or its quarter or month); 'current': the year of the service's
   * today (the list opens on it without waiting to learn the date); absent: every year.
   */
  year: z.union([yearSchema, z.literal('current')], { message: 'Năm không hợp lệ.' }).optional(),
  quarter: quarterSchema.optional(),
  month: z
    .number({ message: 'Tháng phải là một số.' })
    .int('Tháng phải là số nguyên.')
    .min(1, 'Tháng từ 1 đến 12.')
    .max(12, 'Tháng từ 1 đến 12.')
    .optional(),
  /** Trips with at least one of these cadres. */
  cadreCodes: z.array(code('cán bộ')).max(200, 'Lọc theo cán bộ: không quá 200 người.').optional(),
  /** Trips with at least one cadre of this ban. */
  departmentCode: code('ban').optional(),
  kind: contentKind.optional(),
  /** Trips to one of these units or a unit under them. */
  unitCodes: z.array(code('đơn vị')).max(200, 'Lọc theo đơn vị: không quá 200 đơn vị.').optional(),
  status: tripStatus.optional(),
  /** Only trips whose report is overdue today (RULES.md §8). */
  overdue: z.boolean({ message: 'Quá hạn báo cáo: có hoặc không.' }).optional(),
  /** Diacritics-insensitive, over code, topic and travel order number. */
  q: z.string({ message: 'Ô tìm kiếm phải là chữ.' }).max(200, 'Ô tìm kiếm không quá 200 ký tự.').optional(),
  sort: z.enum(TRIP_SORT_KEYS, { message: 'Cột sắp xếp không hợp lệ.' }).optional(),
  desc: z.boolean().optional()
}

const periodNeedsYear = {
  check: (f: {
    year?: number | 'current' | undefined
    quarter?: number | undefined
    month?: number | undefined
  }) => f.year !== undefined || (f.quarter === undefined && f.month === undefined),
  issue: { message: 'Chọn năm trước khi lọc theo quý hoặc tháng.', path: ['year'] }
}

export const tripFiltersSchema = z
  .object(tripFiltersShape)
  .refine(periodNeedsYear.check, periodNeedsYear.issue)

export type TripFilters = z.input<typeof tripFiltersSchema>

/** Rows come a window at a time (the list is virtualized), with the totals of the whole filter. */
export const tripSearchSchema = z
  .object({
    ...tripFiltersShape,
    offset: z.number().int().min(0, 'Vị trí bắt đầu không được âm.').default(0),
    limit: z.number().int().min(0).max(1000, 'Mỗi lần lấy không quá 1.000 dòng.').default(100)
  })
  .refine(periodNeedsYear.check, periodNeedsYear.issue)
export type TripSearchInput = z.input<typeof tripSearchSchema>

export interface TripPerson {
  code: string
  fullName: string
}

export interface TripPlace {
  code: string
  name: string
}

export interface TripListRow {
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  /** Length of the trip in days (half days allowed). */
  days: number
  kind: ContentKind
  topic: string | null
  status: TripStatus
  travelOrderNo: string | null
  reportDate: IsoDate | null
  /** Days past the report's due date today; 0 when not overdue. */
  overdueDays: number
  cadres: TripPerson[]
  units: TripPlace[]
}

export interface TripTotals {
  trips: number
  /**
   * Σ over the filtered trips of length × participants (only the filtered cadres when the
   * list is filtered by cadre), before overlaps are removed.
   */
  cadreDays: number
  /** The same after RULES.md §3: counted trips only, a cadre's overlapping slots once. */
  creditedDays: number
  /** Trips whose report is overdue today. */
  overdue: number
}

export interface TripSearchResult {
  /** Rows of the filter in all (the virtual list's length). */
  total: number
  offset: number
  rows: TripListRow[]
  /** The day overdue reports are computed for. */
  today: IsoDate
}

// ——— One trip ————————————————————————————————————————————————————————————————————

export const tripCodeSchema = z.object({ code: tripCode })

export type TripWarningKind =
  | 'overlap'
  | 'exemption'
  | 'outside-service'
  | 'unit-validity'
  | 'report-overdue'
  | 'chi-doan'
  | 'planned-past'
  | 'done-future'
  | 'report-before-trip'
  | 'code-taken'

/** A warning about a trip: never blocks saving, except a code already taken (saving refuses it). */
export interface TripWarning {
  kind: TripWarningKind
  /** The form field it is about. */
  field: TripFormField
  message: string
  /** The other trip the warning names (overlaps), to link to it. */
  tripCode?: string
}

export interface TripCheck {
  /** Length in days, when the dates are complete and in order. */
  days: number | null
  warnings: TripWarning[]
}

export interface TripCadre extends TripPerson {
  position: string
  departmentName: string
}

export interface TripUnit extends TripPlace {
  kind: UnitKind
  parentName: string | null
  validFrom: IsoDate | null
  validTo: IsoDate | null
}

export interface TripRecord {
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  days: number
  kind: ContentKind
  topic: string | null
  status: TripStatus
  travelOrderNo: string | null
  reportDate: IsoDate | null
  note: string | null
  createdAt: string
  cadres: TripCadre[]
  units: TripUnit[]
  /** The last day the report is on time, and how late it is today (0 = not overdue). */
  reportDueDate: IsoDate
  overdueDays: number
  /** The same warnings the form shows, for the trip as saved. */
  warnings: TripWarning[]
}

// ——— Quick actions ———————————————————————————————————————————————————————————————

const codesSchema = z
  .array(tripCode, { message: 'Chưa chọn chuyến đi nào.' })
  .min(1, 'Chưa chọn chuyến đi nào.')
  .max(5000, 'Mỗi lần không quá 5.000 chuyến đi.')

/** One copy of a trip: its own dates and cadres, everything else from the source trip. */
export const tripCopySchema = z
  .object({ ...tripSpanShape, cadreCodes: codeList('cán bộ', 'Cán bộ tham gia', 100) })
  .superRefine(refineSpan)

export const tripDuplicateSchema = z.object({
  code: tripCode,
  copies: z
    .array(tripCopySchema, { message: 'Chưa có bản sao nào.' })
    .min(1, 'Chưa có bản sao nào.')
    .max(100, 'Mỗi lần nhân bản không quá 100 chuyến.'),
  /** Status of the copies; the source's status when absent. */
  status: tripStatus.optional()
})
export type TripDuplicateInput = z.input<typeof tripDuplicateSchema>

export const tripSetStatusSchema = z.object({
  codes: codesSchema,
  status: tripStatus,
  /** Recorded on every trip when given; left as it is when absent or empty. */
  reportDate: optionalDate('Ngày nộp báo cáo')
})
export type TripSetStatusInput = z.input<typeof tripSetStatusSchema>

export const tripDeleteSchema = z.object({ codes: codesSchema })

// ——— Pickers, codes, export, the cadre's year ————————————————————————————————————

export interface TripCadreChoice {
  code: string
  fullName: string
  position: string
  departmentCode: string
  departmentName: string
  serviceStart: IsoDate | null
  serviceEnd: IsoDate | null
}

export interface TripUnitChoice {
  code: string
  name: string
  kind: UnitKind
  parentCode: string | null
  parentName: string | null
  validFrom: IsoDate | null
  validTo: IsoDate | null
}

export interface TripChoices {
  /** In Vietnamese name order. */
  cadres: TripCadreChoice[]
  /** In tree order (each unit after its parent), names in Vietnamese order among siblings. */
  units: TripUnitChoice[]
  /** In the office's order. */
  departments: Array<{ code: string; name: string }>
  /** Years with trips, newest first, always including the current year. */
  years: number[]
  today: IsoDate
}

export interface FileDownload {
  fileName: string
  contentBase64: string
}

export const cadreYearSchema = z.object({ cadreCode: code('cán bộ'), year: yearSchema })

/** Half a day of the strip: the trip credited with it, and the other trips on it (overlap). */
export interface StripHalf {
  tripCode: string
  kind: ContentKind
  status: TripStatus
  /** Other trips of the cadre on the same half day: it counts once, for tripCode. */
  others: string[]
}

export interface StripDay {
  date: IsoDate
  /** [sáng, chiều]; null when the cadre had no trip then. */
  halves: [StripHalf | null, StripHalf | null]
  exempt: boolean
  /** Before the cadre's service started or after it ended. */
  outOfService: boolean
}

export interface CadreYearStrip {
  cadre: TripPerson
  year: number
  days: StripDay[]
  exemptions: Array<{ reason: ExemptionReason; from: IsoDate; to: IsoDate }>
  /** Days credited in the year (counted trips, overlaps once), and planned days not yet credited. */
  creditedDays: number
  plannedDays: number
  /** Half days claimed by more than one trip. */
  overlapDays: number
  trips: number
  overdue: number
}

export const tripsContract = {
  'trips.search': returns<TripSearchResult>()(tripSearchSchema),
  /** The footer's totals, asked apart so the rows never wait for them. */
  'trips.totals': returns<TripTotals>()(tripFiltersSchema),
  'trips.get': returns<TripRecord>()(tripCodeSchema),
  'trips.choices': returns<TripChoices>()(z.object({})),
  'trips.nextCode': returns<{ code: string }>()(z.object({})),
  'trips.check': returns<TripCheck>()(tripDraftSchema),
  'trips.create': returns<Saved<{ code: string }>>()(tripFormSchema),
  'trips.update': returns<Saved<{ code: string }>>()(tripUpdateSchema),
  'trips.duplicate': returns<Saved<{ codes: string[] }>>()(tripDuplicateSchema),
  'trips.setStatus': returns<Saved<{ count: number }>>()(tripSetStatusSchema),
  'trips.delete': returns<Saved<{ count: number }>>()(tripDeleteSchema),
  'trips.exportList': returns<FileDownload>()(tripFiltersSchema),
  'trips.cadreYear': returns<CadreYearStrip>()(cadreYearSchema)
}

// ——— Words ———————————————————————————————————————————————————————————————————————

/**
 * A trip's dates as the office writes them: "10/03/2025–13/03/2025", with the half day only
 * where it is not the default ("20/08/2025 (chiều)", "09/09/2025 (chiều)–10/09/2025 (sáng)").
 */
export function formatTripSpan(trip: Span): string {
  const half = (h: HalfDay) => (h === 'SANG' ? 'sáng' : 'chiều')
  if (trip.startDate === trip.endDate) {
    const day = formatDateVi(trip.startDate)
    return trip.startHalf === trip.endHalf ? `${day} (${half(trip.startHalf)})` : day
  }
  const start = formatDateVi(trip.startDate) + (trip.startHalf === 'CHIEU' ? ' (chiều)' : '')
  const end = formatDateVi(trip.endDate) + (trip.endHalf === 'SANG' ? ' (sáng)' : '')
  return `${start}–${end}`
}
