/**
 * "Which cadres' status would change": the year summary computed twice by the one summary
 * service (electron/services/summary.ts → shared/domain/summary.ts), once with the stored
 * rules and once with the rules the clerk is typing, and the cadres whose status or pace
 * differs. Nothing is written; nothing here decides a status.
 */
import type { StatusChange, YearRulesPreview } from '../../../shared/api/settings'
import { compareVietnameseNames } from '../../../shared/domain/collation'
import type { CadreYearResult } from '../../../shared/domain/summary'
import type { ServiceContext } from '../context'
import { loadYearSummaryView } from '../summary'
import { getYearSettings, type YearRulesInput } from './year'

export function previewYearRules(ctx: ServiceContext, proposed: YearRulesInput): YearRulesPreview {
  const { year } = proposed
  // Each side at its own default day (today, or its window's end once over), as Tổng hợp năm shows it.
  const before = loadYearSummaryView(ctx, year, undefined, getYearSettings(ctx.db, year))
  const after = loadYearSummaryView(ctx, year, undefined, proposed)

  const beforeByCode = new Map(before.cadres.map((c) => [c.code, c]))
  const afterByCode = new Map(after.cadres.map((c) => [c.code, c]))
  const codes = [...new Set([...beforeByCode.keys(), ...afterByCode.keys()])]

  const changes: StatusChange[] = []
  for (const code of codes) {
    const b = beforeByCode.get(code)
    const a = afterByCode.get(code)
    const behindBefore = b?.pace?.behind ?? false
    const behindAfter = a?.pace?.behind ?? false
    if (b?.status === a?.status && behindBefore === behindAfter) continue
    const shown = (a ?? b) as CadreYearResult
    changes.push({
      code,
      name: shown.name,
      departmentName: shown.departmentName,
      daysBefore: b?.days ?? null,
      daysAfter: a?.days ?? null,
      targetBefore: b?.target ?? null,
      targetAfter: a?.target ?? null,
      before: b?.status ?? null,
      after: a?.status ?? null,
      behindBefore,
      behindAfter
    })
  }
  changes.sort((x, y) => compareVietnameseNames(x.name, y.name) || x.code.localeCompare(y.code))

  return {
    year,
    asOf: after.asOf,
    inProgress: after.inProgress,
    changes,
    completedBefore: before.totals.completed,
    completedAfter: after.totals.completed,
    subjectBefore: before.totals.subject,
    subjectAfter: after.totals.subject
  }
}
