/**
 * Marks drawn over horizontal bars (one category row each): a solid tick for the target, a
 * dashed tick for the expected-by-today mark, and the figures written after the bar. Drawn
 * as Line dots so they sit exactly on their row at their value.
 */
import type { DotItemDotProps } from 'recharts'
import { CHART_FONT, COLORS } from './palette'

/** A vertical tick across the bar at the point's value; nothing where the value is null. */
export function tickMark(color: string, dashed: boolean, testId: string) {
  function TickMark(props: DotItemDotProps) {
    const { cx, cy, value, index } = props
    if (value === null || value === undefined || typeof cx !== 'number' || typeof cy !== 'number') {
      return <g key={`${testId}-${index}`} />
    }
    return (
      <line
        key={`${testId}-${index}`}
        data-testid={testId}
        x1={cx}
        x2={cx}
        y1={cy - 11}
        y2={cy + 11}
        stroke={color}
        strokeWidth={dashed ? 2 : 2.5}
        strokeDasharray={dashed ? '3 2' : undefined}
      />
    )
  }
  return TickMark
}

/** The row's figures as text after the furthest of bar and marks. */
export function rowLabel(text: (payload: never) => string) {
  function RowLabel(props: DotItemDotProps) {
    const { cx, cy, index, payload } = props
    if (typeof cx !== 'number' || typeof cy !== 'number') return <g key={`label-${index}`} />
    return (
      <text
        key={`label-${index}`}
        x={cx + 8}
        y={cy}
        dy={4}
        fontSize={12}
        fontFamily={CHART_FONT}
        fill={COLORS.text}
        className="row-label"
      >
        {text(payload as never)}
      </text>
    )
  }
  return RowLabel
}
