/**
 * "Đổi trạng thái": one status (and, if given, one report date) for every selected trip, in
 * one write, so one "Hoàn tác" puts them all back. Typical: Dự kiến → Đã thực hiện after a
 * round, or Đã báo cáo with the day the reports came in.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useForm } from 'react-hook-form'
import { tripSetStatusSchema, type TripSetStatusInput } from '../../../../shared/api/trips'
import { TRIP_STATUSES, TRIP_STATUS_LABELS } from '../../../../shared/domain/kinds'
import { formatNumberVi } from '../../../../shared/domain/format'
import { ErrorAlert } from '../../components/ErrorAlert'
import { SelectInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation } from '../../lib/api'
import type { ErrorInfo } from '../../lib/errors'
import { useState } from 'react'
import { Modal } from './Modal'
import { TripDateInput } from './TripDateInput'

interface Props {
  open: boolean
  codes: string[]
  onClose(): void
  onDone(): void
}

export function StatusDialog({ open, codes, onClose, onDone }: Props) {
  return (
    <Modal open={open} title={`Đổi trạng thái ${formatNumberVi(codes.length)} chuyến đi`} onClose={onClose}>
      <StatusForm codes={codes} onClose={onClose} onDone={onDone} />
    </Modal>
  )
}

function StatusForm({ codes, onClose, onDone }: Omit<Props, 'open'>) {
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const save = useApiMutation('trips.setStatus')
  const form = useForm<TripSetStatusInput>({
    resolver: zodResolver(tripSetStatusSchema),
    defaultValues: { codes, status: 'DA_BAO_CAO', reportDate: null }
  })
  const { errors } = form.formState
  const submit = form.handleSubmit((values) => {
    setBanner(null)
    save.mutate(
      { ...values, codes },
      {
        onSuccess: onDone,
        onError: (e) => setBanner(applyServerErrors(e, form.setError, ['status', 'reportDate']))
      }
    )
  })
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="trip-modal-lead">
        {codes.length <= 10
          ? codes.join(', ')
          : `${codes.slice(0, 10).join(', ')} và ${codes.length - 10} chuyến khác`}
      </p>
      {banner && <ErrorAlert error={banner} />}
      {errors.codes && <div className="field-error">{errors.codes.message}</div>}
      <div className="form-grid trip-status-grid">
        <SelectInput
          label="Trạng thái mới"
          registration={form.register('status')}
          options={TRIP_STATUSES.map((s) => ({ value: s, label: TRIP_STATUS_LABELS[s] }))}
          error={errors.status?.message}
          required
        />
        <TripDateInput
          label="Ngày nộp báo cáo"
          control={form.control}
          name="reportDate"
          nullable
          error={errors.reportDate?.message}
          hint="dd/mm/yyyy; để trống: giữ nguyên"
        />
      </div>
      <div className="confirm-dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Hủy
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Lưu cho {formatNumberVi(codes.length)} chuyến
        </button>
      </div>
    </form>
  )
}
