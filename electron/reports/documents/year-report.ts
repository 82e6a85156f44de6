/**
 * "Báo cáo kết quả thực hiện chế độ đi công tác cơ sở năm YYYY" (DOCUMENT-FORMAT.md §13.1):
 * the narrative with the year figures filled in from the summary, the parts people write
 * themselves as free-text slots with defaults, Phụ lục 01 (landscape: one row per cadre)
 * and Phụ lục 02 (units visited).
 */
import type { Document, Paragraph } from 'docx'
import type { YearSummaryView } from '../../../shared/api/contract'
import { formatDateVi } from '../../../shared/domain/dates'
import { formatDays, formatNumberVi, formatPercent } from './format'
import { legalBasisLines } from '../../../shared/domain/issuer'
import { CONTENT_KIND_LABELS, CONTENT_KIND_SHORT_LABELS, CONTENT_KINDS } from '../../../shared/domain/kinds'
import { STATUS_LABELS, type CadreYearResult } from '../../../shared/domain/summary'
import {
  appendixTitle,
  bodyParagraph,
  buildDocument,
  bullet,
  clauseHeading,
  dataTable,
  DOCUMENT_TYPES,
  line,
  sectionHeading,
  SIZE,
  titleBlock,
  USABLE_WIDTH,
  type Cell,
  type Row,
  type TableColumn,
  type DataTable
} from '../blocks'
import {
  archiveLine,
  attachmentReference,
  capitalise,
  lowerFirst,
  documentHeader,
  documentSignature,
  editable,
  levelWords,
  summaryOf,
  summarySlot,
  summaryTitle,
  type DocumentMeta,
  type TextSlot
} from './common'
import { cadreChartParagraphs } from './year-report-chart'

export const YEAR_REPORT_TYPE = 'BC' as const

/** What Phụ lục 02 says about a visited unit besides its name (by unit code). */
export interface VisitedUnitInfo {
  /** The unit above it at the end of the period (or on its last day). */
  parentName: string | null
  /** "Hoạt động đến 30/06/2025": tells apart units of one name before and after a merger. */
  note: string | null
}

export interface YearReportInput {
  meta: DocumentMeta
  summary: YearSummaryView
  /** The year's "Căn cứ …" lines from Cài đặt (null or absent: the general opening). */
  legalBasis?: string | null
  /** By unit code; a unit missing here prints its name alone. */
  visitedUnits?: Readonly<Record<string, VisitedUnitInfo>>
  /** "Kèm biểu đồ": a last appendix with the per-cadre chart (year-report-chart.ts). */
  withChart?: boolean
}

/** "của cán bộ Tỉnh đoàn năm 2025" */
function ofCadres(input: YearReportInput): string {
  return `của cán bộ ${levelWords(input.meta).union} năm ${input.summary.year}`
}

export function yearReportSummaryLines(input: YearReportInput): string[] {
  return ['Kết quả thực hiện chế độ đi công tác cơ sở', ofCadres(input)]
}

