/**
 * Per-year settings of the regime (RULES.md: "every number is a per-year setting").
 * The defaults below are the product decision; the office can change any of them per year.
 */
import type { ContentKind } from './kinds'
import { yearEnd, yearStart, type IsoDate } from './dates'

export interface RatioRule {
  /** Stable id, also the key of `ratios` in summaries ("CHUYEN_DE", "SINH_HOAT"). */
  id: string
  label: string
  /** Content kinds whose days are added up for this rule. */
  kinds: ContentKind[]
  /** Minimum share of the days done, in whole percent (integer, so 40% is exact). */
  minPercent: number
  enabled: boolean
}

export interface YearSettings {
  year: number
  /** Days a cadre subject all year must do (60 in the "1+2" regime). Whole or half days. */
  targetDays: number
  windowStart: IsoDate
  windowEnd: IsoDate
  /** Below this many subject days the cadre is not evaluated (MIEN). */
  minSubjectDays: number
  /** "Chậm tiến độ" when done < expected − this many days. */
  behindPaceDays: number
  /** A trip report is due this many days after the trip ends. */
  reportDueDays: number
  /** Date the year report is due to the Trung ương Đoàn (optional, shown on the dashboard). */
  yearReportDeadline: IsoDate | null
  ratioRules: RatioRule[]
}

export const DEFAULT_RATIO_RULES: readonly RatioRule[] = [
  {
    id: 'CHUYEN_DE',
    label: 'Đi cơ sở theo chuyên đề',
    kinds: ['CHUYEN_DE'],
    minPercent: 20,
    enabled: true
  },
  {
    id: 'SINH_HOAT',
    label: 'Dự sinh hoạt chi đoàn, BCH, BTV',
    kinds: ['DU_SH_CHI_DOAN', 'DU_SH_BCH_BTV'],
    minPercent: 40,
    enabled: true
  }
]

export function defaultYearSettings(year: number): YearSettings {
  return {
    year,
    targetDays: 60,
    windowStart: yearStart(year),
    windowEnd: yearEnd(year),
    minSubjectDays: 90,
    behindPaceDays: 5,
    reportDueDays: 10,
    yearReportDeadline: null,
    ratioRules: DEFAULT_RATIO_RULES.map((r) => ({ ...r, kinds: [...r.kinds] }))
  }
}
