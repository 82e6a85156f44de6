/**
 * What the "Văn bản" screen sees of the Word documents: the catalog of document kinds with
 * the parameters each needs and its free-text parts, previews, issued files, the register,
 * and the lists the parameter pickers offer (cadres, trips, departments).
 *
 * A request names the document and its data, and, as the văn thư decides them per document:
 * the signer (from Cài đặt), the date of signing, the number (typed, or the register's next),
 * the trích yếu and the free texts with the recipients (text slots, by key).
 */
import './zod-vi'
import { z } from 'zod'
import { isValidIsoDate, type IsoDate } from '../domain/dates'
import { CONTENT_KINDS, type ContentKind, type HalfDay, type TripStatus } from '../domain/kinds'
import type { ChangeReceipt } from './history'
import { returns } from './returns'
import { code, isoDate, quarterSchema, yearSchema } from './schemas'

/** How a document uses a parameter: not at all, if given, or only with it. */
export type ParameterUse = 'none' | 'optional' | 'required'

export interface DocumentParameters {
  /** Quarter 1–4 of the year. */
  quarter: ParameterUse
  /** A trip of the year (and quarter, when the document has one). */
  trip: ParameterUse
  /** Only trips of this content kind fit (a chi đoàn report needs a DU_SH_CHI_DOAN trip). */
  tripKind: ContentKind | null
  cadre: ParameterUse
  /** The cadre is one of the chosen trip's (who reports on it; the trip's first cadre when omitted). */
  cadreOfTrip: boolean
  department: ParameterUse
  /**
   * 'drafting': the ban that drafts it, whose abbreviation ends the symbol (Văn phòng, "VP", when
   * omitted); 'covered': the ban the document is about (the whole office when omitted).
   */
  departmentRole: 'drafting' | 'covered'
  /** "Tính đến ngày": the day the figures are computed for. */
  asOf: ParameterUse
  /** 3 chủ động papers: one registered unit may be chosen (every unit, a page each, when none). */
  unit?: boolean
  /** The document can end with the per-cadre chart ("Kèm biểu đồ", the year report's last appendix). */
  chart?: boolean
}

/** A free-text part the clerk may rewrite; its default depends on the data, see DocumentPreview. */
export interface TextSlotInfo {
  key: string
  label: string
}

export interface DocumentCatalogEntry {
  kind: string
  /** "Báo cáo kết quả thực hiện chế độ đi công tác cơ sở năm" */
  label: string
  /** Where the list shows it: "Cả năm", "Theo quý", "Theo chuyến đi". */
  group: string
  parameters: DocumentParameters
  texts: TextSlotInfo[]
}

/** How the chosen document is numbered, for the number field of the screen. */
export interface DocumentNumbering {
  /** False for what a ban or a cadre writes: dated, never numbered. */
  numbered: boolean
  /** The number the register would give next (null when not numbered, or no congress term yet). */
  nextNumber: number | null
  /** "-BC/TĐTN-VP": what follows the number in the symbol. */
  symbolSuffix: string | null
}

export interface DocumentPreview {
  fileName: string
  contentBase64: string
  /** The default text of every slot for these parameters (figures and year filled in). */
  texts: Array<TextSlotInfo & { defaultText: string }>
  /** Defaults the document fell back to, for the clerk. */
  notes: string[]
  numbering: DocumentNumbering
}

export interface IssuedDocumentInfo {
  id: number
  /** "01-BC/TĐTN-VP" */
  symbol: string
  number: number
  typeCode: string
  /** The trích yếu. */
  title: string
  issuedDate: IsoDate
  congressTerm: string
}

export interface IssuedFile {
  fileName: string
  contentBase64: string
  /**
   * 'numbered': a number from the register; 'draft': number and day left blank (asked for, or
   * the office has no congress term yet: see notes); 'dated': a ban's or a cadre's document,
   * dated today and never numbered.
   */
  outcome: 'numbered' | 'draft' | 'dated'
  /** The register entry when numbered. */
  issued: IssuedDocumentInfo | null
  notes: string[]
  /** The register write when numbered (the change log's batch), null otherwise. */
  change: ChangeReceipt | null
}

export interface CadreChoice {
  id: number
  code: string
  fullName: string
  position: string
  departmentCode: string
  departmentName: string
}

export interface DepartmentChoice {
  id: number
  code: string
  name: string
  abbreviation: string
}

export interface TripChoice {
  id: number
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  kind: ContentKind
  status: TripStatus
  topic: string | null
  units: Array<{ code: string; name: string }>
  cadres: Array<{ code: string; fullName: string }>
}

// ---------------------------------------------------------------- contract

/** The date the document is signed: the date line, and the register's date for a numbered one. */
const signingDate = z
  .string({ message: 'Ngày ký phải là một ngày.' })
  .refine(
    isValidIsoDate,
    'Ngày ký không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 05/01/2026).'
  )

/** Which document, for which data, signed by whom and when, with which rewritten parts. */
export const documentRequestSchema = z.object({
  document: z.string({ message: 'Chưa chọn văn bản.' }).trim().min(1, 'Chưa chọn văn bản.'),
  year: yearSchema,
  quarter: quarterSchema.optional(),
  tripCode: code('chuyến đi').optional(),
  cadreCode: code('cán bộ').optional(),
  departmentCode: code('ban').optional(),
  /** 3 chủ động papers of one unit (every registered unit when omitted). */
  unitCode: code('đơn vị').optional(),
  asOf: isoDate.optional(),
  /** Year report: end with the per-cadre chart (a native Word chart, Phụ lục 03). */
  withChart: z.boolean({ message: 'Kèm biểu đồ: chọn có hoặc không.' }).optional(),
  /** By slot key: the trích yếu ("summary"), the free texts and "recipients" (one per line). */
  texts: z
    .record(
      z.string(),
      z
        .string({ message: 'Nội dung soạn thảo phải là chữ.' })
        .max(20_000, 'Nội dung soạn thảo: một phần không quá 20.000 ký tự.')
    )
    .optional(),
  /** The signer (Cài đặt › Người ký); the default signer when omitted. */
  signerId: z
    .number({ message: 'Người ký: chọn một người trong danh sách người ký.' })
    .int('Người ký: chọn một người trong danh sách người ký.')
    .positive('Người ký: chọn một người trong danh sách người ký.')
    .optional(),
  /** Today when omitted. */
  date: signingDate.optional(),
  /** A number the văn thư typed (taken by hand); the register's next when omitted. */
  number: z
    .number({ message: 'Số văn bản phải là một số.' })
    .int('Số văn bản là số nguyên.')
    .min(1, 'Số văn bản từ 1 trở lên.')
    .max(99_999, 'Số văn bản quá lớn.')
    .optional(),
  /** Preview only: show it as the draft the export would make (number and day blank). */
  draft: z.boolean({ message: 'Bản nháp: chọn có hoặc không.' }).optional()
})

/**
 * The signer, date and number as the Văn bản screen's form holds them (the request's own
 * field schemas, so the form and the service refuse alike; an empty date is "today").
 */
export const issueOptionsSchema = z.object({
  signerId: documentRequestSchema.shape.signerId,
  date: signingDate.nullable().optional(),
  number: documentRequestSchema.shape.number
})

export type IssueOptions = z.infer<typeof issueOptionsSchema>

export const issueRequestSchema = documentRequestSchema.extend({
  draft: z.boolean({ message: 'Bản nháp: chọn có hoặc không.' })
})

export const documentsContract = {
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
  )
}
