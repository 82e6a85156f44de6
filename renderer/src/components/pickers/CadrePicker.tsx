/**
 * Picks cadres by name or code, without diacritics ("duc" finds "Lê Minh Đức"). The caller
 * passes the cadres (in the order to list them, normally Vietnamese name order); a cadre who
 * is not in service on `serviceOn` is still offered, after the others and marked.
 */
import { useMemo } from 'react'
import type { IsoDate } from '../../../../shared/domain/dates'
import { MultiPicker, type MultiPickerProps, type PickerOption } from './MultiPicker'

export interface CadreItem {
  code: string
  fullName: string
  position?: string | undefined
  departmentName?: string | undefined
  serviceStart?: IsoDate | null | undefined
  serviceEnd?: IsoDate | null | undefined
}

interface Props extends Omit<MultiPickerProps, 'options' | 'chipLabel'> {
  cadres: readonly CadreItem[]
  /** Cadres in service on these dates are listed first. */
  serviceOn?: { from: IsoDate; to: IsoDate } | null | undefined
}

function inService(cadre: CadreItem, on: { from: IsoDate; to: IsoDate }): boolean {
  return (
    (!cadre.serviceStart || cadre.serviceStart <= on.to) && (!cadre.serviceEnd || cadre.serviceEnd >= on.from)
  )
}

export function CadrePicker({ cadres, serviceOn, placeholder = 'Gõ tên hoặc mã cán bộ…', ...rest }: Props) {
  const options = useMemo<PickerOption[]>(() => {
    const toOption = (c: CadreItem, warning?: string): PickerOption => ({
      value: c.code,
      label: c.fullName,
      detail: [c.code, c.position, c.departmentName].filter(Boolean).join(' · '),
      warning
    })
    if (!serviceOn) return cadres.map((c) => toOption(c))
    const serving = cadres.filter((c) => inService(c, serviceOn))
    const others = cadres.filter((c) => !inService(c, serviceOn))
    if (others.length === 0) return serving.map((c) => toOption(c))
    return [
      ...serving.map((c) => ({ ...toOption(c), group: 'Đang công tác vào ngày đi' })),
      ...others.map((c) => ({
        ...toOption(c, 'Không công tác vào ngày đi'),
        group: 'Không công tác vào ngày đi'
      }))
    ]
  }, [cadres, serviceOn])
  return <MultiPicker {...rest} placeholder={placeholder} options={options} chipLabel={(o) => o.label} />
}
