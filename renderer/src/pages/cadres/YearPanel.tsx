/**
 * The chosen year at a glance, from the year summary (CadreYearResult): status, subject days,
 * target, days done by content kind, ratios against the year's rules, pace and forecast.
 */
import type { CadreYearView } from '../../../../shared/api/cadres'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays, formatNumberVi, formatPercent } from '../../../../shared/domain/format'
import { CONTENT_KINDS, CONTENT_KIND_LABELS } from '../../../../shared/domain/kinds'
import { STATUS_LABELS } from '../../../../shared/domain/summary'

export function YearPanel({ view }: { view: CadreYearView }) {
  const r = view.result
  return (
    <section
      className="panel cadre-panel cadre-year"
      aria-labelledby="cadre-year-title"
      data-testid="cadre-year"
    >
      <h2 id="cadre-year-title">
        Năm {view.year}{' '}
        <span className="panel-note">
          ·{' '}
          {view.inProgress
            ? `tính đến ${formatDateVi(view.asOf)}`
            : `cả năm, đến ${formatDateVi(view.windowEnd)}`}
        </span>
      </h2>
      {!r ? (
        <p className="muted">
          Cán bộ không công tác trong khoảng tính của năm {view.year} ({formatDateVi(view.windowStart)} –{' '}
          {formatDateVi(view.windowEnd)}), nên không có trong danh sách năm này.
        </p>
      ) : (
        <>
          <div className="cadre-status-line">
            <span className={`badge badge-${r.status.toLowerCase()}`} data-testid="cadre-status">
              {STATUS_LABELS[r.status]}
            </span>
            {r.reason && <span className="status-reason cadre-reason">{r.reason}</span>}
            {r.pace?.behind && <span className="badge badge-behind">Chậm tiến độ</span>}
          </div>
          <dl className="cadre-figures">
            <div data-testid="figure-subject-days">
              <dt>Số ngày thuộc diện</dt>
              <dd>{formatNumberVi(r.subjectDays)}</dd>
            </div>
            <div data-testid="figure-target">
              <dt>Chỉ tiêu</dt>
              <dd>{r.target === null ? '—' : formatDays(r.target)}</dd>
            </div>
            <div data-testid="figure-days">
              <dt>Đã đi</dt>
              <dd>
                {formatDays(r.days)} <span className="figure-unit">ngày · {r.tripCount} chuyến</span>
              </dd>
            </div>
            <div data-testid="figure-pace">
              <dt>Tiến độ</dt>
              <dd className="figure-small">
                {r.pace ? `Cần đạt ${formatDays(r.pace.expectedDays)} ngày` : '—'}
              </dd>
            </div>
            <div data-testid="figure-forecast">
              <dt>Kể cả dự kiến</dt>
              <dd>{formatDays(r.forecastDays)}</dd>
            </div>
          </dl>
          <div className="cadre-year-tables">
            <table className="data-table cadre-kinds">
              <thead>
                <tr>
                  <th>Loại nội dung</th>
                  <th className="num">Số ngày</th>
                  <th className="num">Tỉ lệ</th>
                </tr>
              </thead>
              <tbody>
                {CONTENT_KINDS.map((kind) => (
                  <tr key={kind} data-kind={kind}>
                    <td>{CONTENT_KIND_LABELS[kind]}</td>
                    <td className="num">{formatDays(r.daysByKind[kind])}</td>
                    <td className="num">{r.days === 0 ? '—' : formatPercent(r.daysByKind[kind] / r.days)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="data-table cadre-ratios">
              <thead>
                <tr>
                  <th>Tỉ lệ cơ cấu</th>
                  <th className="num">Yêu cầu</th>
                  <th className="num">Đạt</th>
                </tr>
              </thead>
              <tbody>
                {view.ratioRules.map((rule) => {
                  const check = r.ratioChecks.find((c) => c.ruleId === rule.id)
                  const share = check?.share ?? 0
                  const low = rule.enabled && check !== undefined && !check.met
                  return (
                    <tr key={rule.id} data-rule={rule.id}>
                      <td>{rule.label}</td>
                      <td className="num">
                        {rule.enabled ? `≥ ${formatNumberVi(rule.minPercent)}%` : 'không xét'}
                      </td>
                      <td className="num">
                        <span
                          className={low ? 'ratio ratio-low' : 'ratio'}
                          title={low ? `Dưới mức tối thiểu ${formatNumberVi(rule.minPercent)}%` : undefined}
                        >
                          {formatPercent(share)}
                        </span>
                      </td>
                    </tr>
                  )
                })}
                {view.ratioRules.length === 0 && (
                  <tr>
                    <td colSpan={3} className="muted">
                      Năm {view.year} không đặt quy tắc tỉ lệ.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
