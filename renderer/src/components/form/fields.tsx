/**
 * Form fields for react-hook-form, labelled as the workbook's columns, with the Vietnamese
 * message of the contract's zod schema shown right under the field. Every entry form of the
 * app builds on these, so they all look and behave alike.
 */
import { useId, useState, type ReactNode } from 'react'
import {
  Controller,
  type Control,
  type FieldPath,
  type FieldValues,
  type UseFormRegisterReturn
} from 'react-hook-form'
import { formatDateVi, isValidIsoDate, parseTypedDate } from '../../../../shared/domain/dates'

interface FieldFrameProps {
  label: string
  htmlFor: string
  error?: string | undefined
  hint?: string | undefined
  required?: boolean | undefined
  children: ReactNode
}

/** Label, control, then the message (error first, otherwise the hint). */
export function FieldFrame({ label, htmlFor, error, hint, required, children }: FieldFrameProps) {
  return (
    <div className={error ? 'form-field has-error' : 'form-field'}>
      <label htmlFor={htmlFor}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {error ? (
        <div className="field-error" id={`${htmlFor}-error`} role="alert">
          {error}
        </div>
      ) : (
        hint && <div className="field-hint">{hint}</div>
      )}
    </div>
  )
}

interface TextInputProps {
  label: string
  registration: UseFormRegisterReturn
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  multiline?: boolean
  autoFocus?: boolean
  disabled?: boolean
  placeholder?: string
}

export function TextInput({
  label,
  registration,
  error,
  hint,
  required,
  multiline,
  autoFocus,
  disabled,
  placeholder
}: TextInputProps) {
  const id = useId()
  const common = {
    id,
    ...registration,
    className: error ? 'input invalid' : 'input',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    autoFocus,
    disabled,
    placeholder
  }
  return (
    <FieldFrame label={label} htmlFor={id} error={error} hint={hint} required={required}>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
    </FieldFrame>
  )
}

interface SelectInputProps {
  label: string
  registration: UseFormRegisterReturn
  options: ReadonlyArray<{ value: string; label: string }>
  error?: string | undefined
  required?: boolean
  /** Text of an empty first option ("— chọn —"); none when omitted. */
  emptyLabel?: string
}

export function SelectInput({ label, registration, options, error, required, emptyLabel }: SelectInputProps) {
  const id = useId()
  return (
    <FieldFrame label={label} htmlFor={id} error={error} required={required}>
      <select
        id={id}
        {...registration}
        className={error ? 'input invalid' : 'input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

interface CheckboxInputProps {
  label: string
  registration: UseFormRegisterReturn
  error?: string | undefined
}

export function CheckboxInput({ label, registration, error }: CheckboxInputProps) {
  const id = useId()
  return (
    <div className={error ? 'form-field form-check has-error' : 'form-field form-check'}>
      <label htmlFor={id}>
        <input id={id} type="checkbox" {...registration} /> {label}
      </label>
      {error && <div className="field-error">{error}</div>}
    </div>
  )
}

interface DateInputProps<T extends FieldValues> {
  label: string
  control: Control<T>
  name: FieldPath<T>
  error?: string | undefined
  required?: boolean
  /** Year used for short forms ("5/4" is 05/04 of this year). */
  referenceYear?: number
  /** The field may be left empty (the value is then null). */
  nullable?: boolean
  hint?: string
}

/**
 * A date typed as dd/mm/yyyy (also d/m and d/m/yy), held in the form as an ISO date. Text
 * that is not a real day is kept as typed, so the schema refuses it with its message next to
 * the field instead of the form silently keeping the previous date.
 */
export function DateInput<T extends FieldValues>({
  label,
  control,
  name,
  error,
  required,
  referenceYear = new Date().getFullYear(),
  nullable,
  hint = 'dd/mm/yyyy'
}: DateInputProps<T>) {
  const id = useId()
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FieldFrame label={label} htmlFor={id} error={error} hint={hint} required={required}>
          <TypedDate
            id={id}
            value={field.value as string | null | undefined}
            invalid={Boolean(error)}
            onBlur={field.onBlur}
            onChange={(value) => field.onChange(value === null && !nullable ? '' : value)}
            referenceYear={referenceYear}
            inputRef={field.ref}
          />
        </FieldFrame>
      )}
    />
  )
}

interface TypedDateProps {
  id: string
  value: string | null | undefined
  invalid: boolean
  referenceYear: number
  onChange(value: string | null): void
  onBlur(): void
  inputRef: (element: HTMLInputElement | null) => void
}

function shown(value: string | null | undefined): string {
  if (!value) return ''
  return isValidIsoDate(value) ? formatDateVi(value) : value
}

function TypedDate({ id, value, invalid, referenceYear, onChange, onBlur, inputRef }: TypedDateProps) {
  const [text, setText] = useState(shown(value))
  const [seen, setSeen] = useState(value)
  // A value set from outside (reset, "Lưu và thêm tiếp") replaces what is typed.
  if (seen !== value) {
    setSeen(value)
    if (value !== text && shown(value) !== text) setText(shown(value))
  }
  const commit = (raw: string) => {
    const trimmed = raw.trim()
    if (trimmed === '') return onChange(null)
    const parsed = parseTypedDate(trimmed, referenceYear)
    if (parsed) {
      setText(formatDateVi(parsed))
      setSeen(parsed)
      onChange(parsed)
    } else {
      setSeen(trimmed)
      onChange(trimmed)
    }
  }
  return (
    <input
      id={id}
      ref={inputRef}
      type="text"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      className={invalid ? 'input input-date invalid' : 'input input-date'}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        commit(text)
        onBlur()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(text)
      }}
    />
  )
}
