// Frozen copy of the code before issue 12 (speed), kept as the reference the optimised summary is compared with cell by cell. Do not optimise.
/**
 * Who is subject in a year, and the target (RULES.md §4).
 */
import { inclusiveDays, maxDate, minDate, toDayNumber, type IsoDate } from './dates'
import {
  EXEMPTION_REASON_LABELS,
  EXEMPTION_REASONS,
  type ExemptionReason
} from '../../../../shared/domain/kinds'
import type { YearSettings } from '../../../../shared/domain/settings'

export interface ExemptionPeriod {
  reason: ExemptionReason
  from: IsoDate
  to: IsoDate
  note?: string | null
}

export interface SubjectOverride {
  subject: boolean
  reason: string
}

export interface CadreSubjectInput {
  fullTime: boolean
  serviceStart: IsoDate | null
  serviceEnd: IsoDate | null
  exemptions: readonly ExemptionPeriod[]
  override: SubjectOverride | null
}

export const REASON_NOT_FULL_TIME = 'không chuyên trách'
export const REASON_NOT_ENOUGH_TIME = 'không đủ thời gian công tác'

/** The part of [from, to] inside the cadre's service period, or null when there is none. */
export function serviceClip(
  from: IsoDate,
  to: IsoDate,
  serviceStart: IsoDate | null,
  serviceEnd: IsoDate | null
): { from: IsoDate; to: IsoDate } | null {
  const a = serviceStart ? maxDate(from, serviceStart) : from
  const b = serviceEnd ? minDate(to, serviceEnd) : to
  return a <= b ? { from: a, to: b } : null
}

/** True when the cadre's service period overlaps the counting window (RULES.md §7). */
export function servesInWindow(cadre: CadreSubjectInput, settings: YearSettings): boolean {
  return serviceClip(settings.windowStart, settings.windowEnd, cadre.serviceStart, cadre.serviceEnd) !== null
}

/**
 * Days of [from, to] inside the service period and outside every exemption period.
 * Exemptions may overlap each other; a day exempted twice is removed once.
 */
export function subjectDaysBetween(cadre: CadreSubjectInput, from: IsoDate, to: IsoDate): number {
  const served = serviceClip(from, to, cadre.serviceStart, cadre.serviceEnd)
  if (!served) return 0
  return inclusiveDays(served.from, served.to) - coveredDays(cadre.exemptions, served.from, served.to)
}

/** Days of [from, to] inside at least one of `periods`; a day covered twice counts once. */
function coveredDays(periods: readonly ExemptionPeriod[], from: IsoDate, to: IsoDate): number {
  const start = toDayNumber(from)
  const end = toDayNumber(to)
  const cuts = periods
    .map((e) => ({ from: Math.max(start, toDayNumber(e.from)), to: Math.min(end, toDayNumber(e.to)) }))
    .filter((c) => c.from <= c.to)
    .sort((a, b) => a.from - b.from)
  let covered = 0
  let coveredTo = start - 1
  for (const cut of cuts) {
    const from2 = Math.max(cut.from, coveredTo + 1)
    if (cut.to >= from2) covered += cut.to - from2 + 1
    coveredTo = Math.max(coveredTo, cut.to)
  }
  return covered
}

/** The exemption reason with the most days inside the window and the service period. */
export function dominantExemptionReason(
  cadre: CadreSubjectInput,
  settings: YearSettings
): ExemptionReason | null {
  const served = serviceClip(settings.windowStart, settings.windowEnd, cadre.serviceStart, cadre.serviceEnd)
  if (!served) return null
  let best: ExemptionReason | null = null
  let bestDays = 0
  for (const reason of EXEMPTION_REASONS) {
    // Union, not sum: the same leave entered twice (or overlapping entries) must not double its weight.
    const days = coveredDays(
      cadre.exemptions.filter((e) => e.reason === reason),
      served.from,
      served.to
    )
    if (days > bestDays) {
      best = reason
      bestDays = days
    }
  }
  return best
}

export type SubjectDecision =
  | { subject: true; subjectDays: number; targetHalfDays: number }
  | { subject: false; subjectDays: number; reason: string }

/**
 * Target in half days: targetDays × subject days ÷ window days, rounded up to the next half
 * day. Integer arithmetic: ceil(2 × target × subjectDays / windowDays) half days.
 */
export function targetHalfDays(settings: YearSettings, subjectDays: number): number {
  const windowDays = inclusiveDays(settings.windowStart, settings.windowEnd)
  const targetHalves = Math.round(settings.targetDays * 2)
  const numerator = targetHalves * subjectDays
  return Math.floor((numerator + windowDays - 1) / windowDays)
}

/** RULES.md §4: override, then full-time, then the minimum of subject days. */
export function decideSubject(cadre: CadreSubjectInput, settings: YearSettings): SubjectDecision {
  const subjectDays = subjectDaysBetween(cadre, settings.windowStart, settings.windowEnd)
  if (cadre.override && !cadre.override.subject) {
    return { subject: false, subjectDays, reason: cadre.override.reason }
  }
  if (!cadre.fullTime && !cadre.override?.subject) {
    return { subject: false, subjectDays, reason: REASON_NOT_FULL_TIME }
  }
  if (subjectDays < settings.minSubjectDays) {
    const dominant = dominantExemptionReason(cadre, settings)
    return {
      subject: false,
      subjectDays,
      reason: dominant ? EXEMPTION_REASON_LABELS[dominant] : REASON_NOT_ENOUGH_TIME
    }
  }
  return { subject: true, subjectDays, targetHalfDays: targetHalfDays(settings, subjectDays) }
}
