/**
 * The change log in words: each logged value (in workbook terms: codes, ISO dates, code
 * lists) becomes "Đến ngày: 05/04/2022 → 06/04/2022". Field names and value kinds come from
 * the workbook's sheet definitions, so the history speaks the same words as the Excel file
 * and the forms; the few records that have no sheet name their fields here.
 */
import type { ChangeEntry, FieldChange, RecordLink } from '../../../shared/api/history'
import { formatDateVi, isValidIsoDate } from '../../../shared/domain/dates'
import {
  CONTENT_KIND_LABELS,
  EXEMPTION_REASON_LABELS,
  GENDER_LABELS,
  HALF_DAY_LABELS,
  TRIP_STATUS_LABELS,
  UNIT_KIND_LABELS
} from '../../../shared/domain/kinds'
import { REGISTRATION_STATUS_LABELS } from '../../../shared/domain/planning'
import { SHEET_SPECS, type ColumnType } from '../workbook/spec'

interface FieldInfo {
  label: string
  type: ColumnType | 'number' | 'json' | 'registrationStatus'
}

/** Records without a workbook sheet: their field names as the screens show them. */
const EXTRA_FIELDS: Record<string, Record<string, FieldInfo>> = {
  signers: {
    active: { label: 'Đang ký', type: 'yesNo' }
  },
  cadre_year_overrides: {
    cadreCode: { label: 'Mã cán bộ', type: 'text' },
    year: { label: 'Năm', type: 'number' },
    subject: { label: 'Thuộc diện', type: 'yesNo' },
    reason: { label: 'Lý do', type: 'text' }
  },
  year_settings: {
    year: { label: 'Năm', type: 'number' },
    targetDays: { label: 'Chỉ tiêu (ngày)', type: 'number' },
    windowStart: { label: 'Tính từ ngày', type: 'date' },
    windowEnd: { label: 'Tính đến ngày', type: 'date' },
    minSubjectDays: { label: 'Số ngày công tác tối thiểu', type: 'number' },
    behindPaceDays: { label: 'Ngưỡng chậm tiến độ (ngày)', type: 'number' },
    reportDueDays: { label: 'Hạn nộp báo cáo (ngày)', type: 'number' },
    yearReportDeadline: { label: 'Hạn báo cáo năm', type: 'date' },
    ratioRules: { label: 'Quy định tỉ lệ', type: 'json' },
    legalBasis: { label: 'Căn cứ', type: 'lines' }
  },
  unit_moves: {
    unitCode: { label: 'Mã đơn vị', type: 'text' },
    parentCode: { label: 'Đơn vị cấp trên', type: 'text' },
    fromDate: { label: 'Từ ngày', type: 'date' }
  },
  issued_documents: {
    symbol: { label: 'Số, ký hiệu', type: 'text' },
    title: { label: 'Trích yếu', type: 'text' },
    issuedDate: { label: 'Ngày ban hành', type: 'date' }
  },
  planning_rounds: {
    year: { label: 'Năm', type: 'number' },
    quarter: { label: 'Quý', type: 'number' },
    number: { label: 'Đợt', type: 'number' },
    startDate: { label: 'Từ ngày', type: 'date' },
    endDate: { label: 'Đến ngày', type: 'date' },
    note: { label: 'Ghi chú', type: 'text' }
  },
  registrations: {
    code: { label: 'Mã đăng ký', type: 'text' },
    cadreCode: { label: 'Mã cán bộ', type: 'text' },
    year: { label: 'Năm', type: 'number' },
    quarter: { label: 'Quý', type: 'number' },
    roundNumber: { label: 'Đợt', type: 'number' },
    startDate: { label: 'Từ ngày', type: 'date' },
    startHalf: { label: 'Buổi bắt đầu', type: 'halfDay' },
    endDate: { label: 'Đến ngày', type: 'date' },
    endHalf: { label: 'Buổi kết thúc', type: 'halfDay' },
    unitCodes: { label: 'Đơn vị đến', type: 'codes' },
    kind: { label: 'Loại nội dung', type: 'contentKind' },
    topic: { label: 'Chủ đề', type: 'text' },
    status: { label: 'Trạng thái', type: 'registrationStatus' },
    tripCode: { label: 'Chuyến đi', type: 'text' },
    note: { label: 'Ghi chú', type: 'text' }
  },
  oversight_clusters: {
    code: { label: 'Mã cụm', type: 'text' },
    name: { label: 'Tên cụm', type: 'text' },
    unitCodes: { label: 'Đơn vị trong cụm', type: 'codes' },
    note: { label: 'Ghi chú', type: 'text' }
  },
  oversight_assignments: {
    fromDate: { label: 'Từ ngày', type: 'date' },
    toDate: { label: 'Đến ngày', type: 'date' },
    note: { label: 'Ghi chú', type: 'text' }
  }
}

