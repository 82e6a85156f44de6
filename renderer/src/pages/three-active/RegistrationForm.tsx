/**
 * A grassroots union's registration for the year: the day it registered (after the deadline
 * it is marked late, never refused), its plan as text and/or an attached file, and the
 * criteria it finds hard. The same schema as the service, so both refuse alike.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import {
  PLAN_FILE_EXTENSIONS,
  registrationSchema,
  type RegistrationDetail,
  type UnitBrief
} from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import { isLate } from '../../../../shared/domain/three-active'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation } from '../../lib/api'
import type { ErrorInfo } from '../../lib/errors'
import { readFileAsBase64 } from '../../lib/files'

type Input = z.input<typeof registrationSchema>
type Values = z.output<typeof registrationSchema>

const FIELDS = ['unitCode', 'registeredOn', 'planText', 'hardCriteria'] as const

interface Props {
  year: number
  /** The units to choose from (a new registration). */
  units?: ReadonlyArray<UnitBrief & { parent: { name: string } | null }>
  /** The unit chosen beforehand ("Đăng ký" beside it). */
  unitCode?: string | null
  /** Editing a stored registration. */
  editing?: RegistrationDetail
  deadline: string
  onSaved?: () => void
}

export function RegistrationForm({ year, units, unitCode, editing, deadline, onSaved }: Props) {
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(registrationSchema),
    defaultValues: {
      year,
      unitCode: editing?.unit.code ?? unitCode ?? '',
      registeredOn: editing?.registeredOn ?? '',
      planText: editing?.planText ?? '',
      hardCriteria: editing?.hardCriteria ?? ''
    }
  })
  const errors = form.formState.errors
  const save = useApiMutation('threeActive.register')
  const [file, setFile] = useState<File | null>(null)
  const [dropFile, setDropFile] = useState(false)
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const registeredOn = useWatch({ control: form.control, name: 'registeredOn' })
  const late =
    typeof registeredOn === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(registeredOn) &&
    isLate(registeredOn, deadline)

  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    setDone(null)
    try {
      const planFile = file
        ? { fileName: file.name, contentBase64: await readFileAsBase64(file) }
        : dropFile
          ? null
          : undefined
      const saved = await save.mutateAsync({ ...values, ...(planFile === undefined ? {} : { planFile }) })
      setDone(saved.change.label)
      if (!editing) {
        form.reset({ year, unitCode: '', registeredOn: values.registeredOn, planText: '', hardCriteria: '' })
        setFile(null)
      }
      onSaved?.()
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, FIELDS))
    }
  })

  return (
    <form
      onSubmit={(e) => void submit(e)}
      aria-label={editing ? 'Sửa đăng ký' : 'Đăng ký 3 chủ động'}
      noValidate
    >
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <div className="form-grid tcd-form-grid">
        {editing ? (
          <div className="form-field">
            <label>Đơn vị</label>
            <div className="tcd-fixed">{editing.unit.name}</div>
          </div>
        ) : (
          <SelectInput
            label="Đơn vị"
            registration={form.register('unitCode')}
            options={(units ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
            emptyLabel="— chọn đơn vị —"
            error={errors.unitCode?.message}
            required
          />
        )}
        <DateInput
          label="Ngày đăng ký"
          control={form.control}
          name="registeredOn"
          error={errors.registeredOn?.message}
          referenceYear={year - 1}
          required
          hint={
            late
              ? `Sau hạn ${formatDateVi(deadline)}: sẽ ghi là đăng ký muộn`
              : `Hạn: ${formatDateVi(deadline)}`
          }
        />
      </div>
      <TextInput
        label="Kế hoạch thực hiện (tóm tắt)"
        registration={form.register('planText')}
        error={errors.planText?.message}
        multiline
      />
      <div className="form-field">
        <span className="tcd-label">Tệp kế hoạch (nếu có)</span>
        <div className="tcd-file-row">
          <input
            id={`tcd-plan-file-${editing ? 'edit' : 'new'}`}
            type="file"
            accept={PLAN_FILE_EXTENSIONS.join(',')}
            className="file-input"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setDropFile(false)
            }}
          />
          <label htmlFor={`tcd-plan-file-${editing ? 'edit' : 'new'}`} className="btn btn-small">
            Chọn tệp kế hoạch…
          </label>
          <span className="muted">
            {file
              ? file.name
              : editing?.planFileName
                ? `Đã gửi: ${editing.planFileName}`
                : 'Chưa chọn tệp nào.'}
          </span>
        </div>
        {editing?.planFileName && !file && (
          <label className="tcd-inline-check">
            <input type="checkbox" checked={dropFile} onChange={(e) => setDropFile(e.target.checked)} /> Bỏ
            tệp đã gửi ({editing.planFileName})
          </label>
        )}
      </div>
      <TextInput
        label="Tiêu chí đơn vị thấy khó thực hiện"
        registration={form.register('hardCriteria')}
        error={errors.hardCriteria?.message}
        hint="Ví dụ: 1.5 – chưa lập được danh sách thanh niên khó khăn"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {editing ? 'Lưu đăng ký' : 'Ghi đăng ký'}
        </button>
        {done && (
          <span className="tcd-done" role="status">
            {done}
          </span>
        )}
      </div>
    </form>
  )
}
