/**
 * "Thêm cán bộ" and "Sửa thông tin cán bộ", labelled as the workbook's "Cán bộ" columns and
 * validated by the contract's schema here and again by the service (whose refusals, like a
 * code already taken, land under their field). The code is fixed once the cadre exists.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import {
  CADRE_FORM_FIELDS,
  cadreFormSchema,
  type CadreFormInput,
  type CadreFormValues,
  type CadreRecord
} from '../../../../shared/api/cadres'
import type { DepartmentChoice } from '../../../../shared/api/documents'
import { GENDERS, GENDER_LABELS } from '../../../../shared/domain/kinds'
import { ErrorAlert } from '../../components/ErrorAlert'
import { CheckboxInput, DateInput, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { searchFor } from '../../lib/nav'
import { isNotFound } from './format'
import { UnknownCadre } from './UnknownCadre'
import '../../styles/cadres.css'

const editRoute = getRouteApi('/can-bo/$code/sua')

const EMPTY: CadreFormInput = {
  code: '',
  fullName: '',
  gender: '',
  birthDate: null,
  position: '',
  departmentCode: '',
  fullTime: true,
  serviceStart: null,
  serviceEnd: null
}

const GENDER_OPTIONS = GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))

export function AddCadrePage() {
  return (
    <section className="page cadre-form-page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/can-bo" search={searchFor('/can-bo') as never}>
          ← Danh sách cán bộ
        </Link>
      </nav>
      <header className="page-header">
        <h1>Thêm cán bộ</h1>
      </header>
      <CadreFormLoader initial={null} year={undefined} />
    </section>
  )
}

export function EditCadrePage() {
  const { code } = editRoute.useParams()
  const { nam } = editRoute.useSearch()
  const detail = useApiQuery('cadres.get', { code, year: nam })
  if (detail.error && isNotFound(detail.error)) return <UnknownCadre code={code} />
  return (
    <section className="page cadre-form-page">
      <nav className="breadcrumb" aria-label="Đường dẫn">
        <Link to="/can-bo/$code" params={{ code }} search={{ nam }}>
          ← Hồ sơ cán bộ
        </Link>
      </nav>
      <header className="page-header">
        <h1>Sửa thông tin cán bộ{detail.data ? `: ${detail.data.cadre.fullName}` : ''}</h1>
      </header>
      {detail.error && <ErrorAlert error={toErrorInfo(detail.error)} />}
      {detail.data && <CadreFormLoader key={detail.data.cadre.code} initial={detail.data.cadre} year={nam} />}
    </section>
  )
}

function valuesOf(cadre: CadreRecord): CadreFormInput {
  return {
    code: cadre.code,
    fullName: cadre.fullName,
    gender: cadre.gender ?? '',
    birthDate: cadre.birthDate,
    position: cadre.position,
    departmentCode: cadre.departmentCode,
    fullTime: cadre.fullTime,
    serviceStart: cadre.serviceStart,
    serviceEnd: cadre.serviceEnd
  }
}

interface FormProps {
  /** Null adds a cadre; otherwise the form edits that one (whose code stays). */
  initial: CadreRecord | null
  year: number | undefined
}

/**
 * The form opens once the bans are known: a select filled after the form has set its value
 * would show "— chọn ban —" while the cadre's ban is still the value kept by the form.
 */
function CadreFormLoader(props: FormProps) {
  const departments = useApiQuery('departments.list', {})
  if (departments.error) return <ErrorAlert error={toErrorInfo(departments.error)} />
  if (!departments.data) return <p className="loading">Đang tải…</p>
  return <CadreForm {...props} departments={departments.data} />
}

