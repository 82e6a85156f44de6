/**
 * "Cán bộ" list: every cadre with the chosen year's figures (from the year summary, never
 * recomputed here), filtered by the search box and the toolbar, in Vietnamese name order.
 */
import type { CadreList, CadreListFigures, CadreListRow } from '../../../shared/api/cadres'
import type { ApiParsedInput } from '../../../shared/api/contract'
import { compareVietnamese, compareVietnameseNames } from '../../../shared/domain/collation'
import { matchesSearch } from '../../../shared/domain/search'
import { serviceClip } from '../../../shared/domain/subject'
import type { CadreYearResult } from '../../../shared/domain/summary'
import type { ServiceContext } from '../context'
import { readDepartments } from '../people-read'
import { loadYearSummaryView } from '../summary'
import { readCadreRecords } from './read'
import { cadreYears } from './years'

function figuresOf(result: CadreYearResult | undefined): CadreListFigures | null {
  if (!result) return null
  return {
    status: result.status,
    reason: result.reason,
    days: result.days,
    target: result.target,
    behindPace: result.pace?.behind ?? false
  }
}

export function searchCadres(ctx: ServiceContext, query: ApiParsedInput<'cadres.search'>): CadreList {
  const { years, defaultYear } = cadreYears(ctx, query.year)
  const year = query.year ?? defaultYear
  const summary = loadYearSummaryView(ctx, year)
  const resultById = new Map(summary.cadres.map((r) => [r.cadreId, r]))
  const all: CadreListRow[] = readCadreRecords(ctx.db).map((c) => ({
    ...c,
    figures: figuresOf(resultById.get(c.id))
  }))

  const position = query.position?.normalize('NFC')
  const rows = all
    .filter((c) => matchesSearch(query.q ?? '', c.fullName, c.code))
    .filter((c) => query.departmentCode === undefined || c.departmentCode === query.departmentCode)
    .filter((c) => !position || c.position === position)
    .filter((c) => query.fullTime === undefined || c.fullTime === query.fullTime)
    .filter(
      (c) =>
        !query.inServiceOn ||
        serviceClip(query.inServiceOn, query.inServiceOn, c.serviceStart, c.serviceEnd) !== null
    )
    .filter((c) => query.status === undefined || c.figures?.status === query.status)
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName) || a.code.localeCompare(b.code))

  return {
    year,
    asOf: summary.asOf,
    years,
    total: all.length,
    rows,
    departments: readDepartments(ctx).map(({ code, name }) => ({ code, name })),
    positions: [...new Set(all.map((c) => c.position))].sort(compareVietnamese)
  }
}
