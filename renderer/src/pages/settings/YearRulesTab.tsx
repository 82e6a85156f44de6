/**
 * Quy định năm: the regime's numbers of one year and its legal basis. While the clerk edits,
 * the cadres whose status would change are listed beside the form ("trạng thái hiện tại →
 * sau khi đổi"), computed by the service with the year summary under the typed rules; the
 * rules themselves are never computed here.
 */
import { zodResolver } from '@hookform/resolvers/zod'
import { keepPreviousData } from '@tanstack/react-query'
import { getRouteApi } from '@tanstack/react-router'
import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { z } from 'zod'
import { yearRulesSchema, type YearRules, type YearRulesPreview } from '../../../../shared/api/settings'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import { legalBasisLines } from '../../../../shared/domain/issuer'
import { CONTENT_KIND_SHORT_LABELS } from '../../../../shared/domain/kinds'
import { defaultYearSettings } from '../../../../shared/domain/settings'
import { STATUS_LABELS, type CadreStatus } from '../../../../shared/domain/summary'
import { ErrorAlert } from '../../components/ErrorAlert'
import { CheckboxInput, DateInput, TextInput } from '../../components/form/fields'
import { applyServerErrors } from '../../components/form/server-errors'
import { useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { DecimalInput } from './DecimalInput'

const routeApi = getRouteApi('/cai-dat')

type Input = z.input<typeof yearRulesSchema>
type Values = z.output<typeof yearRulesSchema>

const FIELDS = [
  'targetDays',
  'windowStart',
  'windowEnd',
  'minSubjectDays',
  'behindPaceDays',
  'reportDueDays',
  'yearReportDeadline',
  'legalBasis'
] as const

function toInput(rules: YearRules): Input {
  return {
    year: rules.year,
    targetDays: rules.targetDays,
    windowStart: rules.windowStart,
    windowEnd: rules.windowEnd,
    minSubjectDays: rules.minSubjectDays,
    behindPaceDays: rules.behindPaceDays,
    reportDueDays: rules.reportDueDays,
    yearReportDeadline: rules.yearReportDeadline,
    ratioRules: rules.ratioRules.map((r) => ({ ...r, kinds: [...r.kinds] })),
    legalBasis: rules.legalBasis ?? ''
  }
}

/** The same value for `delay` ms before it is passed on (a preview per keystroke would be wasted work). */
function useSettled<T>(value: T, delay = 300): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}

