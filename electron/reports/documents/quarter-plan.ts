/**
 * "Kế hoạch đi công tác cơ sở của cán bộ Tỉnh đoàn quý N năm YYYY" (DOCUMENT-FORMAT.md §13.2):
 * mục đích – yêu cầu, đối tượng – thời gian – địa bàn with the quarter's figures, nội dung,
 * tổ chức thực hiện; the schedule (lịch đi cơ sở) of the trips planned for the quarter is a
 * landscape Phụ lục with repeated header rows, so the plan itself stays a few pages.
 */
import type { Document, Paragraph } from 'docx'
import { formatDateVi, type IsoDate } from '../../../shared/domain/dates'
import { formatDays } from './format'
import { legalBasisLines } from '../../../shared/domain/issuer'
import {
  CONTENT_KIND_LABELS,
  CONTENT_KIND_SHORT_LABELS,
  CONTENT_KINDS,
  type ContentKind
} from '../../../shared/domain/kinds'
import {
  appendixTitle,
  bodyParagraph,
  buildDocument,
  bullet,
  clauseHeading,
  dataTable,
  DOCUMENT_TYPES,
  sectionHeading,
  titleBlock,
  USABLE_WIDTH,
  type Row,
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
  summaryOf,
  summarySlot,
  summaryTitle,
  type DocumentMeta,
  type TextSlot
} from './common'
import { periodCell, quarterWords, type Quarter, type ScheduledTrip } from './trip-text'

export const QUARTER_PLAN_TYPE = 'KH' as const

/**
 * One block of the schedule: a round ("Đợt 2 (06/10 – 10/10/2025)", then "Ngoài các đợt"), or
 * a month when the quarter has no rounds (load-trips.ts loadQuarterPlanData).
 */
export interface ScheduleGroup {
  label: string
  trips: ScheduledTrip[]
}

export interface QuarterPlanInput {
  meta: DocumentMeta
  year: number
  quarter: Quarter
  from: IsoDate
  to: IsoDate
  groups: ScheduleGroup[]
  /** Cadres with at least one planned trip in the quarter. */
  cadreCount: number
  /** Units visited, in the order of the schedule. */
  unitNames: string[]
  /** Cadre-days inside the quarter, each cadre's slots counted once (shared/domain/registration.ts). */
  daysByKind: Record<ContentKind, number>
  totalDays: number
  /** Year settings: the yearly target and the report deadline after a trip (RULES.md §4, §8). */
  targetDays: number
  reportDueDays: number
  /** The year's "Căn cứ …" lines from Cài đặt (null or absent: the general opening). */
  legalBasis?: string | null
}

function ofCadres(input: QuarterPlanInput): string {
  return `của cán bộ ${levelWords(input.meta).union}`
}

export function quarterPlanSummaryLines(input: QuarterPlanInput): string[] {
  return [`Đi công tác cơ sở ${ofCadres(input)}`, quarterWords(input.quarter, input.year)]
}

function allTrips(input: QuarterPlanInput): ScheduledTrip[] {
  return input.groups.flatMap((g) => g.trips)
}

