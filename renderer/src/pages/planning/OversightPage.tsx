/**
 * Phụ trách và địa bàn: clusters of units (cụm), leaders assigned to a unit or a cluster with
 * dates, and the coverage of the quarter — units nobody visited this quarter or this year, and
 * whose oversight area they lie in.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { getRouteApi, Link } from '@tanstack/react-router'
import { useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import {
  assignmentFormSchema,
  clusterFormSchema,
  type AssignmentFormInput,
  type ClusterFormInput,
  type CoverageUnit
} from '../../../../shared/api/planning'
import type { TripChoices } from '../../../../shared/api/trips'
import { formatDateVi } from '../../../../shared/domain/dates'
import { UNIT_KIND_LABELS } from '../../../../shared/domain/kinds'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, FieldFrame, SelectInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { CadrePicker, UnitPicker } from '../../components/pickers'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import '../../styles/planning.css'
import { QuarterPicker } from './QuarterPicker'
import { quarterInput } from './search'

const route = getRouteApi('/ke-hoach-quy/phu-trach')

export function OversightPage() {
  const search = route.useSearch()
  const navigate = route.useNavigate()
  const plan = useApiQuery('planning.quarter', quarterInput(search))
  const year = plan.data?.year ?? 2000
  const quarter = plan.data?.quarter ?? 1
  const oversight = useApiQuery('planning.oversight', {})
  const coverage = useApiQuery('planning.coverage', { year, quarter }, { enabled: Boolean(plan.data) })
  const choices = useApiQuery('trips.choices', {})
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [removing, setRemoving] = useState<
    { kind: 'cluster'; code: string; name: string } | { kind: 'assignment'; id: number; name: string } | null
  >(null)
  const deleteCluster = useApiMutation('planning.deleteCluster')
  const deleteAssignment = useApiMutation('planning.deleteAssignment')
  const failure = oversight.error ?? coverage.error ?? choices.error
  return (
    <section className="page plan-page">
      <header className="page-header plan-header">
        <h1>Phụ trách và địa bàn</h1>
        {plan.data && (
          <QuarterPicker
            choices={plan.data.choices}
            year={year}
            quarter={quarter}
            onChange={(q) => void navigate({ search: { nam: q.year, quy: q.quarter } })}
          />
        )}
        <Link to="/ke-hoach-quy" search={{ nam: year, quy: quarter }} className="btn btn-small">
          Về kế hoạch quý
        </Link>
      </header>
      {failure && <ErrorAlert error={toErrorInfo(failure)} />}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {coverage.data && (
        <CoveragePanel units={coverage.data.units} label={coverage.data.label} asOf={coverage.data.asOf} />
      )}
      {oversight.data && choices.data && (
        <div className="plan-two">
          <section className="panel plan-panel" aria-labelledby="plan-assign-title">
            <h2 id="plan-assign-title">Phân công phụ trách</h2>
            {oversight.data.assignments.length === 0 ? (
              <p className="plan-muted">Chưa phân công ai phụ trách đơn vị hay cụm nào.</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th>Cán bộ</th>
                    <th>Phụ trách</th>
                    <th>Thời gian</th>
                    <th aria-label="Thao tác" />
                  </tr>
                </thead>
                <tbody>
                  {oversight.data.assignments.map((a) => (
                    <tr key={a.id}>
                      <td>
                        {a.cadreName}
                        <div className="plan-sub">{a.position}</div>
                      </td>
                      <td>
                        {a.targetName}
                        {a.clusterCode && <div className="plan-sub">cụm {a.clusterCode}</div>}
                      </td>
                      <td className="nowrap">
                        {formatDateVi(a.fromDate)} – {a.toDate ? formatDateVi(a.toDate) : 'nay'}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          onClick={() =>
                            setRemoving({
                              kind: 'assignment',
                              id: a.id,
                              name: `${a.cadreName} – ${a.targetName}`
                            })
                          }
                        >
                          Xóa
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <AssignmentForm
              choices={choices.data}
              clusters={oversight.data.clusters.map((c) => ({ value: c.code, label: c.name }))}
            />
          </section>
          <section className="panel plan-panel" aria-labelledby="plan-cluster-title">
            <h2 id="plan-cluster-title">Cụm đơn vị</h2>
            {oversight.data.clusters.length === 0 ? (
              <p className="plan-muted">Chưa có cụm nào.</p>
            ) : (
              <ul className="plan-clusters">
                {oversight.data.clusters.map((c) => (
                  <li key={c.code}>
                    <strong>{c.name}</strong> ({c.code}): {c.units.map((u) => u.name).join('; ')}{' '}
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      onClick={() => setRemoving({ kind: 'cluster', code: c.code, name: c.name })}
                    >
                      Xóa
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <ClusterForm choices={choices.data} />
          </section>
        </div>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={
          removing?.kind === 'cluster'
            ? `Xóa cụm ${removing.name}?`
            : `Xóa phân công ${removing?.name ?? ''}?`
        }
        confirmLabel="Xóa"
        danger
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return
          const done = {
            onSuccess: () => setRemoving(null),
            onError: (e: Error) => (setRemoving(null), setError(toErrorInfo(e)))
          }
          if (removing.kind === 'cluster') deleteCluster.mutate({ code: removing.code }, done)
          else deleteAssignment.mutate({ id: removing.id }, done)
        }}
      >
        <p>Có thể hoàn tác ngay sau khi xóa.</p>
      </ConfirmDialog>
    </section>
  )
}

function CoveragePanel({ units, label, asOf }: { units: CoverageUnit[]; label: string; asOf: string }) {
  const notQuarter = units.filter((u) => !u.visitedThisQuarter).length
  const notYear = units.filter((u) => !u.visitedThisYear).length
  return (
    <section className="panel plan-panel" aria-labelledby="plan-coverage-title">
      <h2 id="plan-coverage-title">
        Đơn vị chưa có cán bộ đến — {label} (tính đến {formatDateVi(asOf)})
      </h2>
      <p className="plan-muted">
        {units.length === 0
          ? 'Chưa có đơn vị nào hoạt động trong quý: thêm đơn vị ở trang Đơn vị hoặc nhập tệp Excel.'
          : `${notQuarter} đơn vị chưa có ai đến trong quý, ${notYear} đơn vị chưa có ai đến trong năm (trên ${units.length} đơn vị còn hoạt động).`}
      </p>
      {units.length > 0 && (
        <div className="table-wrap">
          <table className="data-table plan-coverage">
            <thead>
              <tr>
                <th>Đơn vị</th>
                <th>Loại</th>
                <th>Trong quý</th>
                <th>Trong năm</th>
                <th>Lần đến gần nhất</th>
                <th className="num">Đã duyệt đến</th>
                <th>Người phụ trách</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.code}>
                  <td>
                    <Link to="/don-vi/$code" params={{ code: u.code }}>
                      {u.name}
                    </Link>
                    {u.parentName && <div className="plan-sub">thuộc {u.parentName}</div>}
                  </td>
                  <td>{UNIT_KIND_LABELS[u.kind]}</td>
                  <td className={u.visitedThisQuarter ? undefined : 'plan-short'}>
                    {u.visitedThisQuarter ? 'Đã có' : 'Chưa có ai'}
                  </td>
                  <td className={u.visitedThisYear ? undefined : 'plan-short'}>
                    {u.visitedThisYear ? 'Đã có' : 'Chưa có ai'}
                  </td>
                  <td>{u.lastVisit ? formatDateVi(u.lastVisit) : '—'}</td>
                  <td className="num">{u.plannedThisQuarter}</td>
                  <td>
                    {u.overseers.length > 0 ? (
                      u.overseers.join('; ')
                    ) : (
                      <span className="plan-muted">chưa phân công</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function AssignmentForm({
  choices,
  clusters
}: {
  choices: TripChoices
  clusters: Array<{ value: string; label: string }>
}) {
  const save = useApiMutation('planning.saveAssignment')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const empty: AssignmentFormInput = {
    cadreCode: '',
    unitCode: '',
    clusterCode: '',
    fromDate: '',
    toDate: '',
    note: ''
  }
  const form = useForm<AssignmentFormInput>({
    resolver: zodResolver(assignmentFormSchema),
    defaultValues: empty
  })
  const errors = form.formState.errors
  const submit = form.handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: () => form.reset(empty),
      onError: (e) =>
        setBanner(
          applyServerErrors(e, form.setError, [
            'cadreCode',
            'unitCode',
            'clusterCode',
            'fromDate',
            'toDate',
            'note'
          ])
        )
    })
  )
  return (
    <form className="plan-inline-form" onSubmit={submit} noValidate aria-label="Thêm phân công phụ trách">
      <h3>Thêm phân công</h3>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <Controller
        control={form.control}
        name="cadreCode"
        render={({ field }) => (
          <FieldFrame label="Cán bộ phụ trách" htmlFor="asg-cadre" error={errors.cadreCode?.message} required>
            <CadrePicker
              id="asg-cadre"
              single
              cadres={choices.cadres}
              value={field.value ? [field.value] : []}
              onChange={(v) => field.onChange(v[0] ?? '')}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          </FieldFrame>
        )}
      />
      <Controller
        control={form.control}
        name="unitCode"
        render={({ field }) => (
          <FieldFrame
            label="Đơn vị phụ trách"
            htmlFor="asg-unit"
            error={errors.unitCode?.message}
            hint="hoặc chọn một cụm bên dưới"
          >
            <UnitPicker
              id="asg-unit"
              single
              units={choices.units}
              value={field.value ? [field.value] : []}
              onChange={(v) => field.onChange(v[0] ?? '')}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          </FieldFrame>
        )}
      />
      <SelectInput
        label="Cụm"
        registration={form.register('clusterCode')}
        options={clusters}
        emptyLabel="— không —"
        error={errors.clusterCode?.message}
      />
      <div className="plan-pair">
        <DateInput
          label="Từ ngày"
          control={form.control}
          name="fromDate"
          error={errors.fromDate?.message}
          required
        />
        <DateInput
          label="Đến ngày"
          control={form.control}
          name="toDate"
          error={errors.toDate?.message}
          nullable
          hint="để trống: đến nay"
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={save.isPending}>
          Thêm phân công
        </button>
      </div>
    </form>
  )
}

function ClusterForm({ choices }: { choices: TripChoices }) {
  const save = useApiMutation('planning.saveCluster')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const empty: ClusterFormInput = { code: '', name: '', unitCodes: [], note: '' }
  const form = useForm<ClusterFormInput>({ resolver: zodResolver(clusterFormSchema), defaultValues: empty })
  const errors = form.formState.errors
  const submit = form.handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: () => form.reset(empty),
      onError: (e) => setBanner(applyServerErrors(e, form.setError, ['code', 'name', 'unitCodes', 'note']))
    })
  )
  return (
    <form className="plan-inline-form" onSubmit={submit} noValidate aria-label="Thêm cụm">
      <h3>Thêm cụm</h3>
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <div className="plan-pair">
        <TextInput
          label="Mã cụm"
          registration={form.register('code')}
          error={errors.code?.message}
          required
        />
        <TextInput
          label="Tên cụm"
          registration={form.register('name')}
          error={errors.name?.message}
          required
        />
      </div>
      <Controller
        control={form.control}
        name="unitCodes"
        render={({ field }) => (
          <FieldFrame label="Các đơn vị" htmlFor="cluster-units" error={errors.unitCodes?.message} required>
            <UnitPicker
              id="cluster-units"
              units={choices.units}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
            />
          </FieldFrame>
        )}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={save.isPending}>
          Thêm cụm
        </button>
      </div>
    </form>
  )
}