/** The free-text parts, in the order they appear. */
export const YEAR_REPORT_TEXTS: readonly TextSlot<YearReportInput>[] = [
  summarySlot(yearReportSummaryLines),
  {
    key: 'opening',
    label: 'Mở đầu (căn cứ báo cáo)',
    defaultText: (i) => {
      const { union } = levelWords(i.meta)
      const bases = legalBasisLines(i.legalBasis)
      if (bases.length > 0) {
        // The year's legal basis, one "Căn cứ …;" per paragraph, then the sentence it leads to (§7).
        return [
          ...bases,
          `Ban Thường vụ ${union} báo cáo kết quả thực hiện chế độ đi công tác cơ sở ${ofCadres(i)} như sau:`
        ].join('\n')
      }
      return (
        'Thực hiện chủ trương của Ban Bí thư Trung ương Đoàn về chế độ đi công tác cơ sở của cán bộ Đoàn cấp tỉnh ' +
        `(chủ trương “1+2”) và kế hoạch của Ban Thường vụ ${union}, Ban Thường vụ ${union} báo cáo kết quả thực hiện ` +
        `chế độ đi công tác cơ sở ${ofCadres(i)} như sau:`
      )
    }
  },
  {
    key: 'deployment',
    label: 'I. Công tác triển khai, quán triệt',
    defaultText: (i) => {
      const { union } = levelWords(i.meta)
      return [
        `Ban Thường vụ ${union} ban hành kế hoạch, quán triệt đến toàn thể cán bộ cơ quan ${union} về chế độ đi ` +
          `công tác cơ sở năm ${i.summary.year}; phân công cán bộ phụ trách địa bàn, đơn vị cơ sở.`,
        `Các ban, văn phòng ${union} xây dựng lịch đi cơ sở theo từng quý; việc đăng ký, theo dõi và tổng hợp ` +
          'kết quả đi cơ sở được thực hiện thường xuyên, báo cáo tại các cuộc giao ban cơ quan.'
      ].join('\n')
    }
  },
  {
    key: 'contentNotes',
    label: 'II.2. Nhận xét về nội dung, hình thức đi cơ sở',
    defaultText: () =>
      'Nội dung đi cơ sở bám sát chương trình công tác Đoàn và phong trào thanh thiếu nhi của tỉnh; qua các ' +
      'chuyến đi, cán bộ trực tiếp nắm bắt tình hình, hướng dẫn, hỗ trợ cơ sở tổ chức hoạt động và dự sinh hoạt ' +
      'cùng đoàn viên, thanh niên.'
  },
  {
    key: 'findings',
    label: 'II.4. Kết quả nắm bắt tình hình và kiến nghị của cơ sở',
    defaultText: () =>
      'Qua đi cơ sở, cán bộ đã nắm bắt tình hình tổ chức cơ sở Đoàn, tư tưởng, nguyện vọng của đoàn viên, thanh ' +
      'niên; kịp thời tham mưu giải quyết những khó khăn, vướng mắc và tiếp nhận các kiến nghị, đề xuất của cơ sở.'
  },
  {
    key: 'strengths',
    label: 'III.1. Ưu điểm',
    defaultText: (i) =>
      'Cán bộ nhận thức rõ ý nghĩa của chế độ đi công tác cơ sở, chủ động bố trí thời gian đi cơ sở; ' +
      `${i.summary.totals.completed}/${i.summary.totals.subject} đồng chí hoàn thành chỉ tiêu. Việc đi cơ sở góp phần ` +
      'nâng cao chất lượng hoạt động của tổ chức Đoàn ở cơ sở.'
  },
  {
    key: 'weaknesses',
    label: 'III.2. Hạn chế, nguyên nhân',
    defaultText: (i) => {
      const t = i.summary.totals
      const notDone = t.byStatus.CHUA_HOAN_THANH
      const notMix = t.byStatus.DAT_NGAY_CHUA_DAT_CO_CAU
      const lines: string[] = []
      if (notDone > 0) lines.push(`Còn ${notDone} đồng chí chưa đủ số ngày đi cơ sở theo chỉ tiêu.`)
      if (notMix > 0) lines.push(`Còn ${notMix} đồng chí đủ số ngày nhưng chưa đạt cơ cấu nội dung đi cơ sở.`)
      lines.push(
        'Nguyên nhân: khối lượng công việc tại cơ quan lớn, một số thời điểm nhiều nhiệm vụ đột xuất; việc báo cáo ' +
          'kết quả sau đi cơ sở có lúc chưa kịp thời.'
      )
      return lines.join('\n')
    }
  },
  {
    key: 'nextYear',
    label: 'IV. Phương hướng năm sau',
    defaultText: (i) =>
      [
        `Tiếp tục thực hiện nghiêm chế độ đi công tác cơ sở năm ${i.summary.year + 1}; cán bộ đăng ký lịch đi cơ ` +
          'sở theo quý, bảo đảm số ngày và cơ cấu nội dung theo quy định.',
        'Tăng cường đi cơ sở theo chuyên đề và dự sinh hoạt chi đoàn; báo cáo kết quả sau mỗi chuyến đi đúng thời hạn.'
      ].join('\n')
  },
  {
    key: 'proposals',
    label: 'V. Đề xuất, kiến nghị',
    defaultText: (i) =>
      `Đề nghị Ban Bí thư Trung ương Đoàn quan tâm hướng dẫn, tạo điều kiện để cán bộ ${levelWords(i.meta).union} ` +
      'thực hiện tốt chế độ đi công tác cơ sở.'
  },
  {
    key: 'closing',
    label: 'Câu kết',
    defaultText: (i) => `Trên đây là báo cáo kết quả thực hiện chế độ đi công tác cơ sở ${ofCadres(i)}./.`
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) => {
      const { union, party } = levelWords(i.meta)
      return [
        'Trung ương Đoàn (b/c)',
        `Thường trực ${party} (b/c)`,
        `Các đồng chí UV BTV ${union}`,
        `Các ban, văn phòng ${union}`,
        archiveLine(i.meta)
      ].join('\n')
    }
  }
]

