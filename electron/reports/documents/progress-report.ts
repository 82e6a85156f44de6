/**
 * "Báo cáo tiến độ thực hiện chế độ đi công tác cơ sở" for the weekly or monthly giao ban,
 * as of a date: the year figures so far and progress by ban in the text; each cadre's days
 * done against the days expected by then and the target (Phụ lục 01), and the trips whose
 * report is overdue (Phụ lục 02), in landscape appendices with repeated header rows, so the
 * report itself stays a few pages whatever the size of the office.
 */
import type { Document, Paragraph } from 'docx'
import type { YearSummaryView } from '../../../shared/api/contract'
import { formatDateVi, type IsoDate } from '../../../shared/domain/dates'
import { formatDays, formatNumberVi, formatPercent } from './format'
import { CONTENT_KIND_SHORT_LABELS, type ContentKind } from '../../../shared/domain/kinds'
import { departmentProgress } from '../../../shared/domain/progress'
import { STATUS_LABELS, type CadreYearResult } from '../../../shared/domain/summary'
import {
  appendixTitle,
  bodyParagraph,
  buildDocument,
  bullet,
  dataTable,
  DOCUMENT_TYPES,
  sectionHeading,
  titleBlock,
  USABLE_WIDTH,
  type Cell,
  type TableColumn,
  type Block,
  type DataTable
} from '../blocks'
import {
  archiveLine,
  attachmentReference,
  documentHeader,
  documentSignature,
  editable,
  levelWords,
  lowerFirst,
  summaryOf,
  summarySlot,
  summaryTitle,
  type DocumentMeta,
  type TextSlot
} from './common'
import { formatAverage } from './year-report'

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
  summarySlot(progressReportSummaryLines),
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

/** Names listed in the text up to this many; more are counted and found in Phụ lục 01. */
const NAMES_IN_TEXT = 12

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
        `${formatAverage(t.averageDays)} ngày/đồng chí.`
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
  if (c.status === 'MIEN') return c.reason ? `Miễn: ${lowerFirst(c.reason)}` : STATUS_LABELS.MIEN
  if (c.status === 'HOAN_THANH') return STATUS_LABELS.HOAN_THANH
  if (!inProgress) return STATUS_LABELS[c.status]
  return c.pace?.behind ? 'Chậm tiến độ' : 'Đúng tiến độ'
}

/**
 * The days expected by the report date as printed: one decimal, rounded half up from the
 * exact hundredths, in tenths of a day (an integer, so the gap below is exact).
 */
function expectedTenths(expected: number): number {
  return Math.round(Math.round(expected * 100) / 10)
}

/**
 * "+34,2", "−2,5", "0": days done less the days expected AS PRINTED, so the row adds up for
 * the reader (64 − 29,8 = +34,2, never the +34,3 of the unrounded 29,75).
 */
export function paceGapText(days: number, expected: number): string {
  const tenths = Math.round(days * 10) - expectedTenths(expected)
  if (tenths === 0) return '0'
  const text = formatNumberVi(Math.abs(tenths) / 10, 1)
  return tenths > 0 ? `+${text}` : `−${text}`
}

/** Progress by ban, a short table in the text (the office's bans, a dozen rows at most). */
function departmentTable(input: ProgressReportInput): DataTable {
  const figure: TableColumn = { fit: true, align: 'center' }
  const rows = departmentProgress(input.summary.cadres)
  return dataTable({
    columns: [figure, { weight: 1, align: 'left' }, figure, figure, figure, figure, figure, figure],
    header: [
      [
        'TT',
        'Ban',
        'Cán bộ thuộc đối tượng',
        'Đã hoàn thành',
        'Chậm tiến độ',
        'Đã thực hiện (ngày)',
        'Chỉ tiêu (ngày)',
        'Đạt so với chỉ tiêu'
      ]
    ],
    rows: rows.map((d, i) => [
      String(i + 1),
      d.departmentName,
      String(d.subject),
      String(d.completed),
      String(d.behindPace),
      formatDays(d.days),
      formatDays(d.target),
      formatPercent(d.shareOfTarget)
    ])
  })
}

