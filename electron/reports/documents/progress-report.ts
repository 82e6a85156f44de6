/**
 * "Báo cáo tiến độ thực hiện chế độ đi công tác cơ sở" for the weekly or monthly giao ban,
 * as of a date: the year figures so far, each cadre's days done against the days expected
 * by then and the target, who is behind pace, and the trips whose report is overdue.
 */
import type { Document, Paragraph, Table } from 'docx'
import type { YearSummaryView } from '../../../shared/api/contract'
import { formatDateVi, type IsoDate } from '../../../shared/domain/dates'
import { formatDays, formatNumberVi, formatPercent } from '../../../shared/domain/format'
import { CONTENT_KIND_SHORT_LABELS, type ContentKind } from '../../../shared/domain/kinds'
import { STATUS_LABELS, type CadreYearResult } from '../../../shared/domain/summary'
import {
  bodyParagraph,
  buildDocument,
  bullet,
  dataTable,
  DOCUMENT_TYPES,
  fitColumnWidths,
  sectionHeading,
  SIZE,
  titleBlock,
  USABLE_WIDTH,
  type Cell,
  type TableColumn
} from '../blocks'
import {
  archiveLine,
  documentHeader,
  documentSignature,
  editable,
  levelWords,
  lowerFirst,
  type DocumentMeta,
  type TextSlot
} from './common'

export const PROGRESS_REPORT_TYPE = 'BC' as const

export interface OverdueTrip {
  code: string
  startDate: IsoDate
  endDate: IsoDate
  kind: ContentKind
  cadreNames: string[]
  unitNames: string[]
  /** Last day the report was on time. */
  dueDate: IsoDate
  overdueDays: number
}

export interface ProgressReportInput {
  meta: DocumentMeta
  /** The year summary as of the report date. */
  summary: YearSummaryView
  /** "Chậm tiến độ" threshold and report deadline of the year's settings (RULES.md §6, §8). */
  behindPaceDays: number
  reportDueDays: number
  /** Oldest first (see ../load.ts). */
  overdueTrips: OverdueTrip[]
}

function ofCadres(input: ProgressReportInput): string {
  return `của cán bộ ${levelWords(input.meta).union} năm ${input.summary.year}`
}

export function progressReportSummaryLines(input: ProgressReportInput): string[] {
  return ['Tiến độ thực hiện chế độ đi công tác cơ sở', ofCadres(input)]
}

function behind(input: ProgressReportInput): CadreYearResult[] {
  return input.summary.cadres.filter((c) => c.pace?.behind)
}

export const PROGRESS_REPORT_TEXTS: readonly TextSlot<ProgressReportInput>[] = [
  {
    key: 'opening',
    label: 'Mở đầu',
    defaultText: (i) =>
      `Ban Thường vụ ${levelWords(i.meta).union} báo cáo tiến độ thực hiện chế độ đi công tác cơ sở ${ofCadres(i)}, ` +
      `tính đến ngày ${formatDateVi(i.summary.asOf)}, như sau:`
  },
  {
    key: 'proposals',
    label: 'IV. Đề nghị',
    defaultText: (i) => {
      const lines: string[] = []
      if (behind(i).length) {
        lines.push(
          'Đề nghị các đồng chí cán bộ chậm tiến độ chủ động bố trí thời gian, đăng ký lịch đi cơ sở trong thời ' +
            'gian tới để bảo đảm chỉ tiêu năm.'
        )
      }
      if (i.overdueTrips.length) {
        lines.push(
          'Đề nghị các đồng chí có chuyến đi quá hạn báo cáo hoàn thành và nộp báo cáo kết quả đi cơ sở.'
        )
      }
      lines.push('Các ban, văn phòng tiếp tục theo dõi, đôn đốc cán bộ thực hiện chế độ đi công tác cơ sở.')
      return lines.join('\n')
    }
  },
  {
    key: 'closing',
    label: 'Câu kết',
    defaultText: (i) => `Trên đây là báo cáo tiến độ thực hiện chế độ đi công tác cơ sở ${ofCadres(i)}./.`
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) => {
      const { union } = levelWords(i.meta)
      return [`Thường trực ${union} (b/c)`, `Các ban, văn phòng ${union}`, archiveLine(i.meta)].join('\n')
    }
  }
]

