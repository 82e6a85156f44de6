/**
 * Cài đặt: the issuing organisation, its signers, the departments (bans) and the rules of each
 * year. The forms validate with these same schemas (react-hook-form + zodResolver), so a
 * message under a field and a refusal from the service read alike.
 */
import './zod-vi'
import { z } from 'zod'
import { CONTENT_KINDS } from '../domain/kinds'
import { congressTermYears, ISSUER_LEVELS, isSymbolSafe, type IssuerLevel } from '../domain/issuer'
import type { YearSettings } from '../domain/settings'
import type { CadreStatus } from '../domain/summary'
import type { IsoDate } from '../domain/dates'
import type { Saved } from './history'
import { returns } from './returns'
import { isoDate, yearSchema } from './schemas'

// ---------------------------------------------------------------- organisation

const SYMBOL_CHARACTERS = 'chỉ gồm chữ cái, chữ số hoặc "&", không có dấu cách, "/" hay "-"'

/** One line of text (a name, a place): no line break, not too long. */
const oneLine = (what: string, max: number) =>
  z
    .string({ message: `${what} phải là chữ.` })
    .trim()
    // abort: an empty field gets one message, not also the format checks after it.
    .min(1, { message: `Chưa nhập ${what.toLowerCase()}.`, abort: true })
    .max(max, `${what} quá dài (tối đa ${max} ký tự).`)
    .refine((s) => !/[\r\n]/.test(s), `${what} chỉ viết trên một dòng.`)

export const organisationSchema = z.object({
  issuerName: z
    .string({ message: 'Tên cơ quan ban hành phải là chữ.' })
    .trim()
    .min(1, 'Chưa nhập tên cơ quan ban hành.')
    .max(120, 'Tên cơ quan ban hành quá dài (tối đa 120 ký tự).')
    .refine(
      (s) => s.split(/\r?\n/).filter((l) => l.trim() !== '').length <= 2,
      'Tên cơ quan ban hành in tối đa hai dòng (chỉ xuống dòng một lần).'
    ),
  issuerLevelName: z.enum(ISSUER_LEVELS, { message: 'Cấp phải là Tỉnh đoàn hoặc Thành đoàn.' }),
  placeName: oneLine('Địa danh', 60),
  issuerAbbreviation: oneLine('Viết tắt của cơ quan', 20).refine(
    isSymbolSafe,
    `Viết tắt của cơ quan ${SYMBOL_CHARACTERS} (ví dụ TĐTN).`
  ),
  congressTerm: oneLine('Nhiệm kỳ', 40).refine((s) => {
    const years = congressTermYears(s)
    return years !== null && years[1] > years[0]
  }, 'Nhiệm kỳ ghi năm đầu – năm cuối, ví dụ 2022 – 2027.'),
  congressTermStart: isoDate.nullable()
})

export interface Organisation {
  /** "BCH ĐOÀN TỈNH LÂM ĐỒNG"; a "\n" is the header's line break. */
  issuerName: string
  placeName: string
  issuerAbbreviation: string
  issuerLevelName: IssuerLevel
  congressTerm: string
  congressTermStart: IsoDate | null
}

// ---------------------------------------------------------------- signers

export const signerSchema = z.object({
  /** Absent for a new signer. */
  id: z.number({ message: 'Mã người ký phải là một số.' }).int().positive().optional(),
  fullName: oneLine('Họ và tên người ký', 80),
  position: oneLine('Chức vụ', 80),
  authority: oneLine('Thẩm quyền ký', 80),
  isDefault: z.boolean({ message: 'Thiếu lựa chọn người ký mặc định (có/không).' })
})

export const signerIdSchema = z.object({
  id: z
    .number({ message: 'Thiếu người ký.' })
    .int('Mã người ký không hợp lệ.')
    .positive('Mã người ký không hợp lệ.')
})

export interface Signer {
  id: number
  fullName: string
  position: string
  /** As entered ("TM. BAN THƯỜNG VỤ"). */
  authority: string
  /** As the signature block prints it ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN"). */
  authorityLine: string
  isDefault: boolean
  /** Inactive signers stay (issued documents name them) but are not offered any more. */
  active: boolean
}

// ---------------------------------------------------------------- departments

export const departmentSchema = z.object({
  /** Absent for a new department. */
  id: z.number({ message: 'Mã nội bộ của ban phải là một số.' }).int().positive().optional(),
  code: oneLine('Mã ban', 50),
  name: oneLine('Tên ban', 120),
  abbreviation: oneLine('Viết tắt', 20).refine(
    isSymbolSafe,
    `Viết tắt ${SYMBOL_CHARACTERS}: nó đứng cuối ký hiệu văn bản (ví dụ 01-KH/TĐTN-XDĐ).`
  )
})

export interface Department {
  id: number
  code: string
  name: string
  abbreviation: string
  /** Cadres of this ban (a ban with cadres cannot be deleted). */
  cadreCount: number
}

// ---------------------------------------------------------------- year rules

export const ratioRuleSchema = z.object({
  id: z.string({ message: 'Thiếu mã quy tắc.' }).trim().min(1, 'Thiếu mã quy tắc.'),
  label: z.string({ message: 'Tên quy tắc phải là chữ.' }).trim().min(1, 'Chưa nhập tên quy tắc tỉ lệ.'),
  kinds: z.array(z.enum(CONTENT_KINDS)).min(1, 'Quy tắc phải có ít nhất một loại nội dung.'),
  minPercent: z
    .number({ message: 'Tỉ lệ tối thiểu phải là một số (%).' })
    .int('Tỉ lệ tối thiểu là số nguyên (%).')
    .min(0, 'Tỉ lệ tối thiểu không được âm.')
    .max(100, 'Tỉ lệ tối thiểu không quá 100%.'),
  enabled: z.boolean({ message: 'Thiếu lựa chọn áp dụng quy tắc (có/không).' })
})

