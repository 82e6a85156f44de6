/**
 * The signature block beside "Nơi nhận:" (S1 III.7–8): a borderless two-column table in
 * one row that never splits across pages.
 *
 *                                    |   TM. BAN THƯỜNG VỤ TỈNH ĐOÀN   (14 bold caps)
 *   Nơi nhận:            (13 bold)   |   PHÓ BÍ THƯ                    (14 caps)
 *   - Trung ương Đoàn (b/c);  (11)   |
 *   - Lưu VP, XDĐ.                   |   (signature and seal)
 *                                    |   Nguyễn Văn A                  (14 bold)
 */
import { Paragraph, type Table } from 'docx'
import { borderlessTwoColumns } from './borderless'
import { FONT, SIGNATURE_COLUMNS, SIGNATURE_SPACE, SIZE } from './constants'
import { line, runs } from './text'

export interface SignatureInput {
  /** "TM. BAN THƯỜNG VỤ TỈNH ĐOÀN" (leadership bodies always sign "TM."). */
  authority: string
  /** "BÍ THƯ", "PHÓ BÍ THƯ". */
  position: string
  /** "Nguyễn Văn A" (Title Case, no rank before it). */
  signerName: string
  /** Recipients in order, without the leading "- " and the closing ";" or "." (added here). */
  recipients: readonly string[]
}

/** "- Trung ương Đoàn (b/c);" … "- Lưu VP." : every line ends with ";", the archive line with ".". */
export function recipientLines(recipients: readonly string[]): string[] {
  const cleaned = recipients
    .map((r) =>
      r
        .trim()
        .replace(/^[-+]\s*/, '')
        .replace(/[;.,]+$/, '')
    )
    .filter(Boolean)
  return cleaned.map((r, i) => `- ${r}${i === cleaned.length - 1 ? '.' : ';'}`)
}

function recipientParagraph(text: string): Paragraph {
  // Hanging indent: a wrapped line continues under the text, not under the "- ".
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 240 },
    indent: { left: 170, hanging: 170 },
    run: { size: SIZE.recipient },
    children: runs(text, { size: SIZE.recipient })
  })
}

export function signatureBlock(input: SignatureInput): Table {
  const left: Paragraph[] = [
    // As tall as the authority line, so "Nơi nhận:" sits level with the position line.
    line('', { size: SIZE.authority, align: 'left' }),
    line('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, align: 'left' }),
    ...recipientLines(input.recipients).map(recipientParagraph)
  ]
  const right: Paragraph[] = [
    line(input.authority.toUpperCase(), { size: SIZE.authority, bold: true }),
    line(input.position.toUpperCase(), { size: SIZE.signerPosition }),
    line(input.signerName, { size: SIZE.signerName, bold: true, before: SIGNATURE_SPACE })
  ]
  return borderlessTwoColumns(SIGNATURE_COLUMNS, [[left, right]], { cantSplit: true, spaceAbove: 120 })
}
