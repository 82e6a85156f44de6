/**
 * One entry point for every document: load the data through the services, take a number
 * from the register (unless it is a draft, or the văn thư typed one), build the document,
 * render the .docx bytes. The CLI, the IPC handler and the tests call this.
 */
import type { Document } from 'docx'
import type { ChangeReceipt } from '../../shared/api/history'
import { AppError } from '../../shared/api/errors'
import { isValidIsoDate, yearOf, type IsoDate } from '../../shared/domain/dates'
import type { ServiceContext } from '../services/context'
import { issueDocument, nextNumber, type IssuedDocument } from '../services/documents'
import { BLANK, documentSymbol, formatDocumentNumber, renderDocx, type DocumentTypeCode } from './blocks'
import { buildChiDoanReport } from './documents/chi-doan-report'
import type { DocumentMeta } from './documents/common'
import {
  buildProgressReport,
  PROGRESS_REPORT_TYPE,
  progressReportTitle,
  type ProgressReportInput
} from './documents/progress-report'
import { buildQuarterPlan, QUARTER_PLAN_TYPE, quarterPlanTitle } from './documents/quarter-plan'
import { buildRegistrationForm } from './documents/registration-form'
import {
  buildRegistrationSummary,
  REGISTRATION_SUMMARY_TYPE,
  registrationSummaryTitle
} from './documents/registration-summary'
import { buildTripReport } from './documents/trip-report'
import {
  buildYearReport,
  YEAR_REPORT_TYPE,
  yearReportTitle,
  type YearReportInput
} from './documents/year-report'
import { loadIssuer, loadProgressReportData, loadYearReportData } from './load'
import {
  buildThreeActiveDecision,
  THREE_ACTIVE_DECISION_TYPE,
  threeActiveDecisionTitle
} from './documents/three-active/decision'
import { buildThreeActiveRecord } from './documents/three-active/evaluation-record'
import {
  loadDecision,
  loadEvaluations,
  loadRegistrations,
  loadThreeActiveYear
} from './documents/three-active/load'
import { buildThreeActiveForm } from './documents/three-active/registration-form'
import {
  buildThreeActiveReport,
  THREE_ACTIVE_REPORT_TYPE,
  threeActiveReportTitle
} from './documents/three-active/summary-report'
import {
  loadChiDoanReportData,
  loadQuarterPlanData,
  loadRegistrationFormData,
  loadRegistrationSummaryData,
  loadTripReportData
} from './load-trips'
import { DOCUMENT_KINDS, type DocumentKind } from './kinds'

// The list lives in the light ./kinds.ts (the CLI's help reads it without loading docx).
export { DOCUMENT_KINDS, type DocumentKind } from './kinds'

export interface ExportOptions {
  document: DocumentKind
  year: number
  /** 1–4: quarter-plan, registration-form, registration-summary. */
  quarter?: number
  /** trip-report, chi-doan-report. */
  tripCode?: string
  /** registration-form (whose form); trip-report and chi-doan-report (who reports, the trip's first cadre by default). */
  cadreCode?: string
  /** year-report: end with the per-cadre chart (Phụ lục 03, a native Word chart). */
  withChart?: boolean
  /** 3 chủ động form and evaluation record of one unit (every unit, a page each, when omitted). */
  unitCode?: string
  /** registration-summary of one ban (the whole office when omitted). */
  departmentCode?: string
  /** The date figures are computed for; today (clipped to the year) when omitted. */
  asOf?: IsoDate
  /** Leave the number and the day blank for the văn thư; nothing goes into the register. */
  draft?: boolean
  /** Free-text parts rewritten by the clerk, by slot key (each document's *_TEXTS). */
  texts?: Record<string, string>
  /** Drafting department in the symbol; "VP" when omitted. */
  departmentAbbreviation?: string
  /** Highlight the free-text parts that still show their default text. */
  markDefaults?: boolean
  /** Who signs (an active signer's id, Cài đặt › Người ký); the default signer when omitted. */
  signerId?: number
  /** The date of signing; today when omitted. */
  date?: IsoDate
  /** A number the văn thư took by hand; the register's next one when omitted. */
  number?: number
  /**
   * Show the document without issuing it: nothing is registered; a typed number and the date
   * print as the export would print them, the register's next number stays blank.
   */
  preview?: boolean
}

