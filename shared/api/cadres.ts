/**
 * The cadres domain's API: the list of cadres with a year's figures, a cadre's record page,
 * adding and editing a cadre, ending their service, exemption periods (with the effect on
 * the target shown before saving) and the per-year override "thuộc diện / không thuộc diện".
 *
 * The form schemas here are the ones the screens validate with (react-hook-form + zodResolver)
 * and the dispatcher validates again, so a message is the same on both sides. Every message
 * names its field, in the workbook's words ("Mã cán bộ", "Ngày kết thúc công tác").
 */
import './zod-vi'
import { z } from 'zod'
import { isValidIsoDate, type IsoDate } from '../domain/dates'
import { EXEMPTION_REASONS, GENDERS, type ExemptionReason, type Gender } from '../domain/kinds'
import type { RatioRule } from '../domain/settings'
import { STATUSES, type CadreStatus, type CadreYearResult } from '../domain/summary'
import type { Saved } from './history'
import { returns } from './returns'
import { code, yearSchema } from './schemas'

// ——— Field schemas ———————————————————————————————————————————————————————————————

/** Dates outside this range are typing slips ("01/01/0025"), not the office's data. */
const EARLIEST = '1900-01-01'
const LATEST = '2100-12-31'

function dateMessages(label: string) {
  return {
    invalid: `${label} không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).`,
    range: `${label} phải trong khoảng năm 1900 – 2100.`
  }
}

// No `abort` on these checks: an aborted issue would stop the form's cross-field checks
// (end before start) from running, and the clerk would see those messages one at a time.
// Each check looks only at what the previous one let through instead.
const inRange = (d: string) => !isValidIsoDate(d) || (d >= EARLIEST && d <= LATEST)

/** A date the field may leave empty (null). `label` is the field as the form shows it. */
export function optionalDate(label: string) {
  const m = dateMessages(label)
  return z
    .string({ message: m.invalid })
    .refine(isValidIsoDate, { message: m.invalid })
    .refine(inRange, { message: m.range })
    .nullish()
    .transform((d): IsoDate | null => d ?? null)
}

/** A date the field must have. `missing` is the sentence for an empty field. */
export function requiredDate(label: string, missing: string) {
  const m = dateMessages(label)
  return z
    .string({ message: missing })
    .min(1, missing)
    .refine((d) => d === '' || isValidIsoDate(d), { message: m.invalid })
    .refine(inRange, { message: m.range })
}

/** Required text: trimmed, NFC (the way the workbook stores text). */
function requiredText(missing: string, tooLong: string, max: number) {
  return z.string({ message: missing }).trim().normalize('NFC').min(1, missing).max(max, tooLong)
}

/** Optional text: trimmed, NFC, empty becomes null. */
function optionalText(tooLong: string, max: number) {
  return z
    .string()
    .trim()
    .normalize('NFC')
    .max(max, tooLong)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null))
}

const cadreCode = code('cán bộ').normalize('NFC')

/**
 * A check across two date fields runs as soon as both are real dates, even while another
 * field of the form is still wrong, so the clerk sees every message at once.
 */
function datesValid(a: string, b: string) {
  return (payload: { value: unknown }) => {
    const v = payload.value as Record<string, unknown>
    const ok = (d: unknown) => d === null || d === undefined || (typeof d === 'string' && isValidIsoDate(d))
    return ok(v[a]) && ok(v[b])
  }
}

// ——— Cadre form ———————————————————————————————————————————————————————————————————

/**
 * "Thêm cán bộ" and "Sửa cán bộ": the columns of the workbook's "Cán bộ" sheet. On update the
 * code names the cadre to change (it cannot be changed itself).
 */
