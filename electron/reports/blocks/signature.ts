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
import { SIGNATURE_COLUMNS, SIGNATURE_SPACE, SIZE, TITLE_LINE, USABLE_WIDTH } from './constants'
import { textWidth } from './measure'
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

/**
 * The columns: the recipients' side as S1 draws it, narrower when an authority or position
 * line needs more room (a line of the signer's side never wraps; recipients wrap freely).
 */
function signatureColumns(lines: readonly string[]): [number, number] {
  const widest = lines.reduce(
    (max, text) =>
      Math.max(max, Math.ceil(textWidth(text, { size: SIZE.authority, bold: true }) * 1.03 + 60)),
    0
  )
  const right = Math.min(Math.max(SIGNATURE_COLUMNS[1], widest), USABLE_WIDTH.portrait - 3000)
  return [USABLE_WIDTH.portrait - right, right]
}

export function signatureBlock(input: SignatureInput): Table {
  const authority = input.authority.trim().toUpperCase()
  const position = input.position.trim().toUpperCase()
  const left: Paragraph[] = [
    // "Nơi nhận:" sits level with the position line: below the authority line when there is
    // one, level with the only title line when the signer has no separate position (a ban's
    // head, "NGƯỜI BÁO CÁO").
    ...(authority && position
      ? [line('', { size: SIZE.authority, align: 'left', lineSpacing: TITLE_LINE })]
      : []),
    line('Nơi nhận:', {
      size: SIZE.recipientsLabel,
      bold: true,
      align: 'left',
      lineSpacing: TITLE_LINE,
      // The position line has 1.5 pt above it (its marks clear the authority line): so has "Nơi nhận:".
      before: authority && position ? 30 : 0
    }),
    ...recipientLines(input.recipients).map(recipientParagraph)
  ]
  // Capitals on consecutive lines need 1.15 spacing, or the marks of "PHÓ" touch the line above.
  const right: Paragraph[] = [
    ...(authority ? [line(authority, { size: SIZE.authority, bold: true, lineSpacing: TITLE_LINE })] : []),
    // Alone, the signer's title is bold like an authority line ("TRƯỞNG BAN", "NGƯỜI BÁO CÁO").
    ...(position
      ? [
          line(position, {
            size: SIZE.signerPosition,
            bold: !authority,
            lineSpacing: TITLE_LINE,
            before: authority ? 30 : 0
          })
        ]
      : []),
    line(input.signerName, { size: SIZE.signerName, bold: true, before: SIGNATURE_SPACE })
  ]
  return borderlessTwoColumns(signatureColumns([authority, position]), [[left, right]], {
    cantSplit: true,
    spaceAbove: 120
  })
}
