/**
 * The Word documents behind the API: the catalog, previews (a preview never takes a number
 * from the register: it shows a typed number, or leaves it blank), issuing (a number from the
 * register, or the one typed, unless the clerk asks for a draft), the register, and the lists
 * the parameter pickers need.
 *
 * A request is checked here before a document is built: the kind exists, the parameters it
 * needs are there, every code names a row (NOT_FOUND naming the code otherwise) and every
 * text belongs to the document; what the data must be (a trip's kind, a cadre serving in the
 * quarter) the document loaders check.
 * Parameters a document does not use are dropped, so a stale quarter left in the form
 * cannot change a year report.
 */
import type { ApiHandlers, ApiParsedInput } from '../../shared/api/contract'
import type {
  DocumentCatalogEntry,
  DocumentPreview,
  IssuedDocumentInfo,
  IssuedFile
} from '../../shared/api/documents'
import { AppError } from '../../shared/api/errors'
import { DOCUMENT_CATALOG, isDocumentKind, type CatalogEntry, type CatalogRequest } from '../reports/catalog'
import { DOCUMENT_KINDS, exportDocument, type DocumentKind, type ExportOptions } from '../reports/export'
import type { ServiceContext } from './context'
import { listCadres, listDepartments, listTripChoices } from './choices'
import { listIssuedDocuments, type IssuedDocument } from './documents'
import { readCadre, readDepartment, readTrip } from './people-read'

type DocumentRequest = ApiParsedInput<'documents.preview'>

interface ResolvedRequest {
  kind: DocumentKind
  entry: CatalogEntry
  catalogRequest: CatalogRequest
  options: ExportOptions
}

export function documentCatalog(): DocumentCatalogEntry[] {
  return DOCUMENT_KINDS.map((kind) => {
    const entry = DOCUMENT_CATALOG[kind]
    return {
      kind,
      label: entry.label,
      group: entry.group,
      parameters: entry.parameters,
      texts: entry.texts.map(({ key, label }) => ({ key, label }))
    }
  })
}

const MISSING: Record<'quarter' | 'trip' | 'cadre' | 'department', string> = {
  quarter: 'Chưa chọn quý.',
  trip: 'Chưa chọn chuyến đi.',
  cadre: 'Chưa chọn cán bộ.',
  department: 'Chưa chọn ban.'
}

function resolve(ctx: ServiceContext, request: DocumentRequest): ResolvedRequest {
  if (!isDocumentKind(request.document)) {
    throw new AppError('VALIDATION', `Không có mẫu văn bản "${request.document}".`)
  }
  const kind = request.document
  const entry = DOCUMENT_CATALOG[kind]
  const p = entry.parameters
  const given = {
    quarter: request.quarter,
    trip: request.tripCode,
    cadre: request.cadreCode,
    department: request.departmentCode
  }
  const missing = (Object.keys(MISSING) as Array<keyof typeof MISSING>)
    .filter((name) => p[name] === 'required' && given[name] === undefined)
    .map((name) => MISSING[name])
  if (missing.length) throw new AppError('VALIDATION', `Thiếu thông tin để lập "${entry.label}".`, missing)
  const unknownTexts = Object.keys(request.texts ?? {}).filter(
    (key) => !entry.texts.some((t) => t.key === key)
  )
  if (unknownTexts.length) {
    throw new AppError(
      'VALIDATION',
      `"${entry.label}" không có phần nội dung này.`,
      unknownTexts.map((key) => `Phần nội dung "${key}" không thuộc mẫu văn bản.`)
    )
  }

  // Every code given must exist, even one this document ignores: a wrong code is a mistake to report.
  const trip = request.tripCode === undefined ? undefined : readTrip(ctx, request.tripCode)
  if (request.cadreCode !== undefined) readCadre(ctx, request.cadreCode)
  const department =
    request.departmentCode === undefined ? undefined : readDepartment(ctx, request.departmentCode)
  const use = <T>(name: keyof typeof MISSING | 'asOf', value: T | undefined): T | undefined =>
    p[name] === 'none' ? undefined : value
  const tripCode = use('trip', trip?.code)
  const cadreCode = use('cadre', request.cadreCode)
  const chosen = use('department', department)
  const covered = p.departmentRole === 'covered' ? chosen : undefined
  const drafting = p.departmentRole === 'drafting' ? chosen : undefined

  const catalogRequest: CatalogRequest = {
    year: request.year,
    quarter: use('quarter', request.quarter),
    tripCode,
    cadreCode,
    departmentCode: covered?.code,
    departmentAbbreviation: drafting?.abbreviation,
    asOf: use('asOf', request.asOf),
    ...(request.unitCode === undefined ? {} : { unitCode: request.unitCode })
  }
  const options: ExportOptions = {
    document: kind,
    year: request.year,
    quarter: catalogRequest.quarter,
    tripCode,
    cadreCode,
    departmentCode: catalogRequest.departmentCode,
    departmentAbbreviation: catalogRequest.departmentAbbreviation,
    asOf: catalogRequest.asOf,
    ...(request.unitCode === undefined ? {} : { unitCode: request.unitCode }),
    ...(request.withChart && p.chart ? { withChart: true } : {}),
    texts: request.texts ?? {},
    ...(request.signerId === undefined ? {} : { signerId: request.signerId }),
    ...(request.date === undefined ? {} : { date: request.date }),
    ...(request.number === undefined ? {} : { number: request.number })
  }
  return { kind, entry, catalogRequest, options }
}

