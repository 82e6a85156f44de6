/**
 * "Quyết định công nhận Đoàn cơ sở đạt “3 chủ động” năm N" of the Ban Thường vụ, numbered
 * from the register (QĐ), with its annexed list: the recognised units, and the units not
 * recognised with the pillars they failed (research §3.9, RULES.md §10).
 */
import type { Document } from 'docx'
import type { RegistrationLine, ThreeActiveYearView } from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import { UNIT_KIND_LABELS } from '../../../../shared/domain/kinds'
import { PILLAR_SHORT_LABELS } from '../../../../shared/domain/three-active'
import {
  bodyParagraph,
  buildDocument,
  dataTable,
  emptyLine,
  line,
  SIZE,
  titleBlock,
  type Block,
  type Cell,
  type TableColumn
} from '../../blocks'
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
} from '../common'
import { programme } from './common'

export const THREE_ACTIVE_DECISION_TYPE = 'QĐ' as const

export interface ThreeActiveDecisionInput {
  meta: DocumentMeta
  year: number
  view: ThreeActiveYearView
  decidedOn: string
}

function recognised(i: ThreeActiveDecisionInput): RegistrationLine[] {
  return i.view.registrations.filter((l) => l.recognised)
}

function notRecognised(i: ThreeActiveDecisionInput): RegistrationLine[] {
  return i.view.registrations.filter((l) => !l.recognised)
}

/** The guidance of the programme period the year belongs to. */
function guidance(i: ThreeActiveDecisionInput): string {
  const { startYear, endYear } = i.view.period
  return startYear === 2018
    ? 'Căn cứ Hướng dẫn số 08-HD/TWĐTN-BTC ngày 16/5/2018 của Ban Bí thư Trung ương Đoàn về xây dựng Đoàn cơ sở "3 chủ động" giai đoạn 2018 – 2022'
    : `Căn cứ hướng dẫn của Ban Bí thư Trung ương Đoàn về xây dựng Đoàn cơ sở "3 chủ động" giai đoạn ${startYear} – ${endYear}`
}

export const THREE_ACTIVE_DECISION_TEXTS: readonly TextSlot<ThreeActiveDecisionInput>[] = [
  summarySlot((i) => ['Về việc công nhận Đoàn cơ sở đạt "3 chủ động"', `năm ${i.year}`]),
  {
    key: 'basis',
    label: 'Căn cứ (mỗi dòng một căn cứ)',
    defaultText: (i) =>
      [
        'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;',
        `${guidance(i)};`,
        `Căn cứ kết quả đánh giá xây dựng Đoàn cơ sở "3 chủ động" năm ${i.year} ngày ${formatDateVi(i.decidedOn)};`,
        `Xét đề nghị của Ban Tổ chức – Kiểm tra ${levelWords(i.meta).union},`
      ].join('\n')
  },
  {
    key: 'execution',
    label: 'Điều thi hành',
    defaultText: (i) =>
      `Ban Tổ chức – Kiểm tra, Văn phòng ${levelWords(i.meta).union} và các đơn vị có tên tại Điều 1, ` +
      'Điều 2 căn cứ quyết định thi hành. Quyết định có hiệu lực kể từ ngày ký./.'
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) =>
      [
        'Như Điều 3',
        'Ban Tổ chức Trung ương Đoàn (b/c)',
        `Thường trực ${levelWords(i.meta).union}`,
        archiveLine(i.meta)
      ].join('\n')
  }
]

function article(n: number, text: string): Block {
  return bodyParagraph([{ text: `Điều ${n}. `, bold: true }, text])
}

