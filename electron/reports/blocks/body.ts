/**
 * Running text (S1 III.6): 14 pt, justified, first line indented 1.27 cm, at most 6 pt
 * between paragraphs, line spacing 1.15, and the heading levels:
 *   Phần I (centred) · I. MỤC (bold caps) · 1. Khoản (bold) · 1.1. (bold italic) · 1.1.1. (italic)
 * Bullets are ordinary paragraphs starting with "- " (no Word list numbering, so the layout
 * survives copy and paste between offices).
 */
import { Paragraph } from 'docx'
import { BODY, SIZE } from './constants'
import { ALIGN, line, runs, type RunStyle, type Segment } from './text'

export interface BodyOptions {
  /** Keep with the next paragraph (headings; the last paragraph before the signature). */
  keepNext?: boolean
  /** No first-line indent (a continuation, a centred note). */
  noIndent?: boolean
  /** Style for every segment that does not set its own (e.g. highlight for default text). */
  style?: RunStyle
}

export function bodyParagraph(segments: Segment | readonly Segment[], options: BodyOptions = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN.justify,
    spacing: { before: 0, after: BODY.after, line: BODY.line },
    indent: { firstLine: options.noIndent ? 0 : BODY.firstLine },
    ...(options.keepNext ? { keepNext: true } : {}),
    run: { size: SIZE.body },
    children: runs(segments, { size: SIZE.body, ...options.style })
  })
}

/** "- text" as a body paragraph. */
export function bullet(segments: Segment | readonly Segment[], options: BodyOptions = {}): Paragraph {
  const list = typeof segments === 'string' || !Array.isArray(segments) ? [segments as Segment] : segments
  return bodyParagraph(['- ', ...list], options)
}

/**
 * Free text typed by the clerk (or its default): one body paragraph per line, lines that
 * start with "- " or "+ " stay bullets as typed. Empty lines are dropped.
 */
export function textBlock(text: string, options: BodyOptions = {}): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => bodyParagraph(l, options))
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I']
]

export function toRoman(n: number): string {
  let rest = n
  let out = ''
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters
      rest -= value
    }
  }
  return out
}

/** "Phần I" and its title, both centred (optional level of long documents). */
export function partHeading(n: number, title: string): Paragraph[] {
  return [
    line(`Phần ${toRoman(n)}`, { size: SIZE.part, bold: true, before: 120, keepNext: true }),
    line(title.toUpperCase(), { size: SIZE.heading, bold: true, after: 120, keepNext: true })
  ]
}

/** "I. KẾT QUẢ THỰC HIỆN": Roman numeral, bold caps. */
export function sectionHeading(n: number, title: string): Paragraph {
  return bodyParagraph(`${toRoman(n)}. ${title.toUpperCase()}`, { keepNext: true, style: { bold: true } })
}

/** "1. Ưu điểm": Arabic numeral, bold. */
export function clauseHeading(n: number, title: string): Paragraph {
  return bodyParagraph(`${n}. ${title}`, { keepNext: true, style: { bold: true } })
}

/** "1.1. ..." bold italic, "1.1.1. ..." italic, deeper upright (S1's point levels). */
export function pointHeading(numbers: readonly number[], title: string): Paragraph {
  const depth = numbers.length
  const style: RunStyle = depth === 2 ? { bold: true, italics: true } : depth === 3 ? { italics: true } : {}
  return bodyParagraph(`${numbers.join('.')}. ${title}`, { keepNext: true, style })
}
