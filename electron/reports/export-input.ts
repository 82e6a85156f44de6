/**
 * What the command line gives an export, in the clerk's terms, turned into ExportOptions:
 * the signer by name (as Cài đặt lists them), the date of signing as typed, and the free
 * texts of a document from a JSON file (the trích yếu, the parts of the body, the recipients).
 * Refusals are Vietnamese and say what would have been accepted.
 */
import { readFileSync } from 'node:fs'
import { AppError } from '../../shared/api/errors'
import { isValidIsoDate, parseDateVi, type IsoDate } from '../../shared/domain/dates'
import { foldForSearch } from '../../shared/domain/search'
import type { ServiceContext } from '../services/context'
import { listSigners } from '../services/settings/signers'
import { DOCUMENT_CATALOG } from './catalog'
import type { DocumentKind } from './export'

/** "2026-01-05" or "05/01/2026"; null when it is neither. */
export function parseSigningDate(text: string): IsoDate | null {
  const trimmed = text.trim()
  if (isValidIsoDate(trimmed)) return trimmed
  return parseDateVi(trimmed)
}

/**
 * The active signer a clerk names: by full name, ignoring case and diacritics when that
 * still names only one, or by the number Cài đặt gives them.
 */
export function resolveSigner(ctx: ServiceContext, given: string): number {
  const active = listSigners(ctx).filter((s) => s.active)
  const listed = active.map((s) => `${s.fullName} (${s.position})`).join('; ') || 'chưa khai báo người ký nào'
  const wanted = given.trim().normalize('NFC')
  const byId = /^\d+$/.test(wanted) ? active.find((s) => s.id === Number(wanted)) : undefined
  if (byId) return byId.id
  const exact = active.filter((s) => s.fullName.toLocaleLowerCase('vi') === wanted.toLocaleLowerCase('vi'))
  if (exact.length === 1 && exact[0]) return exact[0].id
  const folded = active.filter((s) => foldForSearch(s.fullName) === foldForSearch(wanted))
  if (folded.length === 1 && folded[0]) return folded[0].id
  if (folded.length > 1) {
    throw new AppError('VALIDATION', `Có nhiều người ký tên gần giống "${given}": hãy ghi đúng dấu.`, [
      `Người ký đang dùng: ${listed}.`
    ])
  }
  throw new AppError('NOT_FOUND', `Không có người ký "${given}" trong danh sách người ký đang dùng.`, [
    `Người ký đang dùng: ${listed}.`
  ])
}

/**
 * The free texts of a document from a JSON file: an object whose keys are the document's
 * parts ("summary" is the trích yếu, "recipients" the Nơi nhận) and whose values are text
 * (several lines: one paragraph, or one recipient, per line) or a list of lines.
 */
export function readTextsFile(file: string, document: DocumentKind): Record<string, string> {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch {
    throw new AppError('NOT_FOUND', `Không đọc được tệp nội dung: ${file}`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new AppError('VALIDATION', `Tệp nội dung ${file} không phải JSON hợp lệ.`, [
      error instanceof Error ? error.message : String(error)
    ])
  }
  const slots = DOCUMENT_CATALOG[document].texts
  const known = slots.map((s) => `"${s.key}" (${s.label})`).join(', ')
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError(
      'VALIDATION',
      `Tệp nội dung ${file} phải là một đối tượng JSON { "phần": "nội dung" }.`,
      [`Các phần của văn bản "${document}": ${known}.`]
    )
  }
  const texts: Record<string, string> = {}
  const problems: string[] = []
  for (const [key, value] of Object.entries(parsed)) {
    if (!slots.some((s) => s.key === key)) {
      problems.push(`Phần "${key}" không có trong văn bản "${document}".`)
      continue
    }
    if (typeof value === 'string') texts[key] = value
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) texts[key] = value.join('\n')
    else problems.push(`Phần "${key}": nội dung phải là chữ hoặc danh sách các dòng chữ.`)
  }
  if (problems.length) {
    throw new AppError('VALIDATION', `Tệp nội dung ${file} có phần không dùng được.`, [
      ...problems,
      `Các phần của văn bản "${document}": ${known}.`
    ])
  }
  return texts
}
