/**
 * The document kinds and the parameters each asks for: the light half of ./catalog.ts and
 * ./export.ts. It imports no docx, exceljs, drizzle or SQLite (only types), so the CLI can
 * print its help and check an export's options without loading the document machinery
 * (issue 12: `help` in ≤ 300 ms). The catalog and the exporter take both from here.
 */
import type { DocumentParameters } from '../../shared/api/documents'

export const DOCUMENT_KINDS = [
  'year-report',
  'progress-report',
  'quarter-plan',
  'registration-form',
  'registration-summary',
  'trip-report',
  'chi-doan-report',
  // Đoàn cơ sở "3 chủ động" (documents/three-active/)
  'three-active-form',
  'three-active-record',
  'three-active-decision',
  'three-active-report'
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export function isDocumentKind(kind: string): kind is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind)
}

const NO_PARAMETERS: DocumentParameters = {
  quarter: 'none',
  trip: 'none',
  tripKind: null,
  cadre: 'none',
  cadreOfTrip: false,
  department: 'none',
  departmentRole: 'drafting',
  asOf: 'none'
}

const parameters = (used: Partial<DocumentParameters>): DocumentParameters => ({ ...NO_PARAMETERS, ...used })

/** What each document asks for (the "Văn bản" screen's pickers, the CLI's required options). */
export const DOCUMENT_PARAMETERS: Record<DocumentKind, DocumentParameters> = {
  'year-report': parameters({ department: 'optional', asOf: 'optional', chart: true }),
  'progress-report': parameters({ department: 'optional', asOf: 'optional' }),
  'quarter-plan': parameters({ quarter: 'required', department: 'optional' }),
  'registration-form': parameters({ quarter: 'required', cadre: 'required' }),
  'registration-summary': parameters({
    quarter: 'required',
    department: 'optional',
    departmentRole: 'covered'
  }),
  'trip-report': parameters({ trip: 'required', cadre: 'optional', cadreOfTrip: true }),
  'chi-doan-report': parameters({
    trip: 'required',
    tripKind: 'DU_SH_CHI_DOAN',
    cadre: 'optional',
    cadreOfTrip: true
  }),
  // Đoàn cơ sở "3 chủ động": per-unit papers list every unit (a page each) unless one is named.
  'three-active-form': parameters({ unit: true }),
  'three-active-record': parameters({ unit: true }),
  'three-active-decision': parameters({}),
  'three-active-report': parameters({})
}
