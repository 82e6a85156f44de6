/**
 * One ratio rule (RULES.md §5) per cadre: the share of days done in the rule's kinds, with the
 * minimum drawn as a dashed line. A bar below the minimum is red.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { DashboardCadre } from '../../../../../shared/api/dashboard'
import { formatPercent } from '../../../../../shared/domain/format'
import type { RatioRule } from '../../../../../shared/domain/settings'
import { FitChart } from './FitChart'
import { AXIS_TICK, CHART_FONT, COLORS, ROW_HEIGHT, TICK } from './palette'
import type { LegendEntry } from './png'

export function ratioLegend(rule: RatioRule): LegendEntry[] {
  return [
    { label: 'Đạt', color: COLORS.ok, shape: 'box' },
    { label: 'Chưa đạt', color: COLORS.bad, shape: 'box' },
    { label: `Tối thiểu ${rule.minPercent}%`, color: COLORS.target, shape: 'dashed-tick' }
  ]
}

interface Row {
  code: string
  name: string
  percent: number
  share: number
  met: boolean
}

interface Props {
  rule: RatioRule
  cadres: readonly DashboardCadre[]
  /** Set while printing (FitChart). */
  printWidth: number | null
}

export function RatioChart({ rule, cadres, printWidth }: Props) {
  const rows: Row[] = cadres.map((c) => {
    const check = c.ratioChecks.find((r) => r.ruleId === rule.id)
    const share = check?.share ?? 0
    return { code: c.code, name: c.name, share, percent: share * 100, met: check?.met ?? false }
  })
  const names = new Map(rows.map((r) => [r.code, r.name]))
  const height = rows.length * ROW_HEIGHT + 50
  return (
    <FitChart height={height} printWidth={printWidth}>
      <BarChart
        layout="vertical"
        data={rows}
        margin={{ top: 18, right: 56, bottom: 4, left: 4 }}
        barCategoryGap={7}
      >
        <CartesianGrid horizontal={false} stroke={COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={AXIS_TICK}
          stroke={COLORS.axis}
        />
        <YAxis
          type="category"
          dataKey="code"
          width={150}
          tick={TICK}
          tickFormatter={(code: string) => names.get(code) ?? code}
          stroke={COLORS.axis}
        />
        <Bar dataKey="percent" barSize={16} isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.code} fill={r.met ? COLORS.ok : COLORS.bad} />
          ))}
          <LabelList
            dataKey="share"
            position="right"
            formatter={(v: unknown) => (typeof v === 'number' ? formatPercent(v) : '')}
            style={{ fontSize: 12, fill: COLORS.text, fontFamily: CHART_FONT }}
          />
        </Bar>
        <ReferenceLine
          x={rule.minPercent}
          stroke={COLORS.target}
          strokeDasharray="4 3"
          strokeWidth={1.5}
          label={{
            value: `${rule.minPercent}%`,
            position: 'top',
            fontSize: 11,
            fill: COLORS.text,
            fontFamily: CHART_FONT
          }}
        />
      </BarChart>
    </FitChart>
  )
}