export const QUARTER_PLAN_TEXTS: readonly TextSlot<QuarterPlanInput>[] = [
  summarySlot(quarterPlanSummaryLines),
  {
    key: 'opening',
    label: 'Mở đầu (căn cứ kế hoạch)',
    defaultText: (i) => {
      const { union } = levelWords(i.meta)
      const bases = legalBasisLines(i.legalBasis)
      if (bases.length > 0) {
        // The year's legal basis, one "Căn cứ …;" per paragraph, then the sentence it leads to (§7).
        return [
          ...bases,
          `Ban Thường vụ ${union} xây dựng kế hoạch đi công tác cơ sở ${ofCadres(i)} ${quarterWords(i.quarter, i.year)} như sau:`
        ].join('\n')
      }
      return (
        'Thực hiện chủ trương của Ban Bí thư Trung ương Đoàn về chế độ đi công tác cơ sở của cán bộ Đoàn cấp tỉnh ' +
        `(chủ trương “1+2”) và chương trình công tác năm ${i.year}, Ban Thường vụ ${union} xây dựng kế hoạch đi ` +
        `công tác cơ sở ${ofCadres(i)} ${quarterWords(i.quarter, i.year)} như sau:`
      )
    }
  },
  {
    key: 'purpose',
    label: 'I.1. Mục đích',
    defaultText: (i) =>
      [
        'Cán bộ bám sát cơ sở, nắm bắt tình hình tổ chức Đoàn, tư tưởng, nguyện vọng của đoàn viên, thanh niên; ' +
          'kịp thời hướng dẫn, hỗ trợ cơ sở tổ chức hoạt động.',
        `Thực hiện chế độ đi công tác cơ sở của cán bộ Đoàn cấp tỉnh, bảo đảm chỉ tiêu ${formatDays(i.targetDays)} ` +
          `ngày/năm và cơ cấu nội dung đi cơ sở theo quy định.`
      ].join('\n')
  },
  {
    key: 'requirements',
    label: 'I.2. Yêu cầu',
    defaultText: (i) =>
      [
        'Cán bộ đi cơ sở đúng lịch đã đăng ký; nội dung làm việc thiết thực, phù hợp tình hình thực tế của cơ sở.',
        `Sau mỗi chuyến đi, cán bộ báo cáo kết quả chậm nhất ${i.reportDueDays} ngày kể từ ngày kết thúc chuyến đi.`
      ].join('\n')
  },
  {
    key: 'content',
    label: 'III.1. Nội dung đi cơ sở',
    defaultText: () =>
      [
        'Đi cơ sở theo chuyên đề: khảo sát, nắm bắt tình hình đoàn viên, thanh niên và tổ chức cơ sở Đoàn.',
        'Phối hợp chỉ đạo, tổ chức các hoạt động tại cơ sở; kiểm tra, giám sát theo chương trình của Ban Thường vụ.',
        'Dự sinh hoạt chuyên đề của Ban Chấp hành, Ban Thường vụ đoàn cấp dưới và dự sinh hoạt chi đoàn.'
      ]
        .map((l) => `- ${l}`)
        .join('\n')
  },
  {
    key: 'organisation',
    label: 'IV. Tổ chức thực hiện',
    defaultText: (i) => {
      const { union } = levelWords(i.meta)
      return [
        `Các ban, văn phòng ${union} phân công, bố trí công việc để cán bộ đi cơ sở theo lịch; trường hợp thay đổi ` +
          `lịch, báo cáo Thường trực ${union} và đăng ký bổ sung.`,
        `Cán bộ đi cơ sở nộp báo cáo kết quả chậm nhất ${i.reportDueDays} ngày sau khi kết thúc chuyến đi.`,
        `Văn phòng ${union} theo dõi, tổng hợp kết quả đi cơ sở, báo cáo Ban Thường vụ tại các cuộc giao ban.`
      ].join('\n')
    }
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) => {
      const { union } = levelWords(i.meta)
      return [
        `Thường trực ${union}`,
        `Các ban, văn phòng ${union} (t/h)`,
        'Các đơn vị cơ sở có liên quan',
        archiveLine(i.meta)
      ].join('\n')
    }
  }
]

/** Units named in the text up to this many; more are counted (the schedule names them all). */
const UNITS_IN_TEXT = 8

function scopeSection(input: QuarterPlanInput): Paragraph[] {
  const { union } = levelWords(input.meta)
  const units = input.unitNames
  const place =
    units.length === 0
      ? 'Địa bàn: chưa có đơn vị cơ sở dự kiến đến trong quý.'
      : units.length <= UNITS_IN_TEXT
        ? `Địa bàn: ${units.length} đơn vị (${units.join('; ')}).`
        : `Địa bàn: ${units.length} đơn vị cơ sở (chi tiết tại Phụ lục kèm theo).`
  return [
    sectionHeading(2, 'Đối tượng, thời gian, địa bàn'),
    bullet(
      `Đối tượng: cán bộ chuyên trách cơ quan ${union} thực hiện chế độ đi công tác cơ sở; trong quý có ` +
        `${input.cadreCount} đồng chí đăng ký đi cơ sở.`
    ),
    bullet(`Thời gian: từ ngày ${formatDateVi(input.from)} đến ngày ${formatDateVi(input.to)}.`),
    bullet(place)
  ]
}

