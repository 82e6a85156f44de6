/**
 * A cadre's year at a glance: one cell per day (a row per month), its upper half the morning
 * and its lower half the afternoon, coloured by the content kind of the trip credited with
 * it; planned trips striped, half days claimed by two trips outlined in red (counted once,
 * RULES.md §3), exemption periods grey, days outside the service period faded. Gaps and
 * overlaps show at a glance; a click on a half day opens its trip.
 *
 * Self-contained (it loads 'trips.cadreYear'), for the cadre's page and the trip's page.
 */
import { useNavigate } from '@tanstack/react-router'
import type { StripDay, StripHalf } from '../../../../shared/api/trips'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatDays } from '../../../../shared/domain/format'
import {
  CONTENT_KINDS,
  CONTENT_KIND_LABELS,
  CONTENT_KIND_SHORT_LABELS,
  EXEMPTION_REASON_LABELS,
  TRIP_STATUS_LABELS
} from '../../../../shared/domain/kinds'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiQuery } from '../../lib/api'
import { toErrorInfo } from '../../lib/errors'
import '../../styles/trips.css'

interface Props {
  cadreCode: string
  year: number
  /** A trip to outline (the trip whose page shows the strip). */
  highlightTrip?: string | undefined
  /** Heading above the strip; the cadre's name and the year when omitted. */
  title?: string
}

const DAY_NUMBERS = Array.from({ length: 31 }, (_, i) => i + 1)

function halfTitle(label: string, half: StripHalf | null): string {
  if (!half) return `${label}: không đi`
  const others =
    half.others.length > 0 ? ` (trùng với ${half.others.join(', ')}: tính một lần cho ${half.tripCode})` : ''
  return `${label}: ${half.tripCode}, ${CONTENT_KIND_LABELS[half.kind]}, ${TRIP_STATUS_LABELS[half.status].toLowerCase()}${others}`
}

function dayTitle(day: StripDay): string {
  const lines = [formatDateVi(day.date), halfTitle('Sáng', day.halves[0]), halfTitle('Chiều', day.halves[1])]
  if (day.exempt) lines.push('Trong kỳ miễn giảm')
  if (day.outOfService) lines.push('Ngoài thời gian công tác')
  return lines.join('\n')
}

export function YearStrip({ cadreCode, year, highlightTrip, title }: Props) {
  const strip = useApiQuery('trips.cadreYear', { cadreCode, year })
  const navigate = useNavigate()
  if (strip.error) return <ErrorAlert error={toErrorInfo(strip.error)} />
  if (!strip.data) return <div className="year-strip year-strip-loading">Đang tải…</div>
  const data = strip.data

  const months: StripDay[][] = Array.from({ length: 12 }, () => [])
  for (const day of data.days) months[Number(day.date.slice(5, 7)) - 1]!.push(day)
  const open = (half: StripHalf | null) => {
    if (half) void navigate({ to: '/chuyen-di/$code', params: { code: half.tripCode } })
  }
  const halfClass = (half: StripHalf | null) => {
    if (!half) return 'strip-half'
    const classes = ['strip-half', `kind-${half.kind}`]
    if (half.status === 'DU_KIEN') classes.push('strip-planned')
    if (half.others.length > 0) classes.push('strip-overlap')
    if (half.tripCode === highlightTrip || half.others.includes(highlightTrip ?? '\u0000'))
      classes.push('strip-highlight')
    return classes.join(' ')
  }

  return (
    <figure className="year-strip" data-testid={`year-strip-${cadreCode}`}>
      <figcaption className="year-strip-head">
        <span className="year-strip-title">{title ?? `${data.cadre.fullName} · năm ${year}`}</span>
        <span className="year-strip-figures">
          <span>
            Được tính <b data-testid="strip-credited">{formatDays(data.creditedDays)}</b> ngày
          </span>
          {data.plannedDays > 0 && <span>dự kiến thêm {formatDays(data.plannedDays)} ngày</span>}
          {data.overlapDays > 0 && (
            <span className="strip-figure-overlap">trùng {formatDays(data.overlapDays)} ngày</span>
          )}
          <span>{data.trips} chuyến</span>
          {data.overdue > 0 && <span className="strip-figure-overdue">{data.overdue} quá hạn báo cáo</span>}
        </span>
      </figcaption>
      <div
        className="strip-grid"
        role="img"
        aria-label={`Lịch đi cơ sở năm ${year} của ${data.cadre.fullName}: được tính ${formatDays(data.creditedDays)} ngày, ${data.trips} chuyến`}
      >
        <div className="strip-row strip-row-head" aria-hidden="true">
          <span className="strip-month" />
          {DAY_NUMBERS.map((n) => (
            <span key={n} className="strip-daynum">
              {n % 5 === 0 || n === 1 ? n : ''}
            </span>
          ))}
        </div>
        {months.map((days, m) => (
          <div key={m} className="strip-row">
            <span className="strip-month">Th {m + 1}</span>
            {DAY_NUMBERS.map((n) => {
              const day = days[n - 1]
              if (!day) return <span key={n} className="strip-day strip-day-none" />
              const classes = ['strip-day']
              if (day.exempt) classes.push('strip-exempt')
              if (day.outOfService) classes.push('strip-out')
              return (
                <span key={n} className={classes.join(' ')} title={dayTitle(day)} data-date={day.date}>
                  <span className={halfClass(day.halves[0])} onClick={() => open(day.halves[0])} />
                  <span className={halfClass(day.halves[1])} onClick={() => open(day.halves[1])} />
                </span>
              )
            })}
          </div>
        ))}
      </div>
      <div className="strip-legend" aria-hidden="true">
        {CONTENT_KINDS.map((k) => (
          <span key={k} title={CONTENT_KIND_LABELS[k]}>
            <i className={`strip-swatch kind-${k}`} />
            {CONTENT_KIND_SHORT_LABELS[k]}
          </span>
        ))}
        <span>
          <i className="strip-swatch kind-CHUYEN_DE strip-planned" />
          Dự kiến
        </span>
        <span>
          <i className="strip-swatch kind-PHOI_HOP strip-overlap" />
          Trùng (tính một lần)
        </span>
        <span>
          <i className="strip-swatch strip-exempt" />
          Miễn giảm
        </span>
        <span>
          <i className="strip-swatch strip-out" />
          Ngoài thời gian công tác
        </span>
        <span className="strip-legend-note">Ô trên: sáng · ô dưới: chiều</span>
      </div>
      {data.exemptions.length > 0 && (
        <p className="strip-exemptions">
          Miễn giảm:{' '}
          {data.exemptions
            .map((e) => `${EXEMPTION_REASON_LABELS[e.reason]} ${formatDateVi(e.from)}–${formatDateVi(e.to)}`)
            .join('; ')}
        </p>
      )}
    </figure>
  )
}
