/**
 * A cadre's record page: their fields, the chosen year at a glance (the summary's
 * CadreYearResult for them), their exemption periods and the year's override.
 */
import { and, eq } from 'drizzle-orm'
import type { CadreDetail } from '../../../shared/api/cadres'
import { cadreYearOverrides } from '../../db/schema'
import type { ServiceContext } from '../context'
import { loadYearSummaryView } from '../summary'
import { readExemptionRows, requireCadre, toExemptionRecords } from './read'
import { cadreYears } from './years'

export function getCadreDetail(ctx: ServiceContext, code: string, askedYear?: number): CadreDetail {
  const cadre = requireCadre(ctx.db, code)
  const { years, defaultYear } = cadreYears(ctx, askedYear)
  const year = askedYear ?? defaultYear
  const summary = loadYearSummaryView(ctx, year)
  const override = ctx.db
    .select()
    .from(cadreYearOverrides)
    .where(and(eq(cadreYearOverrides.cadreId, cadre.id), eq(cadreYearOverrides.year, year)))
    .get()
  return {
    cadre,
    year: {
      year,
      years,
      asOf: summary.asOf,
      windowStart: summary.windowStart,
      windowEnd: summary.windowEnd,
      inProgress: summary.inProgress,
      targetDays: summary.targetDays,
      ratioRules: summary.ratioRules,
      result: summary.cadres.find((r) => r.cadreId === cadre.id) ?? null
    },
    exemptions: toExemptionRecords(readExemptionRows(ctx.db, cadre.id)),
    override: override ? { year, subject: override.subject, reason: override.reason } : null
  }
}
