/**
 * "Danh sách tổng hợp đăng ký đi công tác cơ sở" for a quarter (research Mẫu 2 and Mẫu 3):
 * one row per cadre with the registered days by content kind and the total, grouped by ban
 * for the whole office, and a totals row.
 *   - of one ban: the ban's header, no number, signed by its head (Trưởng ban, Chánh Văn phòng);
 *   - of the office: a numbered DANH SÁCH of the Ban Thường vụ (TM. Ban Thường vụ).
 */
import type { Document, Paragraph } from 'docx'
import type { IsoDate } from '../../../shared/domain/dates'
import { formatDays } from './format'
import { CONTENT_KIND_SHORT_LABELS, CONTENT_KINDS, type ContentKind } from '../../../shared/domain/kinds'
import { emptyDaysByKind } from '../../../shared/domain/summary'
import {
  bodyParagraph,
  buildDocument,
  dataTable,
  DOCUMENT_TYPES,
  signatureBlock,
  titleBlock,
  toRoman,
  type Cell,
  type TableColumn,
  type Block,
  type DataTable
} from '../blocks'
import {
  archiveLine,
  documentHeader,
  documentSignature,
  editable,
  levelWords,
  lowerFirst,
  recipientsOf,
  summaryOf,
  summarySlot,
  summaryTitle,
  type DocumentMeta,
  type TextSlot
} from './common'
import { departmentHeader, quarterWords, type Quarter } from './trip-text'

export const REGISTRATION_SUMMARY_TYPE = 'DS' as const

export interface RegistrationRow {
  code: string
  name: string
  position: string
  daysByKind: Record<ContentKind, number>
  totalDays: number
  /** Short remarks: not yet registered, done so far, exemption or service dates in the quarter. */
  notes: string[]
}

export interface RegistrationGroup {
  departmentName: string
  rows: RegistrationRow[]
}

export interface RegistrationTotals {
  cadres: number
  /** Cadres with at least one day registered. */
  registered: number
  daysByKind: Record<ContentKind, number>
  totalDays: number
}

export interface RegistrationSummaryInput {
  meta: DocumentMeta
  year: number
  quarter: Quarter
  from: IsoDate
  to: IsoDate
  /** The ban listed, with who signs for it; null for the whole office. */
  department: { name: string; abbreviation: string; head: { title: string; name: string } } | null
  /** One group per ban (a single group for one ban). */
  groups: RegistrationGroup[]
  totals: RegistrationTotals
}

function whose(input: RegistrationSummaryInput): string {
  return input.department
    ? `của ${input.department.name}`
    : `của cán bộ cơ quan ${levelWords(input.meta).union}`
}

export function registrationSummaryLines(input: RegistrationSummaryInput): string[] {
  return [`Tổng hợp đăng ký đi công tác cơ sở ${quarterWords(input.quarter, input.year)}`, whose(input)]
}

export const REGISTRATION_SUMMARY_TEXTS: readonly TextSlot<RegistrationSummaryInput>[] = [
  summarySlot(registrationSummaryLines),
  {
    key: 'opening',
    label: 'Mở đầu',
    defaultText: (i) =>
      i.department
        ? `${i.department.name} tổng hợp đăng ký đi công tác cơ sở ${quarterWords(i.quarter, i.year)} của cán bộ ` +
          'trong ban như sau:'
        : `Ban Thường vụ ${levelWords(i.meta).union} tổng hợp đăng ký đi công tác cơ sở ` +
          `${quarterWords(i.quarter, i.year)} ${whose(i)} như sau:`
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) => {
      const { union } = levelWords(i.meta)
      if (i.department)
        return [
          `Thường trực ${union} (b/c)`,
          `Văn phòng ${union} (t/h)`,
          `Lưu ${i.department.abbreviation}`
        ].join('\n')
      return [`Thường trực ${union}`, `Các ban, văn phòng ${union}`, archiveLine(i.meta)].join('\n')
    }
  }
]

function daysCells(days: Record<ContentKind, number>, total: number, bold: boolean): Cell[] {
  return [
    ...CONTENT_KINDS.map((k): Cell => ({ text: formatDays(days[k]), bold })),
    { text: formatDays(total), bold: true }
  ]
}

