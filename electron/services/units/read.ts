/**
 * Reads of the units domain: the tree of a day, the units to choose on a day, one unit's
 * record with its history in words, and what ending units on a day would leave behind.
 */
import { and, count, eq, gt, inArray } from 'drizzle-orm'
import type {
  TripAfter,
  UnitChoice,
  UnitDetail,
  UnitImpact,
  UnitStatus,
  UnitTreeItem,
  UnitTreeView
} from '../../../shared/api/units'
import type { IsoDate } from '../../../shared/domain/dates'
import {
  BEGINNING,
  childrenOutside,
  compareUnits,
  existsOn,
  flattenTree,
  movesOf,
  parentOn,
  startOf,
  unitHistory,
  unitTreeOn,
  type UnitRecord,
  type UnitTreeNode
} from '../../../shared/domain/units'
import type { AppDatabase } from '../../db/connection'
import { trips, tripUnits } from '../../db/schema'
import type { ServiceContext } from '../context'
import { listItem, loadUnitState, ref, requireUnit, type UnitState } from './state'

function treeItem(state: UnitState, node: UnitTreeNode): UnitTreeItem {
  const target = node.unit.mergedIntoId === null ? undefined : state.byId.get(node.unit.mergedIntoId)
  return {
    ...listItem(node.unit),
    closed: node.closed,
    mergedInto: target ? ref(target) : null,
    parentMissing: node.parentMissing,
    children: node.children.map((c) => treeItem(state, c))
  }
}

export function readTree(ctx: ServiceContext, date: IsoDate, includeClosed: boolean): UnitTreeView {
  const state = loadUnitState(ctx.db)
  const roots = unitTreeOn(state.units, state.moves, date, { includeClosed })
  const rows = flattenTree(roots)
  const closedShown = rows.filter((r) => r.node.closed).length
  return {
    date,
    roots: roots.map((n) => treeItem(state, n)),
    existing: rows.length - closedShown,
    closedShown,
    totalUnits: state.units.length
  }
}

/** Units existing on `date` (null: since the beginning), in the order of that day's tree. */
export function readChoices(ctx: ServiceContext, date: IsoDate | null): UnitChoice[] {
  const state = loadUnitState(ctx.db)
  return flattenTree(unitTreeOn(state.units, state.moves, date ?? BEGINNING)).map(({ node, depth }) => ({
    ...ref(node.unit),
    kind: node.unit.kind,
    depth,
    validTo: node.unit.validTo
  }))
}

function statusOn(unit: UnitRecord, today: IsoDate): UnitStatus {
  if (existsOn(unit, today)) return 'active'
  if (unit.validFrom !== null && unit.validFrom > today) return 'future'
  return unit.mergedIntoId === null ? 'closed' : 'merged'
}

function tripCount(db: AppDatabase, unitId: number): number {
  return db.select({ n: count() }).from(tripUnits).where(eq(tripUnits.unitId, unitId)).get()?.n ?? 0
}

export function readDetail(ctx: ServiceContext, code: string): UnitDetail {
  const state = loadUnitState(ctx.db)
  const unit = requireUnit(state, code)
  const today = ctx.clock.today()
  const status = statusOn(unit, today)
  // Parent and children as of a day the unit existed: today, else its last (or first) day.
  const referenceDate =
    status === 'active' ? today : status === 'future' ? startOf(unit) : (unit.validTo as IsoDate)
  const refOf = (id: number | null) => {
    const u = id === null ? undefined : state.byId.get(id)
    return u ? ref(u) : null
  }
  const children = state.units
    .filter(
      (u) =>
        u.id !== unit.id && existsOn(u, referenceDate) && parentOn(u, state.moves, referenceDate) === unit.id
    )
    .sort(compareUnits)
  return {
    ...listItem(unit),
    status,
    referenceDate,
    founderParent: refOf(unit.parentId),
    parent: refOf(parentOn(unit, state.moves, referenceDate)),
    mergedInto: refOf(unit.mergedIntoId),
    absorbed: state.units
      .filter((u) => u.mergedIntoId === unit.id)
      .sort(compareUnits)
      .map(ref),
    children: children.map((u) => ({ ...ref(u), kind: u.kind })),
    moves: movesOf(unit.id, state.moves).map((m) => ({ fromDate: m.fromDate, parent: refOf(m.parentId) })),
    history: unitHistory({ unit, moves: state.moves, units: state.units }),
    tripCount: tripCount(ctx.db, unit.id)
  }
}

/** Trips to these units that end after `lastDay`, earliest first. */
export function tripsAfter(
  db: AppDatabase,
  state: UnitState,
  unitIds: readonly number[],
  lastDay: IsoDate
): TripAfter[] {
  if (unitIds.length === 0) return []
  return db
    .select({
      code: trips.code,
      startDate: trips.startDate,
      endDate: trips.endDate,
      unitId: tripUnits.unitId
    })
    .from(tripUnits)
    .innerJoin(trips, eq(trips.id, tripUnits.tripId))
    .where(and(inArray(tripUnits.unitId, [...unitIds]), gt(trips.endDate, lastDay)))
    .all()
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.code.localeCompare(b.code))
    .map((t) => ({
      code: t.code,
      startDate: t.startDate,
      endDate: t.endDate,
      unit: ref(state.byId.get(t.unitId)!)
    }))
}

export function readImpact(ctx: ServiceContext, codes: readonly string[], lastDay: IsoDate): UnitImpact {
  const state = loadUnitState(ctx.db)
  const chosen = codes.map((c) => requireUnit(state, c))
  const ids = new Set(chosen.map((u) => u.id))
  const openChildren = chosen.flatMap((parent) =>
    childrenOutside(state.units, state.moves, parent.id, startOf(parent), lastDay)
      // Only what lies after the day; a child ended the same day (also chosen) leaves nothing behind.
      .filter((c) => (c.to === null || c.to > lastDay) && !ids.has(c.child.id))
      .map((c) => ({ child: ref(c.child), parent: ref(parent) }))
  )
  return { openChildren, tripsAfter: tripsAfter(ctx.db, state, [...ids], lastDay) }
}