function toInfo(doc: IssuedDocument): IssuedDocumentInfo {
  return {
    id: doc.id,
    symbol: doc.symbol,
    number: doc.number,
    typeCode: doc.typeCode,
    title: doc.title,
    issuedDate: doc.issuedDate,
    congressTerm: doc.congressTerm
  }
}

export async function previewDocument(
  ctx: ServiceContext,
  request: DocumentRequest
): Promise<DocumentPreview> {
  const { entry, catalogRequest, options } = resolve(ctx, request)
  const texts = entry.defaultTexts(ctx, catalogRequest)
  const result = await exportDocument(ctx, { ...options, preview: true, draft: request.draft ?? false })
  return {
    fileName: result.fileName,
    contentBase64: result.buffer.toString('base64'),
    texts,
    notes: result.notes,
    numbering: result.numbering
  }
}

export async function issueDocumentFile(
  ctx: ServiceContext,
  request: ApiParsedInput<'documents.issue'>
): Promise<IssuedFile> {
  const { entry, catalogRequest, options } = resolve(ctx, request)
  const result = await exportDocument(ctx, { ...options, draft: request.draft })
  const outcome = result.issued
    ? 'numbered'
    : request.draft || entry.numbered(catalogRequest)
      ? 'draft'
      : 'dated'
  return {
    fileName: result.fileName,
    contentBase64: result.buffer.toString('base64'),
    outcome,
    issued: result.issued ? toInfo(result.issued) : null,
    notes: result.notes,
    change: result.change
  }
}

export function documentRegister(ctx: ServiceContext, year: number | undefined): IssuedDocumentInfo[] {
  return listIssuedDocuments(ctx)
    .filter((doc) => year === undefined || doc.issuedDate.startsWith(`${year}-`))
    .map(toInfo)
}

export function documentHandlers(
  ctx: ServiceContext
): Pick<
  ApiHandlers,
  | 'documents.catalog'
  | 'documents.preview'
  | 'documents.issue'
  | 'documents.register'
  | 'cadres.list'
  | 'departments.list'
  | 'trips.list'
> {
  return {
    'documents.catalog': () => documentCatalog(),
    'documents.preview': (request) => previewDocument(ctx, request),
    'documents.issue': (request) => issueDocumentFile(ctx, request),
    'documents.register': ({ year }) => documentRegister(ctx, year),
    'cadres.list': () => listCadres(ctx),
    'departments.list': () => listDepartments(ctx),
    'trips.list': (filter) => listTripChoices(ctx, filter)
  }
}