function CadreForm({ initial, year, departments }: FormProps & { departments: DepartmentChoice[] }) {
  const navigate = useNavigate()
  const form = useForm<CadreFormInput, unknown, CadreFormValues>({
    resolver: zodResolver(cadreFormSchema),
    defaultValues: initial ? valuesOf(initial) : EMPTY
  })
  const create = useApiMutation('cadres.create')
  const update = useApiMutation('cadres.update')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  const errors = form.formState.errors
  const busy = create.isPending || update.isPending

  const save = (next: 'record' | 'another') =>
    form.handleSubmit(async (values) => {
      setBanner(null)
      setAdded(null)
      try {
        const saved = initial ? await update.mutateAsync(values) : await create.mutateAsync(values)
        if (next === 'another') {
          // Keep what a batch of new cadres usually shares; start again at the code.
          form.reset({
            ...EMPTY,
            position: values.position,
            departmentCode: values.departmentCode,
            fullTime: values.fullTime
          })
          setAdded(`${saved.value.code} ${saved.value.fullName}`)
          form.setFocus('code')
        } else {
          await navigate({ to: '/can-bo/$code', params: { code: saved.value.code }, search: { nam: year } })
        }
      } catch (error) {
        setBanner(applyServerErrors(error, form.setError, CADRE_FORM_FIELDS))
      }
    })

  const departmentOptions = departments.map((d) => ({ value: d.code, label: d.name }))

  return (
    <form
      className="panel cadre-form"
      onSubmit={(e) => void save('record')(e)}
      noValidate
      aria-label={initial ? 'Sửa thông tin cán bộ' : 'Thêm cán bộ'}
    >
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      {added && (
        <div className="alert alert-success cadre-added" role="status">
          Đã thêm {added}. Nhập cán bộ tiếp theo.
        </div>
      )}
      <div className="cadre-form-grid">
        {initial ? (
          <div className="form-field">
            <label>Mã cán bộ</label>
            <div className="input input-static" data-testid="cadre-code">
              {initial.code}
            </div>
            <div className="field-hint">Mã không đổi được sau khi tạo</div>
          </div>
        ) : (
          <TextInput
            label="Mã cán bộ"
            registration={form.register('code')}
            error={errors.code?.message}
            required
            autoFocus
          />
        )}
        <div className="span-2">
          <TextInput
            label="Họ và tên"
            registration={form.register('fullName')}
            error={errors.fullName?.message}
            required
            autoFocus={initial !== null}
          />
        </div>
        <SelectInput
          label="Giới tính"
          registration={form.register('gender')}
          options={GENDER_OPTIONS}
          emptyLabel="— không ghi —"
          error={errors.gender?.message}
        />
        <DateInput
          label="Ngày sinh"
          control={form.control}
          name="birthDate"
          error={errors.birthDate?.message}
          nullable
        />
        <TextInput
          label="Chức vụ"
          registration={form.register('position')}
          error={errors.position?.message}
          required
          placeholder="Chuyên viên, Phó Trưởng ban…"
        />
        <div className="span-2">
          <SelectInput
            label="Ban"
            registration={form.register('departmentCode')}
            options={departmentOptions}
            emptyLabel={departmentOptions.length === 0 ? '— chưa có ban nào —' : '— chọn ban —'}
            error={errors.departmentCode?.message}
            required
          />
        </div>
        <CheckboxInput
          label="Chuyên trách"
          registration={form.register('fullTime')}
          error={errors.fullTime?.message}
        />
        <DateInput
          label="Ngày bắt đầu công tác"
          control={form.control}
          name="serviceStart"
          error={errors.serviceStart?.message}
          nullable
          hint="dd/mm/yyyy; để trống nếu trước năm theo dõi"
        />
        <DateInput
          label="Ngày kết thúc công tác"
          control={form.control}
          name="serviceEnd"
          error={errors.serviceEnd?.message}
          nullable
          hint="dd/mm/yyyy; để trống nếu đang công tác"
        />
      </div>
      <div className="form-actions">
        {initial ? (
          <Link
            to="/can-bo/$code"
            params={{ code: initial.code }}
            search={{ nam: year }}
            className="btn btn-link"
          >
            Hủy
          </Link>
        ) : (
          <Link to="/can-bo" search={searchFor('/can-bo') as never} className="btn btn-link">
            Hủy
          </Link>
        )}
        {!initial && (
          <button type="button" className="btn" disabled={busy} onClick={() => void save('another')()}>
            Lưu và thêm tiếp
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {initial ? 'Lưu thay đổi' : 'Lưu cán bộ'}
        </button>
      </div>
    </form>
  )
}
