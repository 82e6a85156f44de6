/**
 * "Báo cáo kết quả dự sinh hoạt chi đoàn" (research Mẫu 5) for one trip of kind "Dự sinh hoạt
 * chi đoàn": the chi đoàn and the unit above it, the time and the cadre from the data; the
 * content of the meeting, the number attending, the assessment and the recommendations as
 * free text the cadre fills in. A personal report: the ban's header, no number.
 */
import type { Document, Paragraph, Table } from 'docx'
import { buildDocument, bullet, sectionHeading, titleBlock } from '../blocks'
import { editable, levelWords, textOf, type DocumentMeta, type TextSlot } from './common'
import {
  departmentHeader,
  periodWords,
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

function chiDoanNames(input: ChiDoanReportInput): string {
  return chiDoanUnits(input)
    .map((u) => u.name)
    .join(', ')
}

export function chiDoanReportSummaryLines(input: ChiDoanReportInput): string[] {
  return ['Kết quả dự sinh hoạt chi đoàn', chiDoanNames(input)]
}

export const CHI_DOAN_REPORT_TEXTS: readonly TextSlot<ChiDoanReportInput>[] = [
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
      `Trên đây là báo cáo kết quả dự sinh hoạt ${chiDoanNames(i)} ${periodWords(i.trip)}./.`
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) => {
      const { union } = levelWords(i.meta)
      return [
        `Thường trực ${union} (b/c)`,
        `Lãnh đạo ${i.reporter.departmentName}`,
        'Lưu hồ sơ đi cơ sở'
      ].join('\n')
    }
  }
]

function factsSection(input: ChiDoanReportInput): Paragraph[] {
  const facts = tripFacts(input.trip, { ...input, union: levelWords(input.meta).union }, [
    `Chi đoàn dự sinh hoạt: ${chiDoanUnits(input).map(unitWords).join('; ') || '-'}.`
  ])
  return [sectionHeading(1, 'Thông tin chung'), ...facts.map((f) => bullet(f))]
}

export function buildChiDoanReport(input: ChiDoanReportInput): Document {
  const { meta } = input
  const text = (key: string) => editable(CHI_DOAN_REPORT_TEXTS, key, input, meta)
  const children: Array<Paragraph | Table> = [
    departmentHeader(meta, input.reporter.departmentName),
    ...titleBlock({ typeName: 'BÁO CÁO', summary: chiDoanReportSummaryLines(input) }),
    ...factsSection(input),
    sectionHeading(2, 'Nội dung buổi sinh hoạt'),
    ...text('content'),
    sectionHeading(3, 'Số lượng tham dự'),
    ...text('attendance'),
    sectionHeading(4, 'Nhận xét, đánh giá'),
    ...text('assessment'),
    sectionHeading(5, 'Kiến nghị, đề xuất'),
    ...text('proposals'),
    ...editable(CHI_DOAN_REPORT_TEXTS, 'closing', input, meta, { keepNext: true }),
    reporterSignature(input.reporter, textOf(CHI_DOAN_REPORT_TEXTS, 'recipients', input, meta).split(/\r?\n/))
  ]
  return buildDocument({
    title: `Báo cáo kết quả dự sinh hoạt chi đoàn - chuyến ${input.trip.code}`,
    sections: [{ orientation: 'portrait', children }]
  })
}
