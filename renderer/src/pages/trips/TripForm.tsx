/**
 * The trip entry form ("Thêm chuyến đi", and the same form to edit), built for the keyboard:
 * fields in the workbook's column order, Tab (or Enter) to the next field, Enter in the last
 * field or Ctrl+Enter to save, Ctrl+Shift+Enter for "Lưu và thêm tiếp", Esc to cancel. The
 * length in days shows as the dates are typed, and the warnings of 'trips.check' (overlaps
 * with the cadres' other trips and who keeps those days, exemption periods, unit validity,
 * report deadline, chi đoàn meeting at a unit that is not a chi đoàn) show before saving.
 *
 * Validation is the contract's own schema (tripFormSchema) through zodResolver, so a message
 * is the same here and in the service; what only the service knows (a code taken meanwhile,
 * an unknown cadre) comes back under its field through applyServerErrors.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { keepPreviousData } from '@tanstack/react-query'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { flushSync } from 'react-dom'
import { Controller, useForm, useWatch } from 'react-hook-form'
import {
  TRIP_FORM_FIELDS,
  tripFormSchema,
  type TripChoices,
  type TripDraft,
  type TripFormField,
  type TripFormInput,
  type TripFormValues,
  type TripWarning
} from '../../../../shared/api/trips'
import { isValidIsoDate } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import {
  CONTENT_KINDS,
  CONTENT_KIND_LABELS,
  HALF_DAYS,
  HALF_DAY_LABELS,
  TRIP_STATUSES,
  TRIP_STATUS_LABELS
} from '../../../../shared/domain/kinds'
import { isValidTripRange, slotCount, tripSlots } from '../../../../shared/domain/slots'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FieldFrame, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { CadrePicker, UnitPicker } from '../../components/pickers'
import { useApiQuery } from '../../lib/api'
import type { ErrorInfo } from '../../lib/errors'
import { TripDateInput } from './TripDateInput'

export const FIELD_LABELS: Record<TripFormField, string> = {
  code: 'Mã chuyến',
  startDate: 'Từ ngày',
  startHalf: 'Buổi bắt đầu',
  endDate: 'Đến ngày',
  endHalf: 'Buổi kết thúc',
  unitCodes: 'Đơn vị',
  kind: 'Loại nội dung',
  topic: 'Nội dung',
  cadreCodes: 'Cán bộ tham gia',
  status: 'Trạng thái',
  travelOrderNo: 'Số công lệnh',
  reportDate: 'Ngày nộp báo cáo',
  note: 'Ghi chú'
}

const HALF_OPTIONS = HALF_DAYS.map((h) => ({ value: h, label: HALF_DAY_LABELS[h] }))
const KIND_OPTIONS = CONTENT_KINDS.map((k) => ({ value: k, label: CONTENT_KIND_LABELS[k] }))
const STATUS_OPTIONS = TRIP_STATUSES.map((s) => ({ value: s, label: TRIP_STATUS_LABELS[s] }))

/** The check waits for a pause in typing. */
const CHECK_DELAY_MS = 300

/** A blank trip (kind left to choose: a wrong default would go unnoticed). */
export function blankTrip(code: string): TripFormInput {
  return {
    code,
    startDate: '',
    startHalf: 'SANG',
    endDate: '',
    endHalf: 'CHIEU',
    unitCodes: [],
    kind: '' as TripFormInput['kind'],
    topic: '',
    cadreCodes: [],
    status: 'DA_THUC_HIEN',
    travelOrderNo: '',
    reportDate: null,
    note: ''
  }
}

/** Days of a complete, ordered span, through the slot rules (shared/domain/slots.ts). */
function lengthOf(v: Partial<TripFormInput>): number | null {
  const { startDate, endDate, startHalf = 'SANG', endHalf = 'CHIEU' } = v
  if (!startDate || !endDate || !isValidIsoDate(startDate) || !isValidIsoDate(endDate)) return null
  if (!isValidTripRange(startDate, startHalf, endDate, endHalf)) return null
  return slotCount(tripSlots(startDate, startHalf, endDate, endHalf)) / 2
}

