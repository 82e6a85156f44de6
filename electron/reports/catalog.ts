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
import { CHI_DOAN_REPORT_TEXTS } from './documents/chi-doan-report'
import type { DocumentMeta, TextSlot } from './documents/common'
import { PROGRESS_REPORT_TEXTS } from './documents/progress-report'
import { QUARTER_PLAN_TEXTS } from './documents/quarter-plan'
import { REGISTRATION_FORM_TEXTS } from './documents/registration-form'
import { REGISTRATION_SUMMARY_TEXTS } from './documents/registration-summary'
import { TRIP_REPORT_TEXTS } from './documents/trip-report'
import { YEAR_REPORT_TEXTS } from './documents/year-report'
import { DEFAULT_DEPARTMENT_ABBREVIATION } from './export'
import { DOCUMENT_PARAMETERS, type DocumentKind } from './kinds'
import { THREE_ACTIVE_DECISION_TEXTS } from './documents/three-active/decision'
import { THREE_ACTIVE_RECORD_TEXTS } from './documents/three-active/evaluation-record'
import {
  loadDecision,
  loadEvaluations,
  loadRegistrations,
  loadThreeActiveYear
} from './documents/three-active/load'
import { THREE_ACTIVE_FORM_TEXTS } from './documents/three-active/registration-form'
import { THREE_ACTIVE_REPORT_TEXTS } from './documents/three-active/summary-report'
import { loadIssuer, loadProgressReportData, loadYearReportData } from './load'
import {
  loadChiDoanReportData,
  loadQuarterPlanData,
  loadRegistrationFormData,
  loadRegistrationSummaryData,
  loadTripReportData
} from './load-trips'

/** The parameters a document is asked for (codes already checked against the database). */
export interface CatalogRequest {
  year: number
  quarter?: number
  tripCode?: string
  cadreCode?: string
  /** The ban a document covers (departmentRole 'covered'). */
  departmentCode?: string
  /** The drafting ban's abbreviation (departmentRole 'drafting'): it ends the symbol and the "Lưu" line. */
  departmentAbbreviation?: string
  asOf?: IsoDate
  /** 3 chủ động papers of one unit (all units when omitted). */
  unitCode?: string
}

