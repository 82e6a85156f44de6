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
import { dashboardContract } from './dashboard'
import { historyContract } from './history'
import type { ApiMethod } from './methods'
import { returns } from './returns'
import { code, fileUpload, isoDate, quarterSchema, yearSchema } from './schemas'
import { settingsContract } from './settings'
import { tripsContract } from './trips'
import { unitsContract } from './units'
import type { ImportPreview, ImportResult } from './workbook'

// The settings schemas moved to shared/api/settings.ts (the Cài đặt forms use them); kept importable from here.
export { ratioRuleSchema, yearSettingsSchema, yearRulesSchema } from './settings'

export { code, fileUpload, isoDate, quarterSchema, yearSchema }

export type { Organisation } from './settings'

export interface YearListing {
  /** Years that have trips or settings, newest first, always including the current year. */
  years: number[]
  /** Years some trip falls in (its start or end), newest first: the years with data. */
  dataYears: number[]
  /**
   * The year a screen opens on: the current year when it has data (or nothing has), else the
   * newest year with data before it (after it only when there is none before).
   */
  defaultYear: number
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
  'years.list': returns<YearListing>()(z.object({})),
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
  ...settingsContract,
  ...tripsContract,
  ...dashboardContract
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