function overviewSection(input: ProgressReportInput): Paragraph[] {
  const t = input.summary.totals
  const out = [
    sectionHeading(1, 'Tình hình chung'),
    bullet(
      `Số cán bộ thuộc đối tượng: ${t.subject} đồng chí (miễn, không đánh giá: ${t.exempt} đồng chí); ` +
        `đã hoàn thành chỉ tiêu năm: ${t.completed} đồng chí (${formatPercent(t.completionRate)}).`
    ),
    bullet(
      `Tổng số ngày đi cơ sở đến nay: ${formatDays(t.totalDays)} ngày; bình quân ` +
        `${formatNumberVi(t.averageDays, 2)} ngày/đồng chí.`
    )
  ]
  if (input.summary.inProgress) {
    out.push(
      bullet(
        `Số cán bộ chậm tiến độ (số ngày đã đi thấp hơn số ngày cần đạt theo tiến độ quá ` +
          `${formatDays(input.behindPaceDays)} ngày): ${t.behindPace} đồng chí.`
      )
    )
  }
  out.push(
    bullet(
      `Số chuyến đi quá hạn báo cáo (quá ${input.reportDueDays} ngày sau khi kết thúc): ${input.overdueTrips.length} chuyến.`
    )
  )
  return out
}

function statusText(c: CadreYearResult, inProgress: boolean): string {
  if (c.status === 'MIEN') return STATUS_LABELS.MIEN
  if (c.status === 'HOAN_THANH') return STATUS_LABELS.HOAN_THANH
  if (!inProgress) return STATUS_LABELS[c.status]
  return c.pace?.behind ? 'Chậm tiến độ' : 'Đúng tiến độ'
}

/** "+2,5", "−29,8", "0": one decimal, rounded on the magnitude so it matches "còn thiếu 29,8". */
function signed(n: number): string {
  const text = formatNumberVi(Math.abs(n), 1)
  if (text === '0') return text
  return n > 0 ? `+${text}` : `−${text}`
}

function cadreTable(input: ProgressReportInput): Table {
  const { summary } = input
  // Twips (scaled to the text width): numbers need about 850, "Tình trạng" takes the rest.
  const widths = fitColumnWidths(USABLE_WIDTH.portrait, [500, 1900, 1500, 850, 850, 950, 850, 1671])
  const columns: TableColumn[] = widths.map((width, i) => ({
    width,
    align: i === 1 || i === 2 ? 'left' : 'center'
  }))
  const rows: Cell[][] = summary.cadres.map((c, i) => {
    const expected = c.pace ? c.pace.expectedDays : null
    return [
      String(i + 1),
      c.name,
      c.position,
      c.target === null ? '-' : formatDays(c.target),
      { text: formatDays(c.days), bold: true },
      expected === null ? '-' : formatNumberVi(expected, 1),
      expected === null ? '-' : signed(c.days - expected),
      c.status === 'MIEN' && c.reason ? `Miễn: ${lowerFirst(c.reason)}` : statusText(c, summary.inProgress)
    ]
  })
  return dataTable({
    columns,
    header: [
      [
        'TT',
        'Họ và tên',
        'Chức vụ',
        'Chỉ tiêu năm (ngày)',
        'Đã thực hiện (ngày)',
        'Cần đạt theo tiến độ (ngày)',
        'Chênh lệch (ngày)',
        'Tình trạng'
      ]
    ],
    rows,
    totals: [
      { text: 'Cộng (cán bộ thuộc đối tượng)', columnSpan: 4 },
      formatDays(summary.totals.totalDays),
      '',
      '',
      `${summary.totals.behindPace} chậm tiến độ`
    ]
  })
}

