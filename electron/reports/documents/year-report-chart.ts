/**
 * "Kèm biểu đồ": the per-cadre chart of Tổng quan as an appendix of the year report. It is a
 * native Word chart (DrawingML, docx's ChartRun), not a picture: Word (2007 and later) and
 * LibreOffice draw it themselves, sharp at any zoom and in print, with the document's font and
 * Vietnamese diacritics, and the office can still edit it. No image has to be rasterised in
 * the main process (DECISIONS.md, Tổng quan). One horizontal bar per subject cadre, stacked by
 * content kind in Tổng quan's colours, the label saying days done against the target.
 */
import { LineRuleType, Paragraph } from 'docx'
import { ChartRun } from 'docx/charts'
import type { YearSummaryView } from '../../../shared/api/contract'
import { CONTENT_KIND_SHORT_LABELS, CONTENT_KINDS, type ContentKind } from '../../../shared/domain/kinds'
import type { CadreYearResult } from '../../../shared/domain/summary'
import { FONT_NAME } from '../blocks/constants'
import { formatDays } from './format'

/** Tổng quan's colours (renderer/src/pages/dashboard/charts/palette.ts), so paper and screen match. */
const KIND_COLORS: Record<ContentKind, string> = {
  CHUYEN_DE: '0B4F9C',
  PHOI_HOP: '2E9E6B',
  KIEM_TRA: 'E0A100',
  DU_SH_BCH_BTV: '8E5CC2',
  DU_SH_CHI_DOAN: 'E8684A'
}

/** Cadres per chart: a landscape page holds about this many bars with readable names. */
export const CADRES_PER_CHART = 20

/** 247 mm of landscape text width at 96 px per inch, less a margin for Word's frame. */
const CHART_WIDTH = 920

/** "Lê Minh Đức (58/60)": the name, then days done against the target, as Tổng quan labels its bars. */
export function chartLabel(c: Pick<CadreYearResult, 'name' | 'days' | 'target'>): string {
  return `${c.name} (${formatDays(c.days)}/${formatDays(c.target ?? 0)})`
}

/** The subject cadres (Miễn ones have no target and are not drawn, as on Tổng quan), in the summary's order. */
export function chartCadres(summary: YearSummaryView): CadreYearResult[] {
  return summary.cadres.filter((c) => c.status !== 'MIEN' && c.target !== null)
}

/** One paragraph per chart of up to CADRES_PER_CHART cadres; none when nobody is subject. */
export function cadreChartParagraphs(summary: YearSummaryView): Paragraph[] {
  const cadres = chartCadres(summary)
  const out: Paragraph[] = []
  for (let i = 0; i < cadres.length; i += CADRES_PER_CHART) {
    // Word draws a bar chart's first category at the bottom: reversed, the list reads top-down.
    const group = cadres.slice(i, i + CADRES_PER_CHART).reverse()
    const maxTarget = Math.max(...cadres.map((c) => Math.max(c.target ?? 0, c.days)))
    out.push(
      new Paragraph({
        keepLines: true,
        // "auto": a line height fixed by the document's defaults would crop the drawing to one line.
        spacing: { before: i === 0 ? 0 : 240, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new ChartRun({
            type: 'bar',
            stacking: 'stacked',
            gapWidth: 60,
            categories: group.map(chartLabel),
            series: CONTENT_KINDS.map((kind) => ({
              name: CONTENT_KIND_SHORT_LABELS[kind],
              values: group.map((c) => c.daysByKind[kind]),
              color: KIND_COLORS[kind]
            })),
            // One scale for every chart of the appendix, up to the next ten above the largest bar.
            valueAxis: {
              minimum: 0,
              maximum: Math.ceil(maxTarget / 10) * 10,
              interval: 10,
              numberFormat: '0'
            },
            legend: { position: 'top' },
            font: { name: FONT_NAME },
            // Roomier bars for a small office; 20 px each when the page is full.
            transformation: {
              width: CHART_WIDTH,
              height: 120 + group.length * Math.min(28, Math.floor(400 / group.length))
            },
            altText: {
              name: 'Biểu đồ số ngày đi cơ sở của từng cán bộ',
              description: group
                .slice()
                .reverse()
                .map((c) => chartLabel(c))
                .join('; ')
            }
          })
        ]
      })
    )
  }
  return out
}
