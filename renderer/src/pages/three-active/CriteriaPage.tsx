/**
 * The checklist of the programme period (criteria by pillar, mandatory or not, optional
 * points) and the year's deadlines (registration 10/10, report upward 15/10 of the year
 * before by default). Both editable; every save can be undone.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useState } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { z } from 'zod'
import { criteriaSchema, yearSettingsSchema, type PeriodView } from '../../../../shared/api/three-active'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import '../../styles/three-active.css'
import { defaultCycleYear } from './search'

const route = getRouteApi('/3-chu-dong/tieu-chi')

type SettingsInput = z.input<typeof yearSettingsSchema>
type SettingsValues = z.output<typeof yearSettingsSchema>

function DeadlinesForm({
  year,
  registration,
  report
}: {
  year: number
  registration: string
  report: string
}) {
  const form = useForm<SettingsInput, unknown, SettingsValues>({
    resolver: zodResolver(yearSettingsSchema),
    defaultValues: { year, registrationDeadline: registration, reportDeadline: report }
  })
  const save = useApiMutation('threeActive.saveSettings')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      await save.mutateAsync(values)
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, ['registrationDeadline', 'reportDeadline']))
    }
  })
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label="Hạn của năm" noValidate>
      <h2>Hạn của chu kỳ năm {year}</h2>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <div className="tcd-inline-form">
        <DateInput
          label="Hạn đơn vị đăng ký"
          control={form.control}
          name="registrationDeadline"
          error={form.formState.errors.registrationDeadline?.message}
          referenceYear={year - 1}
          required
        />
        <DateInput
          label="Hạn báo cáo cấp trên"
          control={form.control}
          name="reportDeadline"
          error={form.formState.errors.reportDeadline?.message}
          referenceYear={year - 1}
          required
        />
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Lưu hạn
        </button>
      </div>
    </form>
  )
}

/** The checklist as the form holds it: points typed as text ("" = no points). */
const criteriaFormSchema = z.object({
  year: criteriaSchema.shape.year,
  criteria: z.array(
    z.object({
      code: z.string(),
      text: z.string(),
      mandatory: z.boolean(),
      maxScore: z.string()
    })
  )
})
type CriteriaForm = z.infer<typeof criteriaFormSchema>

function CriteriaEditor({ year, period }: { year: number; period: PeriodView }) {
  const form = useForm<CriteriaForm>({
    resolver: zodResolver(criteriaFormSchema),
    defaultValues: {
      year,
      criteria: period.criteria.map((c) => ({
        code: c.code,
        text: c.text,
        mandatory: c.mandatory,
        maxScore: c.maxScore === null ? '' : String(c.maxScore)
      }))
    }
  })
  const rows = useFieldArray({ control: form.control, name: 'criteria' })
  const save = useApiMutation('threeActive.saveCriteria')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({})
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    setRowErrors({})
    const input = {
      year,
      criteria: values.criteria.map((c) => ({
        ...c,
        maxScore: c.maxScore.trim() === '' ? null : Number(c.maxScore)
      }))
    }
    // The contract's own schema, so the page refuses what the service would, row by row.
    const parsed = criteriaSchema.safeParse(input)
    if (!parsed.success) {
      const byRow: Record<string, string> = {}
      for (const issue of parsed.error.issues) byRow[issue.path.slice(0, 3).join('.')] = issue.message
      setRowErrors(byRow)
      return
    }
    try {
      await save.mutateAsync(parsed.data)
    } catch (error) {
      setBanner(toErrorInfo(error))
    }
  })
  const rowError = (i: number) =>
    ['code', 'text', 'maxScore', 'mandatory']
      .map((f) => rowErrors[`criteria.${i}.${f}`])
      .filter(Boolean)
      .join(' ')
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label="Bộ tiêu chí" noValidate>
      <h2>
        Bộ tiêu chí {period.name.toLowerCase()}
        {period.stored ? '' : ' (mặc định, chưa sửa)'}
      </h2>
      <p className="muted">
        Mã tiêu chí dạng &quot;trụ cột.số&quot; (1.1 … 3.4). Trụ cột đạt khi mọi tiêu chí bắt buộc của nó đạt;
        đơn vị đạt khi cả ba trụ cột đạt. Điểm tối đa chỉ ghi khi tỉnh chấm điểm.
      </p>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      {rowErrors.criteria && <p className="field-error">{rowErrors.criteria}</p>}
      <table className="data-table tcd-criteria-edit">
        <thead>
          <tr>
            <th className="tcd-col-code">Mã</th>
            <th>Nội dung tiêu chí</th>
            <th>Bắt buộc</th>
            <th>Điểm tối đa</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.fields.map((field, i) => (
            <tr key={field.id}>
              <td>
                <input
                  className="input tcd-code-input"
                  {...form.register(`criteria.${i}.code`)}
                  aria-label={`Mã tiêu chí dòng ${i + 1}`}
                />
              </td>
              <td>
                <input
                  className="input"
                  {...form.register(`criteria.${i}.text`)}
                  aria-label={`Nội dung tiêu chí dòng ${i + 1}`}
                />
                {rowError(i) && <div className="field-error">{rowError(i)}</div>}
              </td>
              <td className="tcd-center">
                <input
                  type="checkbox"
                  {...form.register(`criteria.${i}.mandatory`)}
                  aria-label={`Bắt buộc dòng ${i + 1}`}
                />
              </td>
              <td>
                <input
                  className="input tcd-score"
                  {...form.register(`criteria.${i}.maxScore`)}
                  aria-label={`Điểm tối đa dòng ${i + 1}`}
                />
              </td>
              <td>
                <button type="button" className="btn btn-small" onClick={() => rows.remove(i)}>
                  Bỏ
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          onClick={() => rows.append({ code: '', text: '', mandatory: true, maxScore: '' })}
        >
          Thêm tiêu chí
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Lưu bộ tiêu chí
        </button>
      </div>
    </form>
  )
}

export function CriteriaPage() {
  const search = route.useSearch()
  const year = search.nam ?? defaultCycleYear()
  const query = useApiQuery('threeActive.year', { year })
  const d = query.data
  return (
    <section className="page tcd-page">
      <header className="page-header">
        <h1>3 chủ động: tiêu chí và hạn năm {year}</h1>
        <div className="toolbar">
          <Link className="btn" to="/3-chu-dong" search={{ nam: year }}>
            ← Cả năm {year}
          </Link>
        </div>
      </header>
      {query.error && <ErrorAlert error={toErrorInfo(query.error)} />}
      {d && (
        <>
          <DeadlinesForm
            key={`${year}-${d.deadlines.registration}-${d.deadlines.report}`}
            year={year}
            registration={d.deadlines.registration}
            report={d.deadlines.report}
          />
          <CriteriaEditor
            key={`${year}-${JSON.stringify(d.period.criteria)}`}
            year={year}
            period={d.period}
          />
        </>
      )}
    </section>
  )
}
