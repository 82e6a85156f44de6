/**
 * Kế hoạch quý: rounds (đợt) per quarter, registrations (phiếu đăng ký) and their approval,
 * oversight (phụ trách: clusters and assignments), the coverage of units, and the planning
 * assistant. The registration form validates with `registrationFormSchema`, the same schema
 * the dispatcher applies, so the messages are the same on both sides.
 */
import './zod-vi'
import { z } from 'zod'
import { isValidIsoDate, type IsoDate } from '../domain/dates'
import {
  CONTENT_KINDS,
  HALF_DAYS,
  type ContentKind,
  type HalfDay,
  type TripStatus,
  type UnitKind
} from '../domain/kinds'
import type { CadreOutlook, ImpossibleCadre } from '../domain/planning-assistant'
import {
  REGISTRATION_STATUSES,
  type QuarterChoice,
  type RegistrationSource,
  type RegistrationStatus
} from '../domain/planning'
import { isValidTripRange } from '../domain/slots'
import type { Saved } from './history'
import { returns } from './returns'
import { code, quarterSchema, yearSchema } from './schemas'

// ——— Fields ———————————————————————————————————————————————————————————————————————

function invalidDate(label: string): string {
  return `${label} không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).`
}

function requiredDate(label: string) {
  const missing = `Chưa nhập ${label.toLowerCase()}.`
  return z
    .string({ message: missing })
    .min(1, { message: missing, abort: true })
    .refine(isValidIsoDate, { message: invalidDate(label) })
}

function optionalDate(label: string) {
  return z
    .string({ message: invalidDate(label) })
    .refine((d) => d === '' || isValidIsoDate(d), { message: invalidDate(label) })
    .nullish()
    .transform((d): IsoDate | null => (d ? d : null))
}

function optionalText(label: string, max: number) {
  return z
    .string({ message: `${label} phải là chữ.` })
    .trim()
    .normalize('NFC')
    .max(max, `${label} không quá ${max} ký tự.`)
    .nullish()
    .transform((s) => (s ? s : null))
}

const quarter = quarterSchema.transform((q) => q as 1 | 2 | 3 | 4)
const halfDay = (label: string) => z.enum(HALF_DAYS, { message: `${label}: chọn Sáng hoặc Chiều.` })
const contentKind = z.enum(CONTENT_KINDS, { message: 'Chưa chọn loại nội dung.' })
const roundNumber = z
  .number({ message: 'Số đợt phải là một số.' })
  .int('Số đợt phải là số nguyên.')
  .min(1, 'Số đợt từ 1 trở lên.')
  .max(20, 'Số đợt không quá 20.')

const unitCodes = z
  .array(code('đơn vị').normalize('NFC'), { message: 'Đơn vị: danh sách không hợp lệ.' })
  .min(1, 'Chọn ít nhất một đơn vị (Đơn vị đến).')
  .max(20, 'Đơn vị đến: không quá 20 đơn vị.')
  .refine((codes) => new Set(codes).size === codes.length, {
    message: 'Đơn vị đến: có đơn vị được chọn hai lần.'
  })

type Span = { startDate: string; startHalf: HalfDay; endDate: string; endHalf: HalfDay }
function refineSpan(s: Span, ctx: z.RefinementCtx): void {
  if (s.endDate < s.startDate) {
    ctx.addIssue({ code: 'custom', message: 'Đến ngày không được trước Từ ngày.', path: ['endDate'] })
  } else if (!isValidTripRange(s.startDate, s.startHalf, s.endDate, s.endHalf)) {
    ctx.addIssue({
      code: 'custom',
      message: 'Trong một ngày không thể bắt đầu buổi chiều và kết thúc buổi sáng.',
      path: ['endHalf']
    })
  }
}

// ——— Rounds ———————————————————————————————————————————————————————————————————————

const roundShape = {
  year: yearSchema,
  quarter,
  number: roundNumber,
  startDate: requiredDate('Từ ngày'),
  endDate: requiredDate('Đến ngày'),
  note: optionalText('Ghi chú', 500)
}

/** "Thêm đợt" / "Sửa đợt": `originalNumber` names the round being edited (absent for a new one). */
export const roundFormSchema = z
  .object({ ...roundShape, originalNumber: roundNumber.nullish() })
  .superRefine((r, ctx) => {
    if (r.endDate < r.startDate) {
      ctx.addIssue({ code: 'custom', message: 'Đến ngày không được trước Từ ngày.', path: ['endDate'] })
    }
  })
export type RoundFormInput = z.input<typeof roundFormSchema>
export type RoundFormValues = z.output<typeof roundFormSchema>

export interface RoundView {
  id: number
  number: number
  /** "Quý IV – Đợt 2". */
  label: string
  startDate: IsoDate
  endDate: IsoDate
  note: string | null
  registrationCount: number
  /** Days of the approved registrations in the round. */
  plannedDays: number
  /** Days done on the trips those registrations became (đã thực hiện or đã báo cáo). */
  doneDays: number
}

// ——— Registrations ——————————————————————————————————————————————————————————————

