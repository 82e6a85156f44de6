/**
 * "Xuất Excel" of the logbook: the filtered list as a real .xlsx, read back with exceljs. The
 * "Chuyến đi" sheet starts with the exchange workbook's columns (IMPORT-TEMPLATE.md), so the
 * file goes back in through the import; "Tổng hợp" carries the filter and its totals.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTripsFixture, type TripsFixture } from './helpers'

let f: TripsFixture

beforeAll(async () => {
  f = await openTripsFixture()
}, 60_000)

afterAll(() => f?.close())

const TEMPLATE_HEADERS = [
  'Mã chuyến',
  'Từ ngày',
  'Buổi bắt đầu',
  'Đến ngày',
  'Buổi kết thúc',
  'Mã đơn vị',
  'Loại nội dung',
  'Nội dung',
  'Cán bộ tham gia',
  'Trạng thái',
  'Số công lệnh',
  'Ngày nộp báo cáo',
  'Ghi chú'
]

async function read(contentBase64: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(contentBase64, 'base64') as unknown as ArrayBuffer)
  return book
}

function rowsOf(sheet: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: Array<Record<string, unknown>> = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    const values = (row.values as unknown[]).slice(1)
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])))
  })
  return rows
}

describe('trips.exportList', () => {
  it('writes the filtered list in the sorted order, with the template columns first', async () => {
    const filters = { year: 2025, cadreCodes: ['A02'], sort: 'startDate' as const, desc: false }
    const file = await f.call('trips.exportList', filters)
    expect(file.fileName).toBe('chuyen-di-2025-loc.xlsx')
    const book = await read(file.contentBase64)
    const sheet = book.getWorksheet('Chuyến đi')!
    const headers = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(headers.slice(0, TEMPLATE_HEADERS.length)).toEqual(TEMPLATE_HEADERS)
    expect(headers.slice(TEMPLATE_HEADERS.length)).toEqual([
      'Số ngày',
      'Họ và tên cán bộ',
      'Tên đơn vị',
      'Quá hạn báo cáo (ngày)'
    ])

    const listed = await f.call('trips.search', { ...filters, offset: 0, limit: 1000 })
    const rows = rowsOf(sheet)
    expect(rows.map((r) => r['Mã chuyến'])).toEqual(listed.rows.map((r) => r.code))
    const tr001 = rows.find((r) => r['Mã chuyến'] === 'TR001')!
    expect(tr001['Từ ngày']).toEqual(new Date('2025-03-10T00:00:00.000Z'))
    expect(tr001['Buổi bắt đầu']).toBe('Sáng')
    expect(tr001['Loại nội dung']).toBe('Phối hợp chỉ đạo, tổ chức hoạt động')
    expect(tr001['Cán bộ tham gia']).toBe('A02')
    expect(tr001['Trạng thái']).toBe('Đã báo cáo')
    expect(tr001['Số ngày']).toBe(4)
    expect(tr001['Họ và tên cán bộ']).toBe('Trần Văn Bé')
    expect(tr001['Tên đơn vị']).toBe('Huyện đoàn Ngọc Hiển')

    const about = rowsOf(book.getWorksheet('Tổng hợp')!)
    const value = (what: string) => about.find((r) => r['Mục'] === what)?.['Giá trị']
    expect(value('Thời gian')).toBe('01/01/2025 – 31/12/2025')
    expect(value('Cán bộ')).toBe('A02 Trần Văn Bé')
    expect(value('Số chuyến đi')).toBe(listed.total)
    const totals = await f.call('trips.totals', filters)
    expect(value('Ngày được tính (trừ trùng)')).toBe(String(totals.creditedDays).replace('.', ','))
  })

  it('names the file by the period, and refuses a period without a year', async () => {
    expect((await f.call('trips.exportList', { year: 2025, quarter: 2 })).fileName).toBe(
      'chuyen-di-2025-quy-2.xlsx'
    )
    expect((await f.call('trips.exportList', {})).fileName).toBe('chuyen-di.xlsx')
    const refused = await f.refusal('trips.exportList', { month: 4 })
    expect(refused.details).toContain('year: Chọn năm trước khi lọc theo quý hoặc tháng.')
  })
})