function enabledRules(summary: YearSummaryView) {
  return summary.ratioRules.filter((r) => r.enabled)
}

function subjectCadres(summary: YearSummaryView): CadreYearResult[] {
  return summary.cadres.filter((c) => c.status !== 'MIEN')
}

function figuresSection(input: YearReportInput): Paragraph[] {
  const { summary } = input
  const t = summary.totals
  const { union } = levelWords(input.meta)
  const exempt = summary.cadres.filter((c) => c.status === 'MIEN')
  const exemptDetail = exempt.length
    ? ` (${exempt.map((c) => `đồng chí ${c.name}: ${lowerFirst(c.reason ?? STATUS_LABELS.MIEN)}`).join('; ')})`
    : ''
  const out: Paragraph[] = [
    clauseHeading(1, 'Số lượng cán bộ và số ngày đi cơ sở'),
    bullet(
      `Tổng số cán bộ cơ quan ${union}: ${t.cadres} đồng chí; trong đó thuộc đối tượng thực hiện chế độ đi công ` +
        `tác cơ sở: ${t.subject} đồng chí; miễn, không đánh giá: ${t.exempt} đồng chí${exemptDetail}.`
    ),
    bullet(
      `Số cán bộ hoàn thành chỉ tiêu: ${t.completed}/${t.subject} đồng chí, đạt ${formatPercent(t.completionRate)}; ` +
        `đủ số ngày nhưng chưa đạt cơ cấu nội dung: ${t.byStatus.DAT_NGAY_CHUA_DAT_CO_CAU} đồng chí; ` +
        `chưa hoàn thành: ${t.byStatus.CHUA_HOAN_THANH} đồng chí.`
    ),
    bullet(
      `Tổng số ngày đi cơ sở của cán bộ thuộc đối tượng: ${formatDays(t.totalDays)} ngày; bình quân ` +
        `${formatAverage(t.averageDays)} ngày/đồng chí (chỉ tiêu ${formatDays(summary.targetDays)} ngày/năm đối ` +
        'với cán bộ công tác đủ năm).'
    )
  ]
  if (summary.inProgress) {
    out.push(bullet(`Số cán bộ chậm tiến độ so với kế hoạch năm: ${t.behindPace} đồng chí.`))
  }
  out.push(bodyParagraph('(Chi tiết tại Phụ lục 01 kèm theo.)', { style: { italics: true } }))
  return out
}

function contentSection(input: YearReportInput): Paragraph[] {
  const { summary } = input
  const t = summary.totals
  const out: Paragraph[] = [
    clauseHeading(2, 'Nội dung, hình thức đi cơ sở'),
    bodyParagraph('Số ngày đi cơ sở theo nội dung:')
  ]
  CONTENT_KINDS.forEach((kind, i) => {
    const end = i === CONTENT_KINDS.length - 1 ? '.' : ';'
    out.push(
      bullet(
        `${CONTENT_KIND_LABELS[kind]}: ${formatDays(t.daysByKind[kind])} ngày, chiếm ` +
          `${formatPercent(t.shareByKind[kind])}${end}`
      )
    )
  })
  const rules = enabledRules(summary)
  if (rules.length) {
    const subject = subjectCadres(summary)
    out.push(bodyParagraph('Về cơ cấu nội dung (tỉ lệ tối thiểu trên tổng số ngày đi cơ sở của mỗi cán bộ):'))
    rules.forEach((rule, i) => {
      const met = subject.filter((c) => c.ratioChecks.find((r) => r.ruleId === rule.id)?.met).length
      const end = i === rules.length - 1 ? '.' : ';'
      out.push(
        bullet(`${rule.label} (từ ${rule.minPercent}% trở lên): ${met}/${subject.length} đồng chí đạt${end}`)
      )
    })
  }
  out.push(...editable(YEAR_REPORT_TEXTS, 'contentNotes', input, input.meta))
  return out
}

