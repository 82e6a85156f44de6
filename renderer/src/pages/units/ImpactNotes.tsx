/**
 * What ending units on a day would leave behind, said before the clerk confirms: units still
 * under them (closing is refused; a merge moves them to the target) and trips to them after
 * that day (they stay as they are: the trip went to that unit).
 */
import { Link } from '@tanstack/react-router'
import { formatDateVi } from '../../../../shared/domain/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'

const SHOWN_TRIPS = 5

interface Props {
  codes: string[]
  lastDay: string
  mode: 'close' | 'merge'
}

export function ImpactNotes({ codes, lastDay, mode }: Props) {
  const impact = useApiQuery('units.impact', { codes, lastDay }, { enabled: codes.length > 0 })
  if (impact.error) return <ErrorAlert error={toErrorInfo(impact.error)} />
  const data = impact.data
  if (!data) return null
  const { openChildren, tripsAfter } = data
  return (
    <div className="unit-impact" data-testid="unit-impact">
      {openChildren.length > 0 && (
        <div className={mode === 'close' ? 'unit-note unit-note-bad' : 'unit-note'}>
          {mode === 'close'
            ? `Chưa thể ngừng hoạt động: sau ngày ${formatDateVi(lastDay)} vẫn còn ${openChildren.length} đơn vị trực thuộc. Hãy chuyển các đơn vị này sang đơn vị cấp trên khác trước: `
            : `${openChildren.length} đơn vị trực thuộc sẽ chuyển sang trực thuộc đơn vị nhận sáp nhập từ ngày sáp nhập: `}
          {openChildren.map((c, i) => (
            <span key={c.child.code}>
              {i > 0 && ', '}
              <Link to="/don-vi/$code" params={{ code: c.child.code }}>
                {c.child.name}
              </Link>
            </span>
          ))}
          .
        </div>
      )}
      {tripsAfter.length > 0 && (
        <div className="unit-note unit-note-warn">
          Lưu ý: có {tripsAfter.length} chuyến đi đến {codes.length > 1 ? 'các đơn vị này' : 'đơn vị này'} kết
          thúc sau ngày {formatDateVi(lastDay)} (
          {tripsAfter
            .slice(0, SHOWN_TRIPS)
            .map((t) => `${t.code} ngày ${formatDateVi(t.startDate)}`)
            .join('; ')}
          {tripsAfter.length > SHOWN_TRIPS && `; và ${tripsAfter.length - SHOWN_TRIPS} chuyến khác`}). Các
          chuyến đi vẫn giữ nguyên đơn vị đã đến; hãy kiểm tra lại nếu cần.
        </div>
      )}
    </div>
  )
}
