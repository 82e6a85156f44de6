/**
 * Tổng hợp năm: the year summary exactly as summary.year gives it (loadYearSummaryView, the one
 * loader), plus where each cadre stands against the expected mark and the totals row's ratio
 * shares. The standing needs each cadre's first subject day, read here in two small queries
 * (cadres and exemptions, no trips) so the summary loader stays untouched.
 */
import { and, gte, lte } from 'drizzle-orm'
import type { YearTableView } from '../../../shared/api/dashboard'
import type { IsoDate } from '../../../shared/domain/dates'
import type { ExemptionReason } from '../../../shared/domain/kinds'
import {
  firstSubjectDay,
  paceStanding,
  paceStandingText,
  totalsRatioShares
} from '../../../shared/domain/progress'
import { cadres, exemptions } from '../../db/schema'
import type { ServiceContext } from '../context'
import { loadYearSummaryView } from '../summary'

export function loadYearTable(ctx: ServiceContext, year: number, asOf?: IsoDate): YearTableView {
  const summary = loadYearSummaryView(ctx, year, asOf)
  const starts = subjectStarts(ctx, summary.windowStart, summary.windowEnd)
  return {
    ...summary,
    cadres: summary.cadres.map((c) => {
      const standing = paceStanding(c, starts.get(c.cadreId) ?? null, summary.asOf)
      return { ...c, standing, standingText: standing ? paceStandingText(standing) : null }
    }),
    ratioTotals: totalsRatioShares(summary.totals, summary.ratioRules)
  }
}

/** Each cadre's first subject day in the window (absent: none). */
function subjectStarts(ctx: ServiceContext, windowStart: IsoDate, windowEnd: IsoDate): Map<number, IsoDate> {
  const rows = ctx.db
    .select({
      id: cadres.id,
      fullTime: cadres.fullTime,
      serviceStart: cadres.serviceStart,
      serviceEnd: cadres.serviceEnd
    })
    .from(cadres)
    .all()
  const periods = ctx.db
    .select({
      cadreId: exemptions.cadreId,
      reason: exemptions.reason,
      from: exemptions.fromDate,
      to: exemptions.toDate
    })
    .from(exemptions)
    .where(and(lte(exemptions.fromDate, windowEnd), gte(exemptions.toDate, windowStart)))
    .all()
  const byCadre = new Map<number, Array<{ reason: ExemptionReason; from: IsoDate; to: IsoDate }>>()
  for (const p of periods) {
    const list = byCadre.get(p.cadreId) ?? []
    list.push({ reason: p.reason as ExemptionReason, from: p.from, to: p.to })
    byCadre.set(p.cadreId, list)
  }
  const starts = new Map<number, IsoDate>()
  for (const c of rows) {
    const first = firstSubjectDay(
      { ...c, exemptions: byCadre.get(c.id) ?? [], override: null },
      windowStart,
      windowEnd
    )
    if (first) starts.set(c.id, first)
  }
  return starts
}
