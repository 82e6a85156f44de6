/**
 * "Biên bản đánh giá xây dựng Đoàn cơ sở “3 chủ động” năm N" (research §3.9): per unit, each
 * criterion đạt / không đạt with its evidence, each pillar's result, the conclusion, the
 * evaluating union (the unit's parent on the evaluation date) and the follower. A record of
 * the evaluation meeting: the evaluating union's header, no number, signed by the chair and
 * the secretary. Without a unit named, one record per evaluated unit.
 */
import type { Document } from 'docx'
import type { RegistrationDetail } from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import { failedPillarsText, RESULT_LABELS, type Pillar } from '../../../../shared/domain/three-active'
import {
  bodyParagraph,
  buildDocument,
  emptyLine,
  headerBlock,
  placeDateLine,
  titleBlock,
  type Block
} from '../../blocks'
import { signaturePair } from '../../blocks/signature-pair'
import { editable, summaryOf, summarySlot, type DocumentMeta, type TextSlot } from '../common'
import { criteriaTable, programme, upper } from './common'

export interface ThreeActiveRecordInput {
  meta: DocumentMeta
  year: number
  units: RegistrationDetail[]
}

export const THREE_ACTIVE_RECORD_TEXTS: readonly TextSlot<ThreeActiveRecordInput>[] = [
  summarySlot((i) => [`Đánh giá kết quả xây dựng ${programme(i.year)}`]),
  {
    key: 'closing',
    label: 'Kết thúc biên bản',
    defaultText: () =>
      'Biên bản được thông qua tại cuộc họp, các thành viên dự họp nhất trí với kết quả đánh giá./.'
  }
]

function evaluatorName(input: ThreeActiveRecordInput, d: RegistrationDetail): string {
  return d.evaluator?.name ?? input.meta.issuer.issuerName
}

function unitPage(input: ThreeActiveRecordInput, d: RegistrationDetail): Block[] {
  const { meta } = input
  const evaluator = evaluatorName(input, d)
  const pillarResults: Partial<Record<Pillar, string>> = {}
  for (const p of d.pillars)
    pillarResults[p.pillar] = p.status === 'DAT' ? 'Đạt' : p.status === 'KHONG_DAT' ? 'Không đạt' : 'Chưa đủ'
  const conclusion =
    d.result === 'DAT'
      ? `${d.unit.name} ĐẠT Đoàn cơ sở "3 chủ động" năm ${input.year} (cả ba trụ cột đạt).`
      : d.result === 'KHONG_DAT'
        ? `${d.unit.name} KHÔNG ĐẠT Đoàn cơ sở "3 chủ động" năm ${input.year}; chưa đạt: ${failedPillarsText(d.failedPillars)}.`
        : `${d.unit.name}: ${RESULT_LABELS[d.result].toLowerCase()} các tiêu chí bắt buộc.`
  return [
    headerBlock({
      issuerName: `BAN THƯỜNG VỤ\n${upper(evaluator)}`,
      numberLine: '',
      dateLine: placeDateLine(meta.issuer.placeName, d.evaluatedOn ?? { draftYear: meta.draftYear })
    }),
    ...titleBlock({
      typeName: 'BIÊN BẢN',
      summary: [...summaryOf(THREE_ACTIVE_RECORD_TEXTS, input, meta), `của ${d.unit.name}`]
    }),
    bodyParagraph(
      `Hôm nay, ngày ${d.evaluatedOn ? formatDateVi(d.evaluatedOn) : '……'}, Ban Thường vụ ${evaluator} ` +
        `đánh giá kết quả xây dựng Đoàn cơ sở "3 chủ động" năm ${input.year} của ${d.unit.name} ` +
        `(đăng ký ngày ${formatDateVi(d.registeredOn)}${d.late ? ', sau hạn đăng ký' : ''}).`
    ),
    bodyParagraph(
      d.follower
        ? `Cán bộ theo dõi: đồng chí ${d.follower.fullName}; số lần đi cơ sở tại đơn vị trong năm: ${d.visits}.`
        : 'Đơn vị chưa được phân công cán bộ theo dõi.'
    ),
    bodyParagraph('Kết quả đánh giá từng tiêu chí (x: tiêu chí bắt buộc):', { keepNext: true }),
    criteriaTable(d.marks, { marks: true, pillarResults }),
    emptyLine(),
    bodyParagraph([{ text: 'Kết luận: ', bold: true }, conclusion], { keepNext: true }),
    ...(d.evaluationNote ? [bodyParagraph(`Ghi chú: ${d.evaluationNote}`, { keepNext: true })] : []),
    ...editable(THREE_ACTIVE_RECORD_TEXTS, 'closing', input, meta, { keepTail: true }),
    signaturePair({ title: 'THƯ KÝ', name: '' }, { title: 'CHỦ TRÌ', name: '' })
  ]
}

export function buildThreeActiveRecord(input: ThreeActiveRecordInput): Document {
  return buildDocument({
    title: `Biên bản đánh giá xây dựng ${programme(input.year)}`,
    sections: input.units.map((d) => ({ orientation: 'portrait' as const, children: unitPage(input, d) }))
  })
}
