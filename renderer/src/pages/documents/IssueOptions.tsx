/**
 * What the văn thư decides for this document before it is signed: who signs it (the active
 * signers of Cài đặt), the date of signing (today when left empty) and the number (the
 * register's next one when left empty, or one taken by hand). A document of a ban or of a
 * cadre is signed by its writer and never numbered: the fields say so instead.
 */
import { useEffect } from 'react'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import type { DocumentNumbering, IssueOptions as Options } from '../../../../shared/api/documents'
import type { Signer } from '../../../../shared/api/settings'
import { DateInput } from '../../components/form/fields'

/** "05", "12", "504": numbers below 10 with a leading zero, as the symbol prints them (S1 III.3). */
function documentNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

interface Props {
  form: UseFormReturn<Options>
  signers: Signer[] | null
  /** From the last preview; null until it arrives. */
  numbering: DocumentNumbering | null
  draft: boolean
  referenceYear: number
}

export function IssueOptions({ form, signers, numbering, draft, referenceYear }: Props) {
  const { register, control, formState, setValue } = form
  const errors = formState.errors
  const active = signers?.filter((s) => s.active) ?? null
  const chosenDefault = active?.find((s) => s.isDefault) ?? active?.[0] ?? null
  const numbered = numbering?.numbered ?? true

  // A signer stopped in Cài đặt since it was chosen falls back to the default.
  const signerId = useWatch({ control, name: 'signerId' })
  useEffect(() => {
    if (signerId !== undefined && active && !active.some((s) => s.id === signerId)) {
      setValue('signerId', undefined, { shouldValidate: true })
    }
  }, [signerId, active, setValue])

  const nextHint =
    numbering?.numbered && numbering.nextNumber !== null
      ? `Để trống: số tiếp theo trong sổ, ${documentNumber(numbering.nextNumber)}${numbering.symbolSuffix ?? ''}.`
      : numbering?.numbered
        ? 'Chưa khai báo nhiệm kỳ đại hội: văn bản xuất để trống số.'
        : 'Văn bản của ban, của cá nhân: không lấy số văn bản đi.'

  return (
    <fieldset className="form-section issue-options">
      <legend>Ký và ban hành</legend>
      <div className="form-field">
        <label htmlFor="doc-signer">Người ký</label>
        <select
          id="doc-signer"
          className={errors.signerId ? 'input invalid' : 'input'}
          disabled={!numbered || active === null}
          aria-invalid={errors.signerId ? true : undefined}
          {...register('signerId', {
            setValueAs: (v: string) => (v === '' || v === undefined ? undefined : Number(v))
          })}
        >
          <option value="">
            {active === null
              ? 'Đang tải…'
              : chosenDefault
                ? `Người ký mặc định: ${chosenDefault.fullName}`
                : 'Chưa khai báo người ký (Cài đặt)'}
          </option>
          {active?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.fullName} · {s.position.toLocaleUpperCase('vi')}
            </option>
          ))}
        </select>
        {errors.signerId ? (
          <div className="field-error" role="alert">
            {errors.signerId.message}
          </div>
        ) : (
          !numbered && <div className="field-hint">Văn bản của ban, của cá nhân do người viết ký.</div>
        )}
      </div>
      <div className="form-row issue-row">
        <DateInput
          label="Ngày ký"
          control={control}
          name="date"
          nullable
          referenceYear={referenceYear}
          error={errors.date?.message}
          hint="Để trống: hôm nay"
        />
        <div className={errors.number ? 'form-field has-error' : 'form-field'}>
          <label htmlFor="doc-number">Số văn bản</label>
          <div className="number-field">
            <input
              id="doc-number"
              type="text"
              inputMode="numeric"
              className={errors.number ? 'input invalid' : 'input'}
              disabled={!numbered || draft}
              placeholder={
                numbering?.nextNumber !== null && numbering?.nextNumber !== undefined
                  ? documentNumber(numbering.nextNumber)
                  : ''
              }
              aria-invalid={errors.number ? true : undefined}
              aria-describedby="doc-number-hint"
              {...register('number', {
                setValueAs: (v: string) => (v.trim() === '' ? undefined : Number(v.trim()))
              })}
            />
            {numbering?.symbolSuffix && <span className="symbol-suffix">{numbering.symbolSuffix}</span>}
          </div>
        </div>
      </div>
      {errors.number ? (
        <div className="field-error" role="alert" id="doc-number-hint">
          {errors.number.message}
        </div>
      ) : (
        <div className="field-hint" id="doc-number-hint">
          {draft && numbered ? 'Bản nháp để trống số cho văn thư.' : nextHint}
        </div>
      )}
    </fieldset>
  )
}
