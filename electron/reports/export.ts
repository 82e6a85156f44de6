/**
 * One entry point for every document: load the data through the services, take a number
 * from the register (unless it is a draft), build the document, render the .docx bytes.
 * The CLI, the IPC handler and the tests call this.
 */
import type { Document } from 'docx'
import { AppError } from '../../shared/api/errors'
import { isValidIsoDate, yearOf, type IsoDate } from '../../shared/domain/dates'
import type { ServiceContext } from '../services/context'
import { issueDocument, type IssuedDocument } from '../services/documents'
import { renderDocx, type DocumentTypeCode } from './blocks'
import type { DocumentMeta } from './documents/common'
import {
  buildProgressReport,
  PROGRESS_REPORT_TYPE,
  progressReportTitle,
  type ProgressReportInput
} from './documents/progress-report'
import {
  buildYearReport,
  YEAR_REPORT_TYPE,
  yearReportTitle,
  type YearReportInput
} from './documents/year-report'
import { loadIssuer, loadProgressReportData, loadYearReportData } from './load'

export const DOCUMENT_KINDS = ['year-report', 'progress-report'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export interface ExportOptions {
  document: DocumentKind
  year: number
  /** The date figures are computed for; today (clipped to the year) when omitted. */
  asOf?: IsoDate
  /** Leave the number and the day blank for the văn thư; nothing goes into the register. */
  draft?: boolean
  /** Free-text parts rewritten by the clerk, by slot key (YEAR_REPORT_TEXTS, PROGRESS_REPORT_TEXTS). */
  texts?: Record<string, string>
  /** Drafting department in the symbol; "VP" when omitted. */
  departmentAbbreviation?: string
  /** Highlight the free-text parts that still show their default text. */
  markDefaults?: boolean
}

export interface ExportResult {
  fileName: string
  buffer: Buffer
  /** The register entry, or null for a draft. */
  issued: IssuedDocument | null
  /** Defaults the document fell back to (Vietnamese, for the clerk). */
  notes: string[]
}

export const DEFAULT_DEPARTMENT_ABBREVIATION = 'VP'

interface Plan {
  typeCode: DocumentTypeCode
  title: (meta: DocumentMeta) => string
  build: (meta: DocumentMeta) => Document
  fileStem: string
}

function plan(ctx: ServiceContext, options: ExportOptions): Plan {
  if (options.document === 'year-report') {
    const data = loadYearReportData(ctx, options.year, options.asOf)
    const input = (meta: DocumentMeta): YearReportInput => ({ meta, ...data })
    return {
      typeCode: YEAR_REPORT_TYPE,
      title: (meta) => yearReportTitle(input(meta)),
      build: (meta) => buildYearReport(input(meta)),
      fileStem: `bao-cao-di-co-so-nam-${options.year}${data.summary.inProgress ? `-den-${data.summary.asOf}` : ''}`
    }
  }
  const data = loadProgressReportData(ctx, options.year, options.asOf)
  const input = (meta: DocumentMeta): ProgressReportInput => ({ meta, ...data })
  return {
    typeCode: PROGRESS_REPORT_TYPE,
    title: (meta) => progressReportTitle(input(meta)),
    build: (meta) => buildProgressReport(input(meta)),
    fileStem: `bao-cao-tien-do-di-co-so-${data.summary.asOf}`
  }
}

export async function exportDocument(ctx: ServiceContext, options: ExportOptions): Promise<ExportResult> {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(options.document)) {
    throw new AppError('VALIDATION', `Không có mẫu văn bản "${options.document}".`)
  }
  if (options.asOf !== undefined && !isValidIsoDate(options.asOf)) {
    throw new AppError('VALIDATION', `Ngày tính số liệu không hợp lệ: "${options.asOf}".`)
  }
  const { issuer, signer, configured, notes } = loadIssuer(ctx)
  const today = ctx.clock.today()
  const department = options.departmentAbbreviation?.trim() || DEFAULT_DEPARTMENT_ABBREVIATION
  if (!options.departmentAbbreviation?.trim()) {
    notes.push(`Ký hiệu ban soạn thảo mặc định là ${DEFAULT_DEPARTMENT_ABBREVIATION} (Văn phòng).`)
  }
  let draft = options.draft ?? false
  if (!draft && !configured) {
    // Numbers run per congress term: without one, a number would land in a sequence nobody uses.
    draft = true
    notes.push(
      'Chưa khai báo nhiệm kỳ đại hội nên văn bản được xuất để trống số và ngày; văn thư ghi khi ban hành.'
    )
  }
  const meta: DocumentMeta = {
    issuer,
    signer,
    departmentAbbreviation: department,
    number: null,
    date: null,
    draftYear: yearOf(today),
    texts: options.texts ?? {},
    markDefaults: options.markDefaults ?? false
  }
  const p = plan(ctx, options)
  // Built once before taking a number, so a document that cannot be built never uses one up.
  const draftDocument = p.build(meta)
  let issued: IssuedDocument | null = null
  let document = draftDocument
  if (!draft) {
    issued = issueDocument(ctx, {
      typeCode: p.typeCode,
      congressTerm: issuer.congressTerm,
      issuerAbbreviation: issuer.issuerAbbreviation,
      departmentAbbreviation: department,
      title: p.title(meta),
      issuedDate: today
    })
    document = p.build({ ...meta, number: issued.number, date: issued.issuedDate })
  }
  const buffer = await renderDocx(document)
  const suffix = issued ? `-so-${issued.symbol.split('-')[0]}` : '-chua-cap-so'
  return { fileName: `${p.fileStem}${suffix}.docx`, buffer, issued, notes }
}