const TOP_UNITS = 5

function unitsSection(input: YearReportInput): Paragraph[] {
  const { units } = input.summary
  const out: Paragraph[] = [clauseHeading(3, 'Địa bàn đi cơ sở')]
  if (units.length === 0) {
    out.push(bodyParagraph('Trong kỳ báo cáo chưa có chuyến đi cơ sở được ghi nhận.'))
    return out
  }
  const top = units
    .slice(0, TOP_UNITS)
    .map((u) => `${u.name} (${formatDays(u.days)} ngày, ${u.visits} lượt)`)
    .join('; ')
  out.push(
    bodyParagraph(
      `Cán bộ đã đến ${units.length} đơn vị. Các đơn vị có số ngày cán bộ đến nhiều nhất: ${top}. ` +
        '(Chi tiết tại Phụ lục 02 kèm theo.)'
    )
  )
  return out
}

/** Days elsewhere show one decimal; an average does too ("56,6", not "56,58"). */
export function formatAverage(days: number): string {
  return formatNumberVi(days, 1)
}

/** Phụ lục 01: one row per cadre, landscape; numbers in columns as wide as their widest figure. */
function cadreTable(input: YearReportInput): DataTable {
  const { summary } = input
  const rules = enabledRules(summary)
  const kindCount = CONTENT_KINDS.length
  const figure: TableColumn = { fit: true, align: 'center' }
  // Name and position share a column (the name on its own line): thirteen columns at 13 pt
  // leave a separate name column too narrow for "Nguyễn Hồng Thắm" on one line.
  const columns: TableColumn[] = [
    figure,
    { weight: 3, align: 'left' },
    ...CONTENT_KINDS.map(() => figure),
    figure,
    figure,
    ...rules.map(() => figure),
    { weight: 2, align: 'left' },
    { weight: 1.6, align: 'left' }
  ]
  const header: Cell[][] = [
    [
      { text: 'TT', rowSpan: 2 },
      { text: 'Họ và tên, chức vụ', rowSpan: 2 },
      { text: 'Số ngày đi cơ sở theo nội dung', columnSpan: kindCount },
      { text: 'Tổng số ngày', rowSpan: 2 },
      { text: 'Chỉ tiêu (ngày)', rowSpan: 2 },
      ...(rules.length ? [{ text: 'Tỉ lệ cơ cấu', columnSpan: rules.length }] : []),
      { text: 'Kết quả', rowSpan: 2 },
      { text: 'Ghi chú', rowSpan: 2 }
    ],
    [
      ...CONTENT_KINDS.map((k) => CONTENT_KIND_SHORT_LABELS[k]),
      // Rule labels are long: the columns carry a number and the minimum, the legend under the table the label.
      ...rules.map((r, i) => `(${i + 1})\n≥ ${r.minPercent}%`)
    ]
  ]

  const rowOf = (c: CadreYearResult, n: number): Cell[] => {
    const notes: string[] = []
    if (c.status === 'MIEN' && c.reason) notes.push(capitalise(c.reason))
    if (c.pace?.behind) notes.push('Chậm tiến độ')
    if (c.status !== 'MIEN') {
      const missed = c.ratioChecks
        .map((check) => (check.met ? -1 : rules.findIndex((r) => r.id === check.ruleId)))
        .filter((column) => column >= 0)
        .map((column) => `(${column + 1})`)
      // One note for every missed ratio ("Chưa đạt tỉ lệ (1), (2)"), so the Ghi chú stays short.
      if (missed.length) notes.push(`Chưa đạt tỉ lệ ${missed.join(', ')}`)
    }
    const position = [c.position, c.departmentName].filter(Boolean).join(', ')
    return [
      String(n),
      { text: position ? [c.name, position] : [c.name], lineStyles: [{}, { italics: true }] },
      ...CONTENT_KINDS.map((k) => formatDays(c.daysByKind[k])),
      { text: formatDays(c.days), bold: true },
      c.target === null ? '-' : formatDays(c.target),
      ...rules.map((r) => (c.status === 'MIEN' ? '-' : formatPercent(c.ratios[r.id] ?? 0))),
      STATUS_LABELS[c.status],
      notes.join('; ')
    ]
  }

  const subject = subjectCadres(summary)
  const exempt = summary.cadres.filter((c) => c.status === 'MIEN')
  const t = summary.totals
  const totalsCells = (label: string): Cell[] => [
    { text: label, columnSpan: 2, bold: true },
    ...CONTENT_KINDS.map((k): Cell => ({ text: formatDays(t.daysByKind[k]), bold: true })),
    { text: formatDays(t.totalDays), bold: true },
    '',
    ...rules.map((r): Cell => ({
      text: formatPercent(r.kinds.reduce((sum, k) => sum + t.shareByKind[k], 0)),
      bold: true
    })),
    {
      text: `${t.completed}/${t.subject} hoàn thành; bình quân ${formatAverage(t.averageDays)} ngày/đồng chí`,
      columnSpan: 2,
      bold: true
    }
  ]
  const groupRow = (label: string, title: string): Row => ({
    // A group's heading never ends a page alone.
    keepNext: true,
    cells: [
      { text: label, bold: true },
      { text: title, bold: true, columnSpan: columns.length - 1, align: 'left' }
    ]
  })
  const table = (rows: Row[], totals: Cell[] | null) =>
    dataTable({ columns, header, rows, totals, width: USABLE_WIDTH.landscape })

  if (exempt.length === 0) {
    return table(
      subject.map((c, i) => rowOf(c, i + 1)),
      totalsCells('Tổng cộng')
    )
  }
  // Two groups: the totals cover the subject cadres only (RULES.md §7), so they close group I,
  // right under its last row, before the exempt cadres.
  const rows: Row[] = [groupRow('I', `Cán bộ thuộc đối tượng (${subject.length} đồng chí)`)]
  subject.forEach((c, i) =>
    rows.push(i === subject.length - 1 ? { cells: rowOf(c, i + 1), keepNext: true } : rowOf(c, i + 1))
  )
  rows.push(totalsCells('Tổng cộng (mục I)'))
  rows.push(groupRow('II', `Cán bộ miễn, không đánh giá (${exempt.length} đồng chí)`))
  exempt.forEach((c, i) => rows.push(rowOf(c, subject.length + i + 1)))
  return table(rows, null)
}

