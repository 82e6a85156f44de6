/**
 * "Phiếu đăng ký đi công tác cơ sở" of one cadre for a quarter (research Mẫu 1): who, the
 * days done so far this year, the trips registered for the quarter with their days, and two
 * signatures: the head of the ban confirms, the cadre signs. A personal form: the ban's
 * header, no number, no "TM. Ban Thường vụ".
 */
import type { Document, Paragraph } from 'docx'
import { formatDateVi, type IsoDate } from '../../../shared/domain/dates'
import { formatDays } from './format'
import { CONTENT_KIND_SHORT_LABELS, isCountedStatus, TRIP_STATUS_LABELS } from '../../../shared/domain/kinds'
import {
  bodyParagraph,
  buildDocument,
  dataTable,
  titleBlock,
  type Cell,
  type TableColumn,
  type Block,
  type DataTable
} from '../blocks'
import { signaturePair } from '../blocks/signature-pair'
import { editable, levelWords, summaryOf, summarySlot, type DocumentMeta, type TextSlot } from './common'
import {
  periodCell,
  personalHeader,
  quarterWords,
  type CadreLine,
  type Quarter,
  type ScheduledTrip
} from './trip-text'

export interface RegistrationFormInput {
  meta: DocumentMeta
  year: number
  quarter: Quarter
  from: IsoDate
  to: IsoDate
  cadre: CadreLine
  /**
   * The head of the cadre's ban who confirms ("Trưởng ban", name; the name may be empty when no
   * head is on record); null when the cadre heads the ban, so the Thường trực confirms.
   */
  confirmer: { title: string; name: string } | null
  /** The cadre's trips touching the quarter; `days` = the days each adds (one slot counted once). */
  trips: ScheduledTrip[]
  totalDays: number
  /** Days done this year before the quarter (year summary the day before it starts); null in the first quarter. */
  doneBefore: { asOf: IsoDate; days: number; target: number | null } | null
}

export function registrationFormSummaryLines(input: RegistrationFormInput): string[] {
  return [`Đi công tác cơ sở ${quarterWords(input.quarter, input.year)}`]
}

export const REGISTRATION_FORM_TEXTS: readonly TextSlot<RegistrationFormInput>[] = [
  summarySlot(registrationFormSummaryLines),
  {
    key: 'commitment',
    label: 'Cam kết của người đăng ký',
    defaultText: (i) =>
      'Tôi cam kết đi cơ sở đúng lịch đã đăng ký và báo cáo kết quả sau mỗi chuyến đi; trường hợp thay đổi lịch, ' +
      `tôi báo cáo lãnh đạo ban và Thường trực ${levelWords(i.meta).union} để điều chỉnh.`
  }
]

function identity(input: RegistrationFormInput): Paragraph[] {
  const { cadre } = input
  const label = (name: string, value: string) =>
    bodyParagraph([`${name}: `, { text: value, bold: true }], { noIndent: true })
  const out = [
    label('Họ và tên', cadre.name),
    label('Chức vụ', cadre.position || '-'),
    label('Đơn vị công tác', `${cadre.departmentName}, cơ quan ${levelWords(input.meta).union}`)
  ]
  const before = input.doneBefore
  if (before) {
    const target =
      before.target === null ? 'không tính chỉ tiêu' : `chỉ tiêu năm ${formatDays(before.target)} ngày`
    out.push(
      bodyParagraph(
        `Số ngày đã đi cơ sở năm ${input.year} (tính đến ngày ${formatDateVi(before.asOf)}): ` +
          `${formatDays(before.days)} ngày (${target}).`,
        { noIndent: true }
      )
    )
  }
  out.push(
    bodyParagraph(`Đăng ký lịch đi công tác cơ sở ${quarterWords(input.quarter, input.year)} như sau:`, {
      noIndent: true,
      keepNext: true
    })
  )
  return out
}

function tripsTable(input: RegistrationFormInput): DataTable {
  const figure: TableColumn = { fit: true, align: 'center' }
  const columns: TableColumn[] = [
    figure,
    figure,
    { weight: 3, align: 'left' },
    { weight: 1.6, align: 'center' },
    { weight: 3, align: 'left' },
    figure,
    // "Đã báo cáo" on one line.
    { weight: 1.8, align: 'left', minWidth: 1150 }
  ]
  const rows: Cell[][] = input.trips.length
    ? input.trips.map((t, i) => [
        String(i + 1),
        { text: periodCell(t) },
        { text: t.unitNames.length ? t.unitNames : ['-'] },
        CONTENT_KIND_SHORT_LABELS[t.kind],
        t.topic ?? '',
        formatDays(t.days),
        [isCountedStatus(t.status) ? TRIP_STATUS_LABELS[t.status] : '', t.note?.trim() ?? '']
          .filter(Boolean)
          .join('; ')
      ])
    : [[{ text: 'Chưa có chuyến đi nào trong quý.', columnSpan: columns.length, italics: true }]]
  return dataTable({
    columns,
    header: [
      ['TT', 'Thời gian', 'Đơn vị cơ sở đến', 'Loại nội dung', 'Nội dung, chủ đề', 'Số ngày', 'Ghi chú']
    ],
    rows,
    totals: [{ text: 'Tổng số ngày đăng ký trong quý', columnSpan: 5 }, formatDays(input.totalDays), ''],
    keepWithNext: true
  })
}

export function buildRegistrationForm(input: RegistrationFormInput): Document {
  const { meta } = input
  // The totals row, the commitment and the signatures go together: the signatures never stand
  // alone on a page, the last rows of the table come with them.
  const children: Block[] = [
    personalHeader(meta, input.cadre),
    ...titleBlock({ typeName: 'PHIẾU ĐĂNG KÝ', summary: summaryOf(REGISTRATION_FORM_TEXTS, input, meta) }),
    ...identity(input),
    tripsTable(input),
    bodyParagraph('', { keepNext: true }),
    ...editable(REGISTRATION_FORM_TEXTS, 'commitment', input, meta, { keepNext: true }),
    signaturePair(
      input.confirmer
        ? { title: `Xác nhận của ${input.confirmer.title}`, name: input.confirmer.name }
        : // The Thường trực confirms a head's or a leader's form.
          { title: `Xác nhận của Thường trực ${levelWords(meta).union}`, name: '' },
      { title: 'Người đăng ký', name: input.cadre.name }
    )
  ]
  return buildDocument({
    title: `Phiếu đăng ký đi công tác cơ sở ${quarterWords(input.quarter, input.year)} - ${input.cadre.name}`,
    sections: [{ orientation: 'portrait', children }]
  })
}
