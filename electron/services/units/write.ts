/**
 * Adding, editing and closing a unit, and moving it under another parent from a day. Each is
 * one tracked write ("Hoàn tác" reverts it) logged in workbook terms, with a label naming the
 * unit and the day. Checks run on the tree as it would be after the write, so no write can
 * leave a loop, or children under a unit on days it does not exist.
 */
import { and, eq } from 'drizzle-orm'
import type { ApiParsedInput } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import type { ClosedUnit } from '../../../shared/api/units'
import { formatDateVi } from '../../../shared/domain/dates'
import {
  BEGINNING,
  existsOn,
  parentOn,
  startOf,
  type UnitMove,
  type UnitRecord,
  type UnitRef
} from '../../../shared/domain/units'
import { unitMoves, units } from '../../db/schema'
import type { ServiceContext } from '../context'
import {
  dayWords,
  refuse,
  requireChildrenInside,
  requireFreeCode,
  requireNoLoop,
  requireParentOn
} from './checks'
import { tripsAfter } from './read'
import {
  loadUnitState,
  ref,
  requireUnit,
  stateOf,
  unitLabel,
  workbookMove,
  workbookUnit,
  type UnitState
} from './state'

type CreateInput = ApiParsedInput<'units.create'>
type UpdateInput = ApiParsedInput<'units.update'>

function replaced(state: UnitState, unit: UnitRecord): UnitRecord[] {
  return state.units.map((u) => (u.id === unit.id ? unit : u))
}

export function createUnit(ctx: ServiceContext, input: CreateInput): Saved<UnitRef> {
  const state = loadUnitState(ctx.db)
  requireFreeCode(state, input.code, 'code')
  const start = input.validFrom ?? BEGINNING
  const parent = input.parentCode ? requireParentOn(state, input.parentCode, start, 'parentCode') : null
  const label = `Thêm đơn vị ${unitLabel(input)}`
  return ctx.write(label, (_tx, log) => {
    const row = log.rows.insert(units, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      parentId: parent?.id ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo,
      mergedIntoId: null
    })
    const saved: UnitRecord = { ...row, kind: input.kind }
    log.record(
      'units',
      saved.code,
      'insert',
      null,
      workbookUnit(stateOf([...state.units, saved], state.moves), saved)
    )
    return { value: ref(saved), change: { batchId: log.batchId, label } }
  })
}

export function updateUnit(ctx: ServiceContext, input: UpdateInput): Saved<UnitRef> {
  const state = loadUnitState(ctx.db)
  const old = requireUnit(state, input.originalCode)
  requireFreeCode(state, input.code, 'code', old)
  const start = input.validFrom ?? BEGINNING
  const parent = input.parentCode ? requireParentOn(state, input.parentCode, start, 'parentCode', old) : null
  const next: UnitRecord = {
    ...old,
    code: input.code,
    name: input.name,
    kind: input.kind,
    parentId: parent?.id ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo,
    // Reopened (no last day any more): it was not merged after all.
    mergedIntoId: input.validTo === null ? null : old.mergedIntoId
  }
  const after = replaced(state, next)
  requireNoLoop(after, state.moves, 'parentCode')
  requireChildrenInside(
    after,
    state.moves,
    next,
    startOf(next),
    next.validTo,
    { before: 'validFrom', after: 'validTo' },
    'Không thể lưu'
  )
  const label = `Sửa đơn vị ${unitLabel(next)}`
  return ctx.write(label, (_tx, log) => {
    log.rows.update(units, eq(units.id, old.id), {
      code: next.code,
      name: next.name,
      kind: next.kind,
      parentId: next.parentId,
      validFrom: next.validFrom,
      validTo: next.validTo,
      mergedIntoId: next.mergedIntoId
    })
    log.record(
      'units',
      next.code,
      'update',
      workbookUnit(state, old),
      workbookUnit(stateOf(after, state.moves), next)
    )
    return { value: ref(next), change: { batchId: log.batchId, label } }
  })
}

/**
 * Closing: the unit keeps its record, its history and its trips; `lastDay` is its last day of
 * activity (Hiệu lực đến). Refused while units still sit under it after that day.
 */