function groupTotals(group: RegistrationGroup): { days: Record<ContentKind, number>; total: number } {
  const days = emptyDaysByKind()
  let total = 0
  for (const r of group.rows) {
    for (const k of CONTENT_KINDS) days[k] += r.daysByKind[k]
    total += r.totalDays
  }
  return { days, total }
}

function registrationTable(input: RegistrationSummaryInput): DataTable {
  const figure: TableColumn = { fit: true, align: 'center' }
  const columns: TableColumn[] = [
    figure,
    { weight: 3, align: 'left', whole: true },
    ...CONTENT_KINDS.map(() => figure),
    figure,
    { weight: 2, align: 'left' }
  ]
  const header: Cell[][] = [
    [
      { text: 'TT', rowSpan: 2 },
      { text: 'Họ và tên, chức vụ', rowSpan: 2 },
      { text: 'Số ngày đăng ký theo nội dung', columnSpan: CONTENT_KINDS.length },
      { text: 'Tổng số ngày', rowSpan: 2 },
      { text: 'Ghi chú', rowSpan: 2 }
    ],
    CONTENT_KINDS.map((k) => CONTENT_KIND_SHORT_LABELS[k])
  ]
  const rows: Cell[][] = []
  const grouped = input.department === null
  let n = 0
  input.groups.forEach((group, g) => {
    if (grouped) {
      // The ban's row carries its subtotals, so the office table needs no extra subtotal rows.
      const sub = groupTotals(group)
      rows.push([
        { text: toRoman(g + 1), bold: true },
        { text: group.departmentName, bold: true },
        ...daysCells(sub.days, sub.total, true),
        ''
      ])
    }
    for (const r of group.rows) {
      n += 1
      rows.push([
        String(n),
        { text: r.position ? [r.name, r.position] : [r.name] },
        ...daysCells(r.daysByKind, r.totalDays, false),
        r.notes.map((note, i) => (i === 0 ? note : lowerFirst(note))).join('; ')
      ])
    }
  })
  const t = input.totals
  return dataTable({
    columns,
    header,
    rows,
    totals: [{ text: 'Tổng cộng', columnSpan: 2 }, ...daysCells(t.daysByKind, t.totalDays, true), ''],
    keepWithNext: true
  })
}

function closingParagraph(input: RegistrationSummaryInput): Paragraph {
  const t = input.totals
  return bodyParagraph(
    `Tổng cộng: ${t.cadres} đồng chí, trong đó ${t.registered} đồng chí đã đăng ký; tổng số ` +
      `${formatDays(t.totalDays)} ngày đi cơ sở trong quý (cộng theo từng cán bộ).`,
    { keepNext: true }
  )
}

export function buildRegistrationSummary(input: RegistrationSummaryInput): Document {
  const { meta, department } = input
  const typeCode = REGISTRATION_SUMMARY_TYPE
  const header = department ? departmentHeader(meta, department.name) : documentHeader(meta, typeCode)
  const signature = department
    ? signatureBlock({
        authority: department.head.title,
        position: '',
        signerName: department.head.name,
        recipients: recipientsOf(REGISTRATION_SUMMARY_TEXTS, input, meta)
      })
    : documentSignature(REGISTRATION_SUMMARY_TEXTS, input, meta)
  const children: Block[] = [
    header,
    ...titleBlock({
      typeName: DOCUMENT_TYPES[typeCode],
      summary: summaryOf(REGISTRATION_SUMMARY_TEXTS, input, meta)
    }),
    ...editable(REGISTRATION_SUMMARY_TEXTS, 'opening', input, meta, { keepNext: true }),
    registrationTable(input),
    // The totals row, the closing figures and the signature stay together.
    bodyParagraph('', { keepNext: true }),
    closingParagraph(input),
    signature
  ]
  return buildDocument({
    title: `Tổng hợp đăng ký đi công tác cơ sở ${quarterWords(input.quarter, input.year)} ${whose(input)}`,
    sections: [{ orientation: 'portrait', children }]
  })
}

export function registrationSummaryTitle(input: RegistrationSummaryInput): string {
  return summaryTitle(REGISTRATION_SUMMARY_TEXTS, input, input.meta)
}
