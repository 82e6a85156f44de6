/**
 * "Phiếu đăng ký xây dựng Đoàn cơ sở “3 chủ động” năm N" (research §3.9): what the grassroots
 * union sends its overseeing union: the unit, its plan, the checklist it commits to, the
 * criteria it finds hard, signed by its secretary for the BCH. The unit's own paper: its
 * header, no number. Without a unit named, one page per registered unit.
 */
import type { Document } from 'docx'
import type { RegistrationDetail } from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import { UNIT_KIND_LABELS } from '../../../../shared/domain/kinds'
import {
  bodyParagraph,
  buildDocument,
  clauseHeading,
  emptyLine,
  headerBlock,
  placeDateLine,
  signatureBlock,
  textBlock,
  titleBlock,
  type Block
} from '../../blocks'
import { editable, summaryOf, summarySlot, type DocumentMeta, type TextSlot } from '../common'
import { criteriaTable, programme, upper } from './common'

export interface ThreeActiveFormInput {
  meta: DocumentMeta
  year: number
  units: RegistrationDetail[]
}

export const THREE_ACTIVE_FORM_TEXTS: readonly TextSlot<ThreeActiveFormInput>[] = [
  summarySlot((i) => [`Xây dựng ${programme(i.year)}`]),
  {
    key: 'commitment',
    label: 'Cam kết của đơn vị',
    defaultText: (i) =>
      `Ban Chấp hành đơn vị cam kết tổ chức thực hiện đầy đủ kế hoạch đã đăng ký, phấn đấu đạt ` +
      `cả ba trụ cột "3 chủ động" trong năm ${i.year}./.`
  }
]

function unitPage(input: ThreeActiveFormInput, d: RegistrationDetail): Block[] {
  const { meta } = input
  const parentName = d.parent?.name ?? meta.issuer.issuerName
  const header = headerBlock({
    superiorName: upper(parentName),
    issuerName: `BCH ${upper(d.unit.name)}`,
    numberLine: '',
    dateLine: placeDateLine(meta.issuer.placeName, d.registeredOn)
  })
  const plan: Block[] = []
  if (d.planText) plan.push(...textBlock(d.planText))
  if (d.planFileName)
    plan.push(bodyParagraph(`Kế hoạch chi tiết gửi kèm theo phiếu này (tệp ${d.planFileName}).`))
  if (plan.length === 0) plan.push(bodyParagraph('Đơn vị gửi kế hoạch thực hiện sau.'))
  return [
    header,
    ...titleBlock({ typeName: 'PHIẾU ĐĂNG KÝ', summary: summaryOf(THREE_ACTIVE_FORM_TEXTS, input, meta) }),
    bodyParagraph([
      { text: 'Kính gửi: ', bold: true, italics: true },
      { text: `Ban Thường vụ ${parentName}`, bold: true }
    ]),
    bodyParagraph(
      `Ban Chấp hành ${d.unit.name} đăng ký xây dựng ${programme(input.year)} với các nội dung sau:`
    ),
    clauseHeading(1, 'Thông tin đơn vị'),
    bodyParagraph(`- Tên đơn vị: ${d.unit.name} (${UNIT_KIND_LABELS[d.unit.kind].toLowerCase()}).`),
    bodyParagraph(`- Đơn vị cấp trên trực tiếp: ${parentName}.`),
    bodyParagraph(`- Ngày đăng ký: ${formatDateVi(d.registeredOn)}.`),
    clauseHeading(2, 'Kế hoạch thực hiện'),
    ...plan,
    clauseHeading(3, 'Các tiêu chí đăng ký thực hiện'),
    bodyParagraph('Đơn vị đăng ký thực hiện đầy đủ các tiêu chí dưới đây (x: tiêu chí bắt buộc).', {
      keepNext: true
    }),
    criteriaTable(d.marks, { marks: false }),
    emptyLine(),
    clauseHeading(4, 'Tiêu chí đơn vị thấy khó thực hiện, đề xuất'),
    ...(d.hardCriteria ? textBlock(d.hardCriteria) : [bodyParagraph('Không có.')]),
    ...editable(THREE_ACTIVE_FORM_TEXTS, 'commitment', input, meta, { keepTail: true }),
    signatureBlock({
      authority: 'TM. BAN CHẤP HÀNH',
      position: 'BÍ THƯ',
      signerName: '',
      recipients: [`Ban Thường vụ ${parentName} (b/c)`, 'Lưu VP']
    })
  ]
}

export function buildThreeActiveForm(input: ThreeActiveFormInput): Document {
  return buildDocument({
    title: `Phiếu đăng ký xây dựng ${programme(input.year)}`,
    sections: input.units.map((d) => ({ orientation: 'portrait' as const, children: unitPage(input, d) }))
  })
}