function listTables(i: ThreeActiveDecisionInput): Block[] {
  const columns: TableColumn[] = [
    { fit: true, align: 'center' },
    { weight: 3, align: 'left', whole: true },
    { weight: 1.4, align: 'left' },
    { weight: 2.2, align: 'left' }
  ]
  const yes = recognised(i)
  const no = notRecognised(i)
  const out: Block[] = [
    bodyParagraph(`I. ĐƠN VỊ ĐƯỢC CÔNG NHẬN (${yes.length} đơn vị)`, {
      keepNext: true,
      style: { bold: true }
    }),
    yes.length === 0
      ? bodyParagraph('Không có đơn vị nào.')
      : dataTable({
          columns,
          header: [['TT', 'Tên đơn vị', 'Loại đơn vị', 'Đơn vị đánh giá']],
          rows: yes.map((l, n): Cell[] => [
            String(n + 1),
            l.unit.name,
            UNIT_KIND_LABELS[l.unit.kind],
            l.evaluator?.name ?? 'Ban Thường vụ'
          ])
        })
  ]
  if (no.length > 0) {
    out.push(
      emptyLine(),
      bodyParagraph(`II. ĐƠN VỊ CHƯA ĐƯỢC CÔNG NHẬN (${no.length} đơn vị)`, {
        keepNext: true,
        style: { bold: true }
      }),
      dataTable({
        columns,
        header: [['TT', 'Tên đơn vị', 'Loại đơn vị', 'Trụ cột chưa đạt']],
        rows: no.map((l, n): Cell[] => [
          String(n + 1),
          l.unit.name,
          UNIT_KIND_LABELS[l.unit.kind],
          l.failedPillars.map((p) => `Trụ cột ${p} (${PILLAR_SHORT_LABELS[p].toLowerCase()})`).join('; ')
        ])
      })
    )
  }
  return out
}

export function buildThreeActiveDecision(input: ThreeActiveDecisionInput): Document {
  const { meta, year } = input
  const typeCode = THREE_ACTIVE_DECISION_TYPE
  const yes = recognised(input).length
  const no = notRecognised(input).length
  const body = `BAN THƯỜNG VỤ ${meta.issuer.issuerLevelName.toUpperCase()}`
  const main: Block[] = [
    documentHeader(meta, typeCode),
    ...titleBlock({ typeName: 'QUYẾT ĐỊNH', summary: summaryOf(THREE_ACTIVE_DECISION_TEXTS, input, meta) }),
    line(body, { bold: true, size: SIZE.body, after: 120, keepNext: true }),
    ...editable(THREE_ACTIVE_DECISION_TEXTS, 'basis', input, meta, { style: { italics: true } }),
    line('QUYẾT ĐỊNH:', { bold: true, size: SIZE.body, before: 120, after: 120, keepNext: true }),
    article(1, `Công nhận ${yes} đơn vị đạt ${programme(year)} (có danh sách kèm theo).`),
    article(
      2,
      no === 0
        ? 'Các đơn vị đã đăng ký đều đạt đủ ba trụ cột.'
        : `${no} đơn vị chưa được công nhận do chưa đạt tiêu chí bắt buộc của ít nhất một trụ cột (có danh sách kèm theo).`
    ),
    bodyParagraph([{ text: 'Điều 3. ', bold: true }, editableText(input)], { keepNext: true }),
    documentSignature(THREE_ACTIVE_DECISION_TEXTS, input, meta)
  ]
  const appendix: Block[] = [
    ...titleBlock({
      typeName: 'DANH SÁCH',
      summary: [`Đoàn cơ sở "3 chủ động" năm ${year}`],
      note: attachmentReference(meta, typeCode)
    }),
    ...listTables(input)
  ]
  return buildDocument({
    title: `Quyết định công nhận ${programme(year)}`,
    sections: [
      { orientation: 'portrait', children: main },
      { orientation: 'portrait', children: appendix }
    ]
  })
}

function editableText(input: ThreeActiveDecisionInput): string {
  const given = input.meta.texts.execution
  return given !== undefined && given.trim() !== ''
    ? given
    : THREE_ACTIVE_DECISION_TEXTS.find((s) => s.key === 'execution')!.defaultText(input)
}

export function threeActiveDecisionTitle(input: ThreeActiveDecisionInput): string {
  return summaryTitle(THREE_ACTIVE_DECISION_TEXTS, input, input.meta)
}