export interface CatalogEntry {
  label: string
  /** Where the document sits in the list: "Cả năm", "Theo quý", "Theo chuyến đi". */
  group: string
  parameters: DocumentParameters
  /**
   * Whether the document takes a number from the register for this request (./export.ts: the
   * Ban Thường vụ's documents do; what a ban or a cadre writes is only dated).
   */
  numbered(request: CatalogRequest): boolean
  texts: readonly TextSlotInfo[]
  /** Every slot with the text the document prints when the clerk leaves it alone. */
  defaultTexts(ctx: ServiceContext, request: CatalogRequest): Array<TextSlotInfo & { defaultText: string }>
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
function entry<I extends { meta: DocumentMeta }>(spec: {
  label: string
  group: string
  parameters: DocumentParameters
  numbered: boolean | ((request: CatalogRequest) => boolean)
  texts: readonly TextSlot<I>[]
  load: (ctx: ServiceContext, request: CatalogRequest) => Omit<I, 'meta'>
}): CatalogEntry {
  const { numbered } = spec
  return {
    label: spec.label,
    group: spec.group,
    parameters: spec.parameters,
    numbered: typeof numbered === 'boolean' ? () => numbered : numbered,
    texts: spec.texts.map(({ key, label }) => ({ key, label })),
    defaultTexts(ctx, request) {
      const input = { ...spec.load(ctx, request), meta: draftMeta(ctx, request) } as I
      return spec.texts.map((slot) => ({
        key: slot.key,
        label: slot.label,
        defaultText: slot.defaultText(input)
      }))
    }
  }
}

const YEAR = 'Cả năm'
const QUARTER = 'Theo quý'
const TRIP = 'Theo chuyến đi'
const THREE_ACTIVE = 'Đoàn cơ sở 3 chủ động'

export const DOCUMENT_CATALOG: Record<DocumentKind, CatalogEntry> = {
  'year-report': entry({
    label: 'Báo cáo kết quả thực hiện chế độ đi công tác cơ sở năm',
    group: YEAR,
    parameters: DOCUMENT_PARAMETERS['year-report'],
    numbered: true,
    texts: YEAR_REPORT_TEXTS,
    load: (ctx, r) => loadYearReportData(ctx, r.year, r.asOf)
  }),
  'progress-report': entry({
    label: 'Báo cáo tiến độ thực hiện chế độ đi công tác cơ sở',
    group: YEAR,
    parameters: DOCUMENT_PARAMETERS['progress-report'],
    numbered: true,
    texts: PROGRESS_REPORT_TEXTS,
    load: (ctx, r) => loadProgressReportData(ctx, r.year, r.asOf)
  }),
  'quarter-plan': entry({
    label: 'Kế hoạch đi công tác cơ sở quý',
    group: QUARTER,
    parameters: DOCUMENT_PARAMETERS['quarter-plan'],
    numbered: true,
    texts: QUARTER_PLAN_TEXTS,
    load: (ctx, r) => loadQuarterPlanData(ctx, r.year, r.quarter)
  }),
  'registration-form': entry({
    label: 'Phiếu đăng ký đi công tác cơ sở quý (của một cán bộ)',
    group: QUARTER,
    parameters: DOCUMENT_PARAMETERS['registration-form'],
    numbered: false,
    texts: REGISTRATION_FORM_TEXTS,
    load: (ctx, r) => loadRegistrationFormData(ctx, r.year, r.quarter, r.cadreCode)
  }),
  'registration-summary': entry({
    label: 'Danh sách tổng hợp đăng ký đi công tác cơ sở quý',
    group: QUARTER,
    parameters: DOCUMENT_PARAMETERS['registration-summary'],
    // A ban's own list is signed by its head: no number (./export.ts).
    numbered: (r) => r.departmentCode === undefined,
    texts: REGISTRATION_SUMMARY_TEXTS,
    load: (ctx, r) => loadRegistrationSummaryData(ctx, r.year, r.quarter, r.departmentCode)
  }),
  'trip-report': entry({
    label: 'Báo cáo kết quả đi công tác cơ sở (một chuyến đi)',
    group: TRIP,
    parameters: DOCUMENT_PARAMETERS['trip-report'],
    numbered: false,
    texts: TRIP_REPORT_TEXTS,
    load: (ctx, r) => loadTripReportData(ctx, r.tripCode, r.cadreCode)
  }),
  'chi-doan-report': entry({
    label: 'Báo cáo kết quả dự sinh hoạt chi đoàn',
    group: TRIP,
    parameters: DOCUMENT_PARAMETERS['chi-doan-report'],
    numbered: false,
    texts: CHI_DOAN_REPORT_TEXTS,
    load: (ctx, r) => loadChiDoanReportData(ctx, r.tripCode, r.cadreCode)
  }),
  // Đoàn cơ sở "3 chủ động": per-unit papers list every unit (a page each) unless one is named.
  'three-active-form': entry({
    label: 'Phiếu đăng ký xây dựng Đoàn cơ sở "3 chủ động" (các đơn vị đăng ký)',
    group: THREE_ACTIVE,
    parameters: DOCUMENT_PARAMETERS['three-active-form'],
    numbered: false,
    texts: THREE_ACTIVE_FORM_TEXTS,
    load: (ctx, r) => ({ year: r.year, units: loadRegistrations(ctx, r.year, r.unitCode) })
  }),
  'three-active-record': entry({
    label: 'Biên bản đánh giá Đoàn cơ sở "3 chủ động" (các đơn vị đã đánh giá)',
    group: THREE_ACTIVE,
    parameters: DOCUMENT_PARAMETERS['three-active-record'],
    numbered: false,
    texts: THREE_ACTIVE_RECORD_TEXTS,
    load: (ctx, r) => ({ year: r.year, units: loadEvaluations(ctx, r.year, r.unitCode) })
  }),
  'three-active-decision': entry({
    label: 'Quyết định công nhận Đoàn cơ sở đạt "3 chủ động"',
    group: THREE_ACTIVE,
    parameters: DOCUMENT_PARAMETERS['three-active-decision'],
    numbered: true,
    texts: THREE_ACTIVE_DECISION_TEXTS,
    load: (ctx, r) => ({ year: r.year, ...loadDecision(ctx, r.year) })
  }),
  'three-active-report': entry({
    label: 'Báo cáo kết quả xây dựng Đoàn cơ sở "3 chủ động"',
    group: THREE_ACTIVE,
    parameters: DOCUMENT_PARAMETERS['three-active-report'],
    numbered: true,
    texts: THREE_ACTIVE_REPORT_TEXTS,
    load: (ctx, r) => ({ year: r.year, ...loadThreeActiveYear(ctx, r.year) })
  })
}

/** The services ask the catalog whether a kind exists; the list itself is ./kinds.ts's. */
export { isDocumentKind } from './kinds'
