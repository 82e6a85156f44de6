/**
 * "Đăng ký đi cơ sở": one form for a new registration (prefilled from the address, so the
 * calendar can open it after a drag: see search.ts) and for editing one not yet approved.
 * react-hook-form on the contract's own schema; cadre and unit pickers are the trips
 * domain's (components/pickers); a round fills in its dates.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useMemo, useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import {
  REGISTRATION_FORM_FIELDS,
  registrationFormSchema,
  type RegistrationFormInput,
  type RoundView
} from '../../../../shared/api/planning'
import type { TripChoices } from '../../../../shared/api/trips'
import { formatDateVi, isValidIsoDate } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import {
  CONTENT_KIND_LABELS,
  CONTENT_KINDS,
  HALF_DAY_LABELS,
  HALF_DAYS
} from '../../../../shared/domain/kinds'
import { quarterLabel, type Quarter } from '../../../../shared/domain/planning'
import { tripDays } from '../../../../shared/domain/registration'
import { isValidTripRange } from '../../../../shared/domain/slots'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FieldFrame, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { CadrePicker, UnitPicker } from '../../components/pickers'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import '../../styles/planning.css'
import '../../styles/trips.css'
import { TripDateInput } from '../trips/TripDateInput'
import { quarterOfNew } from './search'

const newRoute = getRouteApi('/ke-hoach-quy/dang-ky')
const editRoute = getRouteApi('/ke-hoach-quy/dang-ky/$code')

const KIND_OPTIONS = CONTENT_KINDS.map((k) => ({ value: k, label: CONTENT_KIND_LABELS[k] }))
const HALF_OPTIONS = HALF_DAYS.map((h) => ({ value: h, label: HALF_DAY_LABELS[h] }))

export function NewRegistrationPage() {
  const search = newRoute.useSearch()
  const choices = useApiQuery('trips.choices', {})
  const plan = useApiQuery('planning.quarter', quarterOfNew(search))
  if (choices.error || plan.error) return <ErrorAlert error={toErrorInfo(choices.error ?? plan.error)} />
  if (!choices.data || !plan.data) return <p className="plan-muted">Đang tải…</p>
  const { year, quarter } = plan.data
  const round =
    search.round !== undefined ? plan.data.rounds.find((r) => r.number === search.round) : undefined
  const from = search.from ?? round?.startDate ?? ''
  return (
    <RegistrationForm
      title="Đăng ký đi cơ sở"
      code={null}
      choices={choices.data}
      rounds={plan.data.rounds}
      defaults={{
        cadreCode: search.cadre ?? '',
        year,
        quarter,
        roundNumber: round?.number ?? null,
        startDate: from,
        startHalf: 'SANG',
        endDate: search.to ?? (search.from ? search.from : (round?.endDate ?? '')),
        endHalf: 'CHIEU',
        unitCodes: [],
        kind: '' as never,
        topic: '',
        note: ''
      }}
    />
  )
}

export function EditRegistrationPage() {
  const { code } = editRoute.useParams()
  const reg = useApiQuery('planning.registration', { code })
  const choices = useApiQuery('trips.choices', {})
  const plan = useApiQuery(
    'planning.quarter',
    { year: reg.data?.year ?? 2000, quarter: reg.data?.quarter ?? 1 },
    { enabled: Boolean(reg.data) }
  )
  if (reg.error || choices.error || plan.error)
    return <ErrorAlert error={toErrorInfo(reg.error ?? choices.error ?? plan.error)} />
  if (!reg.data || !choices.data || !plan.data) return <p className="plan-muted">Đang tải…</p>
  const r = reg.data
  return (
    <RegistrationForm
      title={`Sửa đăng ký ${r.code}`}
      code={r.code}
      choices={choices.data}
      rounds={plan.data.rounds}
      defaults={{
        cadreCode: r.cadreCode,
        year: r.year,
        quarter: r.quarter,
        roundNumber: r.roundNumber,
        startDate: r.startDate,
        startHalf: r.startHalf,
        endDate: r.endDate,
        endHalf: r.endHalf,
        unitCodes: r.unitCodes,
        kind: r.kind,
        topic: r.topic ?? '',
        note: r.note ?? ''
      }}
    />
  )
}

interface FormProps {
  title: string
  code: string | null
  choices: TripChoices
  rounds: RoundView[]
  defaults: RegistrationFormInput
}

function RegistrationForm({ title, code, choices, rounds, defaults }: FormProps) {
  const navigate = useNavigate()
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const create = useApiMutation('planning.createRegistration')
  const update = useApiMutation('planning.updateRegistration')
  const form = useForm<RegistrationFormInput>({
    resolver: zodResolver(registrationFormSchema),
    defaultValues: defaults
  })
  const errors = form.formState.errors
  const [startDate, startHalf, endDate, endHalf] = useWatch({
    control: form.control,
    name: ['startDate', 'startHalf', 'endDate', 'endHalf']
  })
  const span =
    isValidIsoDate(startDate) && isValidIsoDate(endDate) && endDate >= startDate
      ? { from: startDate, to: endDate }
      : null
  const days =
    span && isValidTripRange(startDate, startHalf, endDate, endHalf)
      ? tripDays({ startDate, startHalf, endDate, endHalf })
      : null
  const year = defaults.year
  const quarter = defaults.quarter as Quarter
  const roundOptions = useMemo(
    () =>
      rounds.map((r) => ({
        value: String(r.number),
        label: `${r.label} (${formatDateVi(r.startDate)} – ${formatDateVi(r.endDate)})`
      })),
    [rounds]
  )
  const back = { nam: year, quy: quarter }
  const submit = form.handleSubmit((values) => {
    const onError = (e: Error) => setBanner(applyServerErrors(e, form.setError, REGISTRATION_FORM_FIELDS))
    const onSuccess = () => void navigate({ to: '/ke-hoach-quy', search: back })
    if (code) update.mutate({ ...values, code }, { onSuccess, onError })
    else create.mutate(values, { onSuccess, onError })
  })
  return (
    <section className="page plan-page">
      <header className="page-header">
        <h1>{title}</h1>
      </header>
      <p className="page-lead">
        {quarterLabel(year, quarter)}. Chọn đợt thì ngày đi lấy theo đợt (có thể rút ngắn trong đợt); đi ngoài
        đợt thì để trống ô Đợt.
      </p>
      <form className="panel plan-reg-form" onSubmit={submit} noValidate aria-label={title}>
        {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
        <div className="plan-reg-grid">
          <div className="span-3">
            <Controller
              control={form.control}
              name="cadreCode"
              render={({ field }) => (
                <FieldFrame
                  label="Cán bộ"
                  htmlFor="reg-cadre"
                  error={errors.cadreCode?.message}
                  required
                  hint="Gõ tên không dấu cũng tìm được"
                >
                  <CadrePicker
                    id="reg-cadre"
                    single
                    cadres={choices.cadres}
                    serviceOn={span}
                    value={field.value ? [field.value] : []}
                    onChange={(v) => field.onChange(v[0] ?? '')}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    invalid={Boolean(errors.cadreCode)}
                    describedBy={errors.cadreCode ? 'reg-cadre-error' : undefined}
                  />
                </FieldFrame>
              )}
            />
          </div>
          <div className="span-3">
            <Controller
              control={form.control}
              name="roundNumber"
              render={({ field }) => (
                <FieldFrame label="Đợt" htmlFor="reg-round" error={errors.roundNumber?.message}>
                  <select
                    id="reg-round"
                    className="input"
                    value={field.value === null || field.value === undefined ? '' : String(field.value)}
                    onChange={(e) => {
                      const n = e.target.value === '' ? null : Number(e.target.value)
                      field.onChange(n)
                      const r = rounds.find((x) => x.number === n)
                      if (r) {
                        form.setValue('startDate', r.startDate)
                        form.setValue('endDate', r.endDate)
                      }
                    }}
                  >
                    <option value="">— ngoài đợt —</option>
                    {roundOptions.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </FieldFrame>
              )}
            />
          </div>
          <TripDateInput
            label="Từ ngày"
            control={form.control}
            name="startDate"
            error={errors.startDate?.message}
            referenceYear={year}
            required
          />
          <SelectInput
            label="Buổi bắt đầu"
            registration={form.register('startHalf')}
            options={HALF_OPTIONS}
            error={errors.startHalf?.message}
          />
          <TripDateInput
            label="Đến ngày"
            control={form.control}
            name="endDate"
            error={errors.endDate?.message}
            referenceYear={year}
            required
          />
          <SelectInput
            label="Buổi kết thúc"
            registration={form.register('endHalf')}
            options={HALF_OPTIONS}
            error={errors.endHalf?.message}
          />
          <div className="form-field">
            <span className="plan-days-label">Số ngày dự kiến</span>
            <output className="plan-days" data-testid="reg-days">
              {days === null ? '—' : `${formatDays(days)} ngày`}
            </output>
          </div>
          <div className="span-3">
            <SelectInput
              label="Loại nội dung"
              registration={form.register('kind')}
              options={KIND_OPTIONS}
              emptyLabel="— chọn loại nội dung —"
              error={errors.kind?.message}
              required
            />
          </div>
          <div className="span-6">
            <Controller
              control={form.control}
              name="unitCodes"
              render={({ field }) => (
                <FieldFrame label="Đơn vị đến" htmlFor="reg-units" error={errors.unitCodes?.message} required>
                  <UnitPicker
                    id="reg-units"
                    units={choices.units}
                    validOn={span}
                    value={field.value ?? []}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    invalid={Boolean(errors.unitCodes)}
                    describedBy={errors.unitCodes ? 'reg-units-error' : undefined}
                  />
                </FieldFrame>
              )}
            />
          </div>
          <div className="span-6">
            <TextInput
              label="Nội dung (chuyên đề, hoạt động)"
              registration={form.register('topic')}
              error={errors.topic?.message}
            />
          </div>
          <div className="span-6">
            <TextInput label="Ghi chú" registration={form.register('note')} error={errors.note?.message} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={create.isPending || update.isPending}>
            {code ? 'Lưu đăng ký' : 'Đăng ký'}
          </button>
          <Link to="/ke-hoach-quy" search={back} className="btn">
            Hủy
          </Link>
        </div>
      </form>
    </section>
  )
}