const registrationShape = {
  cadreCode: code('cán bộ').normalize('NFC'),
  year: yearSchema,
  quarter,
  /** The round the dates lie in; null for dates of the cadre's own. */
  roundNumber: roundNumber.nullish().transform((n) => n ?? null),
  startDate: requiredDate('Từ ngày'),
  startHalf: halfDay('Buổi bắt đầu'),
  endDate: requiredDate('Đến ngày'),
  endHalf: halfDay('Buổi kết thúc'),
  unitCodes,
  kind: contentKind,
  topic: optionalText('Nội dung', 1000),
  note: optionalText('Ghi chú', 1000)
}

export const registrationFormSchema = z.object(registrationShape).superRefine(refineSpan)
export type RegistrationFormInput = z.input<typeof registrationFormSchema>
export type RegistrationFormValues = z.output<typeof registrationFormSchema>
export const REGISTRATION_FORM_FIELDS = [
  'cadreCode',
  'year',
  'quarter',
  'roundNumber',
  'startDate',
  'startHalf',
  'endDate',
  'endHalf',
  'unitCodes',
  'kind',
  'topic',
  'note'
] as const

export const registrationUpdateSchema = z
  .object({ code: code('đăng ký'), ...registrationShape })
  .superRefine(refineSpan)

export interface RegistrationView {
  code: string
  cadreCode: string
  cadreName: string
  departmentName: string
  year: number
  quarter: 1 | 2 | 3 | 4
  roundNumber: number | null
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  /** The dates' length in days (half days counted). */
  days: number
  kind: ContentKind
  topic: string | null
  unitCodes: string[]
  unitNames: string[]
  status: RegistrationStatus
  source: RegistrationSource
  note: string | null
  /** The planned trip approval made (null before approval, or when it was deleted in the logbook). */
  tripCode: string | null
  tripStatus: TripStatus | null
  /** Days of that trip inside the quarter once it is done; 0 otherwise. */
  doneDays: number
}

/** Planned vs done for one cadre over the quarter. */
export interface CadrePlanRow {
  cadreCode: string
  name: string
  departmentName: string
  /** Days of registrations still waiting (đăng ký, ban duyệt). */
  pendingDays: number
  /** Days of approved registrations. */
  approvedDays: number
  /** Days done on the trips those registrations became. */
  doneDays: number
  /** Days done in the quarter on trips that were not registered. */
  unplannedDoneDays: number
}

export interface QuarterPlanView {
  year: number
  quarter: 1 | 2 | 3 | 4
  label: string
  from: IsoDate
  to: IsoDate
  today: IsoDate
  choices: QuarterChoice[]
  rounds: RoundView[]
  registrations: RegistrationView[]
  cadres: CadrePlanRow[]
}

export const setRegistrationStatusSchema = z.object({
  codes: z
    .array(code('đăng ký'))
    .min(1, 'Chọn ít nhất một đăng ký.')
    .max(500, 'Không quá 500 đăng ký một lần.'),
  status: z.enum(REGISTRATION_STATUSES, {
    message: 'Trạng thái: chọn Đăng ký, Ban duyệt, Thường trực duyệt hoặc Không duyệt.'
  }),
  note: optionalText('Ghi chú', 1000)
})

// ——— Oversight and coverage ———————————————————————————————————————————————————————

export const clusterFormSchema = z.object({
  originalCode: z.string().max(50).nullish(),
  code: code('cụm').normalize('NFC'),
  name: z
    .string({ message: 'Tên cụm phải là chữ.' })
    .trim()
    .normalize('NFC')
    .min(1, 'Chưa nhập tên cụm.')
    .max(200, 'Tên cụm không quá 200 ký tự.'),
  unitCodes,
  note: optionalText('Ghi chú', 500)
})
export type ClusterFormInput = z.input<typeof clusterFormSchema>

export const assignmentFormSchema = z
  .object({
    id: z.number().int().positive().nullish(),
    cadreCode: code('cán bộ').normalize('NFC'),
    /** Exactly one of unitCode and clusterCode. */
    unitCode: z
      .string()
      .trim()
      .max(50)
      .nullish()
      .transform((s) => (s ? s : null)),
    clusterCode: z
      .string()
      .trim()
      .max(50)
      .nullish()
      .transform((s) => (s ? s : null)),
    fromDate: requiredDate('Từ ngày'),
    toDate: optionalDate('Đến ngày'),
    note: optionalText('Ghi chú', 500)
  })
  .superRefine((a, ctx) => {
    if ((a.unitCode === null) === (a.clusterCode === null)) {
      ctx.addIssue({
        code: 'custom',
        message: 'Chọn một đơn vị hoặc một cụm (không chọn cả hai).',
        path: ['unitCode']
      })
    }
    if (a.toDate !== null && a.toDate < a.fromDate) {
      ctx.addIssue({ code: 'custom', message: 'Đến ngày không được trước Từ ngày.', path: ['toDate'] })
    }
  })
export type AssignmentFormInput = z.input<typeof assignmentFormSchema>

export interface ClusterView {
  code: string
  name: string
  note: string | null
  units: Array<{ code: string; name: string }>
}

