/**
 * The recognition decision of the year: issued once every registered unit is evaluated (the
 * service says which are not), it lists the units that passed all three pillars and freezes
 * the year's evaluations; exported as the numbered Quyết định with its annexed list.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import type { z } from 'zod'
import { decisionSchema, type ThreeActiveYearView } from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { useExportDocument } from './export'

type Input = z.input<typeof decisionSchema>
type Values = z.output<typeof decisionSchema>

export function DecisionPanel({ view }: { view: ThreeActiveYearView }) {
  const { year } = view
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(decisionSchema),
    defaultValues: { year, decidedOn: '' }
  })
  const decide = useApiMutation('threeActive.decide')
  const withdraw = useApiMutation('threeActive.withdrawDecision')
  const docs = useExportDocument()
  const [pending, setPending] = useState<Values | null>(null)
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const passed = view.registrations.filter((l) => l.result === 'DAT').length
  const failed = view.registrations.filter((l) => l.result === 'KHONG_DAT').length

  const submit = form.handleSubmit((values) => setPending(values))

  return (
    <div className="panel" aria-label="Quyết định công nhận">
      <h2>Quyết định công nhận năm {year}</h2>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      {view.decision ? (
        <div className="tcd-decision">
          <p>
            Đã ban hành ngày <strong>{formatDateVi(view.decision.decidedOn)}</strong>:{' '}
            {view.totals.recognised} đơn vị được công nhận,{' '}
            {view.registrations.length - view.totals.recognised} đơn vị chưa được công nhận.
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={docs.busy}
              onClick={() => void docs.run('three-active-decision', year)}
            >
              Xuất quyết định (Word)
            </button>
            <button type="button" className="btn btn-danger" onClick={() => setConfirmWithdraw(true)}>
              Hủy quyết định
            </button>
          </div>
          {docs.message && <p className="alert alert-success">{docs.message}</p>}
          {docs.error && <ErrorAlert error={docs.error} onClose={docs.clearError} />}
        </div>
      ) : (
        <form
          onSubmit={(e) => void submit(e)}
          className="tcd-decision-form"
          aria-label="Ban hành quyết định"
          noValidate
        >
          <p className="muted">
            Theo đánh giá hiện có: {passed} đơn vị đạt, {failed} không đạt,{' '}
            {view.registrations.length - passed - failed} chưa đánh giá đủ.
          </p>
          <div className="tcd-inline-form">
            <DateInput
              label="Ngày quyết định"
              control={form.control}
              name="decidedOn"
              error={form.formState.errors.decidedOn?.message}
              referenceYear={year}
              required
            />
            <button type="submit" className="btn btn-primary" disabled={view.registrations.length === 0}>
              Ban hành quyết định công nhận
            </button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Ban hành quyết định công nhận"
        confirmLabel="Ban hành"
        busy={decide.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const values = pending
          setPending(null)
          if (!values) return
          setBanner(null)
          decide
            .mutateAsync(values)
            .catch((error: unknown) => setBanner(applyServerErrors(error, form.setError, ['decidedOn'])))
        }}
      >
        Công nhận {passed} đơn vị đạt cả ba trụ cột; {failed} đơn vị được ghi là chưa được công nhận. Sau khi
        ban hành, kết quả đánh giá năm {year} không sửa được nữa (trừ khi hủy quyết định).
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmWithdraw}
        title="Hủy quyết định công nhận"
        confirmLabel="Hủy quyết định"
        danger
        busy={withdraw.isPending}
        onCancel={() => setConfirmWithdraw(false)}
        onConfirm={() => {
          setConfirmWithdraw(false)
          withdraw.mutateAsync({ year }).catch((error: unknown) => setBanner(toErrorInfo(error)))
        }}
      >
        Quyết định năm {year} sẽ bị hủy trong phần mềm; đánh giá các đơn vị lại sửa được. Số văn bản đã cấp
        vẫn giữ trong sổ văn bản đi.
      </ConfirmDialog>
    </div>
  )
}
