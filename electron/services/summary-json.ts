/**
 * The summary as the CLI's `summary --json` prints it (the shape of
 * shared/fixtures/office-2025.expected.json, plus a few extra fields).
 */
import type { YearSummaryView } from '../../shared/api/contract'

export function summaryToJson(view: YearSummaryView) {
  return {
    year: view.year,
    asOf: view.asOf,
    window: { start: view.windowStart, end: view.windowEnd },
    totals: {
      cadres: view.totals.cadres,
      subject: view.totals.subject,
      exempt: view.totals.exempt,
      completed: view.totals.completed,
      completionRate: view.totals.completionRate,
      totalDays: view.totals.totalDays,
      averageDays: view.totals.averageDays,
      averageDaysOfActive: view.totals.averageDaysOfActive,
      behindPace: view.totals.behindPace,
      daysByKind: view.totals.daysByKind
    },
    cadres: view.cadres.map((c) => ({
      code: c.code,
      name: c.name,
      status: c.status,
      subjectDays: c.subjectDays,
      target: c.target,
      days: c.days,
      daysByKind: c.daysByKind,
      ratios: c.ratios,
      reason: c.reason,
      pace: c.pace,
      forecastDays: c.forecastDays
    })),
    units: view.units.map((u) => ({ code: u.code, name: u.name, days: u.days, visits: u.visits }))
  }
}
