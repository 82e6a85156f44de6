/**
 * One bar per subject cadre: days done, stacked by content kind, with the target (solid tick)
 * and, while the year runs, the days expected by the as-of date (dashed tick; only for cadres
 * the summary shows a pace for: a cadre who reached the target has no mark to chase). A click
 * on a cadre's bar or name opens the cadre.
 */
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import type { BarRectangleItem, YAxisTickContentProps } from 'recharts'
import type { DashboardCadre } from '../../../../../shared/api/dashboard'
import { formatDateVi } from '../../../../../shared/domain/dates'
import { formatDays } from '../../../../../shared/domain/format'
import {
  CONTENT_KIND_SHORT_LABELS,
  CONTENT_KINDS,
  type ContentKind
} from '../../../../../shared/domain/kinds'
import { STATUS_LABELS } from '../../../../../shared/domain/summary'
import { numberTick, roundTicks } from './axis'
import { rowLabel, tickMark } from './marks'
import { FitChart } from './FitChart'
import { AXIS_TICK, COLORS, KIND_COLORS, ROW_HEIGHT, TICK, type TooltipProps } from './palette'
import type { LegendEntry } from './png'

interface Row extends Record<ContentKind, number> {
  code: string
  name: string
  days: number
  target: number | null
  expected: number | null
  labelAt: number
  cadre: DashboardCadre
}

export function cadreLegend(inProgress: boolean, asOf: string): LegendEntry[] {
  return [
    ...CONTENT_KINDS.map((k) => ({
      label: CONTENT_KIND_SHORT_LABELS[k],
      color: KIND_COLORS[k],
      shape: 'box' as const
    })),
    { label: 'Chỉ tiêu', color: COLORS.target, shape: 'tick' as const },
    ...(inProgress
      ? [
          {
            label: `Cần đạt đến ${formatDateVi(asOf)}`,
            color: COLORS.expected,
            shape: 'dashed-tick' as const
          }
        ]
      : [])
  ]
}

function rowsOf(cadres: readonly DashboardCadre[]): Row[] {
  return cadres.map((c) => {
    const expected = c.pace ? c.pace.expectedDays : null
    return {
      ...c.daysByKind,
      code: c.code,
      name: c.name,
      days: c.days,
      target: c.target,
      expected,
      labelAt: Math.max(c.days, c.target ?? 0, expected ?? 0),
      cadre: c
    }
  })
}

function CadreTooltip({ active, payload }: TooltipProps) {
  const row = active ? (payload?.[0]?.payload as Row | undefined) : undefined
  if (!row) return null
  const c = row.cadre
  return (
    <div className="chart-tooltip">
      <strong>
        {c.name} ({c.code})
      </strong>
      <div className="muted">{c.departmentName}</div>
      <table>
        <tbody>
          {CONTENT_KINDS.map((k) => (
            <tr key={k} data-kind={k}>
              <td>
                <span className="legend-mark legend-box" style={{ color: KIND_COLORS[k] }} />
                {CONTENT_KIND_SHORT_LABELS[k]}
              </td>
              <td className="num">{formatDays(c.daysByKind[k])}</td>
            </tr>
          ))}
          <tr className="tooltip-total">
            <td>Đã đi</td>
            <td className="num">{formatDays(c.days)}</td>
          </tr>
          {c.target !== null && (
            <tr>
              <td>Chỉ tiêu</td>
              <td className="num">{formatDays(c.target)}</td>
            </tr>
          )}
          {c.pace && (
            <tr>
              <td>Cần đạt đến nay</td>
              <td className="num">{formatDays(c.pace.expectedDays)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div>{STATUS_LABELS[c.status]}</div>
    </div>
  )
}

interface Props {
  cadres: readonly DashboardCadre[]
  onOpen(code: string): void
  /** Set while printing (FitChart). */
  printWidth: number | null
}

export function CadreDaysChart({ cadres, onOpen, printWidth }: Props) {
  const rows = rowsOf(cadres)
  const names = new Map(rows.map((r) => [r.code, r.name]))
  const ticks = roundTicks(Math.max(...rows.map((r) => r.labelAt), 1), 6)
  const max = ticks[ticks.length - 1] ?? 1
  const height = rows.length * ROW_HEIGHT + 36
  const open = (code: unknown) => {
    if (typeof code === 'string' && names.has(code)) onOpen(code)
  }

  return (
    <FitChart height={height} printWidth={printWidth}>
      <ComposedChart
        layout="vertical"
        data={rows}
        margin={{ top: 4, right: 84, bottom: 4, left: 4 }}
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
        <YAxis
          type="category"
          dataKey="code"
          width={170}
          stroke={COLORS.axis}
          tick={(props: YAxisTickContentProps) => {
            const code = String(props.payload.value)
            return (
              <text
                x={Number(props.x) - 6}
                y={Number(props.y)}
                dy={4}
                textAnchor="end"
                {...TICK}
                className="cadre-tick"
                data-code={code}
                onClick={() => open(code)}
              >
                {names.get(code) ?? code}
              </text>
            )
          }}
        />
        <Tooltip
          content={CadreTooltip}
          cursor={{ fill: 'rgba(11, 79, 156, 0.06)' }}
          isAnimationActive={false}
        />
        {CONTENT_KINDS.map((k) => (
          <Bar
            key={k}
            dataKey={k}
            name={CONTENT_KIND_SHORT_LABELS[k]}
            stackId="days"
            fill={KIND_COLORS[k]}
            barSize={16}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(item: BarRectangleItem) => open((item.payload as Row | undefined)?.code)}
          />
        ))}
        <Line
          dataKey="target"
          stroke="none"
          dot={tickMark(COLORS.target, false, 'target-mark')}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
        />
        <Line
          dataKey="expected"
          stroke="none"
          dot={tickMark(COLORS.expected, true, 'expected-mark')}
          activeDot={false}
          isAnimationActive={false}
          legendType="none"
        />
        <Line
          dataKey="labelAt"
          stroke="none"
          dot={rowLabel((r: Row) =>
            r.target === null ? formatDays(r.days) : `${formatDays(r.days)} / ${formatDays(r.target)}`
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
