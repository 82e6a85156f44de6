/**
 * The catalog of documents the "Văn bản" screen offers: for every kind of ./export.ts its
 * Vietnamese name, the parameters it needs, and its free-text slots with their defaults for
 * given data. Keyed by DocumentKind, so a new kind does not compile until it has an entry.
 *
 * Defaults are computed from the same loaders and slot lists the documents use, with the
 * document metadata a draft would get, so the text the clerk sees in a slot is the text the
 * document prints when the slot is left alone.
 */
import type { DocumentParameters, TextSlotInfo } from '../../shared/api/documents'
import { yearOf, type IsoDate } from '../../shared/domain/dates'
import type { ServiceContext } from '../services/context'
import { DOCUMENT_TYPES, type DocumentTypeCode } from './blocks'
import type { DocumentMeta, TextSlot } from './documents/common'
import { PROGRESS_REPORT_TEXTS, PROGRESS_REPORT_TYPE } from './documents/progress-report'
import { YEAR_REPORT_TEXTS, YEAR_REPORT_TYPE } from './documents/year-report'
import { DEFAULT_DEPARTMENT_ABBREVIATION, DOCUMENT_KINDS, type DocumentKind } from './export'
import { loadIssuer, loadProgressReportData, loadYearReportData } from './load'

/** The parameters a document is asked for (codes already checked against the database). */
export interface CatalogRequest {
  year: number
  quarter?: number
  tripCode?: string
  cadreCode?: string
  departmentCode?: string
  /** The drafting department's abbreviation when the clerk chose one (it ends the recipients' "Lưu" line). */
  departmentAbbreviation?: string
  asOf?: IsoDate
}

export interface CatalogEntry {
  label: string
  typeCode: DocumentTypeCode
  parameters: DocumentParameters
  texts: readonly TextSlotInfo[]
  /** Every slot with the text the document prints when the clerk leaves it alone. */
  defaultTexts(ctx: ServiceContext, request: CatalogRequest): Array<TextSlotInfo & { defaultText: string }>
}

const NO_PARAMETERS: DocumentParameters = {
  quarter: 'none',
  trip: 'none',
  tripKind: null,
  cadre: 'none',
  department: 'none',
  asOf: 'none'
}

/** The metadata a draft gets (no number, no date), as ./export.ts builds it. */
function draftMeta(ctx: ServiceContext, request: CatalogRequest): DocumentMeta {
  const { issuer, signer } = loadIssuer(ctx)
  return {
    issuer,
    signer,
    departmentAbbreviation: request.departmentAbbreviation?.trim() || DEFAULT_DEPARTMENT_ABBREVIATION,
    number: null,
    date: null,
    draftYear: yearOf(ctx.clock.today()),
    texts: {},
    markDefaults: false
  }
}

/** An entry whose slots take the input `load` builds (the generic stays inside). */
function entry<I>(spec: {
  label: string
  typeCode: DocumentTypeCode
  parameters: Partial<DocumentParameters>
  texts: readonly TextSlot<I>[]
  load: (ctx: ServiceContext, request: CatalogRequest, meta: DocumentMeta) => I
}): CatalogEntry {
  return {
    label: spec.label,
    typeCode: spec.typeCode,
    parameters: { ...NO_PARAMETERS, ...spec.parameters },
    texts: spec.texts.map(({ key, label }) => ({ key, label })),
    defaultTexts(ctx, request) {
      const input = spec.load(ctx, request, draftMeta(ctx, request))
      return spec.texts.map((slot) => ({ key: slot.key, label: slot.label, defaultText: slot.defaultText(input) }))
    }
  }
}

export const DOCUMENT_CATALOG: Record<DocumentKind, CatalogEntry> = {
  'year-report': entry({
    label: 'Báo cáo kết quả thực hiện chế độ đi công tác cơ sở năm',
    typeCode: YEAR_REPORT_TYPE,
    parameters: { department: 'optional', asOf: 'optional' },
    texts: YEAR_REPORT_TEXTS,
    load: (ctx, r, meta) => ({ meta, ...loadYearReportData(ctx, r.year, r.asOf) })
  }),
  'progress-report': entry({
    label: 'Báo cáo tiến độ thực hiện chế độ đi công tác cơ sở',
    typeCode: PROGRESS_REPORT_TYPE,
    parameters: { department: 'optional', asOf: 'optional' },
    texts: PROGRESS_REPORT_TEXTS,
    load: (ctx, r, meta) => ({ meta, ...loadProgressReportData(ctx, r.year, r.asOf) })
  })
}

export function isDocumentKind(kind: string): kind is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind)
}

/** "Báo cáo" from "BÁO CÁO": the type name as a list groups documents. */
export function typeNameOf(typeCode: DocumentTypeCode): string {
  const name = DOCUMENT_TYPES[typeCode].toLowerCase()
  return name.charAt(0).toUpperCase() + name.slice(1)
}