const yearSettingsShape = {
  year: yearSchema,
  targetDays: z
    .number({ message: 'Chỉ tiêu phải là một số (ví dụ 60 hoặc 30,5).' })
    .positive('Chỉ tiêu phải lớn hơn 0.')
    .max(366, 'Chỉ tiêu không quá 366 ngày.')
    .refine((n) => Number.isInteger(n * 2), 'Chỉ tiêu tính theo nửa ngày (ví dụ 60 hoặc 30,5).'),
  windowStart: isoDate,
  windowEnd: isoDate,
  minSubjectDays: z
    .number({ message: 'Số ngày thuộc đối tượng tối thiểu phải là một số.' })
    .int('Số ngày thuộc đối tượng tối thiểu là số nguyên.')
    .min(0, 'Số ngày thuộc đối tượng tối thiểu không được âm.')
    .max(366, 'Số ngày thuộc đối tượng tối thiểu không quá 366.'),
  behindPaceDays: z
    .number({ message: 'Ngưỡng chậm tiến độ phải là một số.' })
    .min(0, 'Ngưỡng chậm tiến độ không được âm.')
    .max(366, 'Ngưỡng chậm tiến độ không quá 366 ngày.'),
  reportDueDays: z
    .number({ message: 'Hạn báo cáo phải là một số ngày.' })
    .int('Hạn báo cáo là số ngày nguyên.')
    .min(0, 'Hạn báo cáo không được âm.')
    .max(366, 'Hạn báo cáo không quá 366 ngày.'),
  yearReportDeadline: isoDate.nullable(),
  ratioRules: z
    .array(ratioRuleSchema)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, {
      message: 'Mã quy tắc tỉ lệ bị trùng.'
    })
}

type WindowFields = { year: number; windowStart: string; windowEnd: string }

/** The counting window: in order, and inside the chosen year (messages under the date fields). */
function checkWindow<T extends z.ZodType<WindowFields>>(schema: T) {
  return schema
    .refine((s) => s.windowStart <= s.windowEnd, {
      message: 'Ngày kết thúc tính phải sau ngày bắt đầu tính.',
      path: ['windowEnd']
    })
    .refine((s) => s.windowStart.startsWith(`${s.year}-`) && s.windowEnd.startsWith(`${s.year}-`), {
      message: 'Khoảng thời gian tính phải nằm trong năm đã chọn.',
      path: ['windowStart']
    })
}

/** The regime's numbers of a year (shared/domain/settings.ts), as the summary uses them. */
export const yearSettingsSchema = checkWindow(z.object(yearSettingsShape))

/** The year's legal basis: the "Căn cứ …" lines its documents open with. */
const legalBasisSchema = z
  .string({ message: 'Căn cứ pháp lý phải là chữ.' })
  .max(4000, 'Căn cứ pháp lý quá dài (tối đa 4.000 ký tự).')
  .nullable()
  // Absent: the stored text stays (a caller that only knows the numbers cannot erase it).
  .optional()

/** What Cài đặt edits for a year: the regime's numbers plus the legal basis its documents print. */
export const yearRulesSchema = checkWindow(z.object({ ...yearSettingsShape, legalBasis: legalBasisSchema }))

export interface YearRules extends YearSettings {
  /** "Căn cứ ..." lines (one per line), or null: the documents then print their general opening. */
  legalBasis: string | null
}

export interface YearRulesView extends YearRules {
  /** False when the year has no stored row and shows the defaults of RULES.md. */
  stored: boolean
}

/** One cadre whose status (or pace) differs between the stored rules and the proposed ones. */
export interface StatusChange {
  code: string
  name: string
  departmentName: string
  /** Days done by the as-of date (the same on both sides unless the counting window moves). */
  daysBefore: number | null
  daysAfter: number | null
  targetBefore: number | null
  targetAfter: number | null
  /** Null: the cadre is not in that year's list under those rules (service outside the window). */
  before: CadreStatus | null
  after: CadreStatus | null
  behindBefore: boolean
  behindAfter: boolean
}

export interface YearRulesPreview {
  year: number
  /** The day both summaries are computed for (today while the year runs). */
  asOf: IsoDate
  inProgress: boolean
  changes: StatusChange[]
  completedBefore: number
  completedAfter: number
  subjectBefore: number
  subjectAfter: number
}

// ---------------------------------------------------------------- contract

export const settingsContract = {
  'organisation.get': returns<Organisation | null>()(z.object({})),
  'organisation.save': returns<Saved<Organisation>>()(organisationSchema),
  'signers.list': returns<Signer[]>()(z.object({})),
  'signers.save': returns<Saved<Signer>>()(signerSchema),
  'signers.setActive': returns<Saved<Signer>>()(
    signerIdSchema.extend({ active: z.boolean({ message: 'Thiếu lựa chọn còn ký / ngừng ký.' }) })
  ),
  'departments.overview': returns<Department[]>()(z.object({})),
  'departments.save': returns<Saved<Department>>()(departmentSchema),
  'departments.delete': returns<Saved<null>>()(
    z.object({
      id: z.number({ message: 'Thiếu ban cần xóa.' }).int().positive('Mã nội bộ của ban không hợp lệ.')
    })
  ),
  'settings.getYear': returns<YearRulesView>()(z.object({ year: yearSchema })),
  'settings.saveYear': returns<Saved<YearRules>>()(yearRulesSchema),
  'settings.previewYear': returns<YearRulesPreview>()(yearRulesSchema)
}
