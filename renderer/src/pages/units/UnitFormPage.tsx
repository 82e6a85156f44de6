/**
 * "Thêm đơn vị" and "Sửa đơn vị", labelled as the workbook's "Đơn vị" columns and validated
 * by the contract's schema here and again by the service (whose refusals, like a code already
 * used or a parent closed on the start date, land under their field). The parent is chosen
 * among the units existing on the start date (Hiệu lực từ).
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { unitCreateSchema, type UnitDetail } from '../../../../shared/api/units'
import { formatDateVi, isValidIsoDate } from '../../../../shared/domain/dates'
import { UNIT_KINDS, type UnitKind } from '../../../../shared/domain/kinds'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { searchFor } from '../../lib/nav'
import { isNotFound, kindLabel, optionLabel } from './format'
import { UnknownUnit } from './UnknownUnit'
import '../../styles/units.css'

const editRoute = getRouteApi('/don-vi/$code/sua')

type Input = z.input<typeof unitCreateSchema>
type Values = z.output<typeof unitCreateSchema>

const FIELDS = ['code', 'name', 'kind', 'parentCode', 'validFrom', 'validTo'] as const

const EMPTY: Input = {
  code: '',
  name: '',
  // No kind until the clerk picks one: the schema then says "Loại: hãy chọn…" under the field.
  kind: '' as UnitKind,
  parentCode: '',
  validFrom: null,
  validTo: null
}

const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))

export function AddUnitPage() {
  return (
    <section className="page unit-form-page">
      <nav className="unit-breadcrumb" aria-label="Đường dẫn">
        <Link to="/don-vi" search={searchFor('/don-vi') as never}>
          ← Cây đơn vị
        </Link>
      </nav>
      <header className="page-header">
        <h1>Thêm đơn vị</h1>
      </header>
      <UnitForm initial={null} />
    </section>
  )
}

export function EditUnitPage() {
  const { code } = editRoute.useParams()
  const detail = useApiQuery('units.get', { code })
  if (detail.error && isNotFound(detail.error)) return <UnknownUnit code={code} />
  return (
    <section className="page unit-form-page">
      <nav className="unit-breadcrumb" aria-label="Đường dẫn">
        <Link to="/don-vi/$code" params={{ code }}>
          ← Hồ sơ đơn vị
        </Link>
      </nav>
      <header className="page-header">
        <h1>Sửa đơn vị{detail.data ? `: ${detail.data.name}` : ''}</h1>
      </header>
      {detail.error && <ErrorAlert error={toErrorInfo(detail.error)} />}
      {detail.data && <UnitForm key={detail.data.code} initial={detail.data} />}
    </section>
  )
}

function valuesOf(unit: UnitDetail): Input {
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentCode: unit.founderParent?.code ?? '',
    validFrom: unit.validFrom,
    validTo: unit.validTo
  }
}

/** `initial` null adds a unit; otherwise it edits that one. */
function UnitForm({ initial }: { initial: UnitDetail | null }) {
  const navigate = useNavigate()
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(unitCreateSchema),
    defaultValues: initial ? valuesOf(initial) : EMPTY
  })
  const validFrom = useWatch({ control: form.control, name: 'validFrom' })
  // The parents offered: units existing on the start date (none typed: since the beginning).
  const startKnown = validFrom === null || validFrom === '' || isValidIsoDate(validFrom)
  const start = validFrom && isValidIsoDate(validFrom) ? validFrom : null
  const choices = useApiQuery('units.choices', { date: start }, { enabled: startKnown })
  const create = useApiMutation('units.create')
  const update = useApiMutation('units.update')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const errors = form.formState.errors
  const busy = create.isPending || update.isPending

  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      const saved = initial
        ? await update.mutateAsync({ ...values, originalCode: initial.code })
        : await create.mutateAsync(values)
      await navigate({ to: '/don-vi/$code', params: { code: saved.value.code } })
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, FIELDS))
    }
  })

  const options = (choices.data ?? [])
    .filter((c) => c.code !== initial?.code)
    .map((c) => ({ value: c.code, label: optionLabel(c) }))
  // The parent chosen stays in the list even when it does not exist on the date typed (the
  // service then says why under the field): changing a date never silently drops a choice.
  const parentCode = useWatch({ control: form.control, name: 'parentCode' })
  if (parentCode && !options.some((o) => o.value === parentCode)) {
    const known =
      parentCode === initial?.founderParent?.code
        ? `${initial.founderParent.name} (${parentCode})`
        : `Mã ${parentCode}`
    options.unshift({ value: parentCode, label: `${known} — không hoạt động ngày này` })
  }
  // A new list re-mounts the select, so it shows the form's value among the new options.
  const optionsKey = options.map((o) => o.value).join('|')

  return (
    <form
      className="panel unit-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={initial ? 'Sửa đơn vị' : 'Thêm đơn vị'}
    >
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      {choices.error && <ErrorAlert error={toErrorInfo(choices.error)} />}
      <div className="unit-form-grid">
        <TextInput
          label="Mã đơn vị"
          registration={form.register('code')}
          error={errors.code?.message}
          required
          autoFocus={!initial}
          hint={initial ? 'Đổi mã: tệp Excel cũ vẫn ghi mã cũ' : undefined}
        />
        <div className="span-2">
          <TextInput
            label="Tên đơn vị"
            registration={form.register('name')}
            error={errors.name?.message}
            required
            autoFocus={initial !== null}
            placeholder="Đoàn xã Hàm Thuận"
          />
        </div>
        <SelectInput
          label="Loại"
          registration={form.register('kind')}
          options={KIND_OPTIONS}
          emptyLabel="— chọn loại —"
          error={errors.kind?.message}
          required
        />
        <DateInput
          label="Hiệu lực từ"
          control={form.control}
          name="validFrom"
          error={errors.validFrom?.message}
          nullable
          hint="Ngày thành lập; để trống nếu có từ trước"
        />
        <DateInput
          label="Hiệu lực đến"
          control={form.control}
          name="validTo"
          error={errors.validTo?.message}
          nullable
          hint="Ngày cuối hoạt động; để trống nếu đang hoạt động"
        />
        <div className="span-2" key={optionsKey}>
          <SelectInput
            label="Đơn vị cấp trên"
            registration={form.register('parentCode')}
            options={options}
            emptyLabel="— không có (cấp cao nhất) —"
            error={errors.parentCode?.message}
          />
          <div className="field-hint">
            {start
              ? `Các đơn vị hoạt động ngày ${formatDateVi(start)} (Hiệu lực từ).`
              : 'Các đơn vị có từ trước (Hiệu lực từ để trống).'}
            {initial &&
              ' Đổi đơn vị cấp trên từ một ngày về sau: dùng “Chuyển đơn vị cấp trên” ở hồ sơ đơn vị.'}
          </div>
        </div>
      </div>
      <div className="form-actions">
        {initial ? (
          <Link to="/don-vi/$code" params={{ code: initial.code }} className="btn unit-link-btn">
            Hủy
          </Link>
        ) : (
          <Link to="/don-vi" search={searchFor('/don-vi') as never} className="btn unit-link-btn">
            Hủy
          </Link>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {initial ? 'Lưu thay đổi' : 'Lưu đơn vị'}
        </button>
      </div>
    </form>
  )
}
