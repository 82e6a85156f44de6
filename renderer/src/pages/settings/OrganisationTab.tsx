/**
 * Cơ quan: the issuing organisation, with a live preview of the document header and
 * signature as they will print. The form validates with the contract's schema; a refusal of
 * the service lands under its field.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { organisationSchema, type Organisation } from '../../../../shared/api/settings'
import { ISSUER_LEVEL_LABELS, ISSUER_LEVELS } from '../../../../shared/domain/issuer'
import { yearOf } from '../../../../shared/domain/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { HeaderPreview } from './HeaderPreview'

type Input = z.input<typeof organisationSchema>
type Values = z.output<typeof organisationSchema>

const FIELDS = [
  'issuerName',
  'issuerLevelName',
  'placeName',
  'issuerAbbreviation',
  'congressTerm',
  'congressTermStart'
] as const

const LEVEL_OPTIONS = ISSUER_LEVELS.map((level) => ({ value: level, label: ISSUER_LEVEL_LABELS[level] }))

function toInput(org: Organisation | null): Input {
  return {
    issuerName: org?.issuerName ?? '',
    issuerLevelName: org?.issuerLevelName ?? 'TỈNH ĐOÀN',
    placeName: org?.placeName ?? '',
    issuerAbbreviation: org?.issuerAbbreviation ?? 'TĐTN',
    congressTerm: org?.congressTerm ?? '',
    congressTermStart: org?.congressTermStart ?? null
  }
}

export function OrganisationTab() {
  const org = useApiQuery('organisation.get', {})
  const signers = useApiQuery('signers.list', {})
  const years = useApiQuery('years.list', {})
  if (org.error) return <ErrorAlert error={toErrorInfo(org.error)} />
  if (org.isPending) return <p className="loading">Đang tải…</p>
  const signer = signers.data?.find((s) => s.isDefault) ?? signers.data?.find((s) => s.active) ?? null
  return <OrganisationForm stored={org.data} signer={signer} today={years.data?.today ?? null} />
}

interface FormProps {
  stored: Organisation | null
  signer: Parameters<typeof HeaderPreview>[0]['signer']
  today: string | null
}

function OrganisationForm({ stored, signer, today }: FormProps) {
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(organisationSchema),
    defaultValues: toInput(stored)
  })
  const { errors, isDirty } = form.formState
  const save = useApiMutation('organisation.save')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const watched = useWatch({ control: form.control })

  // What is stored changed (a save, "Hoàn tác", an import): show it unless the clerk is typing.
  useEffect(() => {
    if (!isDirty) form.reset(toInput(stored))
  }, [stored, isDirty, form])

  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      const result = await save.mutateAsync(values)
      // The undo bar says it was saved (and offers "Hoàn tác").
      form.reset(toInput(result.value))
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, FIELDS))
    }
  })

  return (
    <div className="settings-two-columns">
      <form
        className="panel settings-form"
        aria-label="Thông tin cơ quan ban hành"
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        {stored === null && (
          <p className="settings-note">
            Chưa khai báo cơ quan ban hành: văn bản xuất ra đang để trống tên, địa danh và chưa lấy được số
            (chưa có nhiệm kỳ).
          </p>
        )}
        {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
        <div className="form-grid settings-grid">
          <div className="span-2">
            <TextInput
              label="Tên cơ quan ban hành (như in trên văn bản)"
              registration={form.register('issuerName')}
              error={errors.issuerName?.message}
              hint="Nhấn Enter để xuống dòng: tên in thành hai dòng, căn giữa (ví dụ BCH ĐOÀN TỈNH ↵ LÂM ĐỒNG)."
              multiline
              required
            />
          </div>
          <SelectInput
            label="Cấp"
            registration={form.register('issuerLevelName')}
            options={LEVEL_OPTIONS}
            error={errors.issuerLevelName?.message}
            required
          />
          <TextInput
            label="Địa danh (dòng ngày tháng)"
            registration={form.register('placeName')}
            error={errors.placeName?.message}
            hint="Ví dụ: Lâm Đồng, TP. Hồ Chí Minh"
            required
          />
          <TextInput
            label="Viết tắt trong ký hiệu văn bản"
            registration={form.register('issuerAbbreviation')}
            error={errors.issuerAbbreviation?.message}
            hint="Ví dụ TĐTN, trong 01-BC/TĐTN-VP"
            required
          />
          <TextInput
            label="Nhiệm kỳ đại hội"
            registration={form.register('congressTerm')}
            error={errors.congressTerm?.message}
            hint="Ví dụ 2022 – 2027. Số văn bản chạy liên tục cả nhiệm kỳ."
            required
          />
          <DateInput
            label="Ngày bắt đầu nhiệm kỳ"
            control={form.control}
            name="congressTermStart"
            error={errors.congressTermStart?.message}
            referenceYear={today ? yearOf(today) : new Date().getFullYear()}
            nullable
            hint="dd/mm/yyyy, có thể để trống"
          />
        </div>
        <div className="form-actions">
          {isDirty && (
            <button type="button" className="btn" onClick={() => form.reset(toInput(stored))}>
              Hoàn lại
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            {save.isPending ? 'Đang lưu…' : 'Lưu thông tin cơ quan'}
          </button>
        </div>
      </form>
      <HeaderPreview
        issuerName={watched.issuerName ?? ''}
        issuerLevelName={watched.issuerLevelName ?? 'TỈNH ĐOÀN'}
        placeName={watched.placeName ?? ''}
        issuerAbbreviation={watched.issuerAbbreviation ?? ''}
        today={today}
        signer={signer}
      />
    </div>
  )
}