/** "(1) Đi cơ sở theo chuyên đề; (2) ...": what the numbered ratio columns of Phụ lục 01 are. */
function ratioLegend(input: YearReportInput): Paragraph | null {
  const rules = enabledRules(input.summary)
  if (!rules.length) return null
  const items = rules.map((r, i) => `(${i + 1}) ${r.label}`).join('; ')
  return line(`Tỉ lệ cơ cấu: số ngày theo nội dung trên tổng số ngày đi cơ sở của cán bộ. ${items}.`, {
    size: SIZE.tableWide,
    italics: true,
    align: 'left',
    before: 60
  })
}

/**
 * Phụ lục 02: units visited, most days first, landscape. Names, not the office's internal
 * codes: units of one name (before and after a merger) are told apart by the unit above and
 * the note on when they were active.
 */
function unitTable(input: YearReportInput): DataTable {
  const figure: TableColumn = { fit: true, align: 'center' }
  return dataTable({
    columns: [
      figure,
      { weight: 4, align: 'left' },
      { weight: 3, align: 'left' },
      figure,
      figure,
      { weight: 2.2, align: 'left' }
    ],
    header: [['TT', 'Đơn vị', 'Trực thuộc', 'Số lượt đến', 'Số ngày cán bộ đến', 'Ghi chú']],
    rows: input.summary.units.map((u, i) => {
      const info = input.visitedUnits?.[u.code]
      return [
        String(i + 1),
        u.name,
        info?.parentName ?? '',
        String(u.visits),
        formatDays(u.days),
        info?.note ?? ''
      ]
    }),
    width: USABLE_WIDTH.landscape
  })
}

