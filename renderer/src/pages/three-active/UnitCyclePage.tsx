/**
 * One unit's cycle for the year: its registration (editable), the cadre who follows it and
 * that cadre's trips to the unit (the follow-up visits, from the logbook), the evaluation per
 * criterion with evidence and the pillars' results, and its two documents.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { z } from 'zod'
import {
  criterionResultSchema,
  evaluationSchema,
  type RegistrationDetail
} from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import {
  CONTENT_KIND_SHORT_LABELS,
  TRIP_STATUS_LABELS,
  UNIT_KIND_LABELS,
  type ContentKind,
  type TripStatus
} from '../../../../shared/domain/kinds'
import { compareVietnameseNames } from '../../../../shared/domain/collation'
import {
  defaultDeadlines,
  evaluateUnit,
  PILLAR_LABELS,
  PILLARS,
  type Pillar
} from '../../../../shared/domain/three-active'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DateInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { callApi, useApiMutation, useApiQuery } from '../../lib/api'
import { saveGeneratedFile } from '../../lib/save'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import '../../styles/three-active.css'
import { useExportDocument } from './export'
import { RegistrationForm } from './RegistrationForm'
import { defaultCycleYear } from './search'
import { ResultBadge } from './ThreeActivePage'

const route = getRouteApi('/3-chu-dong/$code')

/** The evaluation as the form holds it: one mark per criterion ('' while not marked). */
const evaluationFormSchema = z.object({
  evaluatedOn: evaluationSchema.shape.evaluatedOn,
  note: evaluationSchema.shape.note,
  marks: z.array(
    z.object({
      criterionCode: criterionResultSchema.shape.criterionCode,
      mark: z.enum(['', 'DAT', 'KHONG_DAT']),
      evidence: criterionResultSchema.shape.evidence,
      score: z
        .union([
          z.literal(''),
          z.coerce
            .number({ message: 'Điểm phải là một số.' })
            .int('Điểm là số nguyên.')
            .min(0, 'Điểm không được âm.')
        ])
        .transform((v) => (v === '' ? null : v))
    })
  )
})
type FormInput = z.input<typeof evaluationFormSchema>
type FormValues = z.output<typeof evaluationFormSchema>

