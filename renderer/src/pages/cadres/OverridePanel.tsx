/**
 * The per-year override: the clerk decides that, this year, the cadre is subject ("Thuộc
 * diện") or not ("Không thuộc diện") whatever the general rule says, always with a reason.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import type { z } from 'zod'
import { overrideFormSchema, type CadreDetail } from '../../../../shared/api/cadres'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'

type Input = z.input<typeof overrideFormSchema>
type Values = z.output<typeof overrideFormSchema>

export function OverridePanel({ detail }: { detail: CadreDetail }) {
  const [editing, setEditing] = useState(false)
  const [removing, setRemoving] = useState(false)
  const remove = useApiMutation('cadres.removeOverride')
  const { override, cadre } = detail
  const year = detail.year.year

  return (
    <section
      className="panel cadre-panel"
      aria-labelledby="cadre-override-title"
      data-testid="cadre-override"
    >
      <h2 id="cadre-override-title">Xác định riêng năm {year}</h2>
      {remove.error && <ErrorAlert error={toErrorInfo(remove.error)} onClose={() => remove.reset()} />}
      {!editing && (
        <>
          {override ? (
            <p className="override-state">
              <span className={override.subject ? 'badge badge-hoan_thanh' : 'badge badge-mien'}>
                {override.subject ? 'Thuộc diện' : 'Không thuộc diện'}
              </span>{' '}
              <span className="override-reason">Lý do: {override.reason}</span>
            </p>
          ) : (
            <p className="muted override-state">
              Theo quy định chung:{' '}
              {cadre.fullTime
                ? 'cán bộ chuyên trách thuộc diện nếu đủ số ngày công tác tối thiểu.'
                : 'cán bộ không chuyên trách không thuộc diện.'}
            </p>
          )}
          <div className="actions">
            <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
              {override ? 'Đổi' : 'Xác định riêng'}
            </button>
            {override && (
              <button type="button" className="btn btn-small" onClick={() => setRemoving(true)}>
                Bỏ xác định riêng
              </button>
            )}
          </div>
        </>
      )}
      {editing && <OverrideForm detail={detail} onClose={() => setEditing(false)} />}
      {/* Mounted only while asked: one dialog at a time keeps its title the dialog's name. */}
      {removing && (
        <ConfirmDialog
          open
          title={`Bỏ xác định riêng năm ${year}?`}
          confirmLabel="Bỏ xác định riêng"
          danger
          busy={remove.isPending}
          onCancel={() => setRemoving(false)}
          onConfirm={() =>
            remove.mutate({ cadreCode: cadre.code, year }, { onSettled: () => setRemoving(false) })
          }
        >
          <p>
            {cadre.fullName} sẽ được xét theo quy định chung trong năm {year}. Có thể bấm “Hoàn tác” ngay sau
            đó.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}

function OverrideForm({ detail, onClose }: { detail: CadreDetail; onClose(): void }) {
  const { override, cadre } = detail
  const year = detail.year.year
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(overrideFormSchema),
    defaultValues: {
      cadreCode: cadre.code,
      year,
      // A new override usually goes against the general rule.
      subject: override?.subject ?? !cadre.fullTime,
      reason: override?.reason ?? ''
    }
  })
  const save = useApiMutation('cadres.setOverride')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      await save.mutateAsync(values)
      onClose()
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, ['subject', 'reason']))
    }
  })
  const errors = form.formState.errors
  return (
    <form
      className="override-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Xác định riêng năm ${year}`}
    >
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <Controller
        control={form.control}
        name="subject"
        render={({ field }) => (
          <fieldset className="override-choice">
            <legend>Năm {year}, cán bộ</legend>
            <label>
              <input
                type="radio"
                name={field.name}
                checked={field.value === true}
                onChange={() => field.onChange(true)}
                onBlur={field.onBlur}
              />{' '}
              Thuộc diện
            </label>
            <label>
              <input
                type="radio"
                name={field.name}
                checked={field.value === false}
                onChange={() => field.onChange(false)}
                onBlur={field.onBlur}
              />{' '}
              Không thuộc diện
            </label>
            {errors.subject?.message && <div className="field-error">{errors.subject.message}</div>}
          </fieldset>
        )}
      />
      <TextInput
        label="Lý do"
        registration={form.register('reason')}
        error={errors.reason?.message}
        required
        autoFocus
      />
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          Hủy
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Lưu
        </button>
      </div>
    </form>
  )
}