function behindSection(input: ProgressReportInput): Array<Paragraph | Table> {
  const late = behind(input)
  const out: Array<Paragraph | Table> = [
    sectionHeading(2, 'Tiến độ của từng cán bộ'),
    bodyParagraph(
      'Số ngày cần đạt theo tiến độ = chỉ tiêu năm × số ngày công tác đã qua ÷ số ngày công tác trong năm của ' +
        'từng cán bộ.',
      { keepNext: true }
    ),
    cadreTable(input),
    bodyParagraph('')
  ]
  if (!input.summary.inProgress) {
    out.push(bodyParagraph('Năm công tác đã kết thúc: tình trạng là kết quả cả năm.'))
  } else if (late.length === 0) {
    out.push(bodyParagraph('Không có cán bộ chậm tiến độ.'))
  } else {
    out.push(bodyParagraph(`Các đồng chí chậm tiến độ (${late.length} đồng chí):`, { keepNext: true }))
    late.forEach((c, i) => {
      const expected = c.pace?.expectedDays ?? 0
      const end = i === late.length - 1 ? '.' : ';'
      out.push(
        bullet(
          `Đồng chí ${c.name} (${c.position}): đã thực hiện ${formatDays(c.days)} ngày, cần đạt theo tiến độ ` +
            `${formatNumberVi(expected, 1)} ngày, còn thiếu ${formatNumberVi(expected - c.days, 1)} ngày${end}`
        )
      )
    })
  }
  return out
}

function tripPeriod(t: OverdueTrip): string {
  if (t.startDate === t.endDate) return formatDateVi(t.startDate)
  return `${formatDateVi(t.startDate).slice(0, 5)} – ${formatDateVi(t.endDate)}`
}

function overdueTable(input: ProgressReportInput): Table {
  // Twips (scaled to the text width) for 12 pt: a date "20/01/2025" needs about 1100 with its padding, a code "CD0200" 900.
  const widths = fitColumnWidths(USABLE_WIDTH.portrait, [450, 950, 1200, 1600, 1700, 1050, 1200, 921])
  const columns: TableColumn[] = widths.map((width, i) => ({
    width,
    align: i === 3 || i === 4 ? 'left' : 'center'
  }))
  return dataTable({
    columns,
    header: [
      ['TT', 'Mã chuyến', 'Thời gian', 'Cán bộ', 'Đơn vị đến', 'Nội dung', 'Hạn báo cáo', 'Quá hạn (ngày)']
    ],
    rows: input.overdueTrips.map((t, i) => [
      String(i + 1),
      t.code,
      tripPeriod(t),
      t.cadreNames.join(', '),
      t.unitNames.join(', '),
      CONTENT_KIND_SHORT_LABELS[t.kind],
      formatDateVi(t.dueDate),
      String(t.overdueDays)
    ]),
    fontSize: SIZE.tableWide
  })
}

function overdueSection(input: ProgressReportInput): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [
    sectionHeading(3, 'Báo cáo kết quả đi cơ sở quá hạn'),
    bodyParagraph(
      `Báo cáo kết quả đi cơ sở nộp chậm nhất ${input.reportDueDays} ngày sau khi kết thúc chuyến đi. ` +
        (input.overdueTrips.length
          ? `Đến ngày ${formatDateVi(input.summary.asOf)}, còn ${input.overdueTrips.length} chuyến đi quá hạn báo cáo:`
          : `Đến ngày ${formatDateVi(input.summary.asOf)}, không có chuyến đi quá hạn báo cáo.`),
      { keepNext: input.overdueTrips.length > 0 }
    )
  ]
  if (input.overdueTrips.length) out.push(overdueTable(input), bodyParagraph(''))
  return out
}

export function buildProgressReport(input: ProgressReportInput): Document {
  const { meta, summary } = input
  const typeCode = PROGRESS_REPORT_TYPE
  const text = (key: string) => editable(PROGRESS_REPORT_TEXTS, key, input, meta)
  const children: Array<Paragraph | Table> = [
    documentHeader(meta, typeCode),
    ...titleBlock({
      typeName: DOCUMENT_TYPES[typeCode],
      summary: progressReportSummaryLines(input),
      note: `(Tính đến ngày ${formatDateVi(summary.asOf)})`
    }),
    ...text('opening'),
    ...overviewSection(input),
    ...behindSection(input),
    ...overdueSection(input),
    sectionHeading(4, 'Đề nghị'),
    ...text('proposals'),
    ...editable(PROGRESS_REPORT_TEXTS, 'closing', input, meta, { keepNext: true }),
    documentSignature(PROGRESS_REPORT_TEXTS, input, meta)
  ]
  return buildDocument({
    title: `Báo cáo tiến độ thực hiện chế độ đi công tác cơ sở năm ${summary.year}`,
    sections: [{ orientation: 'portrait', children }]
  })
}

export function progressReportTitle(input: ProgressReportInput): string {
  return `${progressReportSummaryLines(input).join(' ')} (tính đến ngày ${formatDateVi(input.summary.asOf)})`
}
