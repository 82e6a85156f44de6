/**
 * Runs and plain paragraphs. Times New Roman comes from the document defaults (all four font
 * slots, document.ts), not from every run: a run carries only its size and what differs from
 * plain text, so a long table does not repeat the same properties thousands of times. Text
 * is normalised to NFC: text pasted from some sources arrives with combining marks, which
 * Times New Roman positions badly.
 */
import { AlignmentType, Paragraph, TextRun, UnderlineType } from 'docx'
import { SIZE, TIGHT } from './constants'

export type Align = 'left' | 'center' | 'right' | 'justify'

export const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED
} as const

export function nfc(text: string): string {
  return text.normalize('NFC')
}

export interface RunStyle {
  /** Half-points; the body size (14 pt) when omitted. */
  size?: number
  bold?: boolean
  italics?: boolean
  underline?: boolean
  superScript?: boolean
  /** Twentieths of a point; negative condenses (long issuer names). */
  characterSpacing?: number
  /** Yellow background: marks default text the drafter should review. */
  highlight?: boolean
}

/** A piece of text with its own style inside a paragraph. */
export type Segment = string | ({ text: string } & RunStyle)

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: nfc(text),
    size: style.size ?? SIZE.body,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
    ...(style.superScript ? { superScript: true } : {}),
    ...(style.characterSpacing ? { characterSpacing: style.characterSpacing } : {}),
    ...(style.highlight ? { highlight: 'yellow' as const } : {})
  })
}

/** Runs for segments; `base` styles every segment that does not say otherwise. */
export function runs(segments: Segment | readonly Segment[], base: RunStyle = {}): TextRun[] {
  const list = typeof segments === 'string' || !Array.isArray(segments) ? [segments as Segment] : segments
  return list.map((s) => (typeof s === 'string' ? run(s, base) : run(s.text, { ...base, ...s })))
}

export interface LineOptions extends RunStyle {
  align?: Align
  before?: number
  after?: number
  /** 240ths of a line; single (240) by default. */
  lineSpacing?: number
  keepNext?: boolean
}

/** A single-spaced paragraph without indent: header lines, titles, table cells, signature. */
export function line(segments: Segment | readonly Segment[], options: LineOptions = {}): Paragraph {
  const {
    align = 'center',
    before = TIGHT.before,
    after = TIGHT.after,
    lineSpacing = TIGHT.line,
    keepNext,
    ...style
  } = options
  return new Paragraph({
    alignment: ALIGN[align],
    spacing: { before, after, line: lineSpacing },
    ...(keepNext ? { keepNext: true } : {}),
    // The paragraph mark carries the size too, so an empty line is as tall as its text would be.
    run: { size: style.size ?? SIZE.body },
    children: runs(segments, style)
  })
}

/** An empty line of the given size (keeps rows of two-column blocks level). */
export function emptyLine(size: number = SIZE.body): Paragraph {
  return line('', { size })
}