function useDebounced<T>(value: T, delay: number): T {
  const [current, setCurrent] = useState(value)
  const key = JSON.stringify(value)
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(JSON.parse(key) as T), delay)
    return () => clearTimeout(timer)
  }, [key, delay])
  return current
}

interface Props {
  mode: 'new' | 'edit'
  initial: TripFormInput
  /** The trip being edited (its code when the form opened). */
  originalCode?: string
  choices: TripChoices
  referenceYear: number
  busy: boolean
  /** Saves; resolves when saved, rejects with the service's error. */
  onSave(values: TripFormValues, again: boolean): Promise<void>
  onCancel(): void
  /** The code for the next trip after "Lưu và thêm tiếp". */
  nextCode(): Promise<string>
}

export function TripForm({
  mode,
  initial,
  originalCode,
  choices,
  referenceYear,
  busy,
  onSave,
  onCancel,
  nextCode
}: Props) {
  const formRef = useRef<HTMLFormElement>(null)
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const form = useForm<TripFormInput, unknown, TripFormValues>({
    resolver: zodResolver(tripFormSchema),
    defaultValues: initial,
    mode: 'onTouched'
  })
  const { errors } = form.formState
  const values = useWatch({ control: form.control }) as Partial<TripFormInput>

  // The proposed code is usually right: the cursor starts on the first date.
  useEffect(() => {
    form.setFocus('startDate')
  }, [form])

  // A one-day trip is the common case: arriving on an empty "Đến ngày", it offers the start
  // date, selected, so typing replaces it and Tab keeps it. (Filling it when the start is
  // typed would move the caret of a field the clerk may already be typing in.)
  const offerEndDate = (input: EventTarget) => {
    const start = form.getValues('startDate')
    if (form.getValues('endDate') || !start || !isValidIsoDate(start)) return
    flushSync(() => form.setValue('endDate', start))
    if (input instanceof HTMLInputElement) input.select()
  }

  const draft: TripDraft = {
    originalCode,
    code: values.code,
    startDate: values.startDate,
    startHalf: values.startHalf,
    endDate: values.endDate,
    endHalf: values.endHalf,
    unitCodes: values.unitCodes?.filter((c): c is string => typeof c === 'string'),
    kind: values.kind || undefined,
    cadreCodes: values.cadreCodes?.filter((c): c is string => typeof c === 'string'),
    status: values.status,
    reportDate: values.reportDate ?? null
  }
  const checked = useApiQuery('trips.check', useDebounced(draft, CHECK_DELAY_MS), {
    placeholderData: keepPreviousData
  })
  const days = lengthOf(values)
  const span =
    days !== null && values.startDate && values.endDate
      ? { from: values.startDate, to: values.endDate }
      : null

  const save = (again: boolean) =>
    form.handleSubmit(async (valid) => {
      setBanner(null)
      try {
        await onSave(valid, again)
        if (again) {
          const code = await nextCode()
          form.reset({
            ...blankTrip(code),
            startDate: valid.startDate,
            startHalf: valid.startHalf,
            endDate: valid.endDate,
            endHalf: valid.endHalf,
            kind: valid.kind
          })
          setTimeout(() => form.setFocus('unitCodes'), 0)
        }
      } catch (error) {
        setBanner(applyServerErrors(error, form.setError, TRIP_FORM_FIELDS))
      }
    })()

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.defaultPrevented) return
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
      return
    }
    if (event.key !== 'Enter' || event.altKey) return
    const target = event.target as HTMLElement
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault()
      void save(event.shiftKey && mode === 'new')
      return
    }
    if (target instanceof HTMLButtonElement) return
    // Enter moves on like Tab (as in a spreadsheet); in the last field it saves.
    event.preventDefault()
    const fields = [
      ...(formRef.current?.querySelectorAll<HTMLElement>('[data-field] input, [data-field] select') ?? [])
    ].filter((el) => !(el as HTMLInputElement).disabled && el.tabIndex !== -1)
    const index = fields.indexOf(target)
    if (index === fields.length - 1) void save(false)
    else fields[index + 1]?.focus()
  }

  const warnings = checked.data?.warnings ?? []
  const warned = new Set(warnings.map((w) => w.field))

  return (
    <form
      ref={formRef}
      className="trip-form"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault()
        void save(false)
      }}
    >
      <div className="panel trip-form-main">
        {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
        <div className="trip-form-grid">
          <div data-field="code" className={warned.has('code') ? 'has-warning' : undefined}>
            <TextInput
              label={FIELD_LABELS.code}
              registration={form.register('code')}
              error={errors.code?.message}
              required
              hint="Đề xuất tự động"
            />
          </div>
          <div data-field="startDate">
            <TripDateInput
              label={FIELD_LABELS.startDate}
              control={form.control}
              name="startDate"
              error={errors.startDate?.message}
              referenceYear={referenceYear}
              required
              hint="dd/mm/yyyy, d/m"
            />
          </div>
          <div data-field="startHalf">
            <SelectInput
              label={FIELD_LABELS.startHalf}
              registration={form.register('startHalf')}
              options={HALF_OPTIONS}
              error={errors.startHalf?.message}
            />
          </div>
          <div data-field="endDate" onFocus={(e) => offerEndDate(e.target)}>
            <TripDateInput
              label={FIELD_LABELS.endDate}
              control={form.control}
              name="endDate"
              error={errors.endDate?.message}
              referenceYear={referenceYear}
              required
              hint="dd/mm/yyyy, d/m"
            />
          </div>
          <div data-field="endHalf">
            <SelectInput
              label={FIELD_LABELS.endHalf}
              registration={form.register('endHalf')}
              options={HALF_OPTIONS}
              error={errors.endHalf?.message}
            />
          </div>
          <div className="form-field trip-days-field">
            <span className="trip-days-label" id="trip-days-label">
              Số ngày
            </span>
            <output className="trip-days" aria-labelledby="trip-days-label" data-testid="trip-days">
              {days === null ? '—' : `${formatDays(days)} ngày`}
            </output>
          </div>

          <div data-field="unitCodes" className={`span-4${warned.has('unitCodes') ? ' has-warning' : ''}`}>
            <Controller
              control={form.control}
              name="unitCodes"
              render={({ field }) => (
                <FieldFrame
                  label={FIELD_LABELS.unitCodes}
                  htmlFor="trip-unitCodes"
                  error={errors.unitCodes?.message}
                  required
                >
                  <UnitPicker
                    id="trip-unitCodes"
                    units={choices.units}
                    validOn={span}
                    value={field.value ?? []}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    invalid={Boolean(errors.unitCodes)}
                    describedBy={errors.unitCodes ? 'trip-unitCodes-error' : undefined}
                  />
                </FieldFrame>
              )}
            />
          </div>
          <div data-field="kind" className={`span-2${warned.has('kind') ? ' has-warning' : ''}`}>
            <SelectInput
              label={FIELD_LABELS.kind}
              registration={form.register('kind')}
              options={KIND_OPTIONS}
              emptyLabel="— chọn loại nội dung —"
              error={errors.kind?.message}
              required
            />
          </div>

          <div data-field="topic" className="span-6">
            <TextInput
              label={FIELD_LABELS.topic}
              registration={form.register('topic')}
              error={errors.topic?.message}
              placeholder="Chuyên đề, hoạt động, nội dung làm việc…"
            />
          </div>

          <div data-field="cadreCodes" className={`span-4${warned.has('cadreCodes') ? ' has-warning' : ''}`}>
            <Controller
              control={form.control}
              name="cadreCodes"
              render={({ field }) => (
                <FieldFrame
                  label={FIELD_LABELS.cadreCodes}
                  htmlFor="trip-cadreCodes"
                  error={errors.cadreCodes?.message}
                  hint="Gõ không dấu cũng tìm được; người đầu tiên là người báo cáo"
                  required
                >
                  <CadrePicker
                    id="trip-cadreCodes"
                    cadres={choices.cadres}
                    serviceOn={span}
                    value={field.value ?? []}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    invalid={Boolean(errors.cadreCodes)}
                    describedBy={errors.cadreCodes ? 'trip-cadreCodes-error' : undefined}
                  />
                </FieldFrame>
              )}
            />
          </div>
          <div data-field="status" className={`span-2${warned.has('status') ? ' has-warning' : ''}`}>
            <SelectInput
              label={FIELD_LABELS.status}
              registration={form.register('status')}
              options={STATUS_OPTIONS}
              error={errors.status?.message}
              required
            />
          </div>

          <div data-field="travelOrderNo">
            <TextInput
              label={FIELD_LABELS.travelOrderNo}
              registration={form.register('travelOrderNo')}
              error={errors.travelOrderNo?.message}
            />
          </div>
          <div data-field="reportDate" className={warned.has('reportDate') ? 'has-warning' : undefined}>
            <TripDateInput
              label={FIELD_LABELS.reportDate}
              control={form.control}
              name="reportDate"
              nullable
              error={errors.reportDate?.message}
              referenceYear={referenceYear}
            />
          </div>
          <div data-field="note" className="span-4">
            <TextInput
              label={FIELD_LABELS.note}
              registration={form.register('note')}
              error={errors.note?.message}
              hint="Enter ở ô này để lưu"
            />
          </div>
        </div>

        <div className="form-actions trip-form-actions">
          <span className="trip-keys muted">
            <kbd>Tab</kbd>/<kbd>Enter</kbd> sang ô sau · <kbd>Ctrl+Enter</kbd> lưu
            {mode === 'new' && (
              <>
                {' '}
                · <kbd>Ctrl+Shift+Enter</kbd> lưu và thêm tiếp
              </>
            )}{' '}
            · <kbd>Esc</kbd> hủy
          </span>
          <button type="button" className="btn" onClick={onCancel}>
            Hủy
          </button>
          {mode === 'new' && (
            <button type="button" className="btn" disabled={busy} onClick={() => void save(true)}>
              Lưu và thêm tiếp
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Lưu
          </button>
        </div>
      </div>

      <aside
        className="panel trip-warnings"
        aria-label="Cảnh báo trước khi lưu"
        aria-live="polite"
        data-testid="trip-warnings"
      >
        <h2>
          Kiểm tra trước khi lưu
          {warnings.length > 0 && <span className="trip-warning-count">{warnings.length}</span>}
        </h2>
        <WarningList
          warnings={warnings}
          complete={checked.data?.days !== null && checked.data !== undefined}
        />
      </aside>
    </form>
  )
}

function WarningList({ warnings, complete }: { warnings: TripWarning[]; complete: boolean }) {
  if (warnings.length > 0) {
    return (
      <ul className="trip-warning-list">
        {warnings.map((w, i) => (
          <li key={i} className={`trip-warning trip-warning-${w.kind}`} data-kind={w.kind}>
            <span className="trip-warning-field">{FIELD_LABELS[w.field]}</span>
            {w.message}
          </li>
        ))}
      </ul>
    )
  }
  if (!complete) {
    return (
      <p className="muted trip-warning-none">
        Nhập ngày, cán bộ và đơn vị: phần mềm kiểm tra trùng ngày với chuyến khác của cán bộ, kỳ miễn giảm,
        hiệu lực của đơn vị và hạn nộp báo cáo.
      </p>
    )
  }
  return <p className="trip-warning-ok">Không có cảnh báo.</p>
}
