/**
 * Type name and trích yếu (S1 III.5): "BÁO CÁO" 16 bold caps, the summary 14 bold on the
 * next lines, both centred, then a short dashed rule. Công văn have no type name: their
 * trích yếu goes in the header (header.ts).
 */
import type { Paragraph } from 'docx'
import { DASHED_RULE, SIZE } from './constants'
import { line } from './text'

export interface TitleInput {
  /** "BÁO CÁO", "KẾ HOẠCH", "DANH SÁCH" (number.ts DOCUMENT_TYPES). */
  typeName: string
  /** Sentence case; several strings are several centred lines (balance long summaries by hand). */
  summary: string | readonly string[]
  /** An italic line under the summary, e.g. "(Tính đến ngày 30/6/2025)". */
  note?: string | null
}

export function titleBlock(input: TitleInput): Paragraph[] {
  const summary = typeof input.summary === 'string' ? [input.summary] : input.summary
  const out: Paragraph[] = [
    // Space between the header and the title (S1 leaves about one line).
    line(input.typeName.toUpperCase(), { size: SIZE.typeName, bold: true, before: 360, keepNext: true })
  ]
  for (const text of summary) out.push(line(text, { size: SIZE.summary, bold: true, keepNext: true }))
  if (input.note) out.push(line(input.note, { size: SIZE.summary, italics: true, keepNext: true }))
  out.push(line(DASHED_RULE, { size: SIZE.summary, bold: true, after: 240, keepNext: true }))
  return out
}