export interface AssignmentView {
  id: number
  cadreCode: string
  cadreName: string
  position: string
  unitCode: string | null
  clusterCode: string | null
  /** The unit's or the cluster's name. */
  targetName: string
  fromDate: IsoDate
  toDate: IsoDate | null
  note: string | null
}

export interface OversightView {
  clusters: ClusterView[]
  assignments: AssignmentView[]
}

export interface CoverageUnit {
  code: string
  name: string
  kind: UnitKind
  parentName: string | null
  /** Last day a counted trip (đã thực hiện, đã báo cáo) visited it this year, up to today; null: never. */
  lastVisit: IsoDate | null
  visitedThisYear: boolean
  visitedThisQuarter: boolean
  /** Approved registrations planned there in the quarter. */
  plannedThisQuarter: number
  /** Leaders whose oversight area holds the unit during the quarter ("Nguyễn Văn A (Cụm 1)"). */
  overseers: string[]
}

export interface CoverageView {
  year: number
  quarter: 1 | 2 | 3 | 4
  label: string
  /** The day the visits are counted up to. */
  asOf: IsoDate
  /** Units valid during the quarter (the provincial union itself left out). */
  units: CoverageUnit[]
}

// ——— The planning assistant ———————————————————————————————————————————————————————

export const proposeSchema = z.object({
  year: yearSchema,
  quarter,
  asOf: requiredDate('Tính đến ngày')
})

export interface ProposalView {
  cadreCode: string
  cadreName: string
  departmentName: string
  roundNumber: number | null
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  days: number
  kind: ContentKind
  unitCodes: string[]
  unitNames: string[]
  reason: string
}

export interface ProposalResult {
  year: number
  quarter: 1 | 2 | 3 | 4
  label: string
  asOf: IsoDate
  from: IsoDate
  to: IsoDate
  roundCount: number
  proposals: ProposalView[]
  cadres: Array<CadreOutlook & { departmentName: string }>
  impossible: ImpossibleCadre[]
}

const acceptedProposal = z
  .object({
    cadreCode: code('cán bộ'),
    roundNumber: roundNumber.nullish().transform((n) => n ?? null),
    startDate: requiredDate('Từ ngày'),
    startHalf: halfDay('Buổi bắt đầu'),
    endDate: requiredDate('Đến ngày'),
    endHalf: halfDay('Buổi kết thúc'),
    kind: contentKind,
    unitCodes,
    topic: optionalText('Nội dung', 1000),
    reason: optionalText('Lý do', 1000)
  })
  .superRefine(refineSpan)

export const acceptSchema = z.object({
  year: yearSchema,
  quarter,
  proposals: z
    .array(acceptedProposal)
    .min(1, 'Chưa chọn đề xuất nào.')
    .max(2000, 'Quá nhiều đề xuất một lần.'),
  /** True: store them approved by the Thường trực, with their planned trips (the CLI's --accept). */
  approve: z.boolean({ message: 'Duyệt luôn: chọn Có hoặc Không.' })
})
export type AcceptInput = z.input<typeof acceptSchema>
export type AcceptValues = z.output<typeof acceptSchema>

const quarterInput = z.object({ year: yearSchema, quarter })

export const planningContract = {
  /** Without year and quarter: the quarter being planned on the service's today (defaultPlanningQuarter). */
  'planning.quarter': returns<QuarterPlanView>()(
    z.object({ year: yearSchema.optional(), quarter: quarter.optional() })
  ),
  'planning.saveRound': returns<Saved<{ number: number }>>()(roundFormSchema),
  'planning.deleteRound': returns<Saved<{ number: number }>>()(
    z.object({ year: yearSchema, quarter, number: roundNumber })
  ),
  'planning.registration': returns<RegistrationView>()(z.object({ code: code('đăng ký') })),
  'planning.createRegistration': returns<Saved<{ code: string }>>()(registrationFormSchema),
  'planning.updateRegistration': returns<Saved<{ code: string }>>()(registrationUpdateSchema),
  'planning.deleteRegistration': returns<Saved<{ code: string }>>()(z.object({ code: code('đăng ký') })),
  'planning.setRegistrationStatus':
    returns<Saved<{ count: number; tripCodes: string[] }>>()(setRegistrationStatusSchema),
  'planning.oversight': returns<OversightView>()(z.object({})),
  'planning.saveCluster': returns<Saved<{ code: string }>>()(clusterFormSchema),
  'planning.deleteCluster': returns<Saved<{ code: string }>>()(z.object({ code: code('cụm') })),
  'planning.saveAssignment': returns<Saved<{ id: number }>>()(assignmentFormSchema),
  'planning.deleteAssignment': returns<Saved<{ id: number }>>()(
    z.object({ id: z.number({ message: 'Thiếu phân công.' }).int().positive() })
  ),
  'planning.coverage': returns<CoverageView>()(quarterInput),
  'planning.propose': returns<ProposalResult>()(proposeSchema),
  'planning.accept': returns<Saved<{ codes: string[]; tripCodes: string[] }>>()(acceptSchema)
} as const
