/**
 * Đoàn cơ sở "3 chủ động": criteria per programme period, registrations, follow-up, evaluation,
 * recognition and commendation. Fields are labelled as the workbook's "3CĐ" sheets name them;
 * every message is Vietnamese and names its field.
 */
import './zod-vi'
import { z } from 'zod'
import type { IsoDate } from '../domain/dates'
import type { UnitKind } from '../domain/kinds'
import type { CriterionDef, Pillar, PillarStatus, UnitResult } from '../domain/three-active'
import type { ChangeReceipt, Saved } from './history'
import { fileExtension, SAVE_FILTERS } from './desktop'
import { returns } from './returns'
import { code, fileUpload, isoDate, yearSchema } from './schemas'

const unitCode = code('đơn vị')

const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label} phải là chữ.` })
    .trim()
    .max(max, `${label} quá dài (tối đa ${max} ký tự).`)
    .normalize('NFC')
    .transform((v) => (v === '' ? null : v))
    .nullable()

/** The file types a unit's plan may come in: every type the save dialog can save back. */
export const PLAN_FILE_EXTENSIONS: readonly string[] = Object.keys(SAVE_FILTERS)

/** The attached plan: the file's name and bytes (base64), at most about 5 MB. */
const planFile = z
  .object({
    fileName: z
      .string({ message: 'Tệp kế hoạch: thiếu tên tệp.' })
      .trim()
      .min(1, 'Tệp kế hoạch: thiếu tên tệp.')
      .max(200, 'Tên tệp kế hoạch quá dài.')
      // Only types the office can open and save back (the save dialog offers these).
      .refine((name) => PLAN_FILE_EXTENSIONS.includes(fileExtension(name)), {
        message: `Tệp kế hoạch phải là tệp Word, PDF, Excel, OpenDocument hoặc ảnh (${PLAN_FILE_EXTENSIONS.join(', ')}).`
      }),
    contentBase64: z
      .string()
      .min(1, 'Tệp kế hoạch rỗng.')
      .max(7_000_000, 'Tệp kế hoạch quá lớn (tối đa 5 MB).')
  })
  .nullable()

/** "Đăng ký 3 chủ động" of one grassroots union for year N. */
export const registrationSchema = z.object({
  year: yearSchema,
  unitCode,
  registeredOn: isoDate,
  planText: optionalText('Kế hoạch thực hiện', 20_000),
  /** undefined: keep the stored file; null: no file. */
  planFile: planFile.optional(),
  hardCriteria: optionalText('Tiêu chí khó thực hiện', 2_000)
})

export const registrationKeySchema = z.object({ year: yearSchema, unitCode })

export const followerSchema = z.object({
  year: yearSchema,
  unitCode,
  /** null: nobody follows the unit. */
  cadreCode: z.union([z.literal('').transform(() => null), code('cán bộ theo dõi')]).nullable()
})

export const criterionResultSchema = z.object({
  criterionCode: code('tiêu chí'),
  passed: z.boolean({ message: 'Kết quả: chọn Đạt hoặc Không đạt.' }),
  evidence: optionalText('Minh chứng', 2_000),
  score: z
    .number({ message: 'Điểm phải là một số.' })
    .int('Điểm là số nguyên.')
    .min(0, 'Điểm không được âm.')
    .nullable()
    .optional()
})

export const evaluationSchema = z.object({
  year: yearSchema,
  unitCode,
  evaluatedOn: isoDate,
  note: optionalText('Ghi chú đánh giá', 2_000),
  results: z.array(criterionResultSchema).max(200, 'Quá nhiều tiêu chí.')
})

export const yearSettingsSchema = z
  .object({
    year: yearSchema,
    registrationDeadline: isoDate,
    reportDeadline: isoDate
  })
  .refine((s) => s.reportDeadline >= s.registrationDeadline, {
    message: 'Hạn báo cáo lên cấp trên không được trước hạn đăng ký.',
    path: ['reportDeadline']
  })

const criterionInput = z.object({
  code: z
    .string({ message: 'Mã tiêu chí phải là chữ.' })
    .trim()
    .regex(/^[1-3]\.\d{1,2}$/, 'Mã tiêu chí dạng "trụ cột.số", ví dụ 1.2 (trụ cột 1 đến 3).'),
  text: z
    .string({ message: 'Nội dung tiêu chí phải là chữ.' })
    .trim()
    .min(1, 'Thiếu nội dung tiêu chí.')
    .max(500, 'Nội dung tiêu chí quá dài (tối đa 500 ký tự).')
    .normalize('NFC'),
  mandatory: z.boolean({ message: 'Bắt buộc: chọn có hoặc không.' }),
  maxScore: z
    .number({ message: 'Điểm tối đa phải là một số.' })
    .int('Điểm tối đa là số nguyên.')
    .min(1, 'Điểm tối đa từ 1 trở lên.')
    .max(1000, 'Điểm tối đa quá lớn.')
    .nullable()
})

export const criteriaSchema = z
  .object({
    /** Any year of the programme period. */
    year: yearSchema,
    criteria: z.array(criterionInput).min(1, 'Cần ít nhất một tiêu chí.').max(100, 'Tối đa 100 tiêu chí.')
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>()
    c.criteria.forEach((item, i) => {
      if (seen.has(item.code))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'code'],
          message: `Mã tiêu chí ${item.code} bị trùng.`
        })
      seen.add(item.code)
    })
  })

export const decisionSchema = z.object({ year: yearSchema, decidedOn: isoDate })

export const commendationSchema = z.object({
  unitCode,
  term: z
    .string({ message: 'Nhiệm kỳ phải là chữ.' })
    .trim()
    .regex(/^\d{4}\s*[–—-]\s*\d{4}$/, 'Nhiệm kỳ dạng "2025–2030".')
    .transform((t) => t.replace(/\s*[–—-]\s*/, '–')),
  round: z.union([z.literal(1), z.literal(2)], {
    message: 'Đợt khen thưởng: 1 hoặc 2 (hai lần mỗi nhiệm kỳ).'
  }),
  decidedOn: isoDate,
  note: optionalText('Ghi chú', 500)
})

export const commendationKeySchema = z.object({
  unitCode,
  term: commendationSchema.shape.term,
  round: commendationSchema.shape.round
})

// ---------------------------------------------------------------- results

export interface UnitBrief {
  code: string
  name: string
  kind: UnitKind
}

export interface PeriodView {
  startYear: number
  endYear: number
  name: string
  /** False while the office has not edited or used it: the defaults of RULES.md §10 are shown. */
  stored: boolean
  criteria: CriterionDef[]
}

export interface RegistrationLine {
  unit: UnitBrief
  /** The overseeing union: the unit's parent on the registration deadline. */
  parent: { code: string; name: string } | null
  registeredOn: IsoDate
  late: boolean
  hasPlan: boolean
  hardCriteria: string | null
  follower: { code: string; fullName: string } | null
  /** Counted trips of the follower to the unit in the year. */
  visits: number
  evaluatedOn: IsoDate | null
  /** The evaluating union: the parent on the evaluation date (null: the issuing organisation). */
  evaluator: { code: string; name: string } | null
  result: UnitResult
  failedPillars: Pillar[]
  score: number | null
  /** Listed as recognised by the year's decision. */
  recognised: boolean
}

export interface KindCounts {
  kind: UnitKind
  /** Grassroots unions of this kind existing on 1 January of the year. */
  units: number
  registered: number
  late: number
  followed: number
  evaluated: number
  passed: number
  recognised: number
}

export interface ThreeActiveYearView {
  year: number
  deadlines: { registration: IsoDate; report: IsoDate; stored: boolean }
  period: PeriodView
  registrations: RegistrationLine[]
  byKind: KindCounts[]
  totals: Omit<KindCounts, 'kind'>
  /** Grassroots unions existing on the deadline that have not registered, with their parent then. */
  notRegistered: Array<UnitBrief & { parent: { code: string; name: string } | null }>
  /** What is late or missing, in words ("3 đơn vị đăng ký sau hạn 10/10/2025"). */
  lateNotes: string[]
  decision: { decidedOn: IsoDate } | null
  commendations: CommendationLine[]
  /** The office's congress term (for commendations). */
  congressTerm: string | null
}

export interface CommendationLine {
  unit: UnitBrief
  term: string
  round: 1 | 2
  decidedOn: IsoDate
  note: string | null
}

export interface VisitLine {
  tripCode: string
  startDate: IsoDate
  endDate: IsoDate
  kind: string
  topic: string | null
  status: string
}

export interface CriterionMark {
  criterion: CriterionDef
  passed: boolean | null
  evidence: string | null
  score: number | null
}

export interface RegistrationDetail extends RegistrationLine {
  year: number
  planText: string | null
  planFileName: string | null
  evaluationNote: string | null
  marks: CriterionMark[]
  pillars: Array<{ pillar: Pillar; status: PillarStatus; failedMandatory: string[] }>
  visitList: VisitLine[]
  /** The year's decision is issued: evaluations are frozen. */
  decided: boolean
}

export interface PlanFile {
  fileName: string
  contentBase64: string
}

/** What reading (or bringing in) the two 3CĐ sheets of a workbook found and did. */
export interface ThreeActiveImportResult {
  fileName: string
  /** Rows of "3CĐ Đăng ký". */
  registrations: number
  /** Units (and years) with rows in "3CĐ Đánh giá". */
  evaluatedUnits: number
  /** Rows of "3CĐ Đánh giá". */
  marks: number
  /** Every problem, "3CĐ Đăng ký, dòng 4, cột "Ngày đăng ký": …"; nothing is written while there is one. */
  errors: string[]
  committed: boolean
  change: ChangeReceipt | null
}

export const threeActiveImportSchema = fileUpload.extend({
  /** False: only check and count (the preview). */
  commit: z.boolean({ message: 'Chọn xem trước hoặc nhập.' })
})

export const threeActiveContract = {
  'threeActive.year': returns<ThreeActiveYearView>()(z.object({ year: yearSchema })),
  'threeActive.get': returns<RegistrationDetail>()(registrationKeySchema),
  'threeActive.planFile': returns<PlanFile>()(registrationKeySchema),
  'threeActive.register': returns<Saved<RegistrationLine>>()(registrationSchema),
  'threeActive.unregister': returns<Saved<null>>()(registrationKeySchema),
  'threeActive.assignFollower': returns<Saved<null>>()(followerSchema),
  'threeActive.evaluate': returns<Saved<RegistrationLine>>()(evaluationSchema),
  'threeActive.saveSettings': returns<Saved<null>>()(yearSettingsSchema),
  'threeActive.saveCriteria': returns<Saved<PeriodView>>()(criteriaSchema),
  'threeActive.decide': returns<Saved<{ recognised: number; notRecognised: number }>>()(decisionSchema),
  'threeActive.withdrawDecision': returns<Saved<null>>()(z.object({ year: yearSchema })),
  'threeActive.commend': returns<Saved<null>>()(commendationSchema),
  'threeActive.removeCommendation': returns<Saved<null>>()(commendationKeySchema),
  'threeActive.importWorkbook': returns<ThreeActiveImportResult>()(threeActiveImportSchema)
} as const
