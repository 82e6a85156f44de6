/**
 * The whole unit tree as the domain functions want it: every unit and every move, read at
 * once (an office has hundreds of units, not millions), with lookups by id and code and the
 * shapes the change log and the screens use.
 */
import { asc, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { UnitListItem } from '../../../shared/api/units'
import type { IsoDate } from '../../../shared/domain/dates'
import type { UnitKind } from '../../../shared/domain/kinds'
import { parentOn, type UnitMove, type UnitRecord, type UnitRef } from '../../../shared/domain/units'
import type { AppDatabase } from '../../db/connection'
import { unitMoves, units } from '../../db/schema'
import type { UnitRow } from '../workbook/types'

export interface UnitState {
  units: UnitRecord[]
  moves: UnitMove[]
  byId: Map<number, UnitRecord>
  byCode: Map<string, UnitRecord>
}

export function stateOf(list: UnitRecord[], moves: UnitMove[]): UnitState {
  return {
    units: list,
    moves,
    byId: new Map(list.map((u) => [u.id, u])),
    byCode: new Map(list.map((u) => [u.code, u]))
  }
}

export function loadUnitState(db: AppDatabase): UnitState {
  const list = db
    .select()
    .from(units)
    .orderBy(asc(units.id))
    .all()
    .map((u) => ({ ...u, kind: u.kind as UnitKind }))
  const moves = db
    .select({ unitId: unitMoves.unitId, parentId: unitMoves.parentId, fromDate: unitMoves.fromDate })
    .from(unitMoves)
    .orderBy(asc(unitMoves.fromDate), asc(unitMoves.id))
    .all()
  return stateOf(list, moves)
}

export function ref(unit: UnitRecord): UnitRef {
  return { code: unit.code, name: unit.name }
}

export function listItem(unit: UnitRecord): UnitListItem {
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    validFrom: unit.validFrom,
    validTo: unit.validTo
  }
}

/** "X01 Đoàn xã Đức Trọng", as labels and messages name a unit. */
export function unitLabel(unit: { code: string; name: string }): string {
  return `${unit.code} ${unit.name}`
}

/** The unit of a code, or NOT_FOUND naming the code (and the form field, when given). */
export function requireUnit(state: UnitState, code: string, field?: string): UnitRecord {
  const unit = state.byCode.get(code.trim())
  if (!unit) {
    const message = `Không có đơn vị mã "${code}".`
    throw new AppError('NOT_FOUND', message, field ? [`${field}: ${message}`] : [])
  }
  return unit
}

/** The unit as a row of the workbook's "Đơn vị" sheet (codes, not ids): what the change log keeps. */
export function workbookUnit(state: UnitState, unit: UnitRecord): UnitRow {
  const codeOf = (id: number | null) => (id === null ? null : (state.byId.get(id)?.code ?? null))
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentCode: codeOf(unit.parentId),
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    mergedIntoCode: codeOf(unit.mergedIntoId)
  }
}

/** A move in the change log's words (fields named in history/describe.ts). */
export function workbookMove(state: UnitState, move: UnitMove) {
  return {
    unitCode: state.byId.get(move.unitId)?.code ?? null,
    parentCode: move.parentId === null ? null : (state.byId.get(move.parentId)?.code ?? null),
    fromDate: move.fromDate
  }
}

/**
 * The name of each unit's parent on `date` (null at the top level): what a trip report prints
 * as "trực thuộc …", so a 2024 trip names the district union and a 2026 trip the Tỉnh đoàn.
 */
export function parentNamesOn(
  db: AppDatabase,
  unitIds: readonly number[],
  date: IsoDate
): Map<number, string | null> {
  const out = new Map<number, string | null>()
  if (unitIds.length === 0) return out
  const own = db
    .select()
    .from(units)
    .where(inArray(units.id, [...unitIds]))
    .all()
  const moves = db
    .select({ unitId: unitMoves.unitId, parentId: unitMoves.parentId, fromDate: unitMoves.fromDate })
    .from(unitMoves)
    .where(inArray(unitMoves.unitId, [...unitIds]))
    .all()
  for (const unit of own) {
    const parentId = parentOn(unit, moves, date)
    const parent =
      parentId === null
        ? undefined
        : db.select({ name: units.name }).from(units).where(eq(units.id, parentId)).get()
    out.set(unit.id, parent?.name ?? null)
  }
  return out
}
