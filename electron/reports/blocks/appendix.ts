/**
 * The title of an appendix (phụ lục) or attached list: "Phụ lục 01" on its own line, the
 * appendix name (bold caps), and the italic reference to the document it belongs to:
 * "(Kèm theo Báo cáo số 12-BC/TĐTN-XDĐ ngày 20/12/2025 của Ban Thường vụ Tỉnh đoàn)".
 * Each appendix is its own section (document.ts), numbered on its own.
 */
import type { Paragraph } from 'docx'
import { SIZE, TITLE_LINE } from './constants'
import { line } from './text'

export interface AppendixTitleInput {
  /** 1 → "Phụ lục 01"; null → "Phụ lục" (the document's only appendix). */
  number: number | null
  /** "TỔNG HỢP KẾT QUẢ ĐI CÔNG TÁC CƠ SỞ ..." (printed in caps). */
  title: string | readonly string[]
  /** An italic line under the title, e.g. "(Tính đến ngày 30/06/2025)". */
  note?: string | null
  /** "(Kèm theo ...)", see attachedTo(). */
  reference: string
}

/** "(Kèm theo Báo cáo số 12-BC/TĐTN-XDĐ ngày 20/12/2025 của Ban Thường vụ Tỉnh đoàn)". */
export function attachedTo(typeName: string, symbol: string, date: string, issuedBy: string): string {
  return `(Kèm theo ${typeName} số ${symbol} ngày ${date} của ${issuedBy})`
}

const TITLE = { keepNext: true, lineSpacing: TITLE_LINE } as const

export function appendixTitle(input: AppendixTitleInput): Paragraph[] {
  const titles = typeof input.title === 'string' ? [input.title] : input.title
  const out: Paragraph[] = []
  const n = input.number === null ? '' : input.number < 10 ? ` 0${input.number}` : ` ${input.number}`
  out.push(line(`Phụ lục${n}`, { ...TITLE, size: SIZE.appendixLabel, bold: true }))
  titles.forEach((t, i) =>
    out.push(line(t.toUpperCase(), { ...TITLE, size: SIZE.summary, bold: true, before: i === 0 ? 60 : 0 }))
  )
  if (input.note) out.push(line(input.note, { ...TITLE, size: SIZE.summary, italics: true }))
  out.push(line(input.reference, { ...TITLE, size: SIZE.summary, italics: true, after: 240 }))
  return out
}
