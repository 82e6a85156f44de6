/**
 * A trip in the change log's terms and in the labels of the undo bar: the workbook's row
 * (codes, ISO dates, code lists; the same shape the import logs, so the history page words
 * both alike) and short Vietnamese descriptions.
 */
import { formatTripSpan } from '../../../shared/api/trips'
import type { IsoDate } from '../../../shared/domain/dates'
import { formatDateVi } from '../../../shared/domain/dates'
import {
  CONTENT_KIND_LABELS,
  HALF_DAY_LABELS,
  TRIP_STATUS_LABELS,
  type ContentKind,
  type HalfDay,
  type TripStatus
} from '../../../shared/domain/kinds'

/** The "Chuyến đi" sheet's row (IMPORT-TEMPLATE.md), as change_log stores trips. */
export interface TripLogRow {
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  unitCodes: string[]
  kind: ContentKind
  topic: string | null
  cadreCodes: string[]
  status: TripStatus
  travelOrderNo: string | null
  reportDate: IsoDate | null
  note: string | null
}

const FIELD_WORDS: Record<keyof TripLogRow, string> = {
  code: 'Mã chuyến',
  startDate: 'Từ ngày',
  startHalf: 'Buổi bắt đầu',
  endDate: 'Đến ngày',
  endHalf: 'Buổi kết thúc',
  unitCodes: 'Đơn vị',
  kind: 'Loại nội dung',
  topic: 'Nội dung',
  cadreCodes: 'Cán bộ tham gia',
  status: 'Trạng thái',
  travelOrderNo: 'Số công lệnh',
  reportDate: 'Ngày nộp báo cáo',
  note: 'Ghi chú'
}

function valueWords(key: keyof TripLogRow, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(trống)'
  if (key === 'startDate' || key === 'endDate' || key === 'reportDate') return formatDateVi(String(value))
  if (key === 'startHalf' || key === 'endHalf') return HALF_DAY_LABELS[value as HalfDay]
  if (key === 'kind') return CONTENT_KIND_LABELS[value as ContentKind]
  if (key === 'status') return TRIP_STATUS_LABELS[value as TripStatus]
  if (Array.isArray(value)) return value.join('; ')
  const text = String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/** "Đến ngày: 05/04/2025 → 06/04/2025; Trạng thái: Dự kiến → Đã thực hiện" (the first few). */
export function describeRowChanges(before: TripLogRow, after: TripLogRow, limit = 2): string {
  const changed = (Object.keys(FIELD_WORDS) as Array<keyof TripLogRow>).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])
  )
  if (changed.length === 0) return 'không có thay đổi'
  const shown = changed
    .slice(0, limit)
    .map((key) => `${FIELD_WORDS[key]}: ${valueWords(key, before[key])} → ${valueWords(key, after[key])}`)
  const more = changed.length - shown.length
  return more > 0 ? `${shown.join('; ')} và ${more} thay đổi khác` : shown.join('; ')
}

/** "CD0012 (10/03/2025–13/03/2025, Trần Văn Bé, Lê Minh Đức)". */
export function describeTrip(
  row: Pick<TripLogRow, 'code' | 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>,
  names: string[]
): string {
  const people =
    names.length > 2 ? `${names.slice(0, 2).join(', ')} và ${names.length - 2} người khác` : names.join(', ')
  return `${row.code} (${formatTripSpan(row)}${people ? `, ${people}` : ''})`
}

/** "CD0001, CD0002, CD0003" or "CD0001, CD0002 … và 8 chuyến khác". */
export function listCodes(codes: string[], shown = 5): string {
  if (codes.length <= shown) return codes.join(', ')
  return `${codes.slice(0, shown).join(', ')} và ${codes.length - shown} chuyến khác`
}
