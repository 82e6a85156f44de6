/**
 * The year's headline figures (Tổng hợp năm and Tổng quan show the same strip, in the same
 * words): one component, so the two pages can never disagree on a label or a format.
 */
import { formatDays, formatNumberVi, formatPercent } from '../../../../shared/domain/format'
import type { YearTotals } from '../../../../shared/domain/summary'

interface Stat {
  id: string
  label: string
  value: string
  note?: string
  tone?: 'warn'
}

interface Props {
  totals: YearTotals
  /** While the year runs, "Chậm tiến độ" counts cadres behind pace; after it, a dash. */
  inProgress: boolean
  className?: string
}

export function TotalsStrip({ totals: t, inProgress, className }: Props) {
  const stats: Stat[] = [
    { id: 'cadres', label: 'Tổng số cán bộ', value: formatNumberVi(t.cadres) },
    { id: 'subject', label: 'Thuộc đối tượng', value: formatNumberVi(t.subject) },
    { id: 'exempt', label: 'Miễn', value: formatNumberVi(t.exempt) },
    {
      id: 'completed',
      label: 'Hoàn thành',
      value: formatNumberVi(t.completed),
      note: `tỉ lệ ${formatPercent(t.completionRate)}`
    },
    { id: 'total-days', label: 'Tổng số ngày', value: formatDays(t.totalDays) },
    { id: 'average', label: 'Bình quân/người', value: formatNumberVi(t.averageDays, 2), note: 'ngày' },
    inProgress
      ? {
          id: 'behind',
          label: 'Chậm tiến độ',
          value: formatNumberVi(t.behindPace),
          note: 'cán bộ',
          ...(t.behindPace > 0 ? { tone: 'warn' as const } : {})
        }
      : { id: 'behind', label: 'Chậm tiến độ', value: '—', note: 'năm đã kết thúc' }
  ]
  return (
    <div className={className ? `stats ${className}` : 'stats'}>
      {stats.map((s) => (
        <div
          key={s.id}
          className={s.tone === 'warn' ? 'stat stat-warn' : 'stat'}
          data-testid={`stat-${s.id}`}
        >
          <div className="stat-label">{s.label}</div>
          <div className="stat-value">{s.value}</div>
          {s.note && <div className="stat-note">{s.note}</div>}
        </div>
      ))}
    </div>
  )
}
