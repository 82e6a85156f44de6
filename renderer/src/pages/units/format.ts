/** Small words the unit pages share. */
import type { UnitDetail } from '../../../../shared/api/units'
import { addDays, formatDateVi } from '../../../../shared/domain/dates'
import { UNIT_KIND_LABELS, type UnitKind } from '../../../../shared/domain/kinds'

export function kindLabel(kind: UnitKind): string {
  return UNIT_KIND_LABELS[kind] ?? kind
}

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'NOT_FOUND'
}

/** "Đang hoạt động", "Đã sáp nhập vào … từ 01/07/2025", "Ngừng hoạt động sau 30/06/2025". */
export function statusText(
  unit: Pick<UnitDetail, 'status' | 'validFrom' | 'validTo' | 'mergedInto'>
): string {
  switch (unit.status) {
    case 'active':
      // Already dated to end (a merge or closing entered ahead of time): say when.
      if (unit.validTo && unit.mergedInto) {
        return `Đang hoạt động; sáp nhập vào ${unit.mergedInto.name} từ ${formatDateVi(addDays(unit.validTo, 1))}`
      }
      return unit.validTo ? `Đang hoạt động đến hết ${formatDateVi(unit.validTo)}` : 'Đang hoạt động'
    case 'future':
      return `Chưa thành lập (từ ${formatDateVi(unit.validFrom ?? '')})`
    case 'merged':
      return `Đã sáp nhập vào ${unit.mergedInto?.name ?? 'đơn vị khác'} từ ${formatDateVi(addDays(unit.validTo ?? '', 1))}`
    case 'closed':
      return `Ngừng hoạt động sau ngày ${formatDateVi(unit.validTo ?? '')}`
  }
}

/** Indented option text for a unit list in a <select> (tree depth shown by leading spaces). */
export function optionLabel(choice: { name: string; code: string; depth: number }): string {
  return `${'\u00a0\u00a0'.repeat(choice.depth)}${choice.name} (${choice.code})`
}
