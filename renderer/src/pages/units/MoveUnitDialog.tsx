/**
 * "Chuyển đơn vị cấp trên": from a day on, the unit sits under another unit (a commune union
 * moved from its district union to the Tỉnh đoàn on 01/07/2025). Earlier days keep the old
 * parent, so past reports keep their tree. The new parent is chosen among the units existing
 * on that day.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { unitMoveSchema, type UnitDetail } from '../../../../shared/api/units'
import { formatDateVi, isValidIsoDate } from '../../../../shared/domain/dates'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, SelectInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import type { ErrorInfo } from '../../lib/errors'
import { optionLabel } from './format'

type Input = z.input<typeof unitMoveSchema>
type Values = z.output<typeof unitMoveSchema>

interface Props {
  open: boolean
  unit: UnitDetail
  referenceYear: number
  onClose(): void
}

export function MoveUnitDialog({ open, unit, referenceYear, onClose }: Props) {
  const empty: Input = { code: unit.code, parentCode: '', fromDate: '' }
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(unitMoveSchema),
    defaultValues: empty
  })
  const fromDate = useWatch({ control: form.control, name: 'fromDate' })
  const day = isValidIsoDate(fromDate) ? fromDate : null
  const choices = useApiQuery('units.choices', { date: day }, { enabled: open && day !== null })
  const move = useApiMutation('units.move')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)

  const close = () => {
    form.reset(empty)
    setBanner(null)
    onClose()
  }
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      await move.mutateAsync(values)
      close()
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, ['parentCode', 'fromDate']))
    }
  })
  const options = (choices.data ?? [])
    .filter((c) => c.code !== unit.code)
    .map((c) => ({ value: c.code, label: optionLabel(c) }))
  // A choice made before the date changed stays listed (the service says why it is refused).
  const parentCode = useWatch({ control: form.control, name: 'parentCode' })
  if (parentCode && !options.some((o) => o.value === parentCode)) {
    options.unshift({ value: parentCode, label: `Mã ${parentCode} — không hoạt động ngày này` })
  }

  return (
    <ConfirmDialog
      open={open}
      title={`Chuyển đơn vị cấp trên: ${unit.name}`}
      confirmLabel="Chuyển"
      busy={move.isPending}
      onCancel={close}
      onConfirm={() => void submit()}
    >
      <p>
        Từ ngày chọn, {unit.name} trực thuộc đơn vị mới; trước ngày đó vẫn thuộc đơn vị cũ, nên báo cáo các
        năm trước giữ nguyên cây tổ chức.
      </p>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <div className="unit-dialog-fields">
        <DateInput
          label="Từ ngày"
          control={form.control}
          name="fromDate"
          error={form.formState.errors.fromDate?.message}
          referenceYear={referenceYear}
          required
          hint="Ngày đầu tiên trực thuộc đơn vị mới (dd/mm/yyyy)"
        />
        <SelectInput
          key={options.map((o) => o.value).join('|')}
          label="Đơn vị cấp trên mới"
          registration={form.register('parentCode')}
          options={options}
          emptyLabel={day ? '— không có (cấp cao nhất) —' : '— nhập ngày trước —'}
          error={form.formState.errors.parentCode?.message}
        />
      </div>
      {day && (
        <p className="unit-panel-note">Danh sách gồm các đơn vị đang hoạt động ngày {formatDateVi(day)}.</p>
      )}
    </ConfirmDialog>
  )
}