function behindSection(input: ProgressReportInput): Block[] {
  const late = behind(input)
  const out: Block[] = [
    sectionHeading(2, 'Tiến độ theo từng ban, từng cán bộ'),
    bodyParagraph(
      'Số ngày cần đạt theo tiến độ = chỉ tiêu năm × số ngày công tác đã qua ÷ số ngày công tác trong năm của ' +
        'từng cán bộ (chi tiết từng cán bộ tại Phụ lục 01).',
      { keepNext: true }
    ),
    departmentTable(input),
    bodyParagraph('')
  ]
  if (!input.summary.inProgress) {
    out.push(bodyParagraph('Năm công tác đã kết thúc: tình trạng là kết quả cả năm.'))
  } else if (late.length === 0) {
    out.push(bodyParagraph('Không có cán bộ chậm tiến độ.'))
  } else if (late.length <= NAMES_IN_TEXT) {
    out.push(
      bodyParagraph(
        `Các đồng chí chậm tiến độ (${late.length} đồng chí): ` +
          `${late.map((c) => `${c.name} (còn thiếu ${gapWords(c)} ngày)`).join('; ')}.`
      )
    )
  } else {
    out.push(
      bodyParagraph(
        `Có ${late.length} đồng chí chậm tiến độ, được ghi “Chậm tiến độ” tại Phụ lục 01; các đồng chí cần ` +
          'bố trí thời gian đi cơ sở nhiều nhất là: ' +
          `${[...late]
            .sort((a, b) => gapTenths(b) - gapTenths(a))
            .slice(0, NAMES_IN_TEXT)
            .map((c) => `${c.name} (còn thiếu ${gapWords(c)} ngày)`)
            .join('; ')}.`
      )
    )
  }
  return out
}

/** How many tenths of a day a cadre is behind the printed expectation. */
function gapTenths(c: CadreYearResult): number {
  return c.pace ? expectedTenths(c.pace.expectedDays) - Math.round(c.days * 10) : 0
}

function gapWords(c: CadreYearResult): string {
  return formatNumberVi(gapTenths(c) / 10, 1)
}