export function buildYearReport(input: YearReportInput): Document {
  const { meta, summary } = input
  const typeCode = YEAR_REPORT_TYPE
  const asOfNote = summary.inProgress ? `(Tính đến ngày ${formatDateVi(summary.asOf)})` : null
  const text = (key: string) => editable(YEAR_REPORT_TEXTS, key, input, meta)
  const closing = editable(YEAR_REPORT_TEXTS, 'closing', input, meta, { keepNext: true })

  const main = [
    documentHeader(meta, typeCode),
    ...titleBlock({
      typeName: DOCUMENT_TYPES[typeCode],
      summary: summaryOf(YEAR_REPORT_TEXTS, input, meta),
      note: asOfNote
    }),
    ...text('opening'),
    sectionHeading(1, 'Công tác triển khai, quán triệt'),
    ...text('deployment'),
    sectionHeading(2, 'Kết quả thực hiện'),
    ...figuresSection(input),
    ...contentSection(input),
    ...unitsSection(input),
    clauseHeading(4, 'Kết quả nắm bắt tình hình và những kiến nghị của cơ sở'),
    ...text('findings'),
    sectionHeading(3, 'Đánh giá chung'),
    clauseHeading(1, 'Ưu điểm'),
    ...text('strengths'),
    clauseHeading(2, 'Hạn chế, nguyên nhân'),
    ...text('weaknesses'),
    sectionHeading(4, `Phương hướng năm ${summary.year + 1}`),
    ...text('nextYear'),
    sectionHeading(5, 'Đề xuất, kiến nghị'),
    // The signature goes with the closing sentence and the last paragraph before it.
    ...editable(YEAR_REPORT_TEXTS, 'proposals', input, meta, { keepTail: true }),
    ...closing,
    documentSignature(YEAR_REPORT_TEXTS, input, meta)
  ]

  const reference = attachmentReference(meta, typeCode)
  const appendix1 = [
    ...appendixTitle({
      number: 1,
      title: [`Tổng hợp kết quả đi công tác cơ sở ${ofCadres(input)}`],
      note: asOfNote,
      reference
    }),
    cadreTable(input),
    ...[ratioLegend(input)].filter((p): p is Paragraph => p !== null)
  ]
  const appendix2 = [
    ...appendixTitle({
      number: 2,
      title: ['Tổng hợp đơn vị cơ sở', `được cán bộ ${levelWords(meta).union} đến năm ${summary.year}`],
      note: asOfNote,
      reference
    }),
    unitTable(input)
  ]

  // Optional, last, numbered after the others; left out when nobody is subject (no bar to draw).
  const charts = input.withChart ? cadreChartParagraphs(summary) : []
  const chartAppendix = [
    ...appendixTitle({
      number: summary.units.length ? 3 : 2,
      title: [`Biểu đồ số ngày đi công tác cơ sở ${ofCadres(input)}`],
      note: asOfNote,
      reference
    }),
    ...charts
  ]

  return buildDocument({
    title: `Báo cáo kết quả thực hiện chế độ đi công tác cơ sở năm ${summary.year}`,
    sections: [
      { orientation: 'portrait', children: main },
      { orientation: 'landscape', children: appendix1 },
      ...(summary.units.length ? [{ orientation: 'landscape' as const, children: appendix2 }] : []),
      ...(charts.length ? [{ orientation: 'landscape' as const, children: chartAppendix }] : [])
    ]
  })
}

/** The trích yếu as the register records it. */
export function yearReportTitle(input: YearReportInput): string {
  return summaryTitle(YEAR_REPORT_TEXTS, input, input.meta)
}
