/**
 * How wide a piece of text prints in Times New Roman (./metrics.ts), in twips. Table columns
 * and the header's two columns are sized with it, so a number, a date or a code always gets
 * the room it needs on one line instead of being broken by the word processor ("1.006," over
 * "5"), in Word, LibreOffice and WPS alike (they share the advance widths of the font).
 */
import { ADVANCE_WIDTHS, MEASURED_CHARACTERS, UNITS_PER_EM } from './metrics'

export interface MeasureStyle {
  /** Half-points (docx `size`). */
  size: number
  bold?: boolean
  italics?: boolean
  /** Twentieths of a point added after every character (negative condenses), as docx writes it. */
  characterSpacing?: number
}

const INDEX = new Map<string, number>([...MEASURED_CHARACTERS].map((c, i) => [c, i]))
const FALLBACK = INDEX.get('n') ?? 0
const COMBINING = /[\u0300-\u036f]/

function widthsOf(style: MeasureStyle): readonly number[] {
  if (style.bold) return style.italics ? ADVANCE_WIDTHS.boldItalic : ADVANCE_WIDTHS.bold
  return style.italics ? ADVANCE_WIDTHS.italic : ADVANCE_WIDTHS.regular
}

/** Widths already measured: a large table repeats the same figures and names many times. */
const measured = new Map<string, number>()
const MEASURED_LIMIT = 50_000

/** The width of one line of text, in twips (1/20 pt). */
export function textWidth(text: string, style: MeasureStyle): number {
  const key = `${style.size}|${style.bold ? 1 : 0}|${style.italics ? 1 : 0}|${style.characterSpacing ?? 0}|${text}`
  let width = measured.get(key)
  if (width === undefined) {
    if (measured.size >= MEASURED_LIMIT) measured.clear()
    width = measure(text, style)
    measured.set(key, width)
  }
  return width
}

function measure(text: string, style: MeasureStyle): number {
  const widths = widthsOf(style)
  let units = 0
  let characters = 0
  for (const c of text.normalize('NFC')) {
    // A mark left uncomposed by NFC sits on the letter before it and takes no room.
    if (COMBINING.test(c)) continue
    units += widths[INDEX.get(c) ?? FALLBACK] ?? 0
    characters += 1
  }
  // units/em × size in points × 20 twips per point; size is in half-points.
  return (units * style.size * 10) / UNITS_PER_EM + (style.characterSpacing ?? 0) * characters
}

/**
 * The words a line can break between: word processors break at spaces (and inside a word
 * only when the word alone is wider than the column, which is what sizing prevents). A
 * hyphenated code ("TD-2025-0012") counts as one word: it must not break at its hyphens.
 */
export function wordsOf(text: string): string[] {
  return text.split(/[ \t\r\n]+/).filter((w) => w.length > 0)
}

/** The widest word of a text, in twips. */
export function widestWord(text: string, style: MeasureStyle): number {
  return wordsOf(text).reduce((max, word) => Math.max(max, textWidth(word, style)), 0)
}
