/**
 * The API contract: method name → zod input schema → result type. It is the only thing the
 * renderer and the services both know. Every transport (Electron IPC, in-process, the
 * Playwright test bridge) validates input against these schemas before a service runs.
 */
import './zod-vi'
import { z } from 'zod'
import type { YearSettings } from '../domain/settings'
import type { YearSummary } from '../domain/summary'
import { documentsContract } from './documents'
import { cadresContract } from './cadres'
import { dashboardContract } from './dashboard'
import { historyContract } from './history'
import type { ApiMethod } from './methods'
import { returns } from './returns'
import { code, fileUpload, isoDate, quarterSchema, yearSchema } from './schemas'
import { settingsContract } from './settings'
import { tripsContract } from './trips'
import { unitsContract } from './units'
import { planningContract } from './planning'
import { calendarContract } from './calendar'
import { threeActiveContract } from './three-active'
import { backupsContract } from './backups'
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

// The documents' request schemas live with their contract (shared/api/documents.ts).
export { documentRequestSchema, issueRequestSchema } from './documents'

export const contract = {
  'years.list': returns<YearListing>()(z.object({})),
  'summary.year': returns<YearSummaryView>()(z.object({ year: yearSchema, asOf: isoDate.optional() })),
  'workbook.preview': returns<ImportPreview>()(fileUpload),
  'workbook.commit': returns<ImportResult>()(fileUpload),
  'workbook.export': returns<FileDownload>()(z.object({ template: z.boolean().optional() })),
  ...documentsContract,
  ...historyContract,
  ...cadresContract,
  ...unitsContract,
  ...settingsContract,
  ...tripsContract,
  ...dashboardContract,
  ...planningContract,
  ...calendarContract,
  ...threeActiveContract,
  ...backupsContract
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
