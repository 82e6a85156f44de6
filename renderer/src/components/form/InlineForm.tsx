/**
 * A small form that opens inside a list (a ban, a signer): its title, the refusal that belongs
 * to no field, the fields, and Hủy / Lưu. Escape closes it. The submit handler maps a
 * service refusal onto the fields it names (server-errors.ts) and shows the rest on top, so
 * each inline form only says what its fields are.
 */
import { useState, type ReactNode } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import { ErrorAlert } from '../ErrorAlert'
import type { ErrorInfo } from '../../lib/errors'
import { applyServerErrors } from './server-errors'

interface Props<Input extends FieldValues, Values> {
  title: string
  form: UseFormReturn<Input, unknown, Values>
  /** The fields a refusal may name ("abbreviation: …" goes under that field). */
  fields: readonly Path<Input>[]
  save(values: Values): Promise<unknown>
  pending: boolean
  /** The save button's words ("Lưu ban"). */
  saveLabel: string
  onClose(): void
  children: ReactNode
}

export function InlineForm<Input extends FieldValues, Values>({
  title,
  form,
  fields,
  save,
  pending,
  saveLabel,
  onClose,
  children
}: Props<Input, Values>) {
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      await save(values)
      onClose()
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, fields))
    }
  })
  return (
    <form
      className="panel settings-form settings-inline-form"
      aria-label={title}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose()
      }}
      noValidate
    >
      <h2>{title}</h2>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      {children}
      <div className="form-actions">
        <button type="button" className="btn" onClick={onClose}>
          Hủy
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Đang lưu…' : saveLabel}
        </button>
      </div>
    </form>
  )
}
