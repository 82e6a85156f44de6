/**
 * How the issuing organisation and its signers print (DOCUMENT-FORMAT.md §3–§5, §8). The Word
 * documents and the preview in Cài đặt both call these, so the screen shows exactly the lines
 * the documents will print.
 */
import { isValidIsoDate, type IsoDate } from './dates'
import { foldForSearch } from './search'

/** The level words of the issuer, as stored and printed ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN"). */
export const ISSUER_LEVELS = ['TỈNH ĐOÀN', 'THÀNH ĐOÀN'] as const
export type IssuerLevel = (typeof ISSUER_LEVELS)[number]

export const ISSUER_LEVEL_LABELS: Record<IssuerLevel, string> = {
  'TỈNH ĐOÀN': 'Tỉnh đoàn',
  'THÀNH ĐOÀN': 'Thành đoàn'
}

/** "Thẩm quyền ký" of a new signer (IMPORT-TEMPLATE.md, sheet Người ký). */
export const DEFAULT_AUTHORITY = 'TM. BAN THƯỜNG VỤ'

/** "ngày 05 tháng 02 năm 2025", "ngày 16 tháng 5 năm 2024": days < 10 and months 1–2 zero-padded (S1 III.4). */
export function formatDocumentDate(date: IsoDate): string {
  if (!isValidIsoDate(date)) throw new Error(`Invalid ISO date: ${date}`)
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const dd = day < 10 ? `0${day}` : `${day}`
  const mm = month <= 2 ? `0${month}` : `${month}`
  return `ngày ${dd} tháng ${mm} năm ${year}`
}

/** The issuer name as the header prints it: one entry per line ("\n" is the clerk's line break). */
export function issuerNameLines(issuerName: string): string[] {
  return issuerName
    .normalize('NFC')
    .split(/\r?\n/)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
}

/**
 * The authority line over the signer's position. A body named without its level ("TM. BAN
 * THƯỜNG VỤ", the workbook's default) gets the issuer's level ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN");
 * anything else ("TL. BAN THƯỜNG VỤ TỈNH ĐOÀN", "KT. TRƯỞNG BAN") prints as entered.
 */
export function signingAuthorityLine(authority: string, issuerLevelName: string): string {
  const text = authority.normalize('NFC').trim().replace(/\s+/g, ' ')
  const folded = foldForSearch(text)
  const namesBodyOnly = /(^|\W)ban (thuong vu|chap hanh)$/.test(folded)
  const level = issuerLevelName.normalize('NFC').trim()
  return namesBodyOnly && level ? `${text} ${level.toUpperCase()}` : text
}

/** Letters, digits and "&" ("CTĐ&TTN"): anything else ("/", "-", a space) would split a symbol like 504-KH/TĐTN-XDĐ. */
export function isSymbolSafe(abbreviation: string): boolean {
  return /^[\p{L}\p{N}&]+$/u.test(abbreviation.normalize('NFC'))
}

/** What two abbreviations are compared on: "XDĐ", "xdd" and "XDD" read the same in a symbol. */
export function abbreviationKey(abbreviation: string): string {
  return foldForSearch(abbreviation).replace(/\s+/g, '')
}

/** "2022 – 2027" → [2022, 2027]; null when the text is not two years with a dash between. */
export function congressTermYears(term: string): [number, number] | null {
  const m = /^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$/.exec(term)
  if (!m) return null
  return [Number(m[1]), Number(m[2])]
}

/**
 * The year's legal basis as documents print it (DOCUMENT-FORMAT.md §7): one "Căn cứ …" per
 * line, each ending in ";" and the last in "," (the sentence goes on after it).
 */
export function legalBasisLines(text: string | null | undefined): string[] {
  const lines = (text ?? '')
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) =>
      l
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/[;,.:]+$/, '')
        .trim()
    )
    .filter(Boolean)
  return lines.map((l, i) => `${l}${i === lines.length - 1 ? ',' : ';'}`)
}
