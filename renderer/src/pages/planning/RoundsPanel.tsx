/**
 * The quarter's rounds (đợt): the list with planned vs done days, and one small form to add a
 * round or change one (the same contract schema as the service: the messages match).
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { roundFormSchema, type RoundFormInput, type RoundView } from '../../../../shared/api/planning'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'

const FIELDS = ['number', 'startDate', 'endDate', 'note'] as const

interface Props {
  year: number
  quarter: number
  rounds: RoundView[]
}

export function RoundsPanel({ year, quarter, rounds }: Props) {
  const [editing, setEditing] = useState<RoundView | 'new' | null>(rounds.length === 0 ? 'new' : null)
  const [deleting, setDeleting] = useState<RoundView | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const remove = useApiMutation('planning.deleteRound')
  return (
    <section className="panel plan-panel" aria-labelledby="plan-rounds-title">
      <div className="plan-panel-head">
        <h2 id="plan-rounds-title">Các đợt đi cơ sở</h2>
        {editing === null && (
          <button type="button" className="btn btn-small" onClick={() => setEditing('new')}>
            Thêm đợt
          </button>
        )}
      </div>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {rounds.length === 0 ? (
        <p className="plan-muted">Quý này chưa có đợt nào. Thêm các đợt để cán bộ đăng ký theo đợt.</p>
      ) : (
        <table className="data-table plan-rounds">
          <thead>
            <tr>
              <th>Đợt</th>
              <th>Thời gian</th>
              <th>Ghi chú</th>
              <th className="num">Đăng ký</th>
              <th className="num">Dự kiến</th>
              <th className="num">Đã thực hiện</th>
              <th aria-label="Thao tác" />
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td>{r.label}</td>
                <td>
                  {formatDateVi(r.startDate)} – {formatDateVi(r.endDate)}
                </td>
                <td>{r.note ?? ''}</td>
                <td className="num">{r.registrationCount}</td>
                <td className="num">{formatDays(r.plannedDays)}</td>
                <td className="num">{formatDays(r.doneDays)}</td>
                <td className="plan-actions">
                  <button type="button" className="btn btn-small" onClick={() => setEditing(r)}>
                    Sửa
                  </button>
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setDeleting(r)}>
                    Xóa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null && (
        <RoundForm
          key={editing === 'new' ? 'new' : editing.id}
          year={year}
          quarter={quarter}
          round={editing === 'new' ? null : editing}
          nextNumber={Math.max(0, ...rounds.map((r) => r.number)) + 1}
          onDone={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Xóa ${deleting?.label ?? ''}?`}
        confirmLabel="Xóa đợt"
        danger
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return
          remove.mutate(
            { year, quarter, number: deleting.number },
            {
              onSuccess: () => setDeleting(null),
              onError: (e) => {
                setDeleting(null)
                setError(toErrorInfo(e))
              }
            }
          )
        }}
      >
        <p>
          Đợt {deleting?.number}:{' '}
          {deleting ? `${formatDateVi(deleting.startDate)} – ${formatDateVi(deleting.endDate)}` : ''}. Đợt có
          đăng ký thì không xóa được.
        </p>
      </ConfirmDialog>
    </section>
  )
}

interface FormProps {
  year: number
  quarter: number
  round: RoundView | null
  nextNumber: number
  onDone(): void
}

function RoundForm({ year, quarter, round, nextNumber, onDone }: FormProps) {
  const save = useApiMutation('planning.saveRound')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const form = useForm<RoundFormInput>({
    resolver: zodResolver(roundFormSchema),
    defaultValues: {
      year,
      quarter,
      number: round?.number ?? nextNumber,
      originalNumber: round?.number ?? null,
      startDate: round?.startDate ?? '',
      endDate: round?.endDate ?? '',
      note: round?.note ?? ''
    }
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: onDone,
      onError: (e) => setBanner(applyServerErrors(e, form.setError, FIELDS))
    })
  )
  return (
    <form
      className="plan-round-form"
      onSubmit={submit}
      noValidate
      aria-label={round ? `Sửa đợt ${round.number}` : 'Thêm đợt'}
    >
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <div className="plan-round-grid">
        <TextInput
          label="Số đợt"
          registration={form.register('number', { valueAsNumber: true })}
          error={errors.number?.message}
          required
        />
        <DateInput
          label="Từ ngày"
          control={form.control}
          name="startDate"
          error={errors.startDate?.message}
          referenceYear={year}
          required
        />
        <DateInput
          label="Đến ngày"
          control={form.control}
          name="endDate"
          error={errors.endDate?.message}
          referenceYear={year}
          required
        />
        <TextInput label="Ghi chú" registration={form.register('note')} error={errors.note?.message} />
        <div className="form-actions plan-round-actions">
          <button type="submit" className="btn btn-primary btn-small" disabled={save.isPending}>
            {round ? 'Lưu đợt' : 'Thêm đợt'}
          </button>
          <button type="button" className="btn btn-small" onClick={onDone}>
            Đóng
          </button>
        </div>
      </div>
    </form>
  )
}
