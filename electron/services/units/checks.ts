/**
 * The refusals every write of the tree shares, each naming the unit, the day and the form
 * field: a parent that does not exist on the day, a loop in the tree, children left under a
 * unit on days it no longer exists, a code already used.
 */
import { AppError } from '../../../shared/api/errors'
import { formatDateVi, type IsoDate } from '../../../shared/domain/dates'
import {
  BEGINNING,
  childrenOutside,
  existsOn,
  firstLoop,
  type UnitMove,
  type UnitRecord
} from '../../../shared/domain/units'
import { requireUnit, unitLabel, type UnitState } from './state'

/** "ngày 01/07/2025", or the words for a unit with no start date. */
export function dayWords(date: IsoDate): string {
  return date === BEGINNING ? 'từ đầu (khi không ghi ngày)' : `ngày ${formatDateVi(date)}`
}

export function refuse(
  field: string,
  message: string,
  code: 'VALIDATION' | 'CONFLICT' = 'VALIDATION'
): never {
  throw new AppError(code, message, [`${field}: ${message}`])
}

/** The code is free (or belongs to `self`, when editing). */
export function requireFreeCode(state: UnitState, code: string, field: string, self?: UnitRecord): void {
  const taken = state.byCode.get(code)
  if (taken && taken.id !== self?.id) {
    refuse(field, `Mã đơn vị "${code}" đã có (${taken.name}); hãy chọn mã khác.`, 'CONFLICT')
  }
}

/**
 * The parent chosen for `day` exists on that day (for a unit with no start date: a parent
 * with none either, i.e. existing since the beginning) and is not the unit itself.
 */
export function requireParentOn(
  state: UnitState,
  parentCode: string,
  day: IsoDate,
  field: string,
  self?: UnitRecord
): UnitRecord {
  const parent = requireUnit(state, parentCode, field)
  if (self && parent.id === self.id) refuse(field, 'Một đơn vị không thể trực thuộc chính nó.')
  if (!existsOn(parent, day)) {
    const when =
      parent.validTo !== null && parent.validTo < day
        ? `đã ngừng hoạt động sau ngày ${formatDateVi(parent.validTo)}`
        : parent.validFrom
          ? `chỉ hoạt động từ ngày ${formatDateVi(parent.validFrom)}`
          : 'không hoạt động vào ngày đó'
    refuse(field, `Đơn vị cấp trên ${unitLabel(parent)} không hoạt động ${dayWords(day)}: ${when}.`)
  }
  return parent
}

/** No loop in the tree from `from` on, with the planned units and moves. */
export function requireNoLoop(
  units: readonly UnitRecord[],
  moves: readonly UnitMove[],
  field: string,
  from?: IsoDate
): void {
  const loop = firstLoop(units, moves, from)
  if (loop) {
    const chain = loop.units.map((u) => u.name).join(' → ')
    refuse(field, `Không thể lưu: cây đơn vị sẽ bị vòng lặp ${dayWords(loop.date)} (${chain}).`)
  }
}

/**
 * No unit left under `unit` on a day outside [from, to] (its planned life). `fields` name the
 * form field for children before its start and after its end.
 */
export function requireChildrenInside(
  units: readonly UnitRecord[],
  moves: readonly UnitMove[],
  unit: UnitRecord,
  from: IsoDate,
  to: IsoDate | null,
  fields: { before: string; after: string },
  what: string
): void {
  const left = childrenOutside(units, moves, unit.id, from, to)
  if (left.length === 0) return
  const names = left.map((c) => c.child.name).join(', ')
  const after = to !== null && left.every((c) => c.from > to)
  const when = after ? `sau ngày ${formatDateVi(to)}` : `trước ${dayWords(from)}`
  refuse(
    after ? fields.after : fields.before,
    `${what}: ${unit.name} vẫn còn đơn vị trực thuộc ${when}: ${names}. ` +
      'Hãy chuyển các đơn vị này sang đơn vị cấp trên khác (hoặc cho ngừng hoạt động) trước.',
    'CONFLICT'
  )
}
