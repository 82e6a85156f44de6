/**
 * A date typed as dd/mm/yyyy. The native date input shows the operating system's order
 * (often mm/dd/yyyy on Windows), so the text field is the source of truth and the native
 * picker is only offered as a calendar.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { formatDateVi, isValidIsoDate, parseDateVi, type IsoDate } from '../../../shared/domain/dates'

interface Props {
  label: string
  value: IsoDate
  onChange: (value: IsoDate) => void
  /** A refusal of a well-formed date from the screen (outside the chosen year ...), shown under the field. */
  error?: string | null
}

export function DateField({ label, value, onChange, error = null }: Props) {
  const id = useId()
  const [text, setText] = useState(formatDateVi(value))
  const [invalid, setInvalid] = useState(false)
  const pickerRef = useRef<HTMLInputElement>(null)
  // A new value from outside (another year chosen) replaces whatever is typed.
  const [shownValue, setShownValue] = useState(value)
  if (shownValue !== value) {
    setShownValue(value)
    setText(formatDateVi(value))
    setInvalid(false)
  }

  function commit() {
    const parsed = parseDateVi(text)
    if (!parsed) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setText(formatDateVi(parsed))
    if (parsed !== value) onChange(parsed)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') commit()
    if (event.key === 'Escape') {
      setText(formatDateVi(value))
      setInvalid(false)
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="date-field">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          placeholder="dd/mm/yyyy"
          className={invalid || error ? 'input input-date invalid' : 'input input-date'}
          value={text}
          aria-invalid={invalid || error !== null}
          aria-describedby={invalid || error ? `${id}-error` : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="btn btn-icon"
          title="Chọn ngày trên lịch"
          aria-label="Chọn ngày trên lịch"
          onClick={() => pickerRef.current?.showPicker()}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" fill="none" />
          </svg>
        </button>
        <input
          ref={pickerRef}
          type="date"
          className="date-picker-anchor"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          onChange={(e) => {
            if (isValidIsoDate(e.target.value)) onChange(e.target.value)
          }}
        />
      </div>
      {invalid ? (
        <div className="field-error" id={`${id}-error`}>
          Ngày không hợp lệ, hãy nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).
        </div>
      ) : (
        error && (
          <div className="field-error" id={`${id}-error`} role="alert">
            {error}
          </div>
        )
      )}
    </div>
  )
}
