/**
 * What every document shares: who issues and signs it, its number (or a draft's blanks),
 * and the free-text parts the clerk may rewrite. A document module gets this as plain data
 * (built by ../load.ts from the services) and never reads the database itself.
 */
import type { Paragraph, Table } from 'docx'
import type { IsoDate } from '../../../shared/domain/dates'
import {
  DOCUMENT_TYPES,
  documentSymbol,
  headerBlock,
  numberLine,
  placeDateLine,
  shortDocumentDate,
  signatureBlock,
  textBlock,
  type BodyOptions,
  type DocumentTypeCode
} from '../blocks'

export interface IssuerInfo {
  /** "BCH ĐOÀN TỈNH LÂM ĐỒNG" */
  issuerName: string
  /** "Lâm Đồng" */
  placeName: string
  /** "TĐTN" */
  issuerAbbreviation: string
  /** "TỈNH ĐOÀN" or "THÀNH ĐOÀN" */
  issuerLevelName: string
  /** "2022–2027" */
  congressTerm: string
}

export interface SignerInfo {
  /** "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN" */
  authority: string
  /** "PHÓ BÍ THƯ" */
  position: string
  fullName: string
}

export interface DocumentMeta {
  issuer: IssuerInfo
  signer: SignerInfo
  /** Drafting department in the symbol ("XDĐ"). */
  departmentAbbreviation: string
  /** The register's number; null for a draft (number and day left blank for the văn thư). */
  number: number | null
  /** Date of signing; null for a draft. */
  date: IsoDate | null
  /** The year a draft prints in its date line ("ngày … tháng … năm 2025"). */
  draftYear: number
  /** Free-text parts the clerk rewrote, by key (see each document's TEXT_SLOTS). */
  texts: Readonly<Record<string, string>>
  /** Highlight the parts still showing their default text, for the drafter to review. */
  markDefaults: boolean
}

export function symbolOf(meta: DocumentMeta, typeCode: DocumentTypeCode): string {
  return documentSymbol({
    number: meta.number,
    typeCode,
    issuerAbbreviation: meta.issuer.issuerAbbreviation,
    departmentAbbreviation: meta.departmentAbbreviation
  })
}

function dateOf(meta: DocumentMeta): IsoDate | { draftYear: number } {
  return meta.date ?? { draftYear: meta.draftYear }
}

export function documentHeader(meta: DocumentMeta, typeCode: DocumentTypeCode): Table {
  return headerBlock({
    issuerName: meta.issuer.issuerName,
    numberLine: numberLine(symbolOf(meta, typeCode)),
    dateLine: placeDateLine(meta.issuer.placeName, dateOf(meta))
  })
}

/** "(Kèm theo Báo cáo số 01-BC/TĐTN-VP ngày 20/12/2025 của Ban Thường vụ Tỉnh đoàn)". */
export function attachmentReference(meta: DocumentMeta, typeCode: DocumentTypeCode): string {
  const typeName = DOCUMENT_TYPES[typeCode].toLowerCase()
  const capitalised = typeName.charAt(0).toUpperCase() + typeName.slice(1)
  return `(Kèm theo ${capitalised} số ${symbolOf(meta, typeCode)} ngày ${shortDocumentDate(dateOf(meta))} của Ban Thường vụ ${levelWords(meta).union})`
}

/** "TỈNH ĐOÀN" → { union: "Tỉnh đoàn", party: "Tỉnh ủy" }; "THÀNH ĐOÀN" → "Thành đoàn", "Thành ủy". */
export function levelWords(meta: DocumentMeta): { union: string; party: string } {
  const lower = meta.issuer.issuerLevelName.trim().toLowerCase()
  const union = lower.charAt(0).toUpperCase() + lower.slice(1)
  const first = union.split(' ')[0] ?? union
  return { union, party: `${first} ủy` }
}

/** A free-text part of a document: its key in `texts`, a label for the editing screen, and its default. */
export interface TextSlot<I> {
  key: string
  label: string
  /** Several lines are several paragraphs; lines starting with "- " are bullets. */
  defaultText: (input: I) => string
}

/** The key of the trích yếu slot every document has: the lines under the type name. */
export const SUMMARY_KEY = 'summary'

/**
 * The trích yếu as a free-text slot (one printed line per line), so the clerk can reword it
 * in Văn bản or with `--texts`; the register records it as one line.
 */
export function summarySlot<I>(lines: (input: I) => readonly string[]): TextSlot<I> {
  return {
    key: SUMMARY_KEY,
    label: 'Trích yếu (mỗi dòng là một dòng in)',
    defaultText: (i) => lines(i).join('\n')
  }
}

/** The trích yếu lines the document prints (the clerk's, or the default). */
export function summaryOf<I>(slots: readonly TextSlot<I>[], input: I, meta: DocumentMeta): string[] {
  return textOf(slots, SUMMARY_KEY, input, meta)
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
}

/** The trích yếu on one line, as the register (sổ văn bản đi) records it. */
export function summaryTitle<I>(slots: readonly TextSlot<I>[], input: I, meta: DocumentMeta): string {
  return summaryOf(slots, input, meta).join(' ')
}

export function textOf<I>(slots: readonly TextSlot<I>[], key: string, input: I, meta: DocumentMeta): string {
  const given = meta.texts[key]
  if (given !== undefined && given.trim() !== '') return given
  const slot = slots.find((s) => s.key === key)
  if (!slot) throw new Error(`Unknown text slot: ${key}`)
  return slot.defaultText(input)
}

/** The paragraphs of a free-text part, highlighted when it still shows its default and the drafter asked for marks. */
export function editable<I>(
  slots: readonly TextSlot<I>[],
  key: string,
  input: I,
  meta: DocumentMeta,
  options: BodyOptions & {
    /** Keep only the last paragraph with what follows (the last part before the closing). */
    keepTail?: boolean
  } = {}
): Paragraph[] {
  const given = meta.texts[key]
  const isDefault = given === undefined || given.trim() === ''
  const { keepTail, ...body } = options
  const style = isDefault && meta.markDefaults ? { ...body.style, highlight: true } : body.style
  const text = textOf(slots, key, input, meta)
  const withStyle = { ...body, ...(style ? { style } : {}) }
  if (!keepTail) return textBlock(text, withStyle)
  const paragraphs = textBlock(text, withStyle)
  const last = textBlock(text, { ...withStyle, keepNext: true }).at(-1)
  return last ? [...paragraphs.slice(0, -1), last] : paragraphs
}

/** The recipients of the "recipients" text slot, one per line. */
export function recipientsOf<I>(slots: readonly TextSlot<I>[], input: I, meta: DocumentMeta): string[] {
  return textOf(slots, 'recipients', input, meta).split(/\r?\n/)
}

/** Signature block with the recipients of the "recipients" text slot (one per line). */
export function documentSignature<I>(slots: readonly TextSlot<I>[], input: I, meta: DocumentMeta): Table {
  return signatureBlock({
    authority: meta.signer.authority,
    position: meta.signer.position,
    signerName: meta.signer.fullName,
    recipients: recipientsOf(slots, input, meta)
  })
}

/** "Lưu VP, XDĐ" (or "Lưu VP" when the Văn phòng drafted it). */
export function archiveLine(meta: DocumentMeta): string {
  const dept = meta.departmentAbbreviation.trim()
  return dept && dept !== 'VP' ? `Lưu VP, ${dept}` : 'Lưu VP'
}

/** "Không đủ thời gian công tác" at the start of a table cell. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "nghỉ thai sản" inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
