/**
 * A number typed the Vietnamese way ("30,5" or "30.5"), held in the form as a number. Text
 * that is not a number is kept as typed and held as NaN, so the contract's schema refuses it
 * with its message under the field instead of the form silently keeping the old value.
 */
import { useId, useState } from 'react'
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form'
import { FieldFrame } from '../../components/form/fields'

interface Props<T extends FieldValues> {
  label: string
  control: Control<T>
  name: FieldPath<T>
  error?: string | undefined
  hint?: string | undefined
  required?: boolean
  /** Shown after the box: "ngày", "%". */
  unit?: string
}

export function parseDecimal(text: string): number {
  const t = text.trim()
  return /^\d+(?:[.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : Number.NaN
}

function shown(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value).replace('.', ',') : ''
}

export function DecimalInput<T extends FieldValues>({
  label,
  control,
  name,
  error,
  hint,
  required,
  unit
}: Props<T>) {
  const id = useId()
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FieldFrame label={label} htmlFor={id} error={error} hint={hint} required={required}>
          <span className="decimal-input">
            <NumberText
              id={id}
              value={field.value as unknown}
              invalid={Boolean(error)}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
            {unit && <span className="decimal-unit">{unit}</span>}
          </span>
        </FieldFrame>
      )}
    />
  )
}

interface TextProps {
  id: string
  value: unknown
  invalid: boolean
  onChange(value: number): void
  onBlur(): void
  inputRef: (element: HTMLInputElement | null) => void
}

function NumberText({ id, value, invalid, onChange, onBlur, inputRef }: TextProps) {
  const [text, setText] = useState(shown(value))
  const [seen, setSeen] = useState<unknown>(value)
  // A value set from outside (reset, "Dùng quy định mặc định") replaces what is typed.
  if (!Object.is(seen, value)) {
    setSeen(value)
    if (!Object.is(parseDecimal(text), value)) setText(shown(value))
  }
  return (
    <input
      id={id}
      ref={inputRef}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className={invalid ? 'input input-number invalid' : 'input input-number'}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
      value={text}
      onChange={(e) => {
        const parsed = parseDecimal(e.target.value)
        setText(e.target.value)
        setSeen(parsed)
        onChange(parsed)
      }}
      onBlur={onBlur}
    />
  )
}
