/** How the cadre pages word a cadre's fields (dates dd/mm/yyyy, the workbook's Có / Không). */
import { formatDateVi, type IsoDate } from '../../../../shared/domain/dates'
import { GENDER_LABELS, type Gender } from '../../../../shared/domain/kinds'

/** "Công tác": the service period, open ends in words. */
export function servicePeriodText(start: IsoDate | null, end: IsoDate | null): string {
  if (start && end) return `${formatDateVi(start)} – ${formatDateVi(end)}`
  if (start) return `Từ ${formatDateVi(start)}`
  if (end) return `Đến ${formatDateVi(end)}`
  return 'Đang công tác'
}

export function genderText(gender: Gender | null): string {
  return gender ? GENDER_LABELS[gender] : '—'
}

export function yesNo(value: boolean): string {
  return value ? 'Có' : 'Không'
}

export function dateText(date: IsoDate | null, empty = '—'): string {
  return date ? formatDateVi(date) : empty
}

/** A refusal from the service for a code that does not exist. */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'NOT_FOUND'
}
