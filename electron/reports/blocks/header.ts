/**
 * The header of page 1 (S1 ô 1–5): a borderless two-column table.
 *
 *   BCH ĐOÀN TỈNH LÂM ĐỒNG       |          ĐOÀN TNCS HỒ CHÍ MINH   (15 bold, underlined)
 *            ***                 |
 *   Số: 504-KH/TĐTN-XDĐ          |  Lâm Đồng, ngày 05 tháng 02 năm 2025   (13 italic)
 *   "V/v ..." (công văn only)    |
 *
 * Two rows, so "Số:" and the date share a row whatever the issuer's name wraps to.
 *
 * Nothing in it may wrap by accident: the columns are measured (measure.ts). The right one is
 * as wide as the date line needs (a long place name takes room from the issuer's side, which
 * the number line still fits in), and an issuer name too wide for its column is set on two
 * centred lines, broken before the place name ("BCH ĐOÀN TỈNH" / "BÀ RỊA - VŨNG TÀU"), rather
 * than squeezed until its letters touch.
 */
import type { Paragraph, Table } from 'docx'
import { issuerNameLines } from '../../../shared/domain/issuer'
import { borderlessTwoColumns } from './borderless'
import { HEADER_COLUMNS, SIZE, TITLE_LINE, USABLE_WIDTH } from './constants'
import { textWidth, type MeasureStyle } from './measure'
import { line, nfc } from './text'

export const MOTTO = 'ĐOÀN TNCS HỒ CHÍ MINH'

export interface HeaderInput {
  /** Two-line issuer form only: the superior body above the issuer ("TỈNH ĐOÀN LÂM ĐỒNG"). */
  superiorName?: string | null
  /** "BCH ĐOÀN TỈNH LÂM ĐỒNG"; a "\n" breaks it into two centred lines. */
  issuerName: string
  /** "Số: 504-KH/TĐTN-XDĐ" (see number.ts); empty for a document without a number. */
  numberLine: string
  /** The place and date line (see date-line.ts). */
  dateLine: string
  /** Công văn only: the trích yếu "V/v ..." under the number. */
  subjectLine?: string | null
  /** Công văn only: print the trích yếu in quotation marks, as S1's examples do. */
  quoteSubject?: boolean
}

/** A line measured to its column's edge breaks in one word processor or another: keep a margin. */
function needed(text: string, style: MeasureStyle): number {
  return Math.ceil(textWidth(text, style) * 1.03 + 60)
}

/** Twips above each further line of a name in capitals, so marks above never touch the line before. */
const STACKED_CAPITALS_GAP = 30

/** Condensing beyond half a point per letter makes capitals touch (the issue with S1's own trick). */
const MOST_CONDENSED = -10

/** Words a name is best broken after: the level, so the place name stays whole on the next line. */
const LEVEL_WORDS = new Set(['TỈNH', 'PHỐ', 'XÃ', 'PHƯỜNG', 'HUYỆN', 'QUẬN', 'THỊ', 'TRẤN', 'HÀNH'])

/**
 * One line of a name (upper case) as one or two lines that fit `width`: the line itself
 * when it fits, else the break after a level word whose lines both fit, else the most even
 * break. Never breaks next to a dash ("BÀ RỊA - VŨNG TÀU" stays together).
 */
export function breakName(text: string, width: number, style: MeasureStyle): string[] {
  if (needed(text, style) <= width) return [text]
  const words = text.split(' ')
  const candidates: Array<{ lines: [string, string]; widest: number; level: boolean }> = []
  for (let k = 1; k < words.length; k += 1) {
    const first = words.slice(0, k).join(' ')
    const second = words.slice(k).join(' ')
    if (/[-–—]$/.test(first) || /^[-–—]/.test(second)) continue
    const widest = Math.max(needed(first, style), needed(second, style))
    candidates.push({ lines: [first, second], widest, level: LEVEL_WORDS.has(words[k - 1] ?? '') })
  }
  if (candidates.length === 0) return [text]
  const fitting = candidates.filter((c) => c.widest <= width)
  const byLevel = fitting.filter((c) => c.level)
  const pool = byLevel.length ? byLevel : fitting.length ? fitting : candidates
  return pool.reduce((best, c) => (c.widest < best.widest ? c : best)).lines
}