function figuresParagraphs(input: QuarterPlanInput): Paragraph[] {
  const trips = allTrips(input)
  if (trips.length === 0)
    return [
      bodyParagraph(
        `Chưa có chuyến đi cơ sở dự kiến nào được đăng ký trong ${quarterWords(input.quarter, input.year)}.`
      )
    ]
  const kinds = CONTENT_KINDS.filter((k) => input.daysByKind[k] > 0)
  const out = [
    bodyParagraph(
      `Trong quý, cán bộ đăng ký ${trips.length} chuyến đi cơ sở, tổng số ${formatDays(input.totalDays)} ngày ` +
        'công tác cơ sở (cộng theo từng cán bộ), trong đó:',
      { keepNext: true }
    )
  ]
  kinds.forEach((k, i) =>
    out.push(
      bullet(
        `${CONTENT_KIND_LABELS[k]}: ${formatDays(input.daysByKind[k])} ngày${i === kinds.length - 1 ? '.' : ';'}`
      )
    )
  )
  out.push(bodyParagraph('Lịch đi cơ sở cụ thể của từng cán bộ tại Phụ lục kèm theo.'))
  return out
}

/** The schedule: one row per planned trip, by month (by round once rounds exist). */
function scheduleTable(input: QuarterPlanInput): DataTable {
  const figure: TableColumn = { fit: true, align: 'center' }
  const columns: TableColumn[] = [
    figure,
    figure,
    { weight: 3, align: 'left' },
    { weight: 4, align: 'left' },
    // One cadre per line, each name whole.
    { weight: 2.6, align: 'left', whole: true },
    figure,
    { weight: 1.6, align: 'left' }
  ]
  const rows: Row[] = []
  let n = 0
  for (const group of input.groups) {
    // A month's heading never ends a page alone.
    rows.push({
      keepNext: true,
      cells: [{ text: group.label, columnSpan: columns.length, bold: true, align: 'left' }]
    })
    for (const trip of group.trips) {
      n += 1
      rows.push([
        String(n),
        { text: periodCell(trip) },
        { text: trip.unitNames.length ? trip.unitNames : ['-'] },
        // The kind, then the topic, in one cell: a column of its own would take the units' room.
        trip.topic?.trim()
          ? `${CONTENT_KIND_SHORT_LABELS[trip.kind]}: ${trip.topic.trim()}`
          : CONTENT_KIND_LABELS[trip.kind],
        { text: trip.cadreNames.length ? trip.cadreNames : ['-'] },
        formatDays(trip.days),
        // The trip's own note only: every trip of a plan is planned, a status would say nothing.
        trip.note?.trim() ?? ''
      ])
    }
  }
  return dataTable({
    columns,
    header: [['TT', 'Thời gian', 'Đơn vị cơ sở đến', 'Nội dung', 'Cán bộ đi', 'Số ngày', 'Ghi chú']],
    rows,
    width: USABLE_WIDTH.landscape
  })
}

export function buildQuarterPlan(input: QuarterPlanInput): Document {
  const { meta } = input
  const typeCode = QUARTER_PLAN_TYPE
  const text = (key: string) => editable(QUARTER_PLAN_TEXTS, key, input, meta)
  const children: Block[] = [
    documentHeader(meta, typeCode),
    ...titleBlock({
      typeName: DOCUMENT_TYPES[typeCode],
      summary: summaryOf(QUARTER_PLAN_TEXTS, input, meta)
    }),
    ...text('opening'),
    sectionHeading(1, 'Mục đích, yêu cầu'),
    clauseHeading(1, 'Mục đích'),
    ...text('purpose'),
    clauseHeading(2, 'Yêu cầu'),
    ...text('requirements'),
    ...scopeSection(input),
    sectionHeading(3, 'Nội dung, lịch đi cơ sở'),
    clauseHeading(1, 'Nội dung'),
    ...text('content'),
    clauseHeading(2, 'Lịch đi cơ sở'),
    ...figuresParagraphs(input),
    sectionHeading(4, 'Tổ chức thực hiện'),
    ...editable(QUARTER_PLAN_TEXTS, 'organisation', input, meta, { keepNext: true }),
    documentSignature(QUARTER_PLAN_TEXTS, input, meta)
  ]
  const schedule = allTrips(input).length
    ? [
        {
          orientation: 'landscape' as const,
          children: [
            ...appendixTitle({
              number: null,
              title: `Lịch đi công tác cơ sở ${quarterWords(input.quarter, input.year)}`,
              reference: attachmentReference(meta, typeCode)
            }),
            scheduleTable(input)
          ]
        }
      ]
    : []
  return buildDocument({
    title: `Kế hoạch đi công tác cơ sở ${quarterWords(input.quarter, input.year)}`,
    sections: [{ orientation: 'portrait', children }, ...schedule]
  })
}

/** The trích yếu as the register records it. */
export function quarterPlanTitle(input: QuarterPlanInput): string {
  return summaryTitle(QUARTER_PLAN_TEXTS, input, input.meta)
}
