/**
 * "Báo cáo kết quả dự sinh hoạt chi đoàn" (research Mẫu 5) for one trip of kind "Dự sinh hoạt
 * chi đoàn": the chi đoàn and the unit above it, the time and the cadre from the data; the
 * content of the meeting, the number attending, the assessment and the recommendations as
 * free text the cadre fills in. A personal report: the ban's header, no number.
 */
import type { Document, Paragraph } from 'docx'
import { buildDocument, bullet, sectionHeading, titleBlock, type Block } from '../blocks'
import {
  editable,
  levelWords,
  recipientsOf,
  summaryOf,
  summarySlot,
  type DocumentMeta,
  type TextSlot
} from './common'
import {
  periodWords,
  personalHeader,
  personalRecipients,
  reporterSignature,
  tripFacts,
  unitWords,
  type CadreLine,
  type ReportedTrip
} from './trip-text'

export interface ChiDoanReportInput {
  meta: DocumentMeta
  /** A trip of kind DU_SH_CHI_DOAN (the loader refuses any other). */
  trip: ReportedTrip
  reporter: CadreLine
  companions: CadreLine[]
}

/** The chi đoàn(s) of the trip; every unit when none is recorded as a chi đoàn. */
export function chiDoanUnits(input: ChiDoanReportInput): ReportedTrip['units'] {
  const chiDoan = input.trip.units.filter((u) => u.kind === 'CHI_DOAN')
  return chiDoan.length ? chiDoan : input.trip.units
}

/**
 * Whether the trip names the chi đoàn itself. A meeting recorded against the union above it
 * (a district or commune union) does not make that union a chi đoàn: the report then says the
 * meeting took place there ("tại Huyện đoàn …").
 */
function namesChiDoan(input: ChiDoanReportInput): boolean {
  return input.trip.units.some((u) => u.kind === 'CHI_DOAN')
}

function chiDoanNames(input: ChiDoanReportInput): string {
  return chiDoanUnits(input)
    .map((u) => u.name)
    .join(', ')
}

/** "Chi đoàn ấp 2" or "chi đoàn tại Huyện đoàn Đầm Dơi", after "dự sinh hoạt". */
function meetingWords(input: ChiDoanReportInput): string {
  return namesChiDoan(input) ? chiDoanNames(input) : `chi đoàn tại ${chiDoanNames(input)}`
}

export function chiDoanReportSummaryLines(input: ChiDoanReportInput): string[] {
  return [
    'Kết quả dự sinh hoạt chi đoàn',
    namesChiDoan(input) ? chiDoanNames(input) : `tại ${chiDoanNames(input)}`
  ]
}

export const CHI_DOAN_REPORT_TEXTS: readonly TextSlot<ChiDoanReportInput>[] = [
  summarySlot(chiDoanReportSummaryLines),
  {
    key: 'content',
    label: 'II. Nội dung buổi sinh hoạt',
    defaultText: (i) => {
      const topic = i.trip.topic?.trim()
      return [
        topic
          ? `Chủ đề sinh hoạt: “${topic}”.`
          : 'Chủ đề sinh hoạt: sinh hoạt chi đoàn định kỳ theo chủ đề của tháng.',
        'Chi đoàn đánh giá kết quả hoạt động thời gian qua, triển khai nhiệm vụ thời gian tới; đoàn viên thảo ' +
          'luận, đóng góp ý kiến.',
        'Hình thức sinh hoạt: ……………'
      ].join('\n')
    }
  },
  {
    key: 'attendance',
    label: 'III. Số lượng tham dự',
    defaultText: () =>
      ['- Số đoàn viên có mặt: ……/…… đồng chí.', '- Đại diện cấp ủy chi bộ dự: ……………'].join('\n')
  },
  {
    key: 'assessment',
    label: 'IV. Nhận xét, đánh giá',
    defaultText: () =>
      [
        'Công tác chuẩn bị, nội dung và không khí buổi sinh hoạt; tinh thần tham gia của đoàn viên.',
        'Xếp loại buổi sinh hoạt: ……………',
        'Góp ý, hướng dẫn của cán bộ dự sinh hoạt: ……………'
      ].join('\n')
  },
  {
    key: 'proposals',
    label: 'V. Kiến nghị, đề xuất',
    defaultText: (i) =>
      `Những kiến nghị của chi đoàn và đề xuất của cán bộ đối với Đoàn cấp trên và Ban Thường vụ ` +
      `${levelWords(i.meta).union}.`
  },
  {
    key: 'closing',
    label: 'Câu kết',
    defaultText: (i) =>
      `Trên đây là báo cáo kết quả dự sinh hoạt ${meetingWords(i)} ${periodWords(i.trip)}./.`
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) => personalRecipients(i.reporter, levelWords(i.meta).union).join('\n')
  }
]

function factsSection(input: ChiDoanReportInput): Paragraph[] {
  const where = chiDoanUnits(input).map(unitWords).join('; ') || '-'
  const facts = tripFacts(input.trip, { ...input, union: levelWords(input.meta).union }, [
    namesChiDoan(input) ? `Chi đoàn dự sinh hoạt: ${where}.` : `Đơn vị đến dự sinh hoạt chi đoàn: ${where}.`
  ])
  return [sectionHeading(1, 'Thông tin chung'), ...facts.map((f) => bullet(f))]
}

export function buildChiDoanReport(input: ChiDoanReportInput): Document {
  const { meta } = input
  const text = (key: string) => editable(CHI_DOAN_REPORT_TEXTS, key, input, meta)
  // The signature goes with the closing sentence and the last paragraph before it: never alone on a page.
  const last = { keepNext: true }
  const children: Block[] = [
    personalHeader(meta, input.reporter),
    ...titleBlock({ typeName: 'BÁO CÁO', summary: summaryOf(CHI_DOAN_REPORT_TEXTS, input, meta) }),
    ...factsSection(input),
    sectionHeading(2, 'Nội dung buổi sinh hoạt'),
    ...text('content'),
    sectionHeading(3, 'Số lượng tham dự'),
    ...text('attendance'),
    sectionHeading(4, 'Nhận xét, đánh giá'),
    ...text('assessment'),
    sectionHeading(5, 'Kiến nghị, đề xuất'),
    ...editable(CHI_DOAN_REPORT_TEXTS, 'proposals', input, meta, { keepTail: true }),
    ...editable(CHI_DOAN_REPORT_TEXTS, 'closing', input, meta, last),
    reporterSignature(input.reporter, recipientsOf(CHI_DOAN_REPORT_TEXTS, input, meta))
  ]
  return buildDocument({
    title: `Báo cáo kết quả dự sinh hoạt chi đoàn - chuyến ${input.trip.code}`,
    sections: [{ orientation: 'portrait', children }]
  })
}