/** The condensing (twentieths of a point per letter, ≤ 0) that brings a line within `width`, if a little is enough. */
export function condensingFor(text: string, width: number, style: MeasureStyle): number {
  const over = needed(text, style) - width
  if (over <= 0) return 0
  const letters = [...nfc(text)].length
  return Math.max(MOST_CONDENSED, -Math.ceil(over / Math.max(letters, 1)))
}

export interface HeaderLayout {
  columns: [number, number]
  superiorLines: string[]
  issuerLines: string[]
  /** Per issuer line, the condensing it needs (0 for almost every name). */
  issuerSpacing: number[]
  dateSize: number
  dateSpacing: number
}

/** How the header is laid out for these texts: column widths, the name's lines, the date's size. */
export function headerLayout(input: HeaderInput): HeaderLayout {
  const total = USABLE_WIDTH.portrait
  const issuerStyle = { size: SIZE.issuer, bold: true }
  const superiorStyle = { size: SIZE.superior }
  const motto = needed(MOTTO, { size: SIZE.motto, bold: true })
  const numberWidth = input.numberLine ? needed(input.numberLine, { size: SIZE.number }) : 0
  let dateSize: number = SIZE.date
  let right = Math.max(HEADER_COLUMNS[1], motto, needed(input.dateLine, { size: dateSize, italics: true }))
  // The issuer's side keeps at least what the number line needs; a longer date steps down to 12 pt.
  const leftMinimum = Math.max(numberWidth, 3000)
  if (total - right < leftMinimum) {
    dateSize = SIZE.subjectLine
    right = Math.max(HEADER_COLUMNS[1], motto, needed(input.dateLine, { size: dateSize, italics: true }))
  }
  right = Math.min(right, total - leftMinimum)
  const left = total - right
  const dateSpacing = condensingFor(input.dateLine, right, { size: dateSize, italics: true })

  const upper = (text: string) => text.toUpperCase()
  const superiorLines = issuerNameLines(input.superiorName ?? '')
    .map(upper)
    .flatMap((l) => breakName(l, left, superiorStyle))
  const issuerLines = issuerNameLines(input.issuerName)
    .map(upper)
    .flatMap((l) => breakName(l, left, issuerStyle))
  return {
    columns: [left, right],
    superiorLines,
    issuerLines,
    issuerSpacing: issuerLines.map((l) => condensingFor(l, left, issuerStyle)),
    dateSize,
    dateSpacing
  }
}

export function headerBlock(input: HeaderInput): Table {
  const layout = headerLayout(input)
  const left: Paragraph[] = []
  // Capitals over several lines need 1.15 spacing and a point more above each line, or the
  // marks of one line ("Ổ", "Ể") touch the line above (as titles).
  const lines = layout.superiorLines.length + layout.issuerLines.length
  const lineSpacing = lines > 1 ? TITLE_LINE : undefined
  const gap = (i: number) => (i > 0 ? STACKED_CAPITALS_GAP : 0)
  layout.superiorLines.forEach((part, i) =>
    left.push(line(part, { size: SIZE.superior, lineSpacing, before: gap(i) }))
  )
  layout.issuerLines.forEach((part, i) =>
    left.push(
      line(part, {
        size: SIZE.issuer,
        bold: true,
        characterSpacing: layout.issuerSpacing[i] ?? 0,
        lineSpacing,
        before: gap(layout.superiorLines.length + i)
      })
    )
  )
  left.push(line('***', { size: SIZE.starSeparator, before: lines > 1 ? STACKED_CAPITALS_GAP : 0 }))

  const numberCell: Paragraph[] = [line(input.numberLine, { size: SIZE.number })]
  if (input.subjectLine) {
    const quoted = input.quoteSubject === false ? input.subjectLine : `"${input.subjectLine}"`
    numberCell.push(line(quoted, { size: SIZE.subjectLine, italics: true, before: 60 }))
  }

  return borderlessTwoColumns(layout.columns, [
    [left, [line(MOTTO, { size: SIZE.motto, bold: true, underline: true, align: 'right' })]],
    [
      numberCell,
      [
        line(input.dateLine, {
          size: layout.dateSize,
          italics: true,
          align: 'right',
          characterSpacing: layout.dateSpacing
        })
      ]
    ]
  ])
}
