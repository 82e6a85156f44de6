/**
 * Merging units from a day (sáp nhập), in one write: the target is an existing unit or a new
 * one created here; every source ends the day before and points to the target
 * (mergedIntoId); the units still under a source that day move under the target from that
 * day (the new commune takes over the old communes' chi đoàn). Sources keep their records,
 * history and trips. "Hoàn tác" puts every row back.
 */
import { and, eq } from 'drizzle-orm'
import type { ApiParsedInput } from '../../../shared/api/contract'
import type { Saved } from '../../../shared/api/history'
import type { MergedUnits } from '../../../shared/api/units'
import { addDays, formatDateVi } from '../../../shared/domain/dates'
import { existsOn, parentOn, startOf, type UnitMove, type UnitRecord } from '../../../shared/domain/units'
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
import { loadUnitState, ref, requireUnit, stateOf, unitLabel, workbookMove, workbookUnit } from './state'

/** Stands for the new target's id until it is inserted (ids are positive). */
const NEW_ID = -1

export function mergeUnits(ctx: ServiceContext, input: ApiParsedInput<'units.merge'>): Saved<MergedUnits> {
  const state = loadUnitState(ctx.db)
  const day = input.fromDate
  const lastDay = addDays(day, -1)

  const sources = input.sourceCodes.map((code) => requireUnit(state, code, 'sourceCodes'))
  for (const source of sources) {
    if (source.mergedIntoId !== null) {
      const into = state.byId.get(source.mergedIntoId)
      refuse(
        'sourceCodes',
        `${source.name} đã sáp nhập vào ${into?.name ?? 'đơn vị khác'} trước đó.`,
        'CONFLICT'
      )
    }
    if (!existsOn(source, lastDay) || (source.validTo !== null && source.validTo < lastDay)) {
      refuse(
        'sourceCodes',
        `${source.name} không hoạt động ngày ${formatDateVi(lastDay)} (ngày trước ngày sáp nhập): không sáp nhập được từ ${formatDateVi(day)}.`
      )
    }
  }

  let target: UnitRecord
  if (input.target === 'existing') {
    target = requireUnit(state, input.targetCode, 'targetCode')
    if (!existsOn(target, day)) {
      refuse('targetCode', `Đơn vị nhận sáp nhập ${target.name} không hoạt động ngày ${formatDateVi(day)}.`)
    }
  } else {
    requireFreeCode(state, input.targetCode, 'targetCode')
    const parent = input.newParentCode
      ? requireParentOn(state, input.newParentCode, day, 'newParentCode')
      : null
    if (parent && sources.some((s) => s.id === parent.id)) {
      refuse('newParentCode', `Đơn vị mới không thể trực thuộc ${parent.name}, đơn vị bị sáp nhập.`)
    }
    target = {
      id: NEW_ID,
      code: input.targetCode,
      name: input.newName ?? '',
      kind: input.newKind ?? 'KHAC',
      parentId: parent?.id ?? null,
      validFrom: day,
      validTo: null,
      mergedIntoId: null
    }
  }

  // The tree after the merge, checked before anything is written.
  const sourceIds = new Set(sources.map((s) => s.id))
  const ended = new Map(sources.map((s) => [s.id, { ...s, validTo: lastDay, mergedIntoId: target.id }]))
  const plannedUnits = [
    ...state.units.map((u) => ended.get(u.id) ?? u),
    ...(target.id === NEW_ID ? [target] : [])
  ]
  const children = state.units.filter((u) => {
    if (sourceIds.has(u.id) || !existsOn(u, day)) return false
    const parentId = parentOn(u, state.moves, day)
    return parentId !== null && sourceIds.has(parentId)
  })
  if (children.some((c) => c.id === target.id)) {
    const under = state.byId.get(parentOn(target, state.moves, day) as number)
    refuse(
      'targetCode',
      `Đơn vị nhận sáp nhập ${target.name} đang trực thuộc ${under?.name ?? 'một đơn vị bị sáp nhập'}: hãy chọn đơn vị khác.`
    )
  }
  const newMoves: UnitMove[] = children.map((c) => ({ unitId: c.id, parentId: target.id, fromDate: day }))
  const replacedMoves = new Set(
    state.moves.filter((m) => m.fromDate === day && children.some((c) => c.id === m.unitId))
  )
  const plannedMoves = [...state.moves.filter((m) => !replacedMoves.has(m)), ...newMoves]
  for (const source of ended.values()) {
    requireChildrenInside(
      plannedUnits,
      plannedMoves,
      source,
      startOf(source),
      lastDay,
      { before: 'sourceCodes', after: 'sourceCodes' },
      'Không sáp nhập được'
    )
  }
  requireNoLoop(plannedUnits, plannedMoves, 'targetCode')

  const names = sources.map((s) => s.name).join(', ')
  const into = target.id === NEW_ID ? `đơn vị mới ${unitLabel(target)}` : target.name
  const label = `Sáp nhập ${names} vào ${into} từ ${formatDateVi(day)}`
  return ctx.write(label, (tx, log) => {
    const created = target.id === NEW_ID
    if (created) {
      const { id: _placeholder, ...values } = target
      target = { ...target, id: log.rows.insert(units, values).id }
    }
    const targetId = target.id
    const finalUnits = plannedUnits.map((u) =>
      u.id === NEW_ID ? target : u.mergedIntoId === NEW_ID ? { ...u, mergedIntoId: targetId } : u
    )
    const finalMoves = plannedMoves.map((m) => (m.parentId === NEW_ID ? { ...m, parentId: targetId } : m))
    const after = stateOf(finalUnits, finalMoves)
    if (created) log.record('units', target.code, 'insert', null, workbookUnit(after, target))
    for (const source of sources) {
      log.rows.update(units, eq(units.id, source.id), { validTo: lastDay, mergedIntoId: targetId })
      log.record(
        'units',
        source.code,
        'update',
        workbookUnit(state, source),
        workbookUnit(after, after.byId.get(source.id)!)
      )
    }
    for (const child of children) {
      const move: UnitMove = { unitId: child.id, parentId: targetId, fromDate: day }
      const key = `${child.code} (${dayWords(day)})`
      const previous = [...replacedMoves].find((m) => m.unitId === child.id)
      if (previous) {
        log.rows.update(unitMoves, and(eq(unitMoves.unitId, child.id), eq(unitMoves.fromDate, day)), {
          parentId: targetId
        })
        log.record('unit_moves', key, 'update', workbookMove(state, previous), workbookMove(after, move))
      } else {
        log.rows.insert(unitMoves, move)
        log.record('unit_moves', key, 'insert', null, workbookMove(after, move))
      }
    }
    const value: MergedUnits = {
      ...ref(target),
      movedChildren: children.map(ref),
      tripsAfter: tripsAfter(tx, state, [...sourceIds], lastDay)
    }
    return { value, change: { batchId: log.batchId, label } }
  })
}
