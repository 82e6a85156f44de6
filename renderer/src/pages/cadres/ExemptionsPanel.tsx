/**
 * "Miễn giảm" of the record page: the cadre's exemption periods, add / change one in a form
 * that shows its effect before saving, delete one after confirming (and "Hoàn tác" after).
 */
import { useState } from 'react'
import type { CadreDetail, ExemptionRecord } from '../../../../shared/api/cadres'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatNumberVi } from '../../../../shared/domain/format'
import { EXEMPTION_REASON_LABELS } from '../../../../shared/domain/kinds'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiMutation } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import { ExemptionForm } from './ExemptionForm'

type Editing = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; period: ExemptionRecord }

function periodText(e: ExemptionRecord): string {
  return `${EXEMPTION_REASON_LABELS[e.reason]} ${formatDateVi(e.from)} – ${formatDateVi(e.to)}`
}

export function ExemptionsPanel({ detail }: { detail: CadreDetail }) {
  const [editing, setEditing] = useState<Editing>({ kind: 'closed' })
  const [deleting, setDeleting] = useState<ExemptionRecord | null>(null)
  const remove = useApiMutation('exemptions.delete')
  const periods = detail.exemptions

  return (
    <section
      className="panel cadre-panel"
      aria-labelledby="cadre-exemptions-title"
      data-testid="cadre-exemptions"
    >
      <div className="panel-head">
        <h2 id="cadre-exemptions-title">Miễn giảm</h2>
        {editing.kind === 'closed' && (
          <button type="button" className="btn btn-small" onClick={() => setEditing({ kind: 'new' })}>
            Thêm kỳ miễn giảm
          </button>
        )}
      </div>
      {remove.error && <ErrorAlert error={toErrorInfo(remove.error)} onClose={() => remove.reset()} />}
      {periods.length === 0 ? (
        editing.kind === 'closed' && (
          <p className="muted">Chưa có kỳ miễn giảm nào (học tập, ốm đau dài hạn, thai sản…).</p>
        )
      ) : (
        <table className="data-table exemption-table">
          <thead>
            <tr>
              <th>Lý do</th>
              <th>Từ ngày</th>
              <th>Đến ngày</th>
              <th className="num">Số ngày</th>
              <th>Ghi chú</th>
              <th aria-label="Thao tác" />
            </tr>
          </thead>
          <tbody>
            {periods.map((e) => (
              <tr key={e.id} data-exemption={e.id}>
                <td>
                  {EXEMPTION_REASON_LABELS[e.reason]}
                  {e.overlapsWith.length > 0 && (
                    <span
                      className="badge badge-dat_ngay_chua_dat_co_cau exemption-overlap"
                      title="Trùng ngày với kỳ miễn giảm khác; ngày trùng chỉ tính một lần"
                    >
                      Trùng ngày
                    </span>
                  )}
                </td>
                <td>{formatDateVi(e.from)}</td>
                <td>{formatDateVi(e.to)}</td>
                <td className="num">{formatNumberVi(e.days)}</td>
                <td className="exemption-note">{e.note ?? ''}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setEditing({ kind: 'edit', period: e })}
                    aria-label={`Sửa kỳ ${periodText(e)}`}
                  >
                    Sửa
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setDeleting(e)}
                    aria-label={`Xóa kỳ ${periodText(e)}`}
                  >
                    Xóa
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing.kind !== 'closed' && (
        <ExemptionForm
          key={editing.kind === 'edit' ? editing.period.id : 'new'}
          cadreCode={detail.cadre.code}
          year={detail.year.year}
          editing={editing.kind === 'edit' ? editing.period : null}
          onClose={() => setEditing({ kind: 'closed' })}
        />
      )}
      {/* Mounted only while asked: one dialog at a time keeps its title the dialog's name. */}
      {deleting && (
        <ConfirmDialog
          open
          title="Xóa kỳ miễn giảm?"
          confirmLabel="Xóa"
          danger
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            remove.mutate({ id: deleting.id }, { onSettled: () => setDeleting(null) })
          }}
        >
          <p>
            Xóa kỳ <b>{periodText(deleting)}</b> của {detail.cadre.fullName}? Chỉ tiêu các năm liên quan sẽ
            được tính lại. Có thể bấm “Hoàn tác” ngay sau khi xóa.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
