/**
 * Picks units by name or code, without diacritics. The caller passes the units in the order
 * to list them (normally tree order); with `validOn`, the units valid on those dates come
 * first and the others follow under their own heading, marked (a trip may still be recorded
 * at a unit that closed since: the clerk decides, the form warns).
 */
import { useMemo } from 'react'
import type { IsoDate } from '../../../../shared/domain/dates'
import { UNIT_KIND_LABELS, type UnitKind } from '../../../../shared/domain/kinds'
import { MultiPicker, type MultiPickerProps, type PickerOption } from './MultiPicker'

export interface UnitItem {
  code: string
  name: string
  kind?: UnitKind | undefined
  parentName?: string | null | undefined
  validFrom?: IsoDate | null | undefined
  validTo?: IsoDate | null | undefined
}

interface Props extends Omit<MultiPickerProps, 'options' | 'chipLabel'> {
  units: readonly UnitItem[]
  /** Units valid over these dates are offered first. */
  validOn?: { from: IsoDate; to: IsoDate } | null | undefined
}

/** Valid over the whole span: from on or before its start, to on or after its end. */
export function isUnitValidOn(unit: UnitItem, on: { from: IsoDate; to: IsoDate }): boolean {
  return (!unit.validFrom || unit.validFrom <= on.from) && (!unit.validTo || unit.validTo >= on.to)
}

export function UnitPicker({ units, validOn, placeholder = 'Gõ tên hoặc mã đơn vị…', ...rest }: Props) {
  const options = useMemo<PickerOption[]>(() => {
    const toOption = (u: UnitItem, warning?: string): PickerOption => ({
      value: u.code,
      label: u.name,
      detail: [
        u.code,
        u.kind ? UNIT_KIND_LABELS[u.kind] : null,
        u.parentName ? `thuộc ${u.parentName}` : null
      ]
        .filter(Boolean)
        .join(' · '),
      warning
    })
    if (!validOn) return units.map((u) => toOption(u))
    const valid = units.filter((u) => isUnitValidOn(u, validOn))
    const invalid = units.filter((u) => !isUnitValidOn(u, validOn))
    if (invalid.length === 0) return valid.map((u) => toOption(u))
    return [
      ...valid.map((u) => ({ ...toOption(u), group: 'Có hiệu lực vào ngày đi' })),
      ...invalid.map((u) => ({
        ...toOption(u, 'Không có hiệu lực vào ngày đi'),
        group: 'Không có hiệu lực vào ngày đi'
      }))
    ]
  }, [units, validOn])
  return <MultiPicker {...rest} placeholder={placeholder} options={options} />
}
