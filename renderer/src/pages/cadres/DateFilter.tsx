/**
 * A date filter of the toolbar: typed as dd/mm/yyyy (or d/m), empty means "no filter". Text
 * that is not a real day is kept and marked, never silently turned into another date.
 */
import { useId, useState } from 'react'
import { formatDateVi, parseTypedDate, type IsoDate } from '../../../../shared/domain/dates'

interface Props {
  label: string
  value: IsoDate | undefined
  referenceYear: number
  onChange(value: IsoDate | undefined): void
}

export function DateFilter({ label, value, referenceYear, onChange }: Props) {
  const id = useId()
  const [text, setText] = useState(value ? formatDateVi(value) : '')
  const [seen, setSeen] = useState(value)
  const [invalid, setInvalid] = useState(false)
  // The address changed from outside ("Xóa lọc", back button): show what it holds.
  if (seen !== value) {
    setSeen(value)
    setText(value ? formatDateVi(value) : '')
    setInvalid(false)
  }
  const commit = () => {
    const trimmed = text.trim()
    if (trimmed === '') {
      setInvalid(false)
      if (value !== undefined) onChange(undefined)
      return
    }
    const parsed = parseTypedDate(trimmed, referenceYear)
    if (!parsed) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setText(formatDateVi(parsed))
    if (parsed !== value) onChange(parsed)
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        autoComplete="off"
        className={invalid ? 'input input-date invalid' : 'input input-date'}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
        }}
      />
      {invalid && (
        <div className="field-error cadre-filter-error" id={`${id}-error`} role="alert">
          Ngày không hợp lệ (dd/mm/yyyy).
        </div>
      )}
    </div>
  )
}