export function closeUnit(ctx: ServiceContext, input: ApiParsedInput<'units.close'>): Saved<ClosedUnit> {
  const state = loadUnitState(ctx.db)
  const old = requireUnit(state, input.code, 'code')
  if (old.validTo !== null) {
    throw new AppError(
      'CONFLICT',
      `Đơn vị ${unitLabel(old)} đã có ngày cuối hoạt động ${formatDateVi(old.validTo)}. Muốn đổi ngày, hãy sửa "Hiệu lực đến" của đơn vị.`
    )
  }
  if (input.lastDay < startOf(old)) {
    refuse('lastDay', `Ngày cuối hoạt động không được trước ngày thành lập (${formatDateVi(startOf(old))}).`)
  }
  const next: UnitRecord = { ...old, validTo: input.lastDay }
  const after = replaced(state, next)
  requireChildrenInside(
    after,
    state.moves,
    next,
    startOf(next),
    input.lastDay,
    { before: 'lastDay', after: 'lastDay' },
    'Không thể cho ngừng hoạt động'
  )
  const label = `Ngừng hoạt động: ${unitLabel(old)}, ngày cuối ${formatDateVi(input.lastDay)}`
  return ctx.write(label, (tx, log) => {
    log.rows.update(units, eq(units.id, old.id), { validTo: input.lastDay })
    log.record('units', old.code, 'update', workbookUnit(state, old), workbookUnit(state, next))
    const value: ClosedUnit = { ...ref(next), tripsAfter: tripsAfter(tx, state, [old.id], input.lastDay) }
    return { value, change: { batchId: log.batchId, label } }
  })
}

function parentWords(state: UnitState, parentId: number | null): string {
  const parent = parentId === null ? undefined : state.byId.get(parentId)
  return parent ? `trực thuộc ${parent.name}` : 'cấp cao nhất'
}

/**
 * From `fromDate` the unit sits under another parent (a unit_moves row; one per unit and day,
 * so a second move on the same day replaces the first). Earlier days keep the old parent.
 */
export function moveUnit(ctx: ServiceContext, input: ApiParsedInput<'units.move'>): Saved<UnitRef> {
  const state = loadUnitState(ctx.db)
  const unit = requireUnit(state, input.code, 'code')
  if (!existsOn(unit, input.fromDate)) {
    refuse(
      'fromDate',
      `${unit.name} không hoạt động ngày ${formatDateVi(input.fromDate)}: không chuyển được từ ngày đó.`
    )
  }
  const parent = input.parentCode
    ? requireParentOn(state, input.parentCode, input.fromDate, 'parentCode', unit)
    : null
  const parentId = parent?.id ?? null
  if (parentOn(unit, state.moves, input.fromDate) === parentId) {
    refuse(
      'parentCode',
      `Ngày ${formatDateVi(input.fromDate)} ${unit.name} đã ${parentWords(state, parentId)}.`
    )
  }
  const sameDay = state.moves.find((m) => m.unitId === unit.id && m.fromDate === input.fromDate)
  const move: UnitMove = { unitId: unit.id, parentId, fromDate: input.fromDate }
  const moves = [...state.moves.filter((m) => m !== sameDay), move]
  requireNoLoop(state.units, moves, 'parentCode')
  const label = `Chuyển đơn vị: ${unitLabel(unit)} sang ${parentWords(state, parentId)} từ ${formatDateVi(input.fromDate)}`
  return ctx.write(label, (_tx, log) => {
    const key = `${unit.code} (${dayWords(input.fromDate)})`
    if (sameDay) {
      log.rows.update(unitMoves, and(eq(unitMoves.unitId, unit.id), eq(unitMoves.fromDate, input.fromDate)), {
        parentId
      })
      log.record('unit_moves', key, 'update', workbookMove(state, sameDay), workbookMove(state, move))
    } else {
      log.rows.insert(unitMoves, move)
      log.record('unit_moves', key, 'insert', null, workbookMove(state, move))
    }
    return { value: ref(unit), change: { batchId: log.batchId, label } }
  })
}

export function deleteMove(ctx: ServiceContext, input: ApiParsedInput<'units.deleteMove'>): Saved<UnitRef> {
  const state = loadUnitState(ctx.db)
  const unit = requireUnit(state, input.code, 'code')
  const move = state.moves.find((m) => m.unitId === unit.id && m.fromDate === input.fromDate)
  if (!move) {
    throw new AppError(
      'NOT_FOUND',
      `${unitLabel(unit)} không có lần chuyển đơn vị cấp trên nào từ ngày ${formatDateVi(input.fromDate)}.`
    )
  }
  const moves = state.moves.filter((m) => m !== move)
  requireNoLoop(state.units, moves, 'fromDate')
  const label = `Xóa lần chuyển đơn vị cấp trên: ${unitLabel(unit)} từ ${formatDateVi(input.fromDate)}`
  return ctx.write(label, (_tx, log) => {
    log.rows.delete(unitMoves, and(eq(unitMoves.unitId, unit.id), eq(unitMoves.fromDate, input.fromDate)))
    log.record(
      'unit_moves',
      `${unit.code} (${dayWords(input.fromDate)})`,
      'delete',
      workbookMove(state, move),
      null
    )
    return { value: ref(unit), change: { batchId: log.batchId, label } }
  })
}
