/**
 * The register of issued documents (sổ đăng ký văn bản đi): one number sequence per
 * document type per congress term (HD 29-HD/TWĐTN-VP III.3.1), starting at 01. Issuing
 * takes the next number and records it in the same transaction, so two exports can never
 * get the same number. Drafts are not registered (the văn thư numbers them by hand).
 */
import { and, desc, eq, max } from 'drizzle-orm'
import { AppError } from '../../shared/api/errors'
import { isValidIsoDate, type IsoDate } from '../../shared/domain/dates'
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

/** Takes the next number of the sequence and registers the document; returns the register entry. */
export function issueDocument(ctx: ServiceContext, input: IssueDocumentInput): IssuedDocument {
  const problems = validate(input)
  if (problems.length) throw new AppError('VALIDATION', 'Không cấp được số văn bản.', problems)
  const congressTerm = input.congressTerm.trim()
  const departmentAbbreviation = input.departmentAbbreviation.trim()
  return ctx.write(`Cấp số văn bản ${input.typeCode}`, (tx, log) => {
    const number = lastNumber(tx, input.typeCode, congressTerm) + 1
    const symbol = documentSymbol({
      number,
      typeCode: input.typeCode,
      issuerAbbreviation: input.issuerAbbreviation.trim(),
      departmentAbbreviation
    })
    const row = tx
      .insert(issuedDocuments)
      .values({
        typeCode: input.typeCode,
        congressTerm,
        number,
        symbol,
        title: input.title.trim().normalize('NFC'),
        issuedDate: input.issuedDate,
        departmentAbbreviation,
        createdAt: ctx.clock.now()
      })
      .returning()
      .get()
    log.record('issued_document', symbol, 'insert', null, row)
    return { ...row, typeCode: row.typeCode as DocumentTypeCode }
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
