/**
 * Progress per department: days done by its subject cadres against the sum of their targets
 * (solid tick), with the share of the target written after the bar.
 */
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import { formatDays, formatNumberVi, formatPercent } from '../../../../../shared/domain/format'
import type { DepartmentProgress } from '../../../../../shared/domain/progress'
import { numberTick, roundTicks } from './axis'
import { rowLabel, tickMark } from './marks'
import { FitChart } from './FitChart'
import { AXIS_TICK, COLORS, ROW_HEIGHT, TICK, type TooltipProps } from './palette'
import type { LegendEntry } from './png'

interface Row extends DepartmentProgress {
  labelAt: number
}

export const DEPARTMENT_LEGEND: LegendEntry[] = [
  { label: 'Số ngày đã đi', color: COLORS.done, shape: 'box' },
  { label: 'Tổng chỉ tiêu của ban', color: COLORS.target, shape: 'tick' }
]

function DepartmentTooltip({ active, payload }: TooltipProps) {
  const row = active ? (payload?.[0]?.payload as Row | undefined) : undefined
  if (!row) return null
  return (
    <div className="chart-tooltip">
      <strong>{row.departmentName}</strong>
      <table>
        <tbody>
          <tr>
            <td>Cán bộ thuộc đối tượng</td>
            <td className="num">{formatNumberVi(row.subject)}</td>
          </tr>
          <tr>
            <td>Hoàn thành</td>
            <td className="num">{formatNumberVi(row.completed)}</td>
          </tr>
          <tr>
            <td>Chậm tiến độ</td>
            <td className="num">{formatNumberVi(row.behindPace)}</td>
          </tr>
          <tr className="tooltip-total">
            <td>Đã đi / chỉ tiêu</td>
            <td className="num">
              {formatDays(row.days)} / {formatDays(row.target)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  )
}

interface Props {
  departments: readonly DepartmentProgress[]
  /** Set while printing (FitChart). */
  printWidth: number | null
}

export function DepartmentChart({ departments, printWidth }: Props) {
  const rows: Row[] = departments.map((d) => ({ ...d, labelAt: Math.max(d.days, d.target) }))
  const ticks = roundTicks(Math.max(...rows.map((r) => r.labelAt), 1), 5)
  const max = ticks[ticks.length - 1] ?? 1
  const height = rows.length * ROW_HEIGHT + 36
  return (
    <FitChart height={height} printWidth={printWidth}>
      <ComposedChart
        layout="vertical"
        data={rows}
        margin={{ top: 4, right: 128, bottom: 4, left: 4 }}
        barCategoryGap={7}
      >
        <CartesianGrid horizontal={false} stroke={COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, max]}
          ticks={ticks}
          tickFormatter={numberTick}
          tick={AXIS_TICK}
          stroke={COLORS.axis}
        />
        <YAxis type="category" dataKey="departmentName" width={168} tick={TICK} stroke={COLORS.axis} />
        <Tooltip
          content={DepartmentTooltip}
          cursor={{ fill: 'rgba(11, 79, 156, 0.06)' }}
          isAnimationActive={false}
        />
        <Bar dataKey="days" name="Số ngày đã đi" fill={COLORS.done} barSize={16} isAnimationActive={false} />
        <Line
          dataKey="target"
          stroke="none"
          dot={tickMark(COLORS.target, false, 'department-target')}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
        />
        <Line
          dataKey="labelAt"
          stroke="none"
          dot={rowLabel(
            (r: Row) =>
              `${formatDays(r.days)} / ${formatDays(r.target)} (${formatPercent(r.shareOfTarget, 0)})`
          )}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
          tooltipType="none"
        />
      </ComposedChart>
    </FitChart>
  )
}
