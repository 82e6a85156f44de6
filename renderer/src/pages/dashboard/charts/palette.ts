/**
 * Colours and type of the charts, set as SVG attributes (not CSS) so a chart saved as PNG or
 * printed looks exactly as on screen. Five kind colours that stay apart in grey print too.
 */
import type { ContentKind } from '../../../../../shared/domain/kinds'

export const KIND_COLORS: Record<ContentKind, string> = {
  CHUYEN_DE: '#0b4f9c',
  PHOI_HOP: '#2e9e6b',
  KIEM_TRA: '#e0a100',
  DU_SH_BCH_BTV: '#8e5cc2',
  DU_SH_CHI_DOAN: '#e8684a'
}

export const COLORS = {
  text: '#1f2933',
  muted: '#5f6b7a',
  grid: '#e3e8ef',
  axis: '#9aa5b1',
  target: '#1f2933',
  expected: '#b42318',
  done: '#0b4f9c',
  previous: '#a9b4c2',
  bad: '#b42318',
  ok: '#2e9e6b'
}

export const CHART_FONT = "'Segoe UI', Arial, sans-serif"
export const TICK = { fontSize: 12, fill: COLORS.text, fontFamily: CHART_FONT }
export const AXIS_TICK = { fontSize: 12, fill: COLORS.muted, fontFamily: CHART_FONT }

/** Height of one category row in the horizontal bar charts (fits a 12px label and a 16px bar). */
export const ROW_HEIGHT = 30

/** What a custom tooltip receives (recharts' own value and name types). */
export type TooltipProps = import('recharts').TooltipContentProps<
  import('recharts').TooltipValueType,
  string | number
>
