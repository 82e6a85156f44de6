/** What the four "3 chủ động" documents share: words for the programme, criteria tables. */
import {
  PILLAR_LABELS,
  PILLARS,
  type CriterionDef,
  type Pillar
} from '../../../../shared/domain/three-active'
import { dataTable, type Cell, type DataTable, type TableColumn } from '../../blocks'

/** "Đoàn cơ sở “3 chủ động” năm 2026" (the programme's name in a sentence). */
export function programme(year: number): string {
  return `Đoàn cơ sở "3 chủ động" năm ${year}`
}

export function pillarHeading(pillar: Pillar): string {
  return `Trụ cột ${pillar}: ${PILLAR_LABELS[pillar]}`
}

/** "ĐOÀN XÃ TÂN ÂN" from "Đoàn xã Tân Ân". */
export function upper(name: string): string {
  return name.normalize('NFC').toUpperCase()
}

export interface MarkLine {
  criterion: CriterionDef
  passed: boolean | null
  evidence: string | null
}

/**
 * The checklist by pillar: a bold row per pillar (with its result when given), then its
 * criteria. With marks: Kết quả and Minh chứng columns; without: only whether it is mandatory.
 */
export function criteriaTable(
  lines: readonly MarkLine[],
  options: { marks: boolean; pillarResults?: Partial<Record<Pillar, string>> }
): DataTable {
  const columns: TableColumn[] = options.marks
    ? [
        { fit: true, align: 'center' },
        { weight: 4, align: 'left' },
        { fit: true, align: 'center' },
        { fit: true, align: 'center' },
        { weight: 3, align: 'left' }
      ]
    : [
        { fit: true, align: 'center' },
        { weight: 5, align: 'left' },
        { fit: true, align: 'center' }
      ]
  const header: Cell[][] = [
    options.marks ? ['TT', 'Tiêu chí', 'Bắt buộc', 'Kết quả', 'Minh chứng'] : ['TT', 'Tiêu chí', 'Bắt buộc']
  ]
  const rows: Array<{ cells: Cell[]; keepNext?: boolean }> = []
  for (const pillar of PILLARS) {
    const items = lines.filter((l) => l.criterion.pillar === pillar)
    const result = options.pillarResults?.[pillar]
    const heading = `${pillarHeading(pillar)}${result ? ` (${result})` : ''}`
    rows.push({
      cells: [
        { text: String(pillar), bold: true },
        { text: heading, bold: true, columnSpan: columns.length - 1 }
      ],
      keepNext: true
    })
    for (const l of items) {
      const base: Cell[] = [l.criterion.code, l.criterion.text, l.criterion.mandatory ? 'x' : '']
      rows.push({
        cells: options.marks
          ? [
              ...base,
              l.passed === null ? '' : l.passed ? 'Đạt' : { text: 'Không đạt', bold: true },
              l.evidence ?? ''
            ]
          : base
      })
    }
  }
  return dataTable({ columns, header, rows })
}
