/**
 * Type name and trích yếu (S1 III.5): "BÁO CÁO" 16 bold caps, the summary 14 bold on the
 * next lines, both centred, then a short dashed rule. Công văn have no type name: their
 * trích yếu goes in the header (header.ts).
 */
import type { Paragraph } from 'docx'
import { DASHED_RULE, SIZE, TITLE_LINE } from './constants'
import { line } from './text'

export interface TitleInput {
  /** "BÁO CÁO", "KẾ HOẠCH", "DANH SÁCH" (number.ts DOCUMENT_TYPES). */
  typeName: string
  /** Sentence case; several strings are several centred lines (balance long summaries by hand). */
  summary: string | readonly string[]
  /** An italic line under the summary, e.g. "(Tính đến ngày 30/06/2025)". */
  note?: string | null
}

/** Title lines stay with each other and with the text that follows. */
const TITLE = { keepNext: true, lineSpacing: TITLE_LINE } as const

export function titleBlock(input: TitleInput): Paragraph[] {
  const summary = typeof input.summary === 'string' ? [input.summary] : input.summary
  // About one line of space between the header and the type name.
  const out: Paragraph[] = [
    line(input.typeName.toUpperCase(), { ...TITLE, size: SIZE.typeName, bold: true, before: 360 })
  ]
  for (const text of summary) out.push(line(text, { ...TITLE, size: SIZE.summary, bold: true }))
  if (input.note) out.push(line(input.note, { ...TITLE, size: SIZE.summary, italics: true }))
  out.push(line(DASHED_RULE, { ...TITLE, size: SIZE.summary, bold: true, after: 240 }))
  return out
}