/** Phụ lục 01: every cadre against the days expected by the report date. */
function cadreTable(input: ProgressReportInput): DataTable {
  const { summary } = input
  const figure: TableColumn = { fit: true, align: 'center' }
  const rows: Cell[][] = summary.cadres.map((c, i) => {
    const expected = c.pace ? c.pace.expectedDays : null
    return [
      String(i + 1),
      c.name,
      [c.position, c.departmentName].filter(Boolean).join(', '),
      c.target === null ? '-' : formatDays(c.target),
      { text: formatDays(c.days), bold: true },
      expected === null ? '-' : formatNumberVi(expectedTenths(expected) / 10, 1),
      expected === null ? '-' : paceGapText(c.days, expected),
      statusText(c, summary.inProgress)
    ]
  })
  return dataTable({
    columns: [
      figure,
      { weight: 3, align: 'left', whole: true },
      { weight: 4, align: 'left' },
      figure,
      figure,
      figure,
      figure,
      { weight: 2.6, align: 'left' }
    ],
    header: [
      [
        'TT',
        'Họ và tên',
        'Chức vụ, ban',
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
    ],
    width: USABLE_WIDTH.landscape
  })
}

/** "05/01/2025", "05/01 – 07/01/2025" (one line), "29/12/2024 – 02/01/2025" across a year. */
function tripPeriod(t: OverdueTrip): string {
  if (t.startDate === t.endDate) return formatDateVi(t.startDate)
  const start = formatDateVi(t.startDate)
  const sameYear = t.startDate.slice(0, 4) === t.endDate.slice(0, 4)
  return `${sameYear ? start.slice(0, 5) : start} – ${formatDateVi(t.endDate)}`
}

/** Phụ lục 02: the trips whose report is overdue, longest overdue first. */
function overdueTable(input: ProgressReportInput): DataTable {
  const figure: TableColumn = { fit: true, align: 'center' }
  return dataTable({
    columns: [
      figure,
      figure,
      figure,
      { weight: 3, align: 'left' },
      { weight: 3, align: 'left' },
      { fit: true, align: 'left' },
      figure,
      figure
    ],
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
    width: USABLE_WIDTH.landscape
  })
}

function overdueSection(input: ProgressReportInput): Paragraph[] {
  const n = input.overdueTrips.length
  const asOf = formatDateVi(input.summary.asOf)
  const longOverdue = input.overdueTrips.filter((t) => t.overdueDays > 30).length
  return [
    sectionHeading(3, 'Báo cáo kết quả đi cơ sở quá hạn'),
    bodyParagraph(
      `Báo cáo kết quả đi cơ sở nộp chậm nhất ${input.reportDueDays} ngày sau khi kết thúc chuyến đi. ` +
        (n
          ? `Đến ngày ${asOf}, còn ${n} chuyến đi quá hạn báo cáo` +
            (longOverdue ? `, trong đó ${longOverdue} chuyến quá hạn trên 30 ngày` : '') +
            ' (danh sách tại Phụ lục 02).'
          : `Đến ngày ${asOf}, không có chuyến đi quá hạn báo cáo.`)
    )
  ]
}

export function buildProgressReport(input: ProgressReportInput): Document {
  const { meta, summary } = input
  const typeCode = PROGRESS_REPORT_TYPE
  const text = (key: string) => editable(PROGRESS_REPORT_TEXTS, key, input, meta)
  const asOfNote = `(Tính đến ngày ${formatDateVi(summary.asOf)})`
  const main: Block[] = [
    documentHeader(meta, typeCode),
    ...titleBlock({
      typeName: DOCUMENT_TYPES[typeCode],
      summary: summaryOf(PROGRESS_REPORT_TEXTS, input, meta),
      note: asOfNote
    }),
    ...text('opening'),
    ...overviewSection(input),
    ...behindSection(input),
    ...overdueSection(input),
    sectionHeading(4, 'Đề nghị'),
    // The signature goes with the closing sentence and the last paragraph before it.
    ...editable(PROGRESS_REPORT_TEXTS, 'proposals', input, meta, { keepTail: true }),
    ...editable(PROGRESS_REPORT_TEXTS, 'closing', input, meta, { keepNext: true }),
    documentSignature(PROGRESS_REPORT_TEXTS, input, meta)
  ]
  const reference = attachmentReference(meta, typeCode)
  const appendix1 = [
    ...appendixTitle({
      number: 1,
      title: [`Tiến độ thực hiện chế độ đi công tác cơ sở ${ofCadres(input)}`],
      note: asOfNote,
      reference
    }),
    cadreTable(input)
  ]
  const appendix2 = [
    ...appendixTitle({
      number: 2,
      title: ['Danh sách chuyến đi cơ sở quá hạn báo cáo kết quả'],
      note: asOfNote,
      reference
    }),
    overdueTable(input)
  ]
  return buildDocument({
    title: `Báo cáo tiến độ thực hiện chế độ đi công tác cơ sở năm ${summary.year}`,
    sections: [
      { orientation: 'portrait', children: main },
      { orientation: 'landscape', children: appendix1 },
      ...(input.overdueTrips.length ? [{ orientation: 'landscape' as const, children: appendix2 }] : [])
    ]
  })
}

export function progressReportTitle(input: ProgressReportInput): string {
  return `${summaryTitle(PROGRESS_REPORT_TEXTS, input, input.meta)} (tính đến ngày ${formatDateVi(input.summary.asOf)})`
}