export const cadreFormSchema = z
  .object({
    code: cadreCode,
    fullName: requiredText('Thiếu họ và tên.', 'Họ và tên không quá 100 ký tự.', 100),
    gender: z
      .union([z.enum(GENDERS), z.literal('')], { message: 'Giới tính: chọn Nam hoặc Nữ (hoặc để trống).' })
      .nullable()
      .optional()
      .transform((g): Gender | null => (g ? g : null)),
    birthDate: optionalDate('Ngày sinh'),
    position: requiredText('Thiếu chức vụ.', 'Chức vụ không quá 100 ký tự.', 100),
    departmentCode: z.string({ message: 'Chưa chọn ban.' }).trim().min(1, 'Chưa chọn ban.'),
    fullTime: z.boolean({ message: 'Chuyên trách: chọn có hoặc không.' }),
    serviceStart: optionalDate('Ngày bắt đầu công tác'),
    serviceEnd: optionalDate('Ngày kết thúc công tác')
  })
  .refine((c) => !c.serviceStart || !c.serviceEnd || c.serviceEnd >= c.serviceStart, {
    message: 'Ngày kết thúc công tác không được trước ngày bắt đầu công tác.',
    path: ['serviceEnd'],
    when: datesValid('serviceStart', 'serviceEnd')
  })

export type CadreFormInput = z.input<typeof cadreFormSchema>
export type CadreFormValues = z.output<typeof cadreFormSchema>

/** The field names of the cadre form, for mapping a service refusal under its field. */
export const CADRE_FORM_FIELDS = [
  'code',
  'fullName',
  'gender',
  'birthDate',
  'position',
  'departmentCode',
  'fullTime',
  'serviceStart',
  'serviceEnd'
] as const

export const endServiceSchema = z.object({
  code: cadreCode,
  serviceEnd: requiredDate('Ngày kết thúc công tác', 'Thiếu ngày kết thúc công tác.')
})

// ——— Exemption form ———————————————————————————————————————————————————————————————

/**
 * The dates and reason of a period "Miễn giảm": what its effect depends on, so the preview
 * answers while the note is still being written. No id adds a period, an id changes that one.
 */
export const exemptionPeriodSchema = z
  .object({
    cadreCode,
    id: z.number({ message: 'Mã kỳ miễn giảm không hợp lệ.' }).int().positive().nullable().optional(),
    reason: z.enum(EXEMPTION_REASONS, { message: 'Chưa chọn lý do miễn giảm.' }),
    from: requiredDate('Từ ngày', 'Thiếu từ ngày.'),
    to: requiredDate('Đến ngày', 'Thiếu đến ngày.'),
    note: optionalText('Ghi chú không quá 500 ký tự.', 500)
  })
  .refine((e) => e.to >= e.from, {
    message: 'Đến ngày không được trước từ ngày.',
    path: ['to'],
    when: datesValid('from', 'to')
  })

/** The period as saved: "Khác" needs its note (RULES.md §4). */
export const exemptionFormSchema = exemptionPeriodSchema.refine(
  (e) => e.reason !== 'KHAC' || Boolean(e.note),
  {
    message: 'Lý do "Khác": ghi chú rõ lý do.',
    path: ['note'],
    // Shown with the other messages of the form, not only once they are fixed.
    when: (payload) => (payload.value as { reason?: unknown }).reason === 'KHAC'
  }
)

export type ExemptionFormInput = z.input<typeof exemptionFormSchema>
export const EXEMPTION_FORM_FIELDS = ['reason', 'from', 'to', 'note'] as const

export const exemptionDeleteSchema = z.object({
  id: z.number({ message: 'Thiếu kỳ miễn giảm cần xóa.' }).int().positive('Kỳ miễn giảm không hợp lệ.')
})

// ——— Per-year override ————————————————————————————————————————————————————————————

export const overrideFormSchema = z.object({
  cadreCode,
  year: yearSchema,
  subject: z.boolean({ message: 'Chọn "Thuộc diện" hoặc "Không thuộc diện".' }),
  reason: requiredText('Thiếu lý do.', 'Lý do không quá 300 ký tự.', 300)
})

export const overrideRemoveSchema = z.object({ cadreCode, year: yearSchema })

// ——— List and record ——————————————————————————————————————————————————————————————

export const cadreListQuerySchema = z.object({
  /** Omitted: the newest year with data (see the service). */
  year: yearSchema.optional(),
  /** Diacritics-insensitive, over name and code. */
  q: z.string({ message: 'Ô tìm kiếm phải là chữ.' }).max(100, 'Ô tìm kiếm không quá 100 ký tự.').optional(),
  departmentCode: code('ban').optional(),
  position: z.string({ message: 'Chức vụ phải là chữ.' }).trim().max(100, 'Chức vụ quá dài.').optional(),
  fullTime: z.boolean({ message: 'Chuyên trách: chọn có hoặc không.' }).optional(),
  inServiceOn: optionalDate('Ngày đang công tác').optional(),
  status: z.enum(STATUSES, { message: 'Trạng thái không hợp lệ.' }).optional()
})

