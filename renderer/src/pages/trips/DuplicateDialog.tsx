/**
 * "Nhân bản chuyến đi": copies of one trip for other cadres or other dates. Each copy has its
 * own dates and cadres (the first copy starts as the source: change the cadres for a
 * colleague who went too, or the dates for a trip repeated); kind, topic, units and note
 * come from the source, and each copy gets the next free code.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { Controller, useFieldArray, useForm } from 'react-hook-form'
import {
  formatTripSpan,
  tripDuplicateSchema,
  type TripDuplicateInput,
  type TripRecord
} from '../../../../shared/api/trips'
import {
  HALF_DAYS,
  HALF_DAY_LABELS,
  TRIP_STATUSES,
  TRIP_STATUS_LABELS
} from '../../../../shared/domain/kinds'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FieldFrame, SelectInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { CadrePicker } from '../../components/pickers'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { Modal } from './Modal'
import { TripDateInput } from './TripDateInput'

interface Props {
  code: string
  onClose(): void
  onDone(codes: string[]): void
}

export function DuplicateDialog({ code, onClose, onDone }: Props) {
  const trip = useApiQuery('trips.get', { code })
  return (
    <Modal open title={`Nhân bản chuyến đi ${code}`} onClose={onClose} wide>
      {trip.error && <ErrorAlert error={toErrorInfo(trip.error)} />}
      {trip.data ? (
        <DuplicateForm trip={trip.data} onClose={onClose} onDone={onDone} />
      ) : (
        !trip.error && <p className="loading">Đang tải…</p>
      )}
    </Modal>
  )
}

const HALF_OPTIONS = HALF_DAYS.map((h) => ({ value: h, label: HALF_DAY_LABELS[h] }))

function DuplicateForm({
  trip,
  onClose,
  onDone
}: {
  trip: TripRecord
  onClose(): void
  onDone(codes: string[]): void
}) {
  const choices = useApiQuery('trips.choices', {})
  const save = useApiMutation('trips.duplicate')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const form = useForm<TripDuplicateInput>({
    resolver: zodResolver(tripDuplicateSchema),
    defaultValues: {
      code: trip.code,
      status: trip.status,
      copies: [
        {
          startDate: trip.startDate,
          startHalf: trip.startHalf,
          endDate: trip.endDate,
          endHalf: trip.endHalf,
          cadreCodes: []
        }
      ]
    }
  })
  const copies = useFieldArray({ control: form.control, name: 'copies' })
  const { errors } = form.formState
  const referenceYear = Number(trip.startDate.slice(0, 4))

  const submit = form.handleSubmit((values) => {
    setBanner(null)
    save.mutate(values, {
      onSuccess: (result) => onDone(result.value.codes),
      onError: (e) => setBanner(applyServerErrors(e, form.setError, []))
    })
  })

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p className="trip-modal-lead">
        Bản gốc: {formatTripSpan(trip)} · {trip.units.map((u) => u.name).join(', ')} ·{' '}
        {trip.cadres.map((c) => c.fullName).join(', ')}. Mỗi bản sao giữ loại nội dung, nội dung, đơn vị và
        ghi chú; chọn cán bộ và ngày cho từng bản sao.
      </p>
      {banner && <ErrorAlert error={banner} />}
      {errors.copies?.message && <div className="field-error">{errors.copies.message}</div>}
      <ol className="trip-copies">
        {copies.fields.map((field, i) => {
          const e = errors.copies?.[i]
          return (
            <li key={field.id} className="trip-copy">
              <div className="trip-copy-grid">
                <TripDateInput
                  label="Từ ngày"
                  control={form.control}
                  name={`copies.${i}.startDate`}
                  error={e?.startDate?.message}
                  referenceYear={referenceYear}
                  required
                />
                <SelectInput
                  label="Buổi bắt đầu"
                  registration={form.register(`copies.${i}.startHalf`)}
                  options={HALF_OPTIONS}
                  error={e?.startHalf?.message}
                />
                <TripDateInput
                  label="Đến ngày"
                  control={form.control}
                  name={`copies.${i}.endDate`}
                  error={e?.endDate?.message}
                  referenceYear={referenceYear}
                  required
                />
                <SelectInput
                  label="Buổi kết thúc"
                  registration={form.register(`copies.${i}.endHalf`)}
                  options={HALF_OPTIONS}
                  error={e?.endHalf?.message}
                />
                <Controller
                  control={form.control}
                  name={`copies.${i}.cadreCodes`}
                  render={({ field: f }) => (
                    <FieldFrame
                      label="Cán bộ tham gia"
                      htmlFor={`copy-${i}-cadres`}
                      error={e?.cadreCodes?.message}
                      required
                    >
                      <CadrePicker
                        id={`copy-${i}-cadres`}
                        cadres={choices.data?.cadres ?? []}
                        value={f.value ?? []}
                        onChange={f.onChange}
                        onBlur={f.onBlur}
                        inputRef={f.ref}
                        invalid={Boolean(e?.cadreCodes)}
                        describedBy={e?.cadreCodes ? `copy-${i}-cadres-error` : undefined}
                        autoFocus={i === copies.fields.length - 1}
                      />
                    </FieldFrame>
                  )}
                />
              </div>
              {copies.fields.length > 1 && (
                <button
                  type="button"
                  className="btn btn-small trip-copy-remove"
                  onClick={() => copies.remove(i)}
                  aria-label={`Bỏ bản sao ${i + 1}`}
                >
                  Bỏ
                </button>
              )}
            </li>
          )
        })}
      </ol>
      <div className="trip-copy-footer">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            const last = form.getValues(`copies.${copies.fields.length - 1}`)
            copies.append({ ...last, cadreCodes: [...(last?.cadreCodes ?? [])] })
          }}
        >
          + Thêm bản sao
        </button>
        <div className="trip-copy-status">
          <SelectInput
            label="Trạng thái của bản sao"
            registration={form.register('status')}
            options={TRIP_STATUSES.map((s) => ({ value: s, label: TRIP_STATUS_LABELS[s] }))}
            error={errors.status?.message}
          />
        </div>
      </div>
      <div className="confirm-dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Hủy
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Tạo {copies.fields.length} bản sao
        </button>
      </div>
    </form>
  )
}
