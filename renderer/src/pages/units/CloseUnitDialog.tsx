/**
 * "Ngừng hoạt động": the unit's last day of activity (Hiệu lực đến). Not a deletion: the unit
 * keeps its history and its trips, and past trees still show it. Before confirming, the
 * dialog says what that day would leave behind: units still under it (the service refuses
 * then) and trips to it after that day (kept as they are).
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { unitCloseSchema, type UnitDetail } from '../../../../shared/api/units'
import { addDays, formatDateVi, isValidIsoDate } from '../../../../shared/domain/dates'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation } from '../../lib/api'
import type { ErrorInfo } from '../../lib/errors'
import { ImpactNotes } from './ImpactNotes'

type Input = z.input<typeof unitCloseSchema>
type Values = z.output<typeof unitCloseSchema>

interface Props {
  open: boolean
  unit: UnitDetail
  referenceYear: number
  onClose(): void
}

export function CloseUnitDialog({ open, unit, referenceYear, onClose }: Props) {
  const empty: Input = { code: unit.code, lastDay: '' }
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(unitCloseSchema),
    defaultValues: empty
  })
  const lastDay = useWatch({ control: form.control, name: 'lastDay' })
  const day = isValidIsoDate(lastDay) ? lastDay : null
  const closeUnit = useApiMutation('units.close')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)

  const close = () => {
    form.reset(empty)
    setBanner(null)
    onClose()
  }
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      await closeUnit.mutateAsync(values)
      close()
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, ['lastDay']))
    }
  })

  return (
    <ConfirmDialog
      open={open}
      title={`Ngừng hoạt động: ${unit.name}`}
      confirmLabel="Ngừng hoạt động"
      danger
      busy={closeUnit.isPending}
      onCancel={close}
      onConfirm={() => void submit()}
    >
      <p>
        Đơn vị không bị xóa: vẫn giữ lịch sử và các chuyến đi, vẫn có trong cây tổ chức của những ngày trước.
        Nếu đơn vị sáp nhập vào đơn vị khác, hãy dùng “Sáp nhập vào đơn vị khác”.
      </p>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <div className="unit-dialog-date">
        <DateInput
          label="Ngày cuối hoạt động"
          control={form.control}
          name="lastDay"
          error={form.formState.errors.lastDay?.message}
          referenceYear={referenceYear}
          required
          hint={
            day
              ? `Đơn vị hoạt động đến hết ngày này; từ ${formatDateVi(addDays(day, 1))} không còn trong cây.`
              : 'Ngày cuối cùng đơn vị còn hoạt động (dd/mm/yyyy)'
          }
        />
      </div>
      {open && day && <ImpactNotes codes={[unit.code]} lastDay={day} mode="close" />}
    </ConfirmDialog>
  )
}