export type CadreListQuery = z.input<typeof cadreListQuerySchema>

export const cadreGetSchema = z.object({ code: cadreCode, year: yearSchema.optional() })

// ——— Results ——————————————————————————————————————————————————————————————————————

export interface CadreRecord {
  id: number
  code: string
  fullName: string
  gender: Gender | null
  birthDate: IsoDate | null
  position: string
  departmentCode: string
  departmentName: string
  fullTime: boolean
  serviceStart: IsoDate | null
  serviceEnd: IsoDate | null
}

/** What the list shows of a cadre's year (CadreYearResult of the summary, cut down). */
export interface CadreListFigures {
  status: CadreStatus
  reason: string | null
  days: number
  target: number | null
  behindPace: boolean
}

export interface CadreListRow extends CadreRecord {
  /** Null when the cadre does not serve in the year's counting window. */
  figures: CadreListFigures | null
}

export interface CadreList {
  /** The year whose figures the rows carry (the one asked for, or the default). */
  year: number
  /** The day the figures are counted to (today while the year runs). */
  asOf: IsoDate
  /** Years to choose from, newest first. */
  years: number[]
  /** Every cadre of the office, before filters ("12 / 20 cán bộ"). */
  total: number
  rows: CadreListRow[]
  /** What the filters offer. */
  departments: Array<{ code: string; name: string }>
  positions: string[]
}

export interface ExemptionRecord {
  id: number
  reason: ExemptionReason
  from: IsoDate
  to: IsoDate
  note: string | null
  /** Calendar days of the period. */
  days: number
  /** Ids of this cadre's other periods sharing at least one day with it. */
  overlapsWith: number[]
}

export interface CadreOverride {
  year: number
  subject: boolean
  reason: string
}

export interface CadreYearView {
  year: number
  years: number[]
  asOf: IsoDate
  windowStart: IsoDate
  windowEnd: IsoDate
  inProgress: boolean
  /** The year's full target (a cadre subject all year). */
  targetDays: number
  ratioRules: RatioRule[]
  /** Null when the cadre does not serve in the year's window. */
  result: CadreYearResult | null
}

export interface CadreDetail {
  cadre: CadreRecord
  year: CadreYearView
  exemptions: ExemptionRecord[]
  /** The override of the chosen year, if the clerk set one. */
  override: CadreOverride | null
}

/** Subject days and target of one year, as shared/domain/subject.ts decides them. */
export interface SubjectFigures {
  subjectDays: number
  /** Null when the cadre is not evaluated (MIEN). */
  target: number | null
  /** Why not evaluated; null when evaluated. */
  exemptReason: string | null
}

export interface ExemptionEffect {
  year: number
  before: SubjectFigures
  after: SubjectFigures
}

export interface ExemptionPreview {
  /** Each year the period touches, in order. */
  effects: ExemptionEffect[]
  /** Overlaps with the cadre's other periods, outside the service period ...: warn, never refuse. */
  warnings: string[]
}

export interface ExemptionSaved {
  exemption: ExemptionRecord
  warnings: string[]
}

export const cadresContract = {
  'cadres.search': returns<CadreList>()(cadreListQuerySchema),
  'cadres.get': returns<CadreDetail>()(cadreGetSchema),
  'cadres.create': returns<Saved<CadreRecord>>()(cadreFormSchema),
  'cadres.update': returns<Saved<CadreRecord>>()(cadreFormSchema),
  'cadres.endService': returns<Saved<CadreRecord>>()(endServiceSchema),
  'cadres.setOverride': returns<Saved<CadreOverride>>()(overrideFormSchema),
  'cadres.removeOverride': returns<Saved<null>>()(overrideRemoveSchema),
  'exemptions.preview': returns<ExemptionPreview>()(exemptionPeriodSchema),
  'exemptions.save': returns<Saved<ExemptionSaved>>()(exemptionFormSchema),
  'exemptions.delete': returns<Saved<null>>()(exemptionDeleteSchema)
}