export interface ExportResult {
  fileName: string
  buffer: Buffer
  /** The register entry, or null for a draft. */
  issued: IssuedDocument | null
  /** The register write, or null when nothing was registered. */
  change: ChangeReceipt | null
  /** Defaults the document fell back to (Vietnamese, for the clerk). */
  notes: string[]
  /** Whether the document takes a number, and the register's next one (null without a congress term). */
  numbering: { numbered: boolean; nextNumber: number | null; symbolSuffix: string | null }
}

export const DEFAULT_DEPARTMENT_ABBREVIATION = 'VP'

interface Plan {
  /**
   * The sequence that numbers the document and its trích yếu in the register; null for what
   * a ban or a cadre writes (registration forms, a ban's summary, trip reports): they are not
   * văn bản đi of the Ban Thường vụ, so they take no number and only carry the date.
   */
  register: { typeCode: DocumentTypeCode; title: (meta: DocumentMeta) => string } | null
  build: (meta: DocumentMeta) => Document
  fileStem: string
}

/** A code as it may appear in a file name (codes are typed by the clerk). */
function fileSafe(code: string): string {
  return code.trim().replace(/[^\p{L}\p{N}_-]+/gu, '-')
}

function plan(ctx: ServiceContext, options: ExportOptions): Plan {
  const { year, quarter } = options
  switch (options.document) {
    case 'year-report': {
      const data = loadYearReportData(ctx, year, options.asOf)
      const input = (meta: DocumentMeta): YearReportInput => ({ meta, ...data, withChart: options.withChart })
      return {
        register: { typeCode: YEAR_REPORT_TYPE, title: (meta) => yearReportTitle(input(meta)) },
        build: (meta) => buildYearReport(input(meta)),
        fileStem: `bao-cao-di-co-so-nam-${year}${data.summary.inProgress ? `-den-${data.summary.asOf}` : ''}`
      }
    }
    case 'progress-report': {
      const data = loadProgressReportData(ctx, year, options.asOf)
      const input = (meta: DocumentMeta): ProgressReportInput => ({ meta, ...data })
      return {
        register: { typeCode: PROGRESS_REPORT_TYPE, title: (meta) => progressReportTitle(input(meta)) },
        build: (meta) => buildProgressReport(input(meta)),
        fileStem: `bao-cao-tien-do-di-co-so-${data.summary.asOf}`
      }
    }
    case 'quarter-plan': {
      const data = loadQuarterPlanData(ctx, year, quarter)
      return {
        register: { typeCode: QUARTER_PLAN_TYPE, title: (meta) => quarterPlanTitle({ meta, ...data }) },
        build: (meta) => buildQuarterPlan({ meta, ...data }),
        fileStem: `ke-hoach-di-co-so-quy-${data.quarter}-${year}`
      }
    }
    case 'registration-form': {
      const data = loadRegistrationFormData(ctx, year, quarter, options.cadreCode)
      return {
        register: null,
        build: (meta) => buildRegistrationForm({ meta, ...data }),
        fileStem: `phieu-dang-ky-di-co-so-quy-${data.quarter}-${year}-${fileSafe(data.cadre.code)}`
      }
    }
    case 'registration-summary': {
      const data = loadRegistrationSummaryData(ctx, year, quarter, options.departmentCode)
      const scope = data.department && options.departmentCode ? `-${fileSafe(options.departmentCode)}` : ''
      return {
        // A ban's own summary is signed by its head and sent to the Thường trực: no number.
        register: data.department
          ? null
          : {
              typeCode: REGISTRATION_SUMMARY_TYPE,
              title: (meta) => registrationSummaryTitle({ meta, ...data })
            },
        build: (meta) => buildRegistrationSummary({ meta, ...data }),
        fileStem: `tong-hop-dang-ky-di-co-so-quy-${data.quarter}-${year}${scope}`
      }
    }
    case 'trip-report': {
      const data = loadTripReportData(ctx, options.tripCode, options.cadreCode)
      return {
        register: null,
        build: (meta) => buildTripReport({ meta, ...data }),
        fileStem: `bao-cao-ket-qua-di-co-so-${fileSafe(data.trip.code)}`
      }
    }
    case 'chi-doan-report': {
      const data = loadChiDoanReportData(ctx, options.tripCode, options.cadreCode)
      return {
        register: null,
        build: (meta) => buildChiDoanReport({ meta, ...data }),
        fileStem: `bao-cao-du-sinh-hoat-chi-doan-${fileSafe(data.trip.code)}`
      }
    }
    case 'three-active-form': {
      const units = loadRegistrations(ctx, year, options.unitCode)
      return {
        // The unit's own paper, sent to its overseeing union: dated, not numbered.
        register: null,
        build: (meta) => buildThreeActiveForm({ meta, year, units }),
        fileStem: `phieu-dang-ky-3-chu-dong-${year}${options.unitCode ? `-${fileSafe(options.unitCode)}` : ''}`
      }
    }
    case 'three-active-record': {
      const units = loadEvaluations(ctx, year, options.unitCode)
      return {
        // A meeting record, signed by the chair and the secretary: not a numbered văn bản đi.
        register: null,
        build: (meta) => buildThreeActiveRecord({ meta, year, units }),
        fileStem: `bien-ban-danh-gia-3-chu-dong-${year}${options.unitCode ? `-${fileSafe(options.unitCode)}` : ''}`
      }
    }
    case 'three-active-decision': {
      const data = loadDecision(ctx, year)
      const input = (meta: DocumentMeta) => ({ meta, year, ...data })
      return {
        register: {
          typeCode: THREE_ACTIVE_DECISION_TYPE,
          title: (meta) => threeActiveDecisionTitle(input(meta))
        },
        build: (meta) => buildThreeActiveDecision(input(meta)),
        fileStem: `quyet-dinh-cong-nhan-3-chu-dong-${year}`
      }
    }
    case 'three-active-report': {
      const data = loadThreeActiveYear(ctx, year)
      const input = (meta: DocumentMeta) => ({ meta, year, ...data })
      return {
        register: {
          typeCode: THREE_ACTIVE_REPORT_TYPE,
          title: (meta) => threeActiveReportTitle(input(meta))
        },
        build: (meta) => buildThreeActiveReport(input(meta)),
        fileStem: `bao-cao-3-chu-dong-${year}`
      }
    }
  }
}