const ENTITY_LABELS: Record<string, string> = {
  departments: 'Ban',
  units: 'Đơn vị',
  cadres: 'Cán bộ',
  exemptions: 'Miễn giảm',
  trips: 'Chuyến đi',
  organisation: 'Cơ quan',
  signers: 'Người ký',
  cadre_year_overrides: 'Diện thực hiện theo năm',
  year_settings: 'Quy định năm',
  unit_moves: 'Chuyển đơn vị cấp trên',
  issued_documents: 'Văn bản đã cấp số',
  planning_rounds: 'Đợt đi cơ sở',
  registrations: 'Đăng ký đi cơ sở',
  oversight_clusters: 'Cụm phụ trách',
  oversight_assignments: 'Phân công phụ trách',
  three_active_periods: '3 chủ động – giai đoạn',
  three_active_criteria: '3 chủ động – tiêu chí',
  three_active_years: '3 chủ động – hạn trong năm',
  three_active_registrations: '3 chủ động – đăng ký',
  three_active_results: '3 chủ động – đánh giá',
  three_active_decisions: '3 chủ động – quyết định công nhận',
  three_active_commendations: '3 chủ động – biểu dương'
}

const ACTION_LABELS = { insert: 'Thêm', update: 'Sửa', delete: 'Xóa' } as const

const PAGES: Record<string, RecordLink['page']> = { cadres: 'cadre', units: 'unit', trips: 'trip' }

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity
}

function fieldInfo(entity: string, key: string): FieldInfo {
  const sheet = SHEET_SPECS.find((s) => s.entity === entity)
  const column = sheet?.columns.find((c) => c.key === key)
  if (column) return { label: column.header, type: column.type }
  return EXTRA_FIELDS[entity]?.[key] ?? { label: key, type: 'text' }
}

function labelled(labels: Record<string, string>, value: unknown): string {
  return typeof value === 'string' ? (labels[value] ?? value) : String(value)
}

/** A value in the clerk's words; "" for an empty one. */
export function describeValue(type: FieldInfo['type'], value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  switch (type) {
    case 'date':
      return typeof value === 'string' && isValidIsoDate(value) ? formatDateVi(value) : String(value)
    case 'yesNo':
      return value === true ? 'Có' : value === false ? 'Không' : String(value)
    case 'codes':
      return Array.isArray(value) ? value.join('; ') : String(value)
    case 'gender':
      return labelled(GENDER_LABELS, value)
    case 'halfDay':
      return labelled(HALF_DAY_LABELS, value)
    case 'contentKind':
      return labelled(CONTENT_KIND_LABELS, value)
    case 'tripStatus':
      return labelled(TRIP_STATUS_LABELS, value)
    case 'registrationStatus':
      return labelled(REGISTRATION_STATUS_LABELS, value)
    case 'exemptionReason':
      return labelled(EXEMPTION_REASON_LABELS, value)
    case 'unitKind':
      return labelled(UNIT_KIND_LABELS, value)
    case 'number':
      return typeof value === 'number' ? value.toLocaleString('vi-VN') : String(value)
    case 'json':
      return describeRules(value)
    default:
      if (typeof value === 'boolean') return value ? 'Có' : 'Không'
      if (typeof value === 'string' && isValidIsoDate(value)) return formatDateVi(value)
      if (typeof value === 'object') return JSON.stringify(value)
      return String(value)
  }
}

/** Ratio rules as "Kiểm tra ≥ 10% (bật)" lines joined. */
function describeRules(value: unknown): string {
  const rules = typeof value === 'string' ? safeParse(value) : value
  if (!Array.isArray(rules)) return String(value)
  return rules
    .map(
      (r: { label?: string; minPercent?: number; enabled?: boolean }) =>
        `${r.label ?? '?'} ≥ ${r.minPercent ?? '?'}% (${r.enabled ? 'bật' : 'tắt'})`
    )
    .join('; ')
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** The fields that differ (update), or every filled field (insert, delete). */
export function describeChanges(entity: string, oldValue: unknown, newValue: unknown): FieldChange[] {
  const before = asRecord(oldValue)
  const after = asRecord(newValue)
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const changes: FieldChange[] = []
  for (const key of keys) {
    const a = before[key] ?? null
    const b = after[key] ?? null
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    const info = fieldInfo(entity, key)
    changes.push({ field: info.label, old: describeValue(info.type, a), new: describeValue(info.type, b) })
  }
  return changes
}

/** Exemption periods are keyed "<cadre code>:<first day>" (workbook/validate.ts exemptionKey). */
function keyLabelOf(entity: string, key: string): string {
  const period = entity === 'exemptions' ? /^(.+):(\d{4}-\d{2}-\d{2})$/.exec(key) : null
  return period && isValidIsoDate(period[2]!) ? `${period[1]} từ ${formatDateVi(period[2]!)}` : key
}

export function describeEntry(row: {
  entity: string
  entityKey: string
  action: string
  oldValue: string | null
  newValue: string | null
}): ChangeEntry {
  const action = (row.action in ACTION_LABELS ? row.action : 'update') as keyof typeof ACTION_LABELS
  const page = PAGES[row.entity]
  // Only records that still carry a plain code link to a page (exemptions are keyed by cadre and date).
  const link: RecordLink | null = page ? { page, code: row.entityKey } : null
  return {
    entity: row.entity,
    entityLabel: entityLabel(row.entity),
    key: row.entityKey,
    keyLabel: keyLabelOf(row.entity, row.entityKey),
    action,
    actionLabel: ACTION_LABELS[action],
    link,
    changes: describeChanges(
      row.entity,
      row.oldValue === null ? null : safeParse(row.oldValue),
      row.newValue === null ? null : safeParse(row.newValue)
    )
  }
}
