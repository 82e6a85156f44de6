/** Days done per month this year against last year (months not reached yet have no bar). */
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts'
import type { DashboardMonth } from '../../../../../shared/api/dashboard'
import { formatDays } from '../../../../../shared/domain/format'
import { numberTick, roundTicks } from './axis'
import { FitChart } from './FitChart'
import { AXIS_TICK, CHART_FONT, COLORS, TICK, type TooltipProps } from './palette'
import type { LegendEntry } from './png'

export function monthsLegend(
  year: number,
  previousYear: number,
  previousYearHasTrips: boolean
): LegendEntry[] {
  return [
    { label: `Năm ${year}`, color: COLORS.done, shape: 'box' },
    {
      label: previousYearHasTrips ? `Năm ${previousYear}` : `Năm ${previousYear} (chưa có chuyến đi)`,
      color: COLORS.previous,
      shape: 'box'
    }
  ]
}

function MonthTooltip({
  active,
  payload,
  year,
  previousYear
}: TooltipProps & { year: number; previousYear: number }) {
  const row = active ? (payload?.[0]?.payload as DashboardMonth | undefined) : undefined
  if (!row) return null
  return (
    <div className="chart-tooltip">
      <strong>Tháng {row.month}</strong>
      <table>
        <tbody>
          <tr>
            <td>Năm {year}</td>
            <td className="num">{row.days === null ? 'chưa đến' : `${formatDays(row.days)} ngày`}</td>
          </tr>
          <tr>
            <td>Năm {previousYear}</td>
            <td className="num">
              {row.previousDays === null ? '—' : `${formatDays(row.previousDays)} ngày`}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  )
}

interface Props {
  months: readonly DashboardMonth[]
  year: number
  previousYear: number
  /** Set while printing (FitChart). */
  printWidth: number | null
}

export function MonthsChart({ months, year, previousYear, printWidth }: Props) {
  const ticks = roundTicks(Math.max(...months.map((m) => Math.max(m.days ?? 0, m.previousDays ?? 0)), 1), 5)
  const max = ticks[ticks.length - 1] ?? 1
  return (
    <FitChart height={250} printWidth={printWidth}>
      <BarChart
        data={[...months]}
        margin={{ top: 18, right: 8, bottom: 0, left: 0 }}
        barGap={1}
        barCategoryGap="18%"
      >
        <CartesianGrid vertical={false} stroke={COLORS.grid} />
        <XAxis
          dataKey="month"
          tickFormatter={(m: number) => `T${m}`}
          tick={TICK}
          stroke={COLORS.axis}
          interval={0}
        />
        <YAxis
          domain={[0, max]}
          ticks={ticks}
          tickFormatter={numberTick}
          tick={AXIS_TICK}
          stroke={COLORS.axis}
          width={40}
        />
        <Tooltip
          content={(props: TooltipProps) => (
            <MonthTooltip {...props} year={year} previousYear={previousYear} />
          )}
          cursor={{ fill: 'rgba(11, 79, 156, 0.06)' }}
          isAnimationActive={false}
        />
        <Bar
          dataKey="previousDays"
          name={`Năm ${previousYear}`}
          fill={COLORS.previous}
          isAnimationActive={false}
        />
        <Bar dataKey="days" name={`Năm ${year}`} fill={COLORS.done} isAnimationActive={false}>
          <LabelList
            dataKey="days"
            position="top"
            formatter={(v: unknown) => (typeof v === 'number' ? formatDays(v) : '')}
            style={{ fontSize: 11, fill: COLORS.text, fontFamily: CHART_FONT }}
          />
        </Bar>
      </BarChart>
    </FitChart>
  )
}
