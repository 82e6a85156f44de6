/**
 * Document number and symbol (S1 III.3): "Số: 504-KH/TĐTN-XDĐ" = number, type
 * abbreviation, slash, issuer abbreviation, drafting department. Numbers below 10 are
 * written "01" … "09". A draft leaves the number blank for the văn thư.
 */
import { BLANK } from './constants'

/** Type abbreviations (S1 fixes QĐ, CT, CTr, TT, TTr; the rest follow real Đoàn documents) and type names. */
export const DOCUMENT_TYPES = {
  BC: 'BÁO CÁO',
  KH: 'KẾ HOẠCH',
  DS: 'DANH SÁCH',
  TB: 'THÔNG BÁO',
  CV: 'CÔNG VĂN',
  HD: 'HƯỚNG DẪN',
  QĐ: 'QUYẾT ĐỊNH',
  CTr: 'CHƯƠNG TRÌNH',
  TTr: 'TỜ TRÌNH',
  GM: 'GIẤY MỜI',
  GGT: 'GIẤY GIỚI THIỆU'
} as const

export type DocumentTypeCode = keyof typeof DOCUMENT_TYPES

export function isDocumentTypeCode(code: string): code is DocumentTypeCode {
  return Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, code)
}

/** 7 → "07", 504 → "504". */
export function formatDocumentNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Invalid document number: ${n}`)
  return n < 10 ? `0${n}` : `${n}`
}

export interface SymbolParts {
  /** Null for a draft: the văn thư writes the number by hand. */
  number: number | null
  typeCode: DocumentTypeCode
  /** "TĐTN" */
  issuerAbbreviation: string
  /** "XDĐ" */
  departmentAbbreviation: string
}

/** "504-KH/TĐTN-XDĐ" (no spaces inside, the form of S1's own header). */
export function documentSymbol(parts: SymbolParts): string {
  const number = parts.number === null ? BLANK : formatDocumentNumber(parts.number)
  return `${number}-${parts.typeCode}/${parts.issuerAbbreviation}-${parts.departmentAbbreviation}`
}

/** The line under "***" in the header: "Số: 504-KH/TĐTN-XDĐ". */
export function numberLine(symbol: string): string {
  return `Số: ${symbol}`
}
