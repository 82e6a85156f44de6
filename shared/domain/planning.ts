/**
 * Kế hoạch quý (RULES.md §1, §8; issue 9): quarters the clerk may plan, rounds (đợt) inside a
 * quarter, and the statuses of a registration. Pure: the planning service and the screens
 * both call these, so a rule is refused with the same words on both sides.
 */
import { formatDateVi, quarterRange, yearOf, type IsoDate } from './dates'
import type { HalfDay } from './kinds'
import { isValidTripRange } from './slots'

export type Quarter = 1 | 2 | 3 | 4
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4]

const ROMAN: Record<Quarter, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' }

/** "Quý IV/2025". */
export function quarterLabel(year: number, quarter: Quarter): string {
  return `Quý ${ROMAN[quarter]}/${year}`
}

/** "Quý IV – Đợt 2" (the office's own way of naming a round). */
export function roundLabel(quarter: Quarter, number: number): string {
  return `Quý ${ROMAN[quarter]} – Đợt ${number}`
}

/** A round's key in words and in the history: "2025-Q4-Đ2". */
export function roundKey(year: number, quarter: number, number: number): string {
  return `${year}-Q${quarter}-Đ${number}`
}

/** "Đợt 2 (10/11 – 14/11/2025)". */
export function roundSpanLabel(round: { number: number; startDate: IsoDate; endDate: IsoDate }): string {
  const from = formatDateVi(round.startDate)
  const to = formatDateVi(round.endDate)
  const sameYear = round.startDate.slice(0, 4) === round.endDate.slice(0, 4)
  return `Đợt ${round.number} (${sameYear ? from.slice(0, 5) : from} – ${to})`
}

export interface QuarterChoice {
  year: number
  quarter: Quarter
  label: string
}

/**
 * The quarters the clerk may plan: every quarter of this year and of next year (in November,
 * Q1 of next year is prepared), plus the years of data the office already holds.
 */
export function quarterChoices(today: IsoDate, extraYears: readonly number[] = []): QuarterChoice[] {
  const thisYear = yearOf(today)
  const years = [...new Set([thisYear, thisYear + 1, ...extraYears])].sort((a, b) => a - b)
  return years.flatMap((year) =>
    QUARTERS.map((quarter) => ({ year, quarter, label: quarterLabel(year, quarter) }))
  )
}

/**
 * The quarter the planning page opens on: the next quarter once the current one is in its
 * last month (the plan is made before the quarter, RULES.md §8), otherwise the current one.
 */
export function defaultPlanningQuarter(today: IsoDate): { year: number; quarter: Quarter } {
  const year = yearOf(today)
  const month = Number(today.slice(5, 7))
  const quarter = (Math.floor((month - 1) / 3) + 1) as Quarter
  if (month % 3 !== 0) return { year, quarter }
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as Quarter }
}

export interface RoundDraft {
  year: number
  quarter: Quarter
  number: number
  startDate: IsoDate
  endDate: IsoDate
}

/** Field → message for a round that cannot be stored; empty when it can. */
export function roundIssues(
  round: RoundDraft,
  others: readonly { number: number; startDate: IsoDate; endDate: IsoDate }[]
): Array<{ field: 'number' | 'startDate' | 'endDate'; message: string }> {
  const issues: Array<{ field: 'number' | 'startDate' | 'endDate'; message: string }> = []
  const { from, to } = quarterRange(round.year, round.quarter)
  const q = quarterLabel(round.year, round.quarter)
  if (round.endDate < round.startDate) {
    issues.push({ field: 'endDate', message: 'Đến ngày không được trước Từ ngày.' })
  }
  if (round.startDate < from || round.startDate > to) {
    issues.push({
      field: 'startDate',
      message: `Từ ngày phải trong ${q} (${formatDateVi(from)} – ${formatDateVi(to)}).`
    })
  }
  if (round.endDate < from || round.endDate > to) {
    issues.push({
      field: 'endDate',
      message: `Đến ngày phải trong ${q} (${formatDateVi(from)} – ${formatDateVi(to)}).`
    })
  }
  for (const other of others) {
    if (other.number === round.number) {
      issues.push({ field: 'number', message: `${q} đã có đợt ${round.number}.` })
    } else if (other.startDate <= round.endDate && other.endDate >= round.startDate) {
      issues.push({
        field: 'startDate',
        message: `Trùng thời gian với ${roundSpanLabel(other)}.`
      })
    }
  }
  return issues
}

export const REGISTRATION_STATUSES = ['DANG_KY', 'BAN_DUYET', 'THUONG_TRUC_DUYET', 'TU_CHOI'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  DANG_KY: 'Đăng ký',
  BAN_DUYET: 'Ban duyệt',
  THUONG_TRUC_DUYET: 'Thường trực duyệt',
  TU_CHOI: 'Không duyệt'
}

export const REGISTRATION_SOURCES = ['FORM', 'TRO_LY'] as const
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number]

/**
 * The moves a registration may make. Approval by the Thường trực is final here: it made a
 * planned trip, which the logbook carries on (a mistaken approval is taken back with Hoàn tác).
 * The head of the ban may be skipped (the Thường trực approves the office's whole plan).
 */
const MOVES: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  DANG_KY: ['BAN_DUYET', 'THUONG_TRUC_DUYET', 'TU_CHOI'],
  BAN_DUYET: ['DANG_KY', 'THUONG_TRUC_DUYET', 'TU_CHOI'],
  THUONG_TRUC_DUYET: [],
  TU_CHOI: ['DANG_KY']
}

export function canMoveRegistration(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return MOVES[from].includes(to)
}

/** Whether a registration still waits for a decision (it occupies the cadre's days in the plan). */
export function isPendingRegistration(status: RegistrationStatus): boolean {
  return status === 'DANG_KY' || status === 'BAN_DUYET'
}

export interface RegistrationSpan {
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
}

/**
 * Field → message for the dates of a registration of `quarter`: inside the quarter, and inside
 * its round when it names one.
 */
export function registrationSpanIssues(
  span: RegistrationSpan,
  year: number,
  quarter: Quarter,
  round: { number: number; startDate: IsoDate; endDate: IsoDate } | null
): Array<{ field: 'startDate' | 'endDate' | 'endHalf'; message: string }> {
  const issues: Array<{ field: 'startDate' | 'endDate' | 'endHalf'; message: string }> = []
  if (span.endDate < span.startDate)
    return [{ field: 'endDate', message: 'Đến ngày không được trước Từ ngày.' }]
  if (!isValidTripRange(span.startDate, span.startHalf, span.endDate, span.endHalf)) {
    return [
      { field: 'endHalf', message: 'Trong một ngày không thể bắt đầu buổi chiều và kết thúc buổi sáng.' }
    ]
  }
  const { from, to } = quarterRange(year, quarter)
  const q = quarterLabel(year, quarter)
  if (span.startDate < from || span.startDate > to) {
    issues.push({
      field: 'startDate',
      message: `Từ ngày phải trong ${q} (${formatDateVi(from)} – ${formatDateVi(to)}).`
    })
  }
  if (span.endDate < from || span.endDate > to) {
    issues.push({
      field: 'endDate',
      message: `Đến ngày phải trong ${q} (${formatDateVi(from)} – ${formatDateVi(to)}).`
    })
  }
  if (round && issues.length === 0) {
    if (span.startDate < round.startDate || span.endDate > round.endDate) {
      issues.push({
        field: 'startDate',
        message: `Ngày đi phải trong ${roundSpanLabel(round)}; đi ngoài đợt thì bỏ chọn đợt.`
      })
    }
  }
  return issues
}
