/**
 * The API contract: method name → zod input schema → result type. It is the only thing the
 * renderer and the services both know. Every transport (Electron IPC, in-process, the
 * Playwright test bridge) validates input against these schemas before a service runs.
 */
import './zod-vi'
import { z } from 'zod'
import { CONTENT_KINDS } from '../domain/kinds'
import type { YearSettings } from '../domain/settings'
import type { YearSummary } from '../domain/summary'
import type {
  CadreChoice,
  DepartmentChoice,
  DocumentCatalogEntry,
  DocumentPreview,
  IssuedDocumentInfo,
  IssuedFile,
  TripChoice
} from './documents'
import { cadresContract } from './cadres'
import { historyContract } from './history'
import type { ApiMethod } from './methods'
import { returns } from './returns'
import { code, fileUpload, isoDate, quarterSchema, yearSchema } from './schemas'
import { settingsContract } from './settings'
import { unitsContract } from './units'
import type { ImportPreview, ImportResult } from './workbook'

export const ratioRuleSchema = z.object({
  id: z.string().trim().min(1, 'Thiếu mã quy tắc.'),
  label: z.string().trim().min(1, 'Thiếu tên quy tắc.'),
  kinds: z.array(z.enum(CONTENT_KINDS)).min(1, 'Quy tắc phải có ít nhất một loại nội dung.'),
  minPercent: z.number().int('Tỉ lệ tối thiểu là số nguyên (%).').min(0).max(100, 'Tỉ lệ tối thiểu không quá 100%.'),
  enabled: z.boolean()
})

export const yearSettingsSchema = z
  .object({
    year: yearSchema,
    targetDays: z
      .number()
      .positive('Chỉ tiêu phải lớn hơn 0.')
      .max(366, 'Chỉ tiêu không quá 366 ngày.')
      .refine((n) => Number.isInteger(n * 2), 'Chỉ tiêu tính theo nửa ngày (ví dụ 60 hoặc 30,5).'),
    windowStart: isoDate,
    windowEnd: isoDate,
    minSubjectDays: z.number().int().min(0, 'Số ngày tối thiểu không được âm.').max(366),
    behindPaceDays: z.number().min(0, 'Ngưỡng chậm tiến độ không được âm.').max(366),
    reportDueDays: z.number().int().min(0, 'Hạn báo cáo không được âm.').max(366),
    yearReportDeadline: isoDate.nullable(),
    ratioRules: z.array(ratioRuleSchema).refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, {
      message: 'Mã quy tắc tỉ lệ bị trùng.'
    })
  })
  .refine((s) => s.windowStart <= s.windowEnd, {
    message: 'Ngày bắt đầu tính phải trước ngày kết thúc.',
    path: ['windowEnd']
  })
  .refine((s) => s.windowStart.startsWith(String(s.year)) && s.windowEnd.startsWith(String(s.year)), {
    message: 'Khoảng thời gian tính phải nằm trong năm đã chọn.',
    path: ['windowStart']
  })

export { code, fileUpload, isoDate, quarterSchema, yearSchema }

export interface Organisation {
  issuerName: string
  placeName: string
  issuerAbbreviation: string
  issuerLevelName: string
  congressTerm: string
}

export interface YearListing {
  /** Years that have trips or settings, newest first, always including the current year. */
  years: number[]
  currentYear: number
  today: string
}

export interface FileDownload {
  fileName: string
  contentBase64: string
}

/** Which document, for which data, with which rewritten free-text parts. */
export const documentRequestSchema = z.object({
  document: z.string({ message: 'Chưa chọn văn bản.' }).trim().min(1, 'Chưa chọn văn bản.'),
  year: yearSchema,
  quarter: quarterSchema.optional(),
  tripCode: code('chuyến đi').optional(),
  cadreCode: code('cán bộ').optional(),
  departmentCode: code('ban').optional(),
  asOf: isoDate.optional(),
  texts: z
    .record(
      z.string(),
      z.string({ message: 'Nội dung phải là chữ.' }).max(20_000, 'Một đoạn nội dung không quá 20.000 ký tự.')
    )
    .optional()
})

export const issueRequestSchema = documentRequestSchema.extend({
  draft: z.boolean({ message: 'Thiếu lựa chọn bản nháp (có/không).' })
})


export const contract = {
  'organisation.get': returns<Organisation | null>()(z.object({})),
  'years.list': returns<YearListing>()(z.object({})),
  'settings.getYear': returns<YearSettings>()(z.object({ year: yearSchema })),
  'settings.saveYear': returns<YearSettings>()(yearSettingsSchema),
  'summary.year': returns<YearSummaryView>()(z.object({ year: yearSchema, asOf: isoDate.optional() })),
  'workbook.preview': returns<ImportPreview>()(fileUpload),
  'workbook.commit': returns<ImportResult>()(fileUpload),
  'workbook.export': returns<FileDownload>()(z.object({ template: z.boolean().optional() })),
  'documents.catalog': returns<DocumentCatalogEntry[]>()(z.object({})),
  'documents.preview': returns<DocumentPreview>()(documentRequestSchema),
  'documents.issue': returns<IssuedFile>()(issueRequestSchema),
  'documents.register': returns<IssuedDocumentInfo[]>()(z.object({ year: yearSchema.optional() })),
  'cadres.list': returns<CadreChoice[]>()(z.object({})),
  'departments.list': returns<DepartmentChoice[]>()(z.object({})),
  'trips.list': returns<TripChoice[]>()(
    z.object({
      year: yearSchema,
      quarter: quarterSchema.optional(),
      kind: z.enum(CONTENT_KINDS, { message: 'Loại nội dung không hợp lệ.' }).optional()
    })
  ),
  ...historyContract,
  ...cadresContract,
  ...unitsContract,
  ...settingsContract
} satisfies Record<ApiMethod, { input: z.ZodType; result: unknown }>

/** The year summary as the screens and documents need it: figures plus the names they show. */
export interface YearSummaryView extends YearSummary {
  units: Array<YearSummary['units'][number] & { code: string; name: string }>
  ratioRules: YearSettings['ratioRules']
  targetDays: number
}

type Contract = typeof contract
export type ApiInput<M extends ApiMethod> = z.input<Contract[M]['input']>
export type ApiParsedInput<M extends ApiMethod> = z.output<Contract[M]['input']>
export type ApiResult<M extends ApiMethod> = Contract[M]['result']

/** What `window.api` is in the renderer, whatever transport carries the calls. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<M>> }

/** What a service module implements: parsed input in, result out (sync or async). */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiResult<M> | Promise<ApiResult<M>>
}