/** A refusal about one field of the request, with the "field: message" line the screen maps. */
function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, [`${field}: ${message}`])
}

export async function exportDocument(ctx: ServiceContext, options: ExportOptions): Promise<ExportResult> {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(options.document)) {
    throw new AppError('VALIDATION', `Không có mẫu văn bản "${options.document}".`)
  }
  if (options.asOf !== undefined && !isValidIsoDate(options.asOf)) {
    throw fieldError('asOf', `Ngày tính số liệu không hợp lệ: "${options.asOf}".`)
  }
  if (options.date !== undefined && !isValidIsoDate(options.date)) {
    throw fieldError('date', `Ngày ký không hợp lệ: "${options.date}".`)
  }
  if (options.number !== undefined && (!Number.isInteger(options.number) || options.number < 1)) {
    throw fieldError('number', `Số văn bản không hợp lệ: "${options.number}" (số nguyên từ 1 trở lên).`)
  }
  // Loaded first: a request naming an unknown trip, cadre or ban is refused before anything else.
  const p = plan(ctx, options)
  const { issuer, signer, configured, notes, signerNotes } = loadIssuer(ctx, options.signerId)
  const today = ctx.clock.today()
  const signingDate = options.date ?? today
  const department = options.departmentAbbreviation?.trim() || DEFAULT_DEPARTMENT_ABBREVIATION
  const typed = options.number
  let draft = options.draft ?? false
  if (p.register === null) {
    if (typed !== undefined) {
      throw fieldError(
        'number',
        'Văn bản của ban, của cá nhân không lấy số văn bản đi: để trống ô số văn bản.'
      )
    }
    notes.push('Văn bản của ban, của cá nhân: không lấy số trong sổ văn bản đi.')
    if (options.signerId !== undefined)
      notes.push('Văn bản của ban, của cá nhân do người viết ký: không dùng người ký đã chọn.')
  } else {
    notes.push(...signerNotes)
    if (typed !== undefined && draft) {
      throw fieldError('number', 'Bản nháp để trống số cho văn thư: bỏ số đã nhập, hoặc bỏ chọn bản nháp.')
    }
    if (!options.departmentAbbreviation?.trim()) {
      notes.push(`Ký hiệu ban soạn thảo mặc định là ${DEFAULT_DEPARTMENT_ABBREVIATION} (Văn phòng).`)
    }
    if (!draft && !configured) {
      if (typed !== undefined) {
        throw fieldError(
          'number',
          'Chưa khai báo nhiệm kỳ đại hội (Cài đặt › Cơ quan) nên chưa ghi được số vào sổ văn bản đi.'
        )
      }
      // Numbers run per congress term: without one, a number would land in a sequence nobody uses.
      draft = true
      notes.push(
        'Chưa khai báo nhiệm kỳ đại hội nên văn bản được xuất để trống số và ngày; văn thư ghi khi ban hành.'
      )
    }
  }
  const numbering = {
    numbered: p.register !== null,
    nextNumber:
      p.register !== null && configured ? nextNumber(ctx, p.register.typeCode, issuer.congressTerm) : null,
    symbolSuffix:
      p.register === null
        ? null
        : documentSymbol({
            number: null,
            typeCode: p.register.typeCode,
            issuerAbbreviation: issuer.issuerAbbreviation,
            departmentAbbreviation: department
          }).slice(BLANK.length)
  }
  const meta: DocumentMeta = {
    issuer,
    signer,
    departmentAbbreviation: department,
    number: null,
    date: null,
    draftYear: yearOf(signingDate),
    texts: options.texts ?? {},
    markDefaults: options.markDefaults ?? false
  }
  if (p.register === null) {
    const document = p.build(draft ? meta : { ...meta, date: signingDate })
    return {
      fileName: `${p.fileStem}.docx`,
      buffer: await renderDocx(document),
      issued: null,
      change: null,
      notes,
      numbering
    }
  }
  if (options.preview) {
    // What the export will print, without taking a number: a typed one shows, the register's stays blank.
    const shown = draft ? meta : { ...meta, number: typed ?? null, date: signingDate }
    return {
      fileName: `${p.fileStem}${typed === undefined || draft ? '-chua-cap-so' : `-so-${formatDocumentNumber(typed)}`}.docx`,
      buffer: await renderDocx(p.build(shown)),
      issued: null,
      change: null,
      notes,
      numbering
    }
  }
  // Built once before taking a number, so a document that cannot be built never uses one up.
  const draftDocument = p.build(meta)
  let issued: (IssuedDocument & { change: ChangeReceipt }) | null = null
  let document = draftDocument
  if (!draft) {
    issued = issueDocument(ctx, {
      typeCode: p.register.typeCode,
      congressTerm: issuer.congressTerm,
      issuerAbbreviation: issuer.issuerAbbreviation,
      departmentAbbreviation: department,
      title: p.register.title(meta),
      issuedDate: signingDate,
      ...(typed === undefined ? {} : { number: typed })
    })
    document = p.build({ ...meta, number: issued.number, date: issued.issuedDate })
  }
  const buffer = await renderDocx(document)
  const suffix = issued ? `-so-${issued.symbol.split('-')[0]}` : '-chua-cap-so'
  return {
    fileName: `${p.fileStem}${suffix}.docx`,
    buffer,
    issued,
    change: issued?.change ?? null,
    notes,
    numbering
  }
}
