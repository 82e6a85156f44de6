/**
 * The header of page 1 (S1 ô 1–5): a borderless two-column table.
 *
 *   BCH ĐOÀN TỈNH LÂM ĐỒNG       |          ĐOÀN TNCS HỒ CHÍ MINH   (15 bold, underlined)
 *            ***                 |
 *   Số: 504-KH/TĐTN-XDĐ          |  Lâm Đồng, ngày 05 tháng 02 năm 2025   (13 italic)
 *   "V/v ..." (công văn only)    |
 *
 * Two rows, so "Số:" and the date share a row whatever the issuer's name wraps to.
 */
import type { Paragraph, Table } from 'docx'
import { issuerNameLines } from '../../../shared/domain/issuer'
import { borderlessTwoColumns } from './borderless'
import { HEADER_COLUMNS, SIZE, TITLE_LINE } from './constants'
import { line, nfc } from './text'

export const MOTTO = 'ĐOÀN TNCS HỒ CHÍ MINH'

export interface HeaderInput {
  /** Two-line issuer form only: the superior body above the issuer ("TỈNH ĐOÀN LÂM ĐỒNG"). */
  superiorName?: string | null
  /** "BCH ĐOÀN TỈNH LÂM ĐỒNG"; a "\n" breaks it into two centred lines. */
  issuerName: string
  /** "Số: 504-KH/TĐTN-XDĐ" (see number.ts). */
  numberLine: string
  /** The place and date line (see date-line.ts). */
  dateLine: string
  /** Công văn only: the trích yếu "V/v ..." under the number. */
  subjectLine?: string | null
  /** Công văn only: print the trích yếu in quotation marks, as S1's examples do. */
  quoteSubject?: boolean
}

/** Condense long issuer names a little so they stay on one line, as S1's own example does. */
export function issuerCharacterSpacing(name: string): number {
  const length = nfc(name).length
  if (length > 26) return -20
  if (length > 22) return -10
  return 0
}

export function headerBlock(input: HeaderInput): Table {
  const left: Paragraph[] = []
  // Both names may carry the clerk's line break (Cài đặt, or Alt+Enter in the workbook).
  const superior = issuerNameLines(input.superiorName ?? '')
  const issuer = issuerNameLines(input.issuerName)
  // Capitals over several lines need 1.15 spacing, or the marks of one line touch the next (as titles).
  const lineSpacing = superior.length + issuer.length > 1 ? TITLE_LINE : undefined
  for (const part of superior) {
    left.push(line(part.toUpperCase(), { size: SIZE.superior, lineSpacing }))
  }
  for (const part of issuer) {
    const text = part.toUpperCase()
    left.push(
      line(text, {
        size: SIZE.issuer,
        bold: true,
        characterSpacing: issuerCharacterSpacing(text),
        lineSpacing
      })
    )
  }
  left.push(line('***', { size: SIZE.starSeparator }))

  const numberCell: Paragraph[] = [line(input.numberLine, { size: SIZE.number })]
  if (input.subjectLine) {
    const quoted = input.quoteSubject === false ? input.subjectLine : `"${input.subjectLine}"`
    numberCell.push(line(quoted, { size: SIZE.subjectLine, italics: true, before: 60 }))
  }

  return borderlessTwoColumns(HEADER_COLUMNS, [
    [left, [line(MOTTO, { size: SIZE.motto, bold: true, underline: true, align: 'right' })]],
    [numberCell, [line(input.dateLine, { size: SIZE.date, italics: true, align: 'right' })]]
  ])
}