function FollowerPanel({ detail }: { detail: RegistrationDetail }) {
  const cadres = useApiQuery('cadres.list', {})
  const assign = useApiMutation('threeActive.assignFollower')
  const [chosen, setChosen] = useState(detail.follower?.code ?? '')
  const [error, setError] = useState<ErrorInfo | null>(null)
  const sorted = [...(cadres.data ?? [])].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
  return (
    <div className="panel" aria-label="Theo dõi">
      <h2>Cán bộ theo dõi</h2>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <div className="tcd-inline-form">
        <label className="form-field">
          <span>Cán bộ</span>
          <select
            className="input"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            aria-label="Cán bộ theo dõi"
          >
            <option value="">— chưa phân công —</option>
            {sorted.map((c) => (
              <option key={c.code} value={c.code}>
                {c.fullName} ({c.code} · {c.departmentName})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-primary"
          disabled={assign.isPending || chosen === (detail.follower?.code ?? '')}
          onClick={() => {
            setError(null)
            assign
              .mutateAsync({
                year: detail.year,
                unitCode: detail.unit.code,
                cadreCode: chosen === '' ? null : chosen
              })
              .catch((e: unknown) => setError(toErrorInfo(e)))
          }}
        >
          Phân công
        </button>
      </div>
      <h3>Các lần đi cơ sở của cán bộ theo dõi tại đơn vị năm {detail.year}</h3>
      {!detail.follower ? (
        <p className="muted">Phân công cán bộ theo dõi để thấy các chuyến đi của cán bộ đó tới đơn vị.</p>
      ) : detail.visitList.length === 0 ? (
        <p className="muted">
          Sổ chuyến đi chưa có chuyến nào của {detail.follower.fullName} tới đơn vị trong năm.
        </p>
      ) : (
        <table className="data-table tcd-visits" aria-label="Các lần theo dõi">
          <thead>
            <tr>
              <th>Mã chuyến</th>
              <th>Thời gian</th>
              <th>Loại nội dung</th>
              <th>Nội dung</th>
              <th>Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {detail.visitList.map((v) => (
              <tr key={v.tripCode}>
                <td>
                  <Link to="/chuyen-di/$code" params={{ code: v.tripCode }}>
                    {v.tripCode}
                  </Link>
                </td>
                <td>
                  {formatDateVi(v.startDate)}
                  {v.endDate !== v.startDate ? ` – ${formatDateVi(v.endDate)}` : ''}
                </td>
                <td>{CONTENT_KIND_SHORT_LABELS[v.kind as ContentKind] ?? v.kind}</td>
                <td>{v.topic ?? ''}</td>
                <td>{TRIP_STATUS_LABELS[v.status as TripStatus] ?? v.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

function EvaluationPanel({ detail }: { detail: RegistrationDetail }) {
  const form = useForm<FormInput, unknown, FormValues>({
    resolver: zodResolver(evaluationFormSchema),
    defaultValues: {
      evaluatedOn: detail.evaluatedOn ?? '',
      note: detail.evaluationNote ?? '',
      marks: detail.marks.map((m) => ({
        criterionCode: m.criterion.code,
        mark: m.passed === null ? '' : m.passed ? 'DAT' : 'KHONG_DAT',
        evidence: m.evidence ?? '',
        score: m.score === null ? '' : m.score
      }))
    }
  })
  const save = useApiMutation('threeActive.evaluate')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const marks = useWatch({ control: form.control, name: 'marks' })
  // The pillars' results follow the marks as they are set (the same rule the service applies).
  const live = evaluateUnit(
    detail.marks.map((m) => m.criterion),
    (marks ?? [])
      .filter((m) => m.mark !== '')
      .map((m) => ({ code: m.criterionCode, passed: m.mark === 'DAT' }))
  )
  const errors = form.formState.errors
  const frozen = detail.decided

  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    setDone(null)
    try {
      const saved = await save.mutateAsync({
        year: detail.year,
        unitCode: detail.unit.code,
        evaluatedOn: values.evaluatedOn,
        note: values.note,
        results: values.marks
          .filter((m) => m.mark !== '')
          .map((m) => ({
            criterionCode: m.criterionCode,
            passed: m.mark === 'DAT',
            evidence: m.evidence,
            score: m.score
          }))
      })
      setDone(saved.change.label)
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, ['evaluatedOn', 'note']))
    }
  })

  const pillarText = (p: Pillar) => {
    const s = live.pillars.find((x) => x.pillar === p)?.status
    return s === 'DAT' ? 'Đạt' : s === 'KHONG_DAT' ? 'Không đạt' : 'Chưa đủ'
  }

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label="Đánh giá" noValidate>
      <h2>Đánh giá cuối năm</h2>
      {frozen && (
        <p className="alert">Năm {detail.year} đã có quyết định công nhận: đánh giá chỉ xem, không sửa.</p>
      )}
      {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
      <fieldset disabled={frozen} className="tcd-fieldset">
        <div className="tcd-inline-form">
          <DateInput
            label="Ngày đánh giá"
            control={form.control}
            name="evaluatedOn"
            error={errors.evaluatedOn?.message}
            referenceYear={detail.year}
            required
          />
          <p className="muted tcd-evaluator">
            Đơn vị đánh giá: cấp trên của đơn vị vào ngày đánh giá
            {detail.evaluator ? ` (lần đánh giá đã ghi: ${detail.evaluator.name})` : ''}.
          </p>
        </div>
        <table className="data-table tcd-criteria-marks">
          <thead>
            <tr>
              <th className="tcd-col-code">Mã</th>
              <th>Tiêu chí</th>
              <th className="tcd-col-mark">Kết quả</th>
              <th className="tcd-col-evidence">Minh chứng</th>
            </tr>
          </thead>
          {PILLARS.map((p) => (
            <tbody key={p}>
              <tr className="tcd-pillar-row">
                <td colSpan={2}>
                  Trụ cột {p}: {PILLAR_LABELS[p]}
                </td>
                <td
                  colSpan={2}
                  className={`tcd-pillar-${pillarText(p) === 'Đạt' ? 'ok' : pillarText(p) === 'Không đạt' ? 'bad' : 'grey'}`}
                >
                  {pillarText(p)}
                </td>
              </tr>
              {detail.marks.map((m, i) =>
                m.criterion.pillar !== p ? null : (
                  <tr key={m.criterion.code}>
                    <td>{m.criterion.code}</td>
                    <td>
                      {m.criterion.text}
                      {m.criterion.mandatory ? <span className="tcd-mandatory"> (bắt buộc)</span> : null}
                    </td>
                    <td>
                      <label className="tcd-radio">
                        <input
                          type="radio"
                          value="DAT"
                          {...form.register(`marks.${i}.mark`)}
                          aria-label={`${m.criterion.code} đạt`}
                        />{' '}
                        Đạt
                      </label>
                      <label className="tcd-radio">
                        <input
                          type="radio"
                          value="KHONG_DAT"
                          {...form.register(`marks.${i}.mark`)}
                          aria-label={`${m.criterion.code} không đạt`}
                        />{' '}
                        Không đạt
                      </label>
                      {m.criterion.maxScore !== null && (
                        <input
                          className="input tcd-score"
                          {...form.register(`marks.${i}.score`)}
                          aria-label={`${m.criterion.code} điểm`}
                          placeholder={`/${m.criterion.maxScore}`}
                        />
                      )}
                    </td>
                    <td>
                      <input
                        className="input"
                        {...form.register(`marks.${i}.evidence`)}
                        aria-label={`${m.criterion.code} minh chứng`}
                      />
                    </td>
                  </tr>
                )
              )}
            </tbody>
          ))}
        </table>
        <TextInput
          label="Ghi chú đánh giá"
          registration={form.register('note')}
          error={errors.note?.message}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={save.isPending}>
            Lưu đánh giá
          </button>
          <span className="tcd-live">
            Kết quả theo các ô đã chọn: <ResultBadge line={{ result: live.result, recognised: false }} />
          </span>
          {done && (
            <span className="tcd-done" role="status">
              {done}
            </span>
          )}
        </div>
      </fieldset>
    </form>
  )
}

/** The attached plan's name, and a button that saves it back as the unit sent it. */
function PlanFileLine({ year, unitCode, fileName }: { year: number; unitCode: string; fileName: string }) {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const save = async () => {
    setBusy(true)
    setError(null)
    setMessage(null)
    try {
      const file = await callApi('threeActive.planFile', { year, unitCode })
      const saved = await saveGeneratedFile(file)
      if (saved.kind === 'saved') setMessage(`Đã lưu ${file.fileName} vào ${saved.path}.`)
      else if (saved.kind === 'downloaded') setMessage(`Đã tải về ${file.fileName}.`)
    } catch (e) {
      setError(toErrorInfo(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="tcd-plan-file">
      Tệp: {fileName}{' '}
      <button type="button" className="btn btn-small" onClick={save} disabled={busy}>
        Lưu tệp kế hoạch…
      </button>
      {message && (
        <span className="muted tcd-inline" role="status">
          {message}
        </span>
      )}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
    </div>
  )
}

export function UnitCyclePage() {
  const { code } = route.useParams()
  const search = route.useSearch()
  const year = search.nam ?? defaultCycleYear()
  const query = useApiQuery('threeActive.get', { year, unitCode: code })
  const yearView = useApiQuery('threeActive.year', { year })
  const deadline = yearView.data?.deadlines.registration ?? defaultDeadlines(year).registration
  const remove = useApiMutation('threeActive.unregister')
  const navigate = useNavigate()
  const docs = useExportDocument()
  const [editing, setEditing] = useState(false)
  const [confirmRemove, setConfirmRemove] = useState(false)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const d = query.data

  return (
    <section className="page tcd-page">
      <header className="page-header">
        <h1>
          {d ? d.unit.name : code}: 3 chủ động năm {year}
        </h1>
        <div className="toolbar">
          <Link className="btn" to="/3-chu-dong" search={{ nam: year }}>
            ← Cả năm {year}
          </Link>
        </div>
      </header>
      {query.error && <ErrorAlert error={toErrorInfo(query.error)} />}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {d && (
        <>
          <div className="panel tcd-summary" aria-label="Đăng ký">
            <dl className="tcd-facts">
              <dt>Loại</dt>
              <dd>
                {UNIT_KIND_LABELS[d.unit.kind]} ({d.unit.code})
              </dd>
              <dt>Cấp trên khi đăng ký</dt>
              <dd>{d.parent?.name ?? '—'}</dd>
              <dt>Ngày đăng ký</dt>
              <dd>
                {formatDateVi(d.registeredOn)}
                {d.late && <span className="badge tcd-badge-bad tcd-inline">Sau hạn</span>}
              </dd>
              <dt>Kế hoạch</dt>
              <dd>
                {d.planText ? <span className="tcd-pre">{d.planText}</span> : null}
                {d.planFileName ? (
                  <PlanFileLine year={year} unitCode={code} fileName={d.planFileName} />
                ) : null}
                {!d.planText && !d.planFileName ? <span className="muted">Chưa gửi</span> : null}
              </dd>
              <dt>Tiêu chí thấy khó</dt>
              <dd>{d.hardCriteria ?? <span className="muted">Không có</span>}</dd>
              <dt>Kết quả</dt>
              <dd>
                <ResultBadge line={d} />
                {d.failedPillars.length > 0 && (
                  <span className="tcd-inline">
                    Chưa đạt: {d.failedPillars.map((p) => `trụ cột ${p}`).join(', ')}
                  </span>
                )}
                {d.evaluatedOn && (
                  <span className="muted tcd-inline">
                    đánh giá {formatDateVi(d.evaluatedOn)}
                    {d.evaluator ? ` bởi ${d.evaluator.name}` : ''}
                  </span>
                )}
              </dd>
            </dl>
            <div className="form-actions">
              <button
                type="button"
                className="btn"
                onClick={() => setEditing((v) => !v)}
                disabled={d.decided}
              >
                {editing ? 'Đóng sửa đăng ký' : 'Sửa đăng ký'}
              </button>
              <button
                type="button"
                className="btn"
                disabled={docs.busy}
                onClick={() => void docs.run('three-active-form', year, d.unit.code)}
              >
                Phiếu đăng ký (Word)
              </button>
              <button
                type="button"
                className="btn"
                disabled={docs.busy || d.evaluatedOn === null}
                onClick={() => void docs.run('three-active-record', year, d.unit.code)}
              >
                Biên bản đánh giá (Word)
              </button>
              <button
                type="button"
                className="btn btn-danger"
                disabled={d.decided}
                onClick={() => setConfirmRemove(true)}
              >
                Xóa đăng ký
              </button>
            </div>
            {docs.message && <p className="alert alert-success">{docs.message}</p>}
            {docs.error && <ErrorAlert error={docs.error} onClose={docs.clearError} />}
            {editing && (
              <RegistrationForm
                key={d.registeredOn}
                year={year}
                editing={d}
                deadline={deadline}
                onSaved={() => setEditing(false)}
              />
            )}
          </div>
          <FollowerPanel key={`f-${d.follower?.code ?? ''}`} detail={d} />
          <EvaluationPanel key={`e-${d.evaluatedOn ?? ''}-${d.result}-${d.decided}`} detail={d} />
          <ConfirmDialog
            open={confirmRemove}
            title="Xóa đăng ký"
            confirmLabel="Xóa đăng ký"
            danger
            busy={remove.isPending}
            onCancel={() => setConfirmRemove(false)}
            onConfirm={() => {
              setConfirmRemove(false)
              remove
                .mutateAsync({ year, unitCode: d.unit.code })
                .then(() => navigate({ to: '/3-chu-dong', search: { nam: year } }))
                .catch((e: unknown) => setError(toErrorInfo(e)))
            }}
          >
            Xóa đăng ký năm {year} của {d.unit.name}, cùng kết quả đánh giá (nếu có). Có thể hoàn tác ngay sau
            đó.
          </ConfirmDialog>
        </>
      )}
    </section>
  )
}
