/**
 * The filtered list as an Excel file. Sheet "Chuyến đi" has the exchange workbook's columns
 * (IMPORT-TEMPLATE.md) first, so the file imports back (extra columns are ignored with a
 * notice), then columns for reading: days, cadre names, unit names, overdue days. Sheet
 * "Tổng hợp" says which filters made the list and its totals.
 */
import ExcelJS from 'exceljs'
import { isNotNull } from 'drizzle-orm'
import type { FileDownload } from '../../../shared/api/trips'
import { formatDateVi } from '../../../shared/domain/dates'
import { formatDays } from '../../../shared/domain/format'
import {
  CONTENT_KIND_LABELS,
  HALF_DAY_LABELS,
  TRIP_STATUS_LABELS,
  type ContentKind,
  type TripStatus
} from '../../../shared/domain/kinds'
import { trips } from '../../db/schema'
import type { ServiceContext } from '../context'
import { filterTrips, periodOf, toListRow, tripTotals, type ParsedFilters } from './search'
import { ensureLinks, linksOf, textsOf } from './trip-index'

const DATE_FORMAT = 'dd/mm/yyyy'

function dateCell(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00.000Z`)
}

export async function exportTripList(ctx: ServiceContext, filters: ParsedFilters): Promise<FileDownload> {
  const { state, filtered, overdueDays } = filterTrips(ctx, filters)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Sổ đi cơ sở'

  const sheet = workbook.addWorksheet('Chuyến đi', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = [
    { header: 'Mã chuyến', key: 'code', width: 12 },
    { header: 'Từ ngày', key: 'startDate', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: 'Buổi bắt đầu', key: 'startHalf', width: 12 },
    { header: 'Đến ngày', key: 'endDate', width: 12, style: { numFmt: DATE_FORMAT } },
    { header: 'Buổi kết thúc', key: 'endHalf', width: 12 },
    { header: 'Mã đơn vị', key: 'unitCodes', width: 16 },
    { header: 'Loại nội dung', key: 'kind', width: 34 },
    { header: 'Nội dung', key: 'topic', width: 40 },
    { header: 'Cán bộ tham gia', key: 'cadreCodes', width: 16 },
    { header: 'Trạng thái', key: 'status', width: 14 },
    { header: 'Số công lệnh', key: 'travelOrderNo', width: 14 },
    { header: 'Ngày nộp báo cáo', key: 'reportDate', width: 14, style: { numFmt: DATE_FORMAT } },
    { header: 'Ghi chú', key: 'note', width: 24 },
    { header: 'Số ngày', key: 'days', width: 9 },
    { header: 'Họ và tên cán bộ', key: 'cadreNames', width: 36 },
    { header: 'Tên đơn vị', key: 'unitNames', width: 36 },
    { header: 'Quá hạn báo cáo (ngày)', key: 'overdue', width: 12 }
  ]
  sheet.getRow(1).font = { bold: true }
  const notes = noteById(ctx)
  const texts = textsOf(ctx, state, filtered.trips)
  ensureLinks(ctx, state)
  const links = linksOf(ctx, state, filtered.trips)
  filtered.trips.forEach((trip, i) => {
    const row = toListRow(state, trip, texts[i]!, links[i]!, overdueDays(trip))
    sheet.addRow({
      code: row.code,
      startDate: dateCell(row.startDate),
      startHalf: HALF_DAY_LABELS[row.startHalf],
      endDate: dateCell(row.endDate),
      endHalf: HALF_DAY_LABELS[row.endHalf],
      unitCodes: row.units.map((u) => u.code).join('; '),
      kind: CONTENT_KIND_LABELS[row.kind],
      topic: row.topic,
      cadreCodes: row.cadres.map((c) => c.code).join('; '),
      status: TRIP_STATUS_LABELS[row.status],
      travelOrderNo: row.travelOrderNo,
      reportDate: dateCell(row.reportDate),
      note: notes.get(trip.id) ?? null,
      days: row.days,
      cadreNames: row.cadres.map((c) => c.fullName).join('; '),
      unitNames: row.units.map((u) => u.name).join('; '),
      overdue: row.overdueDays > 0 ? row.overdueDays : null
    })
  })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } }

  const about = workbook.addWorksheet('Tổng hợp')
  about.columns = [
    { header: 'Mục', key: 'what', width: 28 },
    { header: 'Giá trị', key: 'value', width: 60 }
  ]
  about.getRow(1).font = { bold: true }
  for (const [what, value] of describeFilters(state, filters)) about.addRow({ what, value })
  const totals = tripTotals(ctx, filters)
  about.addRow({ what: 'Số chuyến đi', value: totals.trips })
  about.addRow({ what: 'Ngày-người', value: formatDays(totals.cadreDays) })
  about.addRow({ what: 'Ngày được tính (trừ trùng)', value: formatDays(totals.creditedDays) })
  about.addRow({ what: 'Quá hạn báo cáo', value: totals.overdue })
  about.addRow({ what: 'Ngày xuất', value: formatDateVi(ctx.clock.today()) })

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName: fileNameOf(filters), contentBase64: buffer.toString('base64') }
}

/** Notes are few: every trip's that has one. */
function noteById(ctx: ServiceContext): Map<number, string | null> {
  const rows = ctx.db
    .select({ id: trips.id, note: trips.note })
    .from(trips)
    .where(isNotNull(trips.note))
    .all()
  return new Map(rows.map((r) => [r.id, r.note]))
}

function describeFilters(
  state: ReturnType<typeof filterTrips>['state'],
  f: ParsedFilters
): Array<[string, string]> {
  const lines: Array<[string, string]> = []
  const period = periodOf(f)
  lines.push(['Thời gian', period ? `${formatDateVi(period.from)} – ${formatDateVi(period.to)}` : 'Mọi năm'])
  if (f.cadreCodes?.length) {
    lines.push([
      'Cán bộ',
      f.cadreCodes.map((c) => `${c} ${state.cadreByCode.get(c)?.fullName ?? ''}`.trim()).join('; ')
    ])
  }
  if (f.departmentCode) lines.push(['Ban', f.departmentCode])
  if (f.kind) lines.push(['Loại nội dung', CONTENT_KIND_LABELS[f.kind as ContentKind]])
  if (f.unitCodes?.length) {
    lines.push([
      'Đơn vị (gồm đơn vị trực thuộc)',
      f.unitCodes.map((c) => `${c} ${state.unitByCode.get(c)?.name ?? ''}`.trim()).join('; ')
    ])
  }
  if (f.status) lines.push(['Trạng thái', TRIP_STATUS_LABELS[f.status as TripStatus]])
  if (f.overdue) lines.push(['Quá hạn báo cáo', 'Chỉ chuyến quá hạn báo cáo'])
  if (f.q) lines.push(['Tìm', f.q])
  return lines
}

function fileNameOf(f: ParsedFilters): string {
  const parts = ['chuyen-di']
  if (f.year !== undefined) parts.push(String(f.year))
  if (f.month !== undefined) parts.push(`thang-${f.month}`)
  else if (f.quarter !== undefined) parts.push(`quy-${f.quarter}`)
  const narrowed =
    f.cadreCodes?.length || f.departmentCode || f.kind || f.unitCodes?.length || f.status || f.overdue || f.q
  if (narrowed) parts.push('loc')
  return `${parts.join('-')}.xlsx`
}
