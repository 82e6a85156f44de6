/**
 * Per-year settings: a stored row when the office changed something, RULES.md defaults
 * otherwise. Ratio rules are stored as JSON and validated on the way out.
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { ratioRuleSchema } from '../../shared/api/contract'
import { defaultYearSettings, type YearSettings } from '../../shared/domain/settings'
import type { AppDatabase } from '../db/connection'
import { yearSettings } from '../db/schema'
import type { ServiceContext } from './context'

/** Stored rules are re-validated on read: a hand-edited database must not reach the rules. */
const ratioRulesSchema = z.array(ratioRuleSchema)

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

/** Saves a year's settings (one transaction, logged with old and new values). */
export function saveYearSettings(ctx: ServiceContext, settings: YearSettings): YearSettings {
  return ctx.write(`Sửa cài đặt năm ${settings.year}`, (tx, log) => {
    const old = tx.select().from(yearSettings).where(eq(yearSettings.year, settings.year)).get()
    const row = {
      year: settings.year,
      targetDays: settings.targetDays,
      windowStart: settings.windowStart,
      windowEnd: settings.windowEnd,
      minSubjectDays: settings.minSubjectDays,
      behindPaceDays: settings.behindPaceDays,
      reportDueDays: settings.reportDueDays,
      yearReportDeadline: settings.yearReportDeadline,
      ratioRules: JSON.stringify(settings.ratioRules)
    }
    if (old) tx.update(yearSettings).set(row).where(eq(yearSettings.year, settings.year)).run()
    else tx.insert(yearSettings).values(row).run()
    log.record('year_settings', String(settings.year), old ? 'update' : 'insert', old ?? null, row)
    return getYearSettings(tx, settings.year)
  })
}
