/**
 * "Báo cáo kết quả đi công tác cơ sở theo chuyên đề" of one trip (research Mẫu 4), written by
 * the cadre within the report deadline after the trip: the facts of the trip from the data
 * (who, when, where, what), then tình hình chung, kết quả nắm bắt, khó khăn – vướng mắc and
 * đề xuất – kiến nghị as free text, signed by the reporting cadre. A personal report: the
 * ban's header, no number.
 */
import type { Document, Paragraph } from 'docx'
import { CONTENT_KIND_LABELS } from '../../../shared/domain/kinds'
import { bullet, sectionHeading } from '../blocks'
import { levelWords, lowerFirst, summarySlot, type DocumentMeta, type TextSlot } from './common'
import {
  periodWords,
  personalRecipients,
  tripFacts,
  unitWords,
  type CadreLine,
  type ReportedTrip
} from './trip-text'

import { buildPersonalReport } from './personal-report'

export interface TripReportInput {
  meta: DocumentMeta
  trip: ReportedTrip
  reporter: CadreLine
  /** The other cadres of the trip. */
  companions: CadreLine[]
}

function placeWords(input: TripReportInput): string {
  return input.trip.units.map((u) => u.name).join(', ') || 'cơ sở'
}

/**
 * The trích yếu: what the trip was about (its topic, in quotes), or, without a topic, its
 * kind, where and when, so the line still tells one report from another in the register.
 */
export function tripReportSummaryLines(input: TripReportInput): string[] {
  const { trip } = input
  const topic = trip.topic?.trim()
  if (topic) {
    const first =
      trip.kind === 'CHUYEN_DE' ? 'Kết quả đi công tác cơ sở theo chuyên đề' : 'Kết quả đi công tác cơ sở'
    return [first, `“${topic}”`]
  }
  const first =
    trip.kind === 'CHUYEN_DE'
      ? 'Kết quả đi công tác cơ sở theo chuyên đề'
      : `Kết quả đi công tác cơ sở: ${lowerFirst(CONTENT_KIND_LABELS[trip.kind])}`
  return [first, `tại ${placeWords(input)} ${periodWords(trip)}`]
}

export const TRIP_REPORT_TEXTS: readonly TextSlot<TripReportInput>[] = [
  summarySlot(tripReportSummaryLines),
  {
    key: 'situation',
    label: 'II. Tình hình chung của đơn vị',
    defaultText: (i) =>
      `Tình hình tổ chức Đoàn, đoàn viên, thanh niên tại ${placeWords(i)}: số lượng đoàn viên, chất lượng sinh hoạt ` +
      'của các chi đoàn, hoạt động nổi bật thời gian qua và sự quan tâm của cấp ủy, chính quyền địa phương.'
  },
  {
    key: 'findings',
    label: 'III. Kết quả nắm bắt tình hình',
    defaultText: (i) => {
      const topic = i.trip.topic?.trim()
      return [
        topic
          ? `Về chuyên đề “${topic}”: kết quả làm việc, trao đổi với Ban Thường vụ, Ban Chấp hành Đoàn cơ sở và ` +
            'đoàn viên, thanh niên.'
          : `Về nội dung ${lowerFirst(CONTENT_KIND_LABELS[i.trip.kind])}: kết quả làm việc, trao đổi với Ban ` +
            'Thường vụ, Ban Chấp hành Đoàn cơ sở và đoàn viên, thanh niên.',
        'Tư tưởng, nguyện vọng của đoàn viên, thanh niên; những cách làm hay, mô hình hiệu quả của cơ sở.'
      ].join('\n')
    }
  },
  {
    key: 'difficulties',
    label: 'IV. Khó khăn, vướng mắc',
    defaultText: () =>
      'Những khó khăn, vướng mắc của cơ sở trong tổ chức hoạt động và sinh hoạt Đoàn (kinh phí, cơ sở vật chất, ' +
      'đoàn viên đi làm ăn xa, năng lực cán bộ Đoàn cơ sở).'
  },
  {
    key: 'proposals',
    label: 'V. Đề xuất, kiến nghị',
    defaultText: (i) =>
      [
        `Đối với Ban Thường vụ ${levelWords(i.meta).union}: hướng dẫn, hỗ trợ cơ sở tháo gỡ những khó khăn nêu trên.`,
        'Đối với cấp ủy, chính quyền địa phương: tiếp tục quan tâm, tạo điều kiện cho hoạt động của tổ chức Đoàn.'
      ].join('\n')
  },
  {
    key: 'closing',
    label: 'Câu kết',
    defaultText: (i) =>
      `Trên đây là báo cáo kết quả đi công tác cơ sở tại ${placeWords(i)} ${periodWords(i.trip)}./.`
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) => personalRecipients(i.reporter, levelWords(i.meta).union).join('\n')
  }
]

function factsSection(input: TripReportInput): Paragraph[] {
  const { trip } = input
  const content = trip.topic?.trim()
    ? `${CONTENT_KIND_LABELS[trip.kind]}; chủ đề: “${trip.topic.trim()}”`
    : CONTENT_KIND_LABELS[trip.kind]
  const facts = tripFacts(trip, { ...input, union: levelWords(input.meta).union }, [
    `Đơn vị cơ sở đến: ${trip.units.map(unitWords).join('; ') || '-'}.`,
    `Nội dung đi cơ sở: ${content}.`
  ])
  return [sectionHeading(1, 'Thông tin chung'), ...facts.map((f) => bullet(f))]
}

export function buildTripReport(input: TripReportInput): Document {
  return buildPersonalReport({
    slots: TRIP_REPORT_TEXTS,
    input,
    facts: factsSection(input),
    sections: [
      ['Tình hình chung của đơn vị', 'situation'],
      ['Kết quả nắm bắt tình hình', 'findings'],
      ['Khó khăn, vướng mắc', 'difficulties'],
      ['Đề xuất, kiến nghị', 'proposals']
    ],
    title: `Báo cáo kết quả đi công tác cơ sở - chuyến ${input.trip.code}`
  })
}
