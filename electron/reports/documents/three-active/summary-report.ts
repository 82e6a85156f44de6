/**
 * "Báo cáo kết quả xây dựng Đoàn cơ sở “3 chủ động” năm N" of the Ban Thường vụ (research
 * §3.9): registered against recognised, by unit kind, with the rates; the late registrations,
 * the follow-up and the units not recognised with the pillars they failed. Numbered (BC).
 */
import type { Document } from 'docx'
import type { KindCounts, ThreeActiveYearView } from '../../../../shared/api/three-active'
import { formatDateVi } from '../../../../shared/domain/dates'
import { formatPercent } from '../../../../shared/domain/format'
import { UNIT_KIND_LABELS } from '../../../../shared/domain/kinds'
import { rate } from '../../../../shared/domain/three-active'
import {
  bodyParagraph,
  buildDocument,
  bullet,
  dataTable,
  emptyLine,
  sectionHeading,
  titleBlock,
  type Block,
  type Cell,
  type TableColumn
} from '../../blocks'
import {
  archiveLine,
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

export const THREE_ACTIVE_REPORT_TYPE = 'BC' as const

export interface ThreeActiveReportInput {
  meta: DocumentMeta
  year: number
  view: ThreeActiveYearView
}

export const THREE_ACTIVE_REPORT_TEXTS: readonly TextSlot<ThreeActiveReportInput>[] = [
  summarySlot((i) => [`Kết quả xây dựng ${programme(i.year)}`]),
  {
    key: 'opening',
    label: 'Mở đầu',
    defaultText: (i) =>
      `Ban Thường vụ ${levelWords(i.meta).union} báo cáo kết quả đăng ký, theo dõi, đánh giá và công nhận ` +
      `${programme(i.year)} như sau:`
  },
  {
    key: 'direction',
    label: 'Phương hướng, đề xuất',
    defaultText: (i) =>
      `Tiếp tục hướng dẫn các đơn vị chưa đạt khắc phục các tiêu chí bắt buộc; đôn đốc các đơn vị đăng ký ` +
      `xây dựng Đoàn cơ sở "3 chủ động" năm ${i.year + 1} đúng hạn./.`
  },
  {
    key: 'recipients',
    label: 'Nơi nhận (mỗi dòng một nơi)',
    defaultText: (i) => {
      const { union, party } = levelWords(i.meta)
      return [
        'Ban Tổ chức Trung ương Đoàn (b/c)',
        `Thường trực ${party} (b/c)`,
        `Thường trực ${union}`,
        archiveLine(i.meta)
      ].join('\n')
    }
  }
]

function pct(part: number, whole: number): string {
  return whole === 0 ? '–' : formatPercent(rate(part, whole))
}

function kindTable(view: ThreeActiveYearView) {
  const figure: TableColumn = { fit: true, align: 'center' }
  const cells = (c: Omit<KindCounts, 'kind'>, bold: boolean): Cell[] =>
    [
      c.units,
      c.registered,
      pct(c.registered, c.units),
      c.late,
      c.evaluated,
      c.recognised,
      pct(c.recognised, c.registered)
    ].map((v): Cell => ({ text: String(v), bold }))
  return dataTable({
    columns: [
      figure,
      { weight: 2, align: 'left', whole: true },
      figure,
      figure,
      figure,
      figure,
      figure,
      figure,
      figure
    ],
    header: [
      [
        'TT',
        'Loại đơn vị',
        'Số đơn vị',
        'Đăng ký',
        'Tỉ lệ đăng ký',
        'Sau hạn',
        'Đã đánh giá',
        'Được công nhận',
        'Tỉ lệ công nhận/ đăng ký'
      ]
    ],
    rows: view.byKind.map((c, n) => [String(n + 1), UNIT_KIND_LABELS[c.kind], ...cells(c, false)]),
    totals: [{ text: 'Tổng cộng', columnSpan: 2 }, ...cells(view.totals, true)]
  })
}

export function buildThreeActiveReport(input: ThreeActiveReportInput): Document {
  const { meta, view, year } = input
  const t = view.totals
  const lateOnes = view.registrations.filter((l) => l.late)
  const failed = view.registrations.filter((l) => l.result === 'KHONG_DAT')
  const children: Block[] = [
    documentHeader(meta, THREE_ACTIVE_REPORT_TYPE),
    ...titleBlock({ typeName: 'BÁO CÁO', summary: summaryOf(THREE_ACTIVE_REPORT_TEXTS, input, meta) }),
    ...editable(THREE_ACTIVE_REPORT_TEXTS, 'opening', input, meta),
    sectionHeading(1, 'CÔNG TÁC ĐĂNG KÝ'),
    bodyParagraph(
      `Có ${t.registered}/${t.units} đơn vị đăng ký xây dựng ${programme(year)} (${pct(t.registered, t.units)}); ` +
        `hạn đăng ký ${formatDateVi(view.deadlines.registration)}, hạn báo cáo cấp trên ${formatDateVi(view.deadlines.report)}.`
    ),
    ...(lateOnes.length > 0
      ? [
          bodyParagraph(
            `Đơn vị đăng ký sau hạn (${lateOnes.length}): ${lateOnes.map((l) => `${l.unit.name} (${formatDateVi(l.registeredOn)})`).join('; ')}.`
          )
        ]
      : [bodyParagraph('Các đơn vị đều đăng ký đúng hạn.')]),
    ...(view.notRegistered.length > 0
      ? [
          bodyParagraph(
            `Đơn vị chưa đăng ký (${view.notRegistered.length}): ${view.notRegistered.map((u) => u.name).join('; ')}.`
          )
        ]
      : []),
    sectionHeading(2, 'THEO DÕI, ĐÁNH GIÁ'),
    bodyParagraph(
      `${t.followed}/${t.registered} đơn vị đăng ký được phân công cán bộ theo dõi; ${t.evaluated} đơn vị đã được đánh giá.`
    ),
    sectionHeading(3, 'KẾT QUẢ CÔNG NHẬN'),
    bodyParagraph(
      view.decision
        ? `Ngày ${formatDateVi(view.decision.decidedOn)}, Ban Thường vụ quyết định công nhận ${t.recognised}/${t.registered} đơn vị ` +
            `đạt ${programme(year)} (${pct(t.recognised, t.registered)} số đơn vị đăng ký).`
        : `Chưa có quyết định công nhận; theo kết quả đánh giá, ${t.passed}/${t.registered} đơn vị đạt cả ba trụ cột.`,
      { keepNext: true }
    ),
    kindTable(view),
    emptyLine(),
    ...(failed.length > 0
      ? [
          bodyParagraph('Đơn vị chưa đạt:', { keepNext: true }),
          ...failed.map((l) =>
            bullet(`${l.unit.name}: chưa đạt ${l.failedPillars.map((p) => `trụ cột ${p}`).join(', ')}.`)
          )
        ]
      : []),
    sectionHeading(4, 'PHƯƠNG HƯỚNG, ĐỀ XUẤT'),
    ...editable(THREE_ACTIVE_REPORT_TEXTS, 'direction', input, meta, { keepTail: true }),
    documentSignature(THREE_ACTIVE_REPORT_TEXTS, input, meta)
  ]
  return buildDocument({
    title: `Báo cáo kết quả xây dựng ${programme(year)}`,
    sections: [{ orientation: 'portrait', children }]
  })
}

export function threeActiveReportTitle(input: ThreeActiveReportInput): string {
  return summaryTitle(THREE_ACTIVE_REPORT_TEXTS, input, input.meta)
}
