/**
 * The fixed-list values of the workbook both ways: a label (or code) in a cell → the stored
 * code, and the stored code → the label written. Labels come from shared/domain/kinds.ts.
 */
import {
  CONTENT_KIND_LABELS,
  CONTENT_KIND_SHORT_LABELS,
  EXEMPTION_REASON_LABELS,
  GENDER_LABELS,
  HALF_DAY_LABELS,
  TRIP_STATUS_LABELS,
  UNIT_KIND_LABELS
} from '../../../shared/domain/kinds'
import { formatDateVi } from '../../../shared/domain/dates'
import { ISSUER_LEVEL_LABELS } from '../../../shared/domain/issuer'
import type { ColumnSpec, ColumnType } from './spec'
import { foldKey } from './text'

export type ChoiceType = Exclude<ColumnType, 'text' | 'lines' | 'date' | 'codes'>

export interface Choice {
  /** Labels written in the workbook, in list order (also the drop-down list). */
  labels: string[]
  /** Folded label or code → stored value. */
  lookup: Map<string, unknown>
  /** Stored value → label written. */
  labelOf(value: unknown): string
}

function fromRecord(labels: Record<string, string>, extraLabels: Record<string, string>[] = []): Choice {
  const lookup = new Map<string, unknown>()
  for (const [code, label] of Object.entries(labels)) {
    lookup.set(foldKey(code), code)
    lookup.set(foldKey(label), code)
  }
  for (const extra of extraLabels) {
    for (const [code, label] of Object.entries(extra)) lookup.set(foldKey(label), code)
  }
  return {
    labels: Object.values(labels),
    lookup,
    labelOf: (value) => labels[String(value)] ?? String(value)
  }
}

const YES_NO: Choice = {
  labels: ['Có', 'Không'],
  lookup: new Map<string, unknown>([
    ['co', true],
    ['khong', false]
  ]),
  labelOf: (value) => (value ? 'Có' : 'Không')
}

export const CHOICES: Record<ChoiceType, Choice> = {
  yesNo: YES_NO,
  gender: fromRecord(GENDER_LABELS),
  halfDay: fromRecord(HALF_DAY_LABELS),
  // Short labels ("Dự SH chi đoàn") are what clerks see in narrow tables, so accept them too.
  contentKind: fromRecord(CONTENT_KIND_LABELS, [CONTENT_KIND_SHORT_LABELS]),
  tripStatus: fromRecord(TRIP_STATUS_LABELS),
  exemptionReason: fromRecord(EXEMPTION_REASON_LABELS),
  unitKind: fromRecord(UNIT_KIND_LABELS),
  // "Cấp" of the Cơ quan sheet: stored as the words of the signing line ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN").
  issuerLevel: fromRecord(ISSUER_LEVEL_LABELS)
}

export function isChoiceType(type: ColumnType): type is ChoiceType {
  return type in CHOICES
}

/** What a wrong value of a list column is reported as. */
export function choiceProblem(type: ChoiceType, typed: string): string {
  const allowed = CHOICES[type].labels.map((l) => `"${l}"`).join('; ')
  const subject = type === 'contentKind' ? 'loại nội dung' : 'giá trị'
  return `${subject} "${typed}" không có trong danh sách (${allowed})`
}

/** Codes in one cell: "TAN; DDT" → ["TAN", "DDT"]. */
export function splitCodes(text: string): string[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

export function joinCodes(codes: readonly string[]): string {
  return codes.join('; ')
}

/** A stored value as the clerk reads it in the sheet: dd/mm/yyyy, "Có"/"Không", labels, codes; "" when empty. */
export function displayValue(column: Pick<ColumnSpec<unknown>, 'type'>, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (column.type === 'date') return formatDateVi(String(value))
  if (column.type === 'codes') return joinCodes(value as string[])
  if (isChoiceType(column.type)) return CHOICES[column.type].labelOf(value)
  return String(value)
}
