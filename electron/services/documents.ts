/**
 * The register of issued documents (sổ đăng ký văn bản đi): one number sequence per
 * document type per congress term (HD 29-HD/TWĐTN-VP III.3.1), starting at 01. Issuing
 * takes the next number and records it in the same transaction, so two exports can never
 * get the same number; a number the văn thư typed is registered as given, unless the
 * register already holds it. Drafts are not registered (the văn thư numbers them by hand).
 */
import { and, desc, eq, max } from 'drizzle-orm'
import { AppError } from '../../shared/api/errors'
import type { ChangeReceipt } from '../../shared/api/history'
import { formatDateVi, isValidIsoDate, type IsoDate } from '../../shared/domain/dates'
import { documentSymbol, isDocumentTypeCode, type DocumentTypeCode } from '../reports/blocks/number'
import type { AppDatabase } from '../db/connection'
import { issuedDocuments } from '../db/schema'
import type { ServiceContext } from './context'

export interface IssuedDocument {
  id: number
  typeCode: DocumentTypeCode
  congressTerm: string
  number: number
  /** "504-KH/TĐTN-XDĐ" */
  symbol: string
  title: string
  issuedDate: IsoDate
  departmentAbbreviation: string
  createdAt: string
}

export interface IssueDocumentInput {
  typeCode: DocumentTypeCode
  congressTerm: string
  /** "TĐTN" */
  issuerAbbreviation: string
  /** "XDĐ" */
  departmentAbbreviation: string
  /** The trích yếu. */
  title: string
  issuedDate: IsoDate
  /** A number typed by the văn thư; the next of the sequence when omitted. */
  number?: number
}

function lastNumber(db: AppDatabase, typeCode: string, congressTerm: string): number {
  const row = db
    .select({ n: max(issuedDocuments.number) })
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.typeCode, typeCode), eq(issuedDocuments.congressTerm, congressTerm)))
    .get()
  return row?.n ?? 0
}

/** The number the next document of this type gets in this term (1 for the first). */
export function nextNumber(ctx: ServiceContext, typeCode: DocumentTypeCode, congressTerm: string): number {
  return lastNumber(ctx.db, typeCode, congressTerm.trim()) + 1
}

function validate(input: IssueDocumentInput): string[] {
  const problems: string[] = []
  if (!isDocumentTypeCode(input.typeCode)) problems.push(`Loại văn bản không hợp lệ: "${input.typeCode}".`)
  if (!input.congressTerm.trim())
    problems.push('Thiếu nhiệm kỳ đại hội (số văn bản đánh theo từng nhiệm kỳ).')
  if (!input.issuerAbbreviation.trim())
    problems.push('Thiếu chữ viết tắt tên cơ quan ban hành (ví dụ: TĐTN).')
  if (!input.departmentAbbreviation.trim())
    problems.push('Thiếu chữ viết tắt tên ban soạn thảo (ví dụ: XDĐ).')
  if (!input.title.trim()) problems.push('Thiếu trích yếu văn bản.')
  if (!isValidIsoDate(input.issuedDate)) problems.push(`Ngày ban hành không hợp lệ: "${input.issuedDate}".`)
  return problems
}

/** A register entry as the change log shows it (the history page's columns). */
function inWords(row: { symbol: string; title: string; issuedDate: string }) {
  return { symbol: row.symbol, title: row.title, issuedDate: row.issuedDate }
}

/**
 * Takes a number (the next of the sequence, or the one typed) and registers the document, in
 * one tracked write; returns the register entry and the write's receipt.
 */
export function issueDocument(
  ctx: ServiceContext,
  input: IssueDocumentInput
): IssuedDocument & { change: ChangeReceipt } {
  const problems = validate(input)
  if (problems.length) throw new AppError('VALIDATION', 'Không cấp được số văn bản.', problems)
  const congressTerm = input.congressTerm.trim()
  const departmentAbbreviation = input.departmentAbbreviation.trim()
  const symbolOf = (number: number) =>
    documentSymbol({
      number,
      typeCode: input.typeCode,
      issuerAbbreviation: input.issuerAbbreviation.trim(),
      departmentAbbreviation
    })
  if (input.number !== undefined) {
    const taken = ctx.db
      .select()
      .from(issuedDocuments)
      .where(
        and(
          eq(issuedDocuments.typeCode, input.typeCode),
          eq(issuedDocuments.congressTerm, congressTerm),
          eq(issuedDocuments.number, input.number)
        )
      )
      .get()
    if (taken) {
      const message =
        `Số ${taken.symbol} đã cấp ngày ${formatDateVi(taken.issuedDate)} cho văn bản "${taken.title}"; ` +
        'hãy nhập số khác hoặc để trống để lấy số tiếp theo.'
      throw new AppError('CONFLICT', message, [`number: ${message}`])
    }
  }
  const preview = symbolOf(input.number ?? nextNumber(ctx, input.typeCode, congressTerm))
  const label = `Cấp số văn bản ${preview}: ${input.title.trim()}`
  return ctx.write(label, (tx, log) => {
    // Taken inside the write: no other export can take the same number in between.
    const number = input.number ?? lastNumber(tx, input.typeCode, congressTerm) + 1
    const row = log.rows.insert(issuedDocuments, {
      typeCode: input.typeCode,
      congressTerm,
      number,
      symbol: symbolOf(number),
      title: input.title.trim().normalize('NFC'),
      issuedDate: input.issuedDate,
      departmentAbbreviation,
      createdAt: ctx.clock.now()
    })
    log.record('issued_documents', row.symbol, 'insert', null, inWords(row))
    return {
      ...row,
      typeCode: row.typeCode as DocumentTypeCode,
      change: { batchId: log.batchId, label: `Cấp số văn bản ${row.symbol}: ${row.title}` }
    }
  })
}

/** The register, newest first; optionally one term or one type. */
export function listIssuedDocuments(
  ctx: ServiceContext,
  filter: { congressTerm?: string; typeCode?: DocumentTypeCode } = {}
): IssuedDocument[] {
  const conditions = [
    filter.congressTerm ? eq(issuedDocuments.congressTerm, filter.congressTerm) : undefined,
    filter.typeCode ? eq(issuedDocuments.typeCode, filter.typeCode) : undefined
  ].filter((c) => c !== undefined)
  return ctx.db
    .select()
    .from(issuedDocuments)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(issuedDocuments.issuedDate), desc(issuedDocuments.id))
    .all()
    .map((row) => ({ ...row, typeCode: row.typeCode as DocumentTypeCode }))
}
