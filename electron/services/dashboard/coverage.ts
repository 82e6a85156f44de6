/**
 * Độ phủ đơn vị: days and visits per unit over a year, on the unit tree of that year (the tree
 * on the as-of date, with the units closed during the year under their parent on their last
 * day), rolled up to parents. The figures come from shared/domain/progress.ts unitCoverage on
 * the summary's own rows, so a unit's own figures equal the year summary's by unit.
 */
import type { CoverageUnit, CoverageView } from '../../../shared/api/dashboard'
import { AppError } from '../../../shared/api/errors'
import { asOfOutsideYear } from '../../../shared/domain/as-of'
import { minDate, type IsoDate } from '../../../shared/domain/dates'
import { unitCoverage } from '../../../shared/domain/progress'
import { flattenTree, unitTreeOn, type UnitRecord, type UnitTreeNode } from '../../../shared/domain/units'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings/index'
import { defaultAsOf, loadSummaryRows } from '../summary'
import { loadUnitState } from '../units/state'

/** Not a unit id (those start at 1): the node above every top-level unit. */
const WHOLE_TREE = -1

export function loadCoverage(ctx: ServiceContext, year: number, asOf?: IsoDate): CoverageView {
  const outside = asOf === undefined ? null : asOfOutsideYear(year, asOf)
  if (outside) throw new AppError('VALIDATION', outside, [`asOf: ${outside}`])
  const settings = getYearSettings(ctx.db, year)
  const effectiveAsOf = asOf ?? defaultAsOf(ctx, settings.windowEnd)
  const treeDate = minDate(effectiveAsOf, settings.windowEnd)
  const rows = loadSummaryRows(ctx, year, settings)
  const state = loadUnitState(ctx.db)

  // The year's units: those existing on some day of the window up to the tree's day. Units
  // closed before the year (the 2024 district unions in 2026) are not part of it.
  const ofYear = state.units.filter(
    (u) =>
      (u.validFrom === null || u.validFrom <= treeDate) &&
      (u.validTo === null || u.validTo >= settings.windowStart)
  )
  const roots = unitTreeOn(ofYear, state.moves, treeDate, { includeClosed: true })
  const flat = flattenTree(roots)
  const parentOf = new Map<number, number | null>()
  const walk = (nodes: readonly UnitTreeNode<UnitRecord>[], parent: number | null) => {
    for (const n of nodes) {
      parentOf.set(n.unit.id, parent)
      walk(n.children, n.unit.id)
    }
  }
  walk(roots, null)
  // Every unit of the tree also rolls up to WHOLE_TREE, so the totals count each cadre's
  // credit for a trip once even when the trip visited two top-level units.
  const ancestorsOf = (unitId: number): number[] => {
    if (!parentOf.has(unitId)) return []
    const chain: number[] = []
    for (let p = parentOf.get(unitId) ?? null; p !== null; p = parentOf.get(p) ?? null) chain.push(p)
    chain.push(WHOLE_TREE)
    return chain
  }

  const figures = unitCoverage({ settings, asOf: effectiveAsOf, ...rows }, ancestorsOf)
  const units: CoverageUnit[] = flat.map(({ node, depth }) => {
    const f = figures.get(node.unit.id)
    const parentId = parentOf.get(node.unit.id) ?? null
    return {
      code: node.unit.code,
      name: node.unit.name,
      kind: node.unit.kind,
      depth,
      parentCode: parentId === null ? null : (state.byId.get(parentId)?.code ?? null),
      closed: node.closed,
      childCount: node.children.length,
      ownDays: f?.ownDays ?? 0,
      ownVisits: f?.ownVisits ?? 0,
      days: f?.days ?? 0,
      visits: f?.visits ?? 0,
      neverVisited: (f?.ownVisits ?? 0) === 0 && !(depth === 0 && node.unit.kind === 'TINH_DOAN')
    }
  })

  const whole = figures.get(WHOLE_TREE)
  const visited = units.filter((u) => u.ownVisits > 0).length
  const neverVisited = units.filter((u) => u.neverVisited).length
  return {
    year,
    asOf: effectiveAsOf,
    windowStart: settings.windowStart,
    treeDate,
    inProgress: effectiveAsOf < settings.windowEnd,
    units,
    counts: { units: units.length, visited, neverVisited },
    totals: { days: whole?.days ?? 0, visits: whole?.visits ?? 0 }
  }
}
