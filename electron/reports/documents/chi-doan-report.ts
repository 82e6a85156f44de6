/**
 * "Báo cáo kết quả dự sinh hoạt chi đoàn" (research Mẫu 5) for one trip of kind "Dự sinh hoạt
 * chi đoàn": the chi đoàn and the unit above it, the time and the cadre from the data; the
 * content of the meeting, the number attending, the assessment and the recommendations as
 * free text the cadre fills in. A personal report: the ban's header, no number.
 */
import type { Document, Paragraph } from 'docx'
import { bullet, sectionHeading } from '../blocks'
import { levelWords, summarySlot, type DocumentMeta, type TextSlot } from './common'
import {
  periodWords,
  personalRecipients,
  tripFacts,
  unitWords,
  type CadreLine,
  type ReportedTrip
} from './trip-text'

import { buildPersonalReport } from './personal-report'

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
  return buildPersonalReport({
    slots: CHI_DOAN_REPORT_TEXTS,
    input,
    facts: factsSection(input),
    sections: [
      ['Nội dung buổi sinh hoạt', 'content'],
      ['Số lượng tham dự', 'attendance'],
      ['Nhận xét, đánh giá', 'assessment'],
      ['Kiến nghị, đề xuất', 'proposals']
    ],
    title: `Báo cáo kết quả dự sinh hoạt chi đoàn - chuyến ${input.trip.code}`
  })
}
