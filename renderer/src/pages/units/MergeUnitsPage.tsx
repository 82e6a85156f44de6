/**
 * "Sáp nhập đơn vị" (#/don-vi/sap-nhap?nguon=X02): several units become one from a day. The
 * merged units work until the day before, then point to the target; they keep their history
 * and their trips. The target is an existing unit or a new one created in the same write;
 * units still under a merged unit move under the target. Confirmed in a dialog, and the undo
 * bar offers "Hoàn tác" for the whole merge afterwards.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { Controller, useForm, useWatch, type Control } from 'react-hook-form'
import type { z } from 'zod'
import { unitMergeSchema, type UnitChoice } from '../../../../shared/api/units'
import { addDays, formatDateVi, isValidIsoDate } from '../../../../shared/domain/dates'
import { UNIT_KINDS, type UnitKind } from '../../../../shared/domain/kinds'
import { matchesSearch } from '../../../../shared/domain/search'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, FieldFrame, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { searchFor } from '../../lib/nav'
import { kindLabel, optionLabel } from './format'
import { ImpactNotes } from './ImpactNotes'
import '../../styles/units.css'

const routeApi = getRouteApi('/don-vi/sap-nhap')

type Input = z.input<typeof unitMergeSchema>
type Values = z.output<typeof unitMergeSchema>

const FIELDS = [
  'sourceCodes',
  'fromDate',
  'target',
  'targetCode',
  'newName',
  'newKind',
  'newParentCode'
] as const
const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))

export function MergeUnitsPage() {
  const search = routeApi.useSearch()
  const listing = useApiQuery('years.list', {})
  return (
    <section className="page unit-merge-page">
      <nav className="unit-breadcrumb" aria-label="Đường dẫn">
        <Link to="/don-vi" search={searchFor('/don-vi') as never}>
          ← Cây đơn vị
        </Link>
      </nav>
      <header className="page-header">
        <h1>Sáp nhập đơn vị</h1>
      </header>
      <p className="page-lead">
        Các đơn vị bị sáp nhập hoạt động đến hết ngày trước ngày sáp nhập, giữ nguyên lịch sử và các chuyến
        đi; từ ngày sáp nhập chỉ còn đơn vị nhận sáp nhập.
      </p>
      {listing.error && <ErrorAlert error={toErrorInfo(listing.error)} />}
      {listing.data && (
        <MergeForm
          initialSources={search.nguon ?? []}
          initialDate={search.ngay ?? listing.data.today}
          referenceYear={listing.data.currentYear}
        />
      )}
    </section>
  )
}

interface FormProps {
  initialSources: string[]
  initialDate: string
  referenceYear: number
}

function MergeForm({ initialSources, initialDate, referenceYear }: FormProps) {
  const navigate = useNavigate()
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(unitMergeSchema),
    defaultValues: {
      sourceCodes: initialSources,
      fromDate: initialDate,
      target: 'existing',
      targetCode: '',
      newName: '',
      newKind: '' as UnitKind,
      newParentCode: ''
    }
  })
  const [fromDate, target, sources] = useWatch({
    control: form.control,
    name: ['fromDate', 'target', 'sourceCodes']
  })
  const day = isValidIsoDate(fromDate) ? fromDate : null
  const lastDay = day ? addDays(day, -1) : null
  // Merged units must work on the day before; the target (or the new unit's parent) on the day.
  const before = useApiQuery('units.choices', { date: lastDay }, { enabled: lastDay !== null })
  const onDay = useApiQuery('units.choices', { date: day }, { enabled: day !== null })
  const merge = useApiMutation('units.merge')
  const [pending, setPending] = useState<Values | null>(null)
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const errors = form.formState.errors

  const names = new Map([...(before.data ?? []), ...(onDay.data ?? [])].map((c) => [c.code, c.name]))
  const nameOf = (code: string) => names.get(code) ?? code
  const targetOptions = (onDay.data ?? [])
    .filter((c) => !sources.includes(c.code))
    .map((c) => ({ value: c.code, label: optionLabel(c) }))

  const ask = form.handleSubmit((values) => {
    setBanner(null)
    setPending(values)
  })
  const confirm = async () => {
    if (!pending) return
    try {
      const saved = await merge.mutateAsync(pending)
      setPending(null)
      await navigate({ to: '/don-vi/$code', params: { code: saved.value.code } })
    } catch (error) {
      setPending(null)
      setBanner(applyServerErrors(error, form.setError, FIELDS))
    }
  }

  return (
    <form className="unit-merge" onSubmit={(e) => void ask(e)} noValidate aria-label="Sáp nhập đơn vị">
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      {(before.error ?? onDay.error) && <ErrorAlert error={toErrorInfo(before.error ?? onDay.error)} />}
      <div className="unit-merge-grid">
        <section className="panel unit-panel" aria-labelledby="merge-sources-title">
          <h2 id="merge-sources-title">1. Ngày sáp nhập và các đơn vị bị sáp nhập</h2>
          <DateInput
            label="Ngày sáp nhập (từ ngày)"
            control={form.control}
            name="fromDate"
            error={errors.fromDate?.message}
            referenceYear={referenceYear}
            required
            hint={
              lastDay
                ? `Các đơn vị bị sáp nhập hoạt động đến hết ngày ${formatDateVi(lastDay)}.`
                : 'Ngày đầu tiên sau sáp nhập (dd/mm/yyyy)'
            }
          />
          <SourcePicker
            control={form.control}
            choices={before.data ?? null}
            lastDay={lastDay}
            nameOf={nameOf}
            error={errors.sourceCodes?.message}
          />
          {lastDay && sources.length > 0 && <ImpactNotes codes={sources} lastDay={lastDay} mode="merge" />}
        </section>

        <section className="panel unit-panel" aria-labelledby="merge-target-title">
          <h2 id="merge-target-title">2. Sáp nhập vào</h2>
          <div
            className="unit-radios"
            role="radiogroup"
            aria-label="Sáp nhập vào đơn vị đang có hay đơn vị mới"
          >
            <label>
              <input
                type="radio"
                value="existing"
                {...form.register('target', { onChange: () => form.setValue('targetCode', '') })}
              />{' '}
              Một đơn vị đang có
            </label>
            <label>
              <input
                type="radio"
                value="new"
                {...form.register('target', { onChange: () => form.setValue('targetCode', '') })}
              />{' '}
              Một đơn vị mới (thành lập từ ngày sáp nhập)
            </label>
          </div>
          {target === 'existing' ? (
            <SelectInput
              key={`existing-${targetOptions.length}-${day}`}
              label="Đơn vị nhận sáp nhập"
              registration={form.register('targetCode')}
              options={targetOptions}
              emptyLabel={day ? '— chọn đơn vị —' : '— nhập ngày trước —'}
              error={errors.targetCode?.message}
              required
            />
          ) : (
            <div className="unit-form-grid unit-new-target">
              <TextInput
                label="Mã đơn vị mới"
                registration={form.register('targetCode')}
                error={errors.targetCode?.message}
                required
              />
              <div className="span-2">
                <TextInput
                  label="Tên đơn vị mới"
                  registration={form.register('newName')}
                  error={errors.newName?.message}
                  required
                />
              </div>
              <SelectInput
                label="Loại"
                registration={form.register('newKind')}
                options={KIND_OPTIONS}
                emptyLabel="— chọn loại —"
                error={errors.newKind?.message}
                required
              />
              <div className="span-2">
                <SelectInput
                  key={`parent-${targetOptions.length}-${day}`}
                  label="Đơn vị cấp trên"
                  registration={form.register('newParentCode')}
                  options={targetOptions}
                  emptyLabel="— không có (cấp cao nhất) —"
                  error={errors.newParentCode?.message}
                />
              </div>
            </div>
          )}
          {day && (
            <p className="unit-panel-note">Danh sách gồm các đơn vị hoạt động ngày {formatDateVi(day)}.</p>
          )}
          <div className="form-actions">
            <Link to="/don-vi" search={searchFor('/don-vi') as never} className="btn unit-link-btn">
              Hủy
            </Link>
            <button type="submit" className="btn btn-primary" disabled={merge.isPending}>
              Sáp nhập…
            </button>
          </div>
        </section>
      </div>

      <ConfirmDialog
        open={pending !== null}
        title="Xác nhận sáp nhập đơn vị"
        confirmLabel="Sáp nhập"
        busy={merge.isPending}
        onCancel={() => setPending(null)}
        onConfirm={() => void confirm()}
      >
        {pending && (
          <>
            <p>
              Sáp nhập <b>{pending.sourceCodes.map(nameOf).join(', ')}</b> vào{' '}
              <b>
                {pending.target === 'new'
                  ? `đơn vị mới ${pending.newName} (${pending.targetCode})`
                  : nameOf(pending.targetCode)}
              </b>{' '}
              từ ngày {formatDateVi(pending.fromDate)}.
            </p>
            <p>
              {pending.sourceCodes.length > 1 ? 'Các đơn vị này' : 'Đơn vị này'} hoạt động đến hết ngày{' '}
              {formatDateVi(addDays(pending.fromDate, -1))}, giữ nguyên lịch sử và các chuyến đi đã có. Có thể
              hoàn tác ngay sau khi lưu.
            </p>
          </>
        )}
      </ConfirmDialog>
    </form>
  )
}

interface PickerProps {
  control: Control<Input, unknown, Values>
  choices: UnitChoice[] | null
  lastDay: string | null
  nameOf(code: string): string
  error: string | undefined
}

/** The units to merge: a filterable checklist of the units working on the day before. */
function SourcePicker({ control, choices, lastDay, nameOf, error }: PickerProps) {
  const [filter, setFilter] = useState('')
  const shown = (choices ?? []).filter((c) => matchesSearch(filter, c.name, c.code))
  return (
    <Controller
      control={control}
      name="sourceCodes"
      render={({ field }) => {
        const chosen = field.value
        const set = (codes: string[]) => field.onChange(codes)
        return (
          <FieldFrame label="Các đơn vị bị sáp nhập" htmlFor="merge-source-filter" error={error} required>
            <div className="unit-chips" aria-live="polite">
              {chosen.length === 0 ? (
                <span className="muted">Chưa chọn đơn vị nào.</span>
              ) : (
                chosen.map((code) => (
                  <span key={code} className="unit-chip">
                    {nameOf(code)}
                    <button
                      type="button"
                      aria-label={`Bỏ chọn ${nameOf(code)}`}
                      onClick={() => set(chosen.filter((c) => c !== code))}
                    >
                      ×
                    </button>
                  </span>
                ))
              )}
            </div>
            <input
              id="merge-source-filter"
              type="search"
              className="input"
              placeholder="Lọc theo tên hoặc mã"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <div className="unit-checklist" role="group" aria-label="Chọn đơn vị bị sáp nhập">
              {!lastDay && <p className="muted">Nhập ngày sáp nhập để chọn đơn vị.</p>}
              {lastDay && choices && shown.length === 0 && <p className="muted">Không có đơn vị nào khớp.</p>}
              {shown.map((c) => (
                <label key={c.code} style={{ paddingLeft: 4 + c.depth * 18 }}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(c.code)}
                    onChange={(e) =>
                      set(e.target.checked ? [...chosen, c.code] : chosen.filter((x) => x !== c.code))
                    }
                  />{' '}
                  {c.name} <span className="muted">({c.code})</span>
                </label>
              ))}
            </div>
          </FieldFrame>
        )
      }}
    />
  )
}
