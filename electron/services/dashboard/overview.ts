/**
 * Everything Tổng quan shows for a year and an as-of date, in one read: the year summary
 * (computed exactly as Tổng hợp năm computes it, from the same rows), then the figures built
 * on it by shared/domain/progress.ts. Nothing here decides a rule.
 */
import type { DashboardCadre, DashboardView } from '../../../shared/api/dashboard'
import { AppError } from '../../../shared/api/errors'
import { asOfOutsideYear } from '../../../shared/domain/as-of'
import type { IsoDate } from '../../../shared/domain/dates'
import { departmentProgress, paceGap } from '../../../shared/domain/progress'
import { computeYearSummary } from '../../../shared/domain/summary'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings/index'
import { defaultAsOf, loadSummaryRows } from '../summary'
import { compareMonths } from './months'
import { listOverdueReports } from './overdue'

export function loadDashboard(ctx: ServiceContext, year: number, asOf?: IsoDate): DashboardView {
  const outside = asOf === undefined ? null : asOfOutsideYear(year, asOf)
  if (outside) throw new AppError('VALIDATION', outside, [`asOf: ${outside}`])
  const settings = getYearSettings(ctx.db, year)
  const effectiveAsOf = asOf ?? defaultAsOf(ctx, settings.windowEnd)
  const rows = loadSummaryRows(ctx, year, settings)
  const summary = computeYearSummary({ settings, asOf: effectiveAsOf, ...rows })

  const cadres: DashboardCadre[] = summary.cadres.map((c) => ({ ...c, paceGap: paceGap(c) }))
  const behind = cadres
    .filter((c) => c.pace?.behind)
    // Stable: equal gaps keep the Vietnamese name order of the summary.
    .sort((a, b) => (b.paceGap ?? 0) - (a.paceGap ?? 0))

  return {
    year: summary.year,
    asOf: summary.asOf,
    windowStart: summary.windowStart,
    windowEnd: summary.windowEnd,
    inProgress: summary.inProgress,
    targetDays: settings.targetDays,
    behindPaceDays: settings.behindPaceDays,
    reportDueDays: settings.reportDueDays,
    totals: summary.totals,
    ratioRules: settings.ratioRules.filter((r) => r.enabled),
    cadres,
    departments: departmentProgress(summary.cadres),
    ...compareMonths(ctx, { settings, asOf: effectiveAsOf, ...rows }),
    behind,
    overdueReports: listOverdueReports(ctx, settings, effectiveAsOf)
  }
}