export function YearRulesTab({ year }: { year: number | undefined }) {
  const navigate = routeApi.useNavigate()
  const listing = useApiQuery('years.list', {})
  const chosen = year ?? listing.data?.currentYear
  const rules = useApiQuery('settings.getYear', { year: chosen ?? 0 }, { enabled: chosen !== undefined })

  if (listing.error) return <ErrorAlert error={toErrorInfo(listing.error)} />
  if (!listing.data || chosen === undefined) return <p className="loading">Đang tải…</p>
  // The years with data, the current year and the next one (rules are set before the year starts).
  const years = [...new Set([listing.data.currentYear + 1, ...listing.data.years, chosen])].sort(
    (a, b) => b - a
  )

  return (
    <div className="year-rules">
      <div className="toolbar settings-toolbar">
        <div className="field">
          <label htmlFor="settings-year">Năm</label>
          <select
            id="settings-year"
            className="input"
            value={chosen}
            onChange={(e) => void navigate({ search: { tab: 'nam', nam: Number(e.target.value) } })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {rules.data && (
          <span className="muted settings-year-note">
            {rules.data.stored
              ? `Năm ${chosen} đã có quy định riêng.`
              : `Năm ${chosen} đang dùng quy định mặc định (60 ngày, cả năm); lưu để đặt quy định riêng.`}
          </span>
        )}
      </div>
      {rules.error && <ErrorAlert error={toErrorInfo(rules.error)} />}
      {rules.data && rules.data.year === chosen && <YearRulesForm key={chosen} stored={rules.data} />}
    </div>
  )
}

function YearRulesForm({ stored }: { stored: YearRules }) {
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(yearRulesSchema),
    defaultValues: toInput(stored)
  })
  const { errors, isDirty } = form.formState
  const save = useApiMutation('settings.saveYear')
  const [banner, setBanner] = useState<ErrorInfo | null>(null)

  // What is stored changed (a save, "Hoàn tác"): show it unless the clerk is editing.
  useEffect(() => {
    if (!isDirty) form.reset(toInput(stored))
  }, [stored, isDirty, form])

  // The preview follows what is typed as soon as it is valid and differs from what is stored.
  const watched = useWatch({ control: form.control })
  const parsed = yearRulesSchema.safeParse(watched)
  const proposed = useSettled(parsed.success && isDirty ? JSON.stringify(parsed.data) : null)
  const preview = useApiQuery(
    'settings.previewYear',
    proposed ? (JSON.parse(proposed) as Values) : toInput(stored),
    { enabled: proposed !== null, placeholderData: keepPreviousData }
  )

  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    try {
      const result = await save.mutateAsync(values)
      form.reset(toInput(result.value))
    } catch (error) {
      setBanner(applyServerErrors(error, form.setError, FIELDS))
    }
  })

  const ratioRules = watched.ratioRules ?? []
  const legal = legalBasisLines(watched.legalBasis ?? '')

  return (
    <div className="settings-two-columns year-rules-columns">
      <form
        className="panel settings-form"
        aria-label={`Quy định năm ${stored.year}`}
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        {banner && <ErrorAlert error={banner} onClose={() => setBanner(null)} />}
        <fieldset className="settings-fieldset">
          <legend>Chỉ tiêu và thời gian tính</legend>
          <div className="form-grid settings-grid">
            <DecimalInput
              label="Chỉ tiêu (ngày/năm)"
              control={form.control}
              name="targetDays"
              error={errors.targetDays?.message}
              hint="Cán bộ thuộc đối tượng cả năm; tính theo nửa ngày"
              unit="ngày"
              required
            />
            <DecimalInput
              label="Số ngày thuộc đối tượng tối thiểu"
              control={form.control}
              name="minSubjectDays"
              error={errors.minSubjectDays?.message}
              hint="Ít hơn: không đánh giá (miễn)"
              unit="ngày"
              required
            />
            <DateInput
              label="Tính từ ngày"
              control={form.control}
              name="windowStart"
              error={errors.windowStart?.message}
              referenceYear={stored.year}
              required
            />
            <DateInput
              label="Đến ngày"
              control={form.control}
              name="windowEnd"
              error={errors.windowEnd?.message}
              referenceYear={stored.year}
              required
            />
          </div>
        </fieldset>

        <fieldset className="settings-fieldset">
          <legend>Tỉ lệ cơ cấu nội dung (trên số ngày đã đi)</legend>
          {ratioRules.length === 0 && <p className="muted">Năm này không có quy tắc tỉ lệ.</p>}
          {ratioRules.map((rule, i) => (
            <div className="ratio-rule" key={rule?.id ?? i}>
              <CheckboxInput label="Áp dụng" registration={form.register(`ratioRules.${i}.enabled`)} />
              <div className="ratio-rule-label">
                <TextInput
                  label={`Quy tắc: ${(rule?.kinds ?? []).map((k) => CONTENT_KIND_SHORT_LABELS[k]).join(' + ')}`}
                  registration={form.register(`ratioRules.${i}.label`)}
                  error={errors.ratioRules?.[i]?.label?.message}
                  required
                />
              </div>
              <DecimalInput
                label="Tối thiểu"
                control={form.control}
                name={`ratioRules.${i}.minPercent`}
                error={errors.ratioRules?.[i]?.minPercent?.message}
                unit="%"
                required
              />
            </div>
          ))}
        </fieldset>

        <fieldset className="settings-fieldset">
          <legend>Tiến độ và báo cáo</legend>
          <div className="form-grid settings-grid">
            <DecimalInput
              label="Ngưỡng chậm tiến độ"
              control={form.control}
              name="behindPaceDays"
              error={errors.behindPaceDays?.message}
              hint="Chậm khi thiếu hơn chừng này ngày so với dự kiến"
              unit="ngày"
              required
            />
            <DecimalInput
              label="Hạn báo cáo sau chuyến đi"
              control={form.control}
              name="reportDueDays"
              error={errors.reportDueDays?.message}
              hint="Số ngày sau khi chuyến đi kết thúc"
              unit="ngày"
              required
            />
            <DateInput
              label="Hạn gửi báo cáo năm"
              control={form.control}
              name="yearReportDeadline"
              error={errors.yearReportDeadline?.message}
              referenceYear={stored.year}
              nullable
              hint="dd/mm/yyyy, có thể để trống"
            />
          </div>
        </fieldset>

        <fieldset className="settings-fieldset">
          <legend>Căn cứ pháp lý của năm</legend>
          <TextInput
            label="Căn cứ (mỗi căn cứ một dòng)"
            registration={form.register('legalBasis')}
            error={errors.legalBasis?.message}
            hint={
              legal.length > 0
                ? `In ở đầu báo cáo năm và kế hoạch quý: ${legal.length} dòng, dòng cuối kết thúc bằng dấu phẩy.`
                : 'Để trống: văn bản mở đầu bằng "Thực hiện chủ trương của Ban Bí thư Trung ương Đoàn…".'
            }
            multiline
            placeholder="Căn cứ Hướng dẫn số …-HD/TWĐTN-BTC ngày … của Ban Bí thư Trung ương Đoàn về …"
          />
        </fieldset>

        <div className="form-actions">
          <button
            type="button"
            className="btn"
            onClick={() =>
              form.reset(
                toInput({
                  ...defaultYearSettings(stored.year),
                  legalBasis: form.getValues('legalBasis') ?? null
                }),
                { keepDefaultValues: true }
              )
            }
          >
            Dùng số liệu mặc định
          </button>
          {isDirty && (
            <button type="button" className="btn" onClick={() => form.reset(toInput(stored))}>
              Hoàn lại
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={save.isPending || !isDirty}>
            {save.isPending ? 'Đang lưu…' : `Lưu quy định năm ${stored.year}`}
          </button>
        </div>
      </form>

      <StatusChanges
        dirty={isDirty}
        valid={parsed.success}
        pending={proposed === null ? false : preview.isFetching}
        preview={proposed === null ? null : (preview.data ?? null)}
        error={proposed === null || !preview.error ? null : toErrorInfo(preview.error)}
      />
    </div>
  )
}

interface ChangesProps {
  dirty: boolean
  valid: boolean
  pending: boolean
  preview: YearRulesPreview | null
  error: ErrorInfo | null
}

function StatusBadge({ status, behind }: { status: CadreStatus | null; behind: boolean }) {
  if (status === null) return <span className="muted">không trong danh sách năm</span>
  return (
    <span className="status-with-pace">
      <span className={`badge badge-${status.toLowerCase()}`}>{STATUS_LABELS[status]}</span>
      {behind && <span className="badge badge-behind">Chậm tiến độ</span>}
    </span>
  )
}

function target(value: number | null): string {
  return value === null ? '—' : formatDays(value)
}

function StatusChanges({ dirty, valid, pending, preview, error }: ChangesProps) {
  return (
    <section
      className="panel status-changes"
      aria-labelledby="status-changes-title"
      data-testid="status-changes"
      aria-live="polite"
    >
      <h2 id="status-changes-title">Cán bộ đổi trạng thái nếu lưu</h2>
      {!dirty && (
        <p className="muted">Sửa quy định bên trái để xem trước cán bộ nào đổi trạng thái, trước khi lưu.</p>
      )}
      {dirty && !valid && <p className="muted">Sửa các ô đang báo lỗi để xem trước.</p>}
      {dirty && valid && error && <ErrorAlert error={error} />}
      {dirty && valid && !preview && !error && <p className="loading">Đang tính…</p>}
      {dirty && valid && preview && (
        <>
          <p className="status-changes-lead">
            {preview.inProgress ? `Tính đến ngày ${formatDateVi(preview.asOf)}. ` : 'Kết quả cả năm. '}
            Hoàn thành: <b>{preview.completedBefore}</b> → <b>{preview.completedAfter}</b> trên{' '}
            {preview.subjectAfter === preview.subjectBefore
              ? `${preview.subjectAfter} cán bộ thuộc đối tượng`
              : `${preview.subjectBefore} → ${preview.subjectAfter} cán bộ thuộc đối tượng`}
            .{pending && <span className="loading"> Đang tính lại…</span>}
          </p>
          {preview.changes.length === 0 ? (
            <p className="settings-note">Không cán bộ nào đổi trạng thái.</p>
          ) : (
            <table className="data-table status-changes-table">
              <thead>
                <tr>
                  <th>Cán bộ</th>
                  <th className="num">Số ngày</th>
                  <th className="num">Chỉ tiêu</th>
                  <th>Trạng thái hiện tại → sau khi đổi</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.map((c) => (
                  <tr key={c.code}>
                    <td>
                      <div className="cell-strong">{c.name}</div>
                      <div className="cadre-sub">
                        {c.code} · {c.departmentName}
                      </div>
                    </td>
                    <td className="num">{formatDays(c.daysAfter ?? c.daysBefore ?? 0)}</td>
                    <td className="num">
                      {c.targetBefore === c.targetAfter
                        ? target(c.targetAfter)
                        : `${target(c.targetBefore)} → ${target(c.targetAfter)}`}
                    </td>
                    <td>
                      <div className="status-change">
                        <StatusBadge status={c.before} behind={c.behindBefore} />
                        <span className="status-arrow" aria-label="thành">
                          →
                        </span>
                        <StatusBadge status={c.after} behind={c.behindAfter} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
