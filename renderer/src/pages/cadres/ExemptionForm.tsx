/**
 * Adding or changing an exemption period. While the clerk types, the effect on each year the
 * period touches is shown (subject days and target before → after), computed by the service
 * with the rules of shared/domain/subject.ts on the unsaved period; overlaps are warned about.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { keepPreviousData } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import {
  EXEMPTION_FORM_FIELDS,
  exemptionFormSchema,
  exemptionPeriodSchema,
  type ExemptionFormInput,
  type ExemptionRecord,
  type SubjectFigures
} from '../../../../shared/api/cadres'
import { formatDays, formatNumberVi } from '../../../../shared/domain/format'
import { EXEMPTION_REASONS, EXEMPTION_REASON_LABELS } from '../../../../shared/domain/kinds'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'

type Values = z.output<typeof exemptionFormSchema>

interface Props {
  cadreCode: string
  /** Year used for short dates ("5/4"). */
  year: number
  /** The period to change; none adds one. */
  editing: ExemptionRecord | null
  onClose(): void
}

const REASON_OPTIONS = EXEMPTION_REASONS.map((r) => ({ value: r, label: EXEMPTION_REASON_LABELS[r] }))

function targetText(f: SubjectFigures): string {
  return f.target === null ? `Miễn (${f.exemptReason ?? ''})` : `${formatDays(f.target)} ngày`
}

export function ExemptionForm({ cadreCode, year, editing, onClose }: Props) {
  const form = useForm<ExemptionFormInput, unknown, Values>({
    resolver: zodResolver(exemptionFormSchema),
    defaultValues: {
      cadreCode,
      id: editing?.id ?? null,
      reason: editing?.reason ?? ('' as ExemptionFormInput['reason']),
      from: editing?.from ?? '',
      to: editing?.to ?? '',
      note: editing?.note ?? ''
    }
  })
  const errors = form.formState.errors
  const save = useApiMutation('exemptions.save')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)

  // The effect follows what is typed, as soon as it is a complete, valid period.
  const watched = useWatch({ control: form.control })
  const parsed = exemptionPeriodSchema.safeParse(watched)
  const preview = useApiQuery(
    'exemptions.preview',
    parsed.success ? parsed.data : { cadreCode, reason: 'KHAC', from: '', to: '' },
    {
      enabled: parsed.success,
      placeholderData: keepPreviousData
    }
  )

  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      await save.mutateAsync(values)
      onClose()
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, EXEMPTION_FORM_FIELDS))
    }
  })

  return (
    <form
      className="exemption-form"
      aria-label={editing ? 'Sửa kỳ miễn giảm' : 'Thêm kỳ miễn giảm'}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
      noValidate
    >
      <h3>{editing ? 'Sửa kỳ miễn giảm' : 'Thêm kỳ miễn giảm'}</h3>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <div className="exemption-form-grid">
        <SelectInput
          label="Lý do"
          registration={form.register('reason')}
          options={REASON_OPTIONS}
          emptyLabel="— chọn lý do —"
          error={errors.reason?.message}
          required
        />
        <DateInput
          label="Từ ngày"
          control={form.control}
          name="from"
          error={errors.from?.message}
          referenceYear={year}
          required
        />
        <DateInput
          label="Đến ngày"
          control={form.control}
          name="to"
          error={errors.to?.message}
          referenceYear={year}
          required
        />
        <TextInput
          label="Ghi chú"
          registration={form.register('note')}
          error={errors.note?.message}
          hint="Bắt buộc khi lý do là Khác"
        />
      </div>

      <div className="exemption-effect" data-testid="exemption-effect" aria-live="polite">
        <h4>Ảnh hưởng khi lưu</h4>
        {!parsed.success && (
          <p className="muted">
            Nhập lý do, từ ngày và đến ngày để xem số ngày thuộc diện và chỉ tiêu thay đổi thế nào.
          </p>
        )}
        {parsed.success && preview.error && <ErrorAlert error={toErrorInfo(preview.error)} />}
        {parsed.success && preview.data && (
          <>
            {preview.data.effects.length === 0 ? (
              <p className="muted">Không năm nào của thời gian công tác bị ảnh hưởng.</p>
            ) : (
              <table className="data-table effect-table">
                <thead>
                  <tr>
                    <th>Năm</th>
                    <th>Số ngày thuộc diện</th>
                    <th>Chỉ tiêu</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.data.effects.map((e) => (
                    <tr key={e.year} data-year={e.year}>
                      <td>{e.year}</td>
                      <td data-col="subject-days">
                        {formatNumberVi(e.before.subjectDays)} → <b>{formatNumberVi(e.after.subjectDays)}</b>
                      </td>
                      <td data-col="target">
                        {targetText(e.before)} → <b>{targetText(e.after)}</b>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {preview.data.warnings.length > 0 && (
              <ul className="exemption-warnings" data-testid="exemption-warnings">
                {preview.data.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>

      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          Hủy
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {editing ? 'Lưu thay đổi' : 'Lưu kỳ miễn giảm'}
        </button>
      </div>
    </form>
  )
}
