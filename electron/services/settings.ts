/**
 * Per-year settings: a stored row when the office changed something, RULES.md defaults
 * otherwise. Ratio rules are stored as JSON and validated on the way out.
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { CONTENT_KINDS } from '../../shared/domain/kinds'
import { defaultYearSettings, type YearSettings } from '../../shared/domain/settings'
import type { AppDatabase } from '../db/connection'
import { yearSettings } from '../db/schema'

export const ratioRulesSchema = z.array(
  z.object({
    id: z.string().min(1),
    label: z.string().min(1),
    kinds: z.array(z.enum(CONTENT_KINDS)).min(1),
    minPercent: z.number().int().min(0).max(100),
    enabled: z.boolean()
  })
)

export function getYearSettings(db: AppDatabase, year: number): YearSettings {
  const row = db.select().from(yearSettings).where(eq(yearSettings.year, year)).get()
  if (!row) return defaultYearSettings(year)
  return {
    year: row.year,
    targetDays: row.targetDays,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    minSubjectDays: row.minSubjectDays,
    behindPaceDays: row.behindPaceDays,
    reportDueDays: row.reportDueDays,
    yearReportDeadline: row.yearReportDeadline,
    ratioRules: ratioRulesSchema.parse(JSON.parse(row.ratioRules))
  }
}
