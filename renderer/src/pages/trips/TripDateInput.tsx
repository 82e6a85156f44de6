/**
 * A trip date: typed as dd/mm/yyyy, d/m or d/m/yy (components/form DateInput, which refuses
 * a day that does not exist right under the field), plus a calendar button for the mouse.
 * The button stays out of the Tab order: the keyboard types the date.
 */
import { useRef } from 'react'
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form'
import { isValidIsoDate } from '../../../../shared/domain/dates'
import { DateInput } from '../../components/form/fields'

interface Props<T extends FieldValues> {
  label: string
  control: Control<T>
  name: FieldPath<T>
  error?: string | undefined
  required?: boolean
  nullable?: boolean
  referenceYear?: number
  hint?: string
}

export function TripDateInput<T extends FieldValues>(props: Props<T>) {
  const picker = useRef<HTMLInputElement>(null)
  const { field } = useController({ control: props.control, name: props.name })
  const value = typeof field.value === 'string' && isValidIsoDate(field.value) ? field.value : ''
  return (
    <div className="trip-date">
      <DateInput {...props} />
      <button
        type="button"
        className="trip-date-pick"
        tabIndex={-1}
        title="Chọn ngày trên lịch"
        aria-label="Mở lịch chọn ngày"
        onClick={() => picker.current?.showPicker()}
      >
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" fill="none" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-picker-anchor"
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => {
          if (isValidIsoDate(e.target.value)) field.onChange(e.target.value)
        }}
      />
    </div>
  )
}
