/**
 * The exchange workbook on real files: the 2025 fixture into a fresh SQLite database, bad
 * workbooks refused cell by cell with nothing written, export → import → export round trips,
 * re-imports that change nothing or exactly one row, and the loose reading of headers and
 * dates that clerks' files need.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  exportData,
  exportWorkbook,
  importWorkbook,
  importWorkbookData,
  parseWorkbook,
  previewWorkbook,
  workbookHandlers
} from '../../electron/services/workbook'
import type { WorkbookData } from '../../electron/services/workbook/types'
import { NOTHING_NEW_MESSAGE } from '../../shared/api/workbook'
import { isRename } from '../../electron/services/workbook/text'
import {
  buildXlsx,
  type CellInput,
  excelDate,
  fileDigest,
  fixtureBuffer,
  freshDatabase,
  loadXlsx,
  tableCounts,
  toBuffer,
  type TestDatabase
} from './workbook-helpers'

const open: TestDatabase[] = []
function database(): TestDatabase {
  const db = freshDatabase()
  open.push(db)
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

const SPEC_HEADERS: Record<string, string[]> = {
  Ban: ['Mã ban', 'Tên ban', 'Viết tắt'],
  'Đơn vị': ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Hiệu lực từ', 'Hiệu lực đến'],
  'Cán bộ': [
    'Mã cán bộ',
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Chức vụ',
    'Mã ban',
    'Chuyên trách',
    'Ngày bắt đầu công tác',
    'Ngày kết thúc công tác'
  ],
  'Miễn giảm': ['Mã cán bộ', 'Lý do', 'Từ ngày', 'Đến ngày', 'Ghi chú'],
  'Chuyến đi': [
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
  ],
  'Cơ quan': ['Tên cơ quan ban hành', 'Cấp', 'Địa danh', 'Viết tắt', 'Nhiệm kỳ', 'Ngày bắt đầu nhiệm kỳ'],
  'Người ký': ['Họ và tên', 'Chức vụ', 'Thẩm quyền ký', 'Mặc định'],
  // Read by the 3 chủ động page (electron/services/workbook/three-active-sheets.ts).
  '3CĐ Đăng ký': [
    'Năm',
    'Mã đơn vị',
    'Ngày đăng ký',
    'Kế hoạch thực hiện',
    'Tiêu chí khó thực hiện',
    'Mã cán bộ theo dõi'
  ],
  '3CĐ Đánh giá': ['Năm', 'Mã đơn vị', 'Ngày đánh giá', 'Mã tiêu chí', 'Kết quả', 'Minh chứng', 'Điểm']
}

function headersOf(sheet: import('exceljs').Worksheet): string[] {
  const headers: string[] = []
  sheet.getRow(1).eachCell((cell) => headers.push(String(cell.value)))
  return headers
}

function counts(result: { counts: { sheet: string; add: number; update: number; unchanged: number }[] }) {
  return Object.fromEntries(result.counts.map((c) => [c.sheet, [c.add, c.update, c.unchanged]]))
}

describe('importing the 2025 fixture into a fresh database', () => {
  it('adds every row in one change-log batch, warns about the overlapping trips and reports no error', async () => {
    const { ctx } = database()
    const result = await importWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')

    expect(result.errors).toEqual([])
    expect(result.committed).toBe(true)
    expect(counts(result)).toEqual({
      Ban: [3, 0, 0],
      'Đơn vị': [8, 0, 0],
      'Cán bộ': [8, 0, 0],
      'Miễn giảm': [1, 0, 0],
      'Chuyến đi': [247, 0, 0],
      'Cơ quan': [0, 0, 0],
      'Người ký': [0, 0, 0]
    })
    expect(result.added).toHaveLength(3 + 8 + 8 + 1 + 247)
    expect(result.added[0]).toEqual({ sheet: 'Ban', key: 'VP', label: 'Văn phòng', row: 2 })
    expect(result.added.find((a) => a.key === 'TR001')).toEqual({
      sheet: 'Chuyến đi',
      key: 'TR001',
      label: '10/03/2025–13/03/2025, Phối hợp chỉ đạo, tổ chức hoạt động',
      row: 2
    })
    expect(result.changes).toEqual([])
    expect(result.change).toEqual({ batchId: result.batchId, label: 'Nhập từ tệp office-2025.xlsx' })
    expect(result.warnings.map((w) => w.text)).toContain(
      'Chuyến đi, dòng 3: cán bộ A02 – Trần Văn Bé có chuyến TR002 (12/03/2025–14/03/2025) trùng thời gian với ' +
        'chuyến TR001 (10/03/2025–13/03/2025); phần trùng chỉ được tính một lần, cho chuyến TR001'
    )
    // A district union visited after it closed on 30/06/2025.
    expect(result.warnings.map((w) => w.text)).toContain(
      'Chuyến đi, dòng 199, cột "Mã đơn vị": đơn vị NHI – Huyện đoàn Ngọc Hiển chỉ có hiệu lực đến 30/06/2025, ' +
        'chuyến CD0192 diễn ra 11/07/2025 (chiều)'
    )

    const rows = tableCounts(ctx)
    expect(rows).toMatchObject({ departments: 3, units: 8, cadres: 8, exemptions: 1, trips: 247 })
    expect(rows.change_log).toBe(3 + 8 + 8 + 1 + 247)
    const batches = ctx.handle.sqlite
      .prepare('SELECT DISTINCT batch_id, source, origin FROM change_log')
      .all()
    expect(batches).toEqual([
      { batch_id: result.batchId, source: 'Nhập từ tệp office-2025.xlsx', origin: 'import' }
    ])

    const data = exportData(ctx)
    expect(data.trips.map((t) => t.code).slice(0, 3)).toEqual(['TR001', 'TR002', 'TR003'])
    expect(data.trips[3]).toEqual({
      code: 'TR004',
      startDate: '2025-09-09',
      startHalf: 'SANG',
      endDate: '2025-09-10',
      endHalf: 'CHIEU',
      unitCodes: ['TAN', 'DDT'],
      kind: 'KIEM_TRA',
      topic: null,
      cadreCodes: ['A01', 'A06'],
      status: 'DA_BAO_CAO',
      travelOrderNo: null,
      reportDate: null,
      note: null
    })
    expect(data.units.find((u) => u.code === 'NHI')).toEqual({
      code: 'NHI',
      name: 'Huyện đoàn Ngọc Hiển',
      kind: 'HUYEN_DOAN',
      parentCode: 'TD',
      validFrom: null,
      validTo: '2025-06-30',
      mergedIntoCode: null
    })
    expect(data.exemptions).toEqual([
      { cadreCode: 'A07', reason: 'THAI_SAN', from: '2025-01-15', to: '2025-11-14', note: null }
    ])
  })

  it('previews without writing anything', async () => {
    const { ctx, file } = database()
    const before = fileDigest(file)
    const preview = await previewWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')
    expect(preview.canCommit).toBe(true)
    expect(counts(preview)['Chuyến đi']).toEqual([247, 0, 0])
    expect(tableCounts(ctx).trips).toBe(0)
    expect(fileDigest(file)).toBe(before)
  })
})

describe('a workbook with bad rows', () => {
  const fillerTrips = Array.from({ length: 12 }, (_, i) => [
    `T${String(i + 1).padStart(2, '0')}`,
    excelDate(`2022-01-${String(i * 2 + 1).padStart(2, '0')}`),
    null,
    excelDate(`2022-01-${String(i * 2 + 1).padStart(2, '0')}`),
    null,
    'TD',
    'Dự sinh hoạt chi đoàn',
    'A01'
  ])
  const badWorkbook = () =>
    buildXlsx({
      Ban: [
        ['Mã ban', 'Tên ban', 'Viết tắt'],
        ['VP', 'Văn phòng', 'VP']
      ],
      'Đơn vị': [
        ['Mã đơn vị', 'Tên đơn vị', 'Loại'],
        ['TD', 'Tỉnh đoàn Cà Mau', 'Tỉnh đoàn']
      ],
      'Cán bộ': [
        ['Mã cán bộ', 'Họ và tên', 'Chức vụ', 'Mã ban'],
        ['A01', 'Nguyễn Hồng Thắm', 'Phó Bí thư', 'VP'],
        // "Nguyễn Văn An" typed with a TCVN3 (.VnTime) font.
        ['A02', 'NguyÔn V¨n An', 'Chuyên viên', 'VP'],
        ['A03', 'Lê Minh Đức', null, 'VP']
      ],
      'Chuyến đi': [
        [
          'Mã chuyến',
          'Từ ngày',
          'Buổi bắt đầu',
          'Đến ngày',
          'Buổi kết thúc',
          'Mã đơn vị',
          'Loại nội dung',
          'Cán bộ tham gia'
        ],
        ...fillerTrips,
        ['T13', '28/02/2022', null, '31/02/2022', null, 'TD', 'Dự sinh hoạt chi đoàn', 'A01'],
        [
          'T14',
          excelDate('2022-03-10'),
          null,
          excelDate('2022-03-08'),
          null,
          'TD',
          'Kiểm tra, giám sát',
          'A01'
        ],
        ['T15', '15/03/2022', null, '15/03/2022', null, 'TD', 'Kiểm tra, giám sát', 'A01; A99'],
        ['T16', '16/03/2022', null, '16/03/2022', null, 'TD', 'Đi chơi', 'A01'],
        ['T17', '12/03/2022', 'Chiều', '12/03/2022', 'Sáng', 'TD', 'Kiểm tra, giám sát', 'A01'],
        ['T18', '18/03/2022', null, '18/03/2022', null, null, 'Kiểm tra, giám sát', 'A01'],
        ['T19', '2022-03-19', null, '19/03/2022', null, 'TD', 'Kiểm tra, giám sát', 'A01'],
        ['T01', '01/04/2022', null, '01/04/2022', null, 'TD', 'Kiểm tra, giám sát', 'A01'],
        // Refers to the cadre with the TCVN3 name: that row is already reported, not again here.
        ['T20', '02/04/2022', null, '02/04/2022', null, 'TD', 'Kiểm tra, giám sát', 'A02']
      ]
    })

  const expectedErrors = [
    'Cán bộ, dòng 3, cột "Họ và tên": văn bản gõ bằng bảng mã cũ (TCVN3/VNI), hãy chuyển sang Unicode',
    'Cán bộ, dòng 4, cột "Chức vụ": thiếu giá trị bắt buộc',
    'Chuyến đi, dòng 14, cột "Đến ngày": ngày 31/02/2022 không tồn tại',
    'Chuyến đi, dòng 15, cột "Đến ngày": ngày 08/03/2022 trước "Từ ngày" 10/03/2022',
    'Chuyến đi, dòng 16, cột "Cán bộ tham gia": không tìm thấy cán bộ có mã "A99" (trong tệp hoặc trong dữ liệu đã có)',
    'Chuyến đi, dòng 17, cột "Loại nội dung": loại nội dung "Đi chơi" không có trong danh sách ("Đi cơ sở theo chuyên đề"; ' +
      '"Phối hợp chỉ đạo, tổ chức hoạt động"; "Kiểm tra, giám sát"; "Dự sinh hoạt chuyên đề của BCH, BTV đoàn cấp dưới"; ' +
      '"Dự sinh hoạt chi đoàn")',
    'Chuyến đi, dòng 18, cột "Buổi kết thúc": chuyến đi trong một ngày (12/03/2022) không thể bắt đầu buổi chiều và kết thúc buổi sáng',
    'Chuyến đi, dòng 19, cột "Mã đơn vị": thiếu giá trị bắt buộc',
    'Chuyến đi, dòng 20, cột "Từ ngày": "2022-03-19" không phải là ngày (cần dạng dd/mm/yyyy)',
    'Chuyến đi, dòng 21, cột "Mã chuyến": mã "T01" trùng với dòng 2'
  ]

  it('reports every bad cell as sheet, row, column and problem, in file order', async () => {
    const { ctx } = database()
    const preview = await previewWorkbook(ctx, await badWorkbook(), 'bad.xlsx')
    expect(preview.errors.map((e) => e.text)).toEqual(expectedErrors)
    expect(preview.canCommit).toBe(false)
    expect(preview.errors[2]).toMatchObject({ sheet: 'Chuyến đi', row: 14, column: 'Đến ngày' })
  })

  it('writes nothing at all: no row, no change-log record, the file byte for byte the same', async () => {
    const { ctx, file } = database()
    const before = fileDigest(file)
    const result = await importWorkbook(ctx, await badWorkbook(), 'bad.xlsx')
    expect(result.committed).toBe(false)
    expect(result.batchId).toBeNull()
    expect(result.errors.map((e) => e.text)).toEqual(expectedErrors)
    expect(tableCounts(ctx)).toEqual({
      departments: 0,
      units: 0,
      cadres: 0,
      exemptions: 0,
      trips: 0,
      trip_participants: 0,
      trip_units: 0,
      change_log: 0
    })
    expect(fileDigest(file)).toBe(before)
  })

  it('refuses a file that is not an .xlsx workbook', async () => {
    const { ctx } = database()
    const result = await importWorkbook(ctx, Buffer.from('Mã cán bộ,Họ và tên\nA01,An\n'), 'ds.csv')
    expect(result.committed).toBe(false)
    expect(result.errors.map((e) => e.text)).toEqual([
      'Không đọc được tệp: đây không phải tệp Excel .xlsx hợp lệ (tệp .xls cũ cần lưu lại dạng .xlsx).'
    ])
  })

  it('reports a missing required column once for the sheet', async () => {
    const { ctx } = database()
    const buffer = await buildXlsx({
      'Chuyến đi': [
        ['Từ ngày', 'Đến ngày', 'Mã đơn vị', 'Loại nội dung', 'Cán bộ tham gia'],
        ['01/04/2025', '01/04/2025', 'TD', 'Kiểm tra, giám sát', 'A01'],
        ['02/04/2025', '02/04/2025', 'TD', 'Kiểm tra, giám sát', 'A01']
      ]
    })
    const preview = await previewWorkbook(ctx, buffer, 'x.xlsx')
    expect(preview.errors.map((e) => e.text)).toEqual([
      'Chuyến đi, cột "Mã chuyến": thiếu cột bắt buộc này ở dòng tiêu đề (dòng 1)'
    ])
  })

  it('refuses a loop in the unit tree and accepts a parent further down the sheet', async () => {
    const { ctx, file } = database()
    const loop = await buildXlsx({
      'Đơn vị': [
        ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'],
        ['C1', 'Chi đoàn 1', 'Chi đoàn', 'X1'],
        ['X1', 'Đoàn xã 1', 'Đoàn xã', 'C1']
      ]
    })
    const loopErrors = [
      'Đơn vị, dòng 2, cột "Mã đơn vị cấp trên": đơn vị cấp trên tạo thành vòng lặp (C1 → X1 → C1)',
      'Đơn vị, dòng 3, cột "Mã đơn vị cấp trên": đơn vị cấp trên tạo thành vòng lặp (X1 → C1 → X1)'
    ]
    expect((await previewWorkbook(ctx, loop, 'loop.xlsx')).errors.map((e) => e.text)).toEqual(loopErrors)
    // Every cell is fine here, so the refusal happens inside the write transaction: it must
    // still leave the file as it was.
    const before = fileDigest(file)
    const refused = await importWorkbook(ctx, loop, 'loop.xlsx')
    expect(refused).toMatchObject({ committed: false, batchId: null })
    expect(refused.errors.map((e) => e.text)).toEqual(loopErrors)
    expect(fileDigest(file)).toBe(before)
    expect(tableCounts(ctx)).toMatchObject({ units: 0, change_log: 0 })

    const later = await buildXlsx({
      'Đơn vị': [
        ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'],
        ['C1', 'Chi đoàn 1', 'Chi đoàn', 'X1'],
        ['X1', 'Đoàn xã 1', 'Đoàn xã', 'TD'],
        ['TD', 'Tỉnh đoàn', 'Tỉnh đoàn', null]
      ]
    })
    const result = await importWorkbook(ctx, later, 'later.xlsx')
    expect(result.errors).toEqual([])
    expect(exportData(ctx).units.map((u) => [u.code, u.parentCode])).toEqual([
      ['C1', 'X1'],
      ['X1', 'TD'],
      ['TD', null]
    ])
  })
})

describe('export and template', () => {
  it('round trips: export → import into a new database → export gives the same data', async () => {
    const first = database()
    await importWorkbook(first.ctx, fixtureBuffer(), 'office-2025.xlsx')
    // A unit that closed and went into another one: the optional "sáp nhập vào" column.
    const merge = await buildXlsx({
      'Đơn vị': [
        ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị sáp nhập vào'],
        ['NHI-TA', 'Đoàn xã Tân Ân', 'Đoàn xã', 'TAN']
      ]
    })
    const merged = await importWorkbook(first.ctx, merge, 'merge.xlsx')
    expect(counts(merged)['Đơn vị']).toEqual([0, 1, 0])
    // The office's identity travels with its lists.
    expect((await importWorkbook(first.ctx, await officeIdentityWorkbook(), 'co-quan.xlsx')).committed).toBe(
      true
    )
    const original = exportData(first.ctx)
    expect(original.organisation).toEqual([
      {
        issuerName: 'TỈNH ĐOÀN CÀ MAU\nBCH ĐOÀN TỈNH CÀ MAU',
        issuerLevelName: 'TỈNH ĐOÀN',
        placeName: 'Cà Mau',
        issuerAbbreviation: 'TĐTN',
        congressTerm: '2022 – 2027',
        congressTermStart: '2022-10-05'
      }
    ])
    expect(original.signers.map((s) => s.fullName)).toEqual(['Nguyễn Hồng Thắm', 'Trần Văn Bé'])
    // Columns the merge sheet did not have kept their stored values.
    expect(original.units.find((u) => u.code === 'NHI-TA')).toEqual({
      code: 'NHI-TA',
      name: 'Đoàn xã Tân Ân',
      kind: 'DOAN_XA',
      parentCode: 'NHI',
      validFrom: null,
      validTo: '2025-06-30',
      mergedIntoCode: 'TAN'
    })

    const exported = await exportWorkbook(first.ctx)
    expect((await parseWorkbook(exported)).data).toEqual(original)

    const second = database()
    const reimport = await importWorkbook(second.ctx, exported, 'so-di-co-so.xlsx')
    expect(reimport.errors).toEqual([])
    expect(reimport.committed).toBe(true)
    expect(exportData(second.ctx)).toEqual(original)
    const secondExport = await exportWorkbook(second.ctx)
    const again = await parseWorkbook(secondExport)
    expect(again.errors).toEqual([])
    expect(again.data).toEqual(original)
    // Cell for cell, the second export is the first one.
    const [a, b] = await Promise.all([loadXlsx(exported), loadXlsx(secondExport)])
    for (const sheet of a.worksheets) {
      const values = (w: import('exceljs').Worksheet) => w.getSheetValues().map((row) => JSON.stringify(row))
      expect(values(b.getWorksheet(sheet.name)!), sheet.name).toEqual(values(sheet))
    }
    // The header's line break is in the cell, shown wrapped.
    const organisationSheet = a.getWorksheet('Cơ quan')!
    expect(organisationSheet.getCell('A2').value).toBe('TỈNH ĐOÀN CÀ MAU\nBCH ĐOÀN TỈNH CÀ MAU')
    expect(organisationSheet.getCell('A2').alignment?.wrapText).toBe(true)
    expect(organisationSheet.getCell('B2').value).toBe('Tỉnh đoàn')
    expect(a.getWorksheet('Người ký')!.getCell('D2').value).toBe('Có')
  })

  it('writes the spec sheets in order with exactly the spec headers, bold and frozen, dates as date cells', async () => {
    const { ctx } = database()
    await importWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')
    const workbook = await loadXlsx(await exportWorkbook(ctx))
    const visible = workbook.worksheets.filter((s) => s.state === 'visible')
    expect(visible.map((s) => s.name)).toEqual(Object.keys(SPEC_HEADERS))
    for (const sheet of visible) {
      expect(headersOf(sheet), sheet.name).toEqual(SPEC_HEADERS[sheet.name])
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true)
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    }
    const trips = workbook.getWorksheet('Chuyến đi')!
    expect(trips.rowCount).toBe(248)
    expect(trips.getCell('A2').value).toBe('TR001')
    expect(trips.getCell('B2').value).toEqual(excelDate('2025-03-10'))
    expect(trips.getCell('B2').numFmt).toBe('dd/mm/yyyy')
    expect(trips.getCell('G2').value).toBe('Phối hợp chỉ đạo, tổ chức hoạt động')
    expect(trips.getCell('J2').value).toBe('Đã báo cáo')
    expect(trips.getColumn('G').width).toBeGreaterThanOrEqual(34)
  })

  it('gives an empty template with exactly the spec headers that imports as nothing', async () => {
    const { ctx } = database()
    const handlers = workbookHandlers(ctx)
    const download = await handlers['workbook.export']({ template: true })
    expect(download.fileName).toBe('mau-nhap-lieu.xlsx')
    const template = Buffer.from(download.contentBase64, 'base64')
    const workbook = await loadXlsx(template)
    const visible = workbook.worksheets.filter((s) => s.state === 'visible')
    expect(visible.map((s) => s.name)).toEqual(Object.keys(SPEC_HEADERS))
    for (const sheet of visible) {
      expect(headersOf(sheet)).toEqual(SPEC_HEADERS[sheet.name])
      expect(sheet.actualRowCount).toBe(1)
    }
    const result = await handlers['workbook.commit']({
      fileName: 'mau-nhap-lieu.xlsx',
      contentBase64: download.contentBase64
    })
    expect(result).toMatchObject({
      committed: false,
      batchId: null,
      change: null,
      nothingNew: true,
      canCommit: false,
      message: NOTHING_NEW_MESSAGE,
      errors: [],
      warnings: []
    })
    expect(tableCounts(ctx).change_log).toBe(0)

    const data = await handlers['workbook.export']({})
    expect(data.fileName).toBe('so-di-co-so-2026-01-15.xlsx')
  })
})

describe('re-importing', () => {
  it('says there is nothing new and writes nothing when the workbook is the same', async () => {
    const { ctx, file } = database()
    await importWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')
    const before = tableCounts(ctx)
    const preview = await previewWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')
    expect(preview).toMatchObject({ nothingNew: true, canCommit: false, message: NOTHING_NEW_MESSAGE })
    expect(NOTHING_NEW_MESSAGE).toContain('Tệp không có gì mới để nhập')
    const digest = fileDigest(file)
    const result = await importWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')
    expect(result.committed).toBe(false)
    expect(result.batchId).toBeNull()
    expect(result.change).toBeNull()
    expect(result.message).toBe(NOTHING_NEW_MESSAGE)
    expect(result.added).toEqual([])
    expect(result.changes).toEqual([])
    // The overlaps of the fixture were said when it was imported; nothing new, nothing to warn about.
    expect(result.warnings).toEqual([])
    expect(counts(result)).toEqual({
      Ban: [0, 0, 3],
      'Đơn vị': [0, 0, 8],
      'Cán bộ': [0, 0, 8],
      'Miễn giảm': [0, 0, 1],
      'Chuyến đi': [0, 0, 247],
      'Cơ quan': [0, 0, 0],
      'Người ký': [0, 0, 0]
    })
    expect(tableCounts(ctx)).toEqual(before)
    expect(fileDigest(file)).toBe(digest)
  })

  it('updates exactly the changed trip, replaces its participants and logs old and new values', async () => {
    const { ctx } = database()
    await importWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')
    const logBefore = tableCounts(ctx).change_log

    const workbook = await loadXlsx(fixtureBuffer())
    const sheet = workbook.getWorksheet('Chuyến đi')!
    const row = sheet.getRow(4)
    expect(row.getCell(1).value).toBe('TR003')
    row.getCell(8).value = 'Dự sinh hoạt chi đoàn ấp 2'
    row.getCell(9).value = 'A04; A03'
    const changed = await toBuffer(workbook)

    const preview = await previewWorkbook(ctx, changed, 'office-2025-sua.xlsx')
    expect(counts(preview)['Chuyến đi']).toEqual([0, 1, 246])
    expect(preview.added).toEqual([])
    expect(preview.changes).toEqual([
      {
        sheet: 'Chuyến đi',
        key: 'TR003',
        label: expect.stringMatching(/^\d{2}\/\d{2}\/2025/),
        row: 4,
        fields: [
          { column: 'Nội dung', old: '', new: 'Dự sinh hoạt chi đoàn ấp 2' },
          { column: 'Cán bộ tham gia', old: 'A03', new: 'A04; A03' }
        ]
      }
    ])
    expect(preview).toMatchObject({ nothingNew: false, canCommit: true, message: null })
    const result = await importWorkbook(ctx, changed, 'office-2025-sua.xlsx')
    expect(result.committed).toBe(true)

    const log = ctx.handle.sqlite.prepare('SELECT * FROM change_log WHERE id > ?').all(logBefore) as {
      entity: string
      entity_key: string
      action: string
      source: string
      old_value: string
      new_value: string
    }[]
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({
      entity: 'trips',
      entity_key: 'TR003',
      action: 'update',
      source: 'Nhập từ tệp office-2025-sua.xlsx'
    })
    const oldValue = JSON.parse(log[0]!.old_value) as WorkbookData['trips'][number]
    const newValue = JSON.parse(log[0]!.new_value) as WorkbookData['trips'][number]
    expect([oldValue.topic, oldValue.cadreCodes]).toEqual([null, ['A03']])
    expect([newValue.topic, newValue.cadreCodes]).toEqual(['Dự sinh hoạt chi đoàn ấp 2', ['A04', 'A03']])
    expect({ ...oldValue, topic: newValue.topic, cadreCodes: newValue.cadreCodes }).toEqual(newValue)

    const participants = ctx.handle.sqlite
      .prepare(
        `SELECT c.code FROM trip_participants p JOIN cadres c ON c.id = p.cadre_id
         JOIN trips t ON t.id = p.trip_id WHERE t.code = 'TR003' ORDER BY p.position`
      )
      .all()
    expect(participants).toEqual([{ code: 'A04' }, { code: 'A03' }])
  })

  it('takes a workbook with only trips for cadres already in the database, with its warnings', async () => {
    const { ctx } = database()
    await importWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')
    const buffer = await buildXlsx({
      'Chuyến đi': [
        ['Mã chuyến', 'Từ ngày', 'Đến ngày', 'Mã đơn vị', 'Loại nội dung', 'Cán bộ tham gia'],
        ['X1', '29/12/2025', '30/12/2025', 'TD', 'CHUYEN_DE', 'A01'],
        ['X2', '5/5/2025', '5/5/2025', 'TD', 'kiem tra, giam sat', 'A07'],
        ['X3', '30/12/2025', '31/12/2025', 'TD', 'Dự SH chi đoàn', 'A01']
      ]
    })
    const result = await importWorkbook(ctx, buffer, 'them-chuyen.xlsx')
    expect(result.errors).toEqual([])
    expect(counts(result)['Chuyến đi']).toEqual([3, 0, 0])
    expect(result.warnings.map((w) => w.text)).toEqual([
      'Chuyến đi, dòng 3, cột "Cán bộ tham gia": chuyến X2 (05/05/2025) diễn ra trong kỳ miễn giảm của cán bộ ' +
        'A07 – Đinh Thị Ngân (Nghỉ thai sản, 15/01/2025–14/11/2025)',
      'Chuyến đi, dòng 4: cán bộ A01 – Nguyễn Hồng Thắm có chuyến X3 (30/12/2025–31/12/2025) trùng thời gian với ' +
        'chuyến X1 (29/12/2025–30/12/2025); phần trùng chỉ được tính một lần, cho chuyến X1'
    ])
    const added = exportData(ctx).trips.slice(-3)
    expect(added.map((t) => [t.code, t.kind, t.startHalf, t.endHalf, t.status])).toEqual([
      ['X1', 'CHUYEN_DE', 'SANG', 'CHIEU', 'DA_THUC_HIEN'],
      ['X2', 'KIEM_TRA', 'SANG', 'CHIEU', 'DA_THUC_HIEN'],
      ['X3', 'DU_SH_CHI_DOAN', 'SANG', 'CHIEU', 'DA_THUC_HIEN']
    ])
    // Workbook order is creation order (the overlap tie-break).
    const ids = ctx.handle.sqlite.prepare(`SELECT code FROM trips WHERE code LIKE 'X%' ORDER BY id`).all()
    expect(ids).toEqual([{ code: 'X1' }, { code: 'X2' }, { code: 'X3' }])
  })
})

/** The sheets Cơ quan and Người ký as a clerk fills them (a line break typed with Alt+Enter). */
function officeIdentityWorkbook(
  signers: CellInput[][] = [
    ['Nguyễn Hồng Thắm', 'PHÓ BÍ THƯ', null, 'Có'],
    ['Trần Văn Bé', 'ỦY VIÊN BAN THƯỜNG VỤ', 'TL. BAN THƯỜNG VỤ TỈNH ĐOÀN', null]
  ]
): Promise<Buffer> {
  return buildXlsx({
    'Cơ quan': [
      ['Tên cơ quan ban hành', 'Cấp', 'Địa danh', 'Viết tắt', 'Nhiệm kỳ', 'Ngày bắt đầu nhiệm kỳ'],
      ['TỈNH ĐOÀN CÀ MAU\r\nBCH ĐOÀN TỈNH CÀ MAU ', 'tinh doan', 'Cà Mau', 'TĐTN', '2022 – 2027', '5/10/2022']
    ],
    'Người ký': [['Họ và tên', 'Chức vụ', 'Thẩm quyền ký', 'Mặc định'], ...signers]
  })
}

type Row = Record<string, unknown>

describe('the sheets Cơ quan and Người ký', () => {
  it('replace the organisation row and add signers, with the default authority', async () => {
    const { ctx } = database()
    const result = await importWorkbook(ctx, await officeIdentityWorkbook(), 'co-quan.xlsx')
    expect(result.errors).toEqual([])
    expect(counts(result)['Cơ quan']).toEqual([1, 0, 0])
    expect(counts(result)['Người ký']).toEqual([2, 0, 0])
    const organisation = ctx.handle.sqlite.prepare('SELECT * FROM organisation').all() as Row[]
    expect(organisation).toEqual([
      {
        id: 1,
        issuer_name: 'TỈNH ĐOÀN CÀ MAU\nBCH ĐOÀN TỈNH CÀ MAU',
        place_name: 'Cà Mau',
        issuer_abbreviation: 'TĐTN',
        issuer_level_name: 'TỈNH ĐOÀN',
        congress_term: '2022 – 2027',
        congress_term_start: '2022-10-05',
        updated_at: '2026-01-15T08:00:00.000Z'
      }
    ])
    const signers = ctx.handle.sqlite
      .prepare('SELECT full_name, position, authority, is_default, active FROM signers ORDER BY id')
      .all()
    expect(signers).toEqual([
      {
        full_name: 'Nguyễn Hồng Thắm',
        position: 'PHÓ BÍ THƯ',
        authority: 'TM. BAN THƯỜNG VỤ',
        is_default: 1,
        active: 1
      },
      {
        full_name: 'Trần Văn Bé',
        position: 'ỦY VIÊN BAN THƯỜNG VỤ',
        authority: 'TL. BAN THƯỜNG VỤ TỈNH ĐOÀN',
        is_default: 0,
        active: 1
      }
    ])

    // Again, with a new default signer and a new Cấp: signers are matched by name, the
    // organisation row is replaced, the former default is no longer the default.
    const second = await buildXlsx({
      'Cơ quan': [
        ['Tên cơ quan ban hành', 'Cấp', 'Địa danh', 'Viết tắt', 'Nhiệm kỳ'],
        ['BCH ĐOÀN TP. CẦN THƠ', 'Thành đoàn', 'Cần Thơ', 'TĐTN', '2022 – 2027']
      ],
      'Người ký': [
        ['Họ và tên', 'Chức vụ', 'Mặc định'],
        ['Trần Văn Bé', 'PHÓ BÍ THƯ THƯỜNG TRỰC', 'Có'],
        ['Lê Minh Đức', 'PHÓ BÍ THƯ', 'Không']
      ]
    })
    const preview = await previewWorkbook(ctx, second, 'lan-2.xlsx')
    expect(preview.errors).toEqual([])
    expect(counts(preview)['Cơ quan']).toEqual([0, 1, 0])
    expect(counts(preview)['Người ký']).toEqual([1, 2, 0])
    expect(preview.added).toEqual([{ sheet: 'Người ký', key: 'Lê Minh Đức', label: 'PHÓ BÍ THƯ', row: 3 }])
    expect(preview.changes).toEqual([
      {
        sheet: 'Cơ quan',
        key: 'TỈNH ĐOÀN CÀ MAU BCH ĐOÀN TỈNH CÀ MAU',
        label: 'nhiệm kỳ 2022 – 2027',
        row: 2,
        fields: [
          {
            column: 'Tên cơ quan ban hành',
            old: 'TỈNH ĐOÀN CÀ MAU\nBCH ĐOÀN TỈNH CÀ MAU',
            new: 'BCH ĐOÀN TP. CẦN THƠ'
          },
          { column: 'Cấp', old: 'Tỉnh đoàn', new: 'Thành đoàn' },
          { column: 'Địa danh', old: 'Cà Mau', new: 'Cần Thơ' }
        ]
      },
      {
        sheet: 'Người ký',
        key: 'Trần Văn Bé',
        label: 'ỦY VIÊN BAN THƯỜNG VỤ',
        row: 2,
        fields: [
          { column: 'Chức vụ', old: 'ỦY VIÊN BAN THƯỜNG VỤ', new: 'PHÓ BÍ THƯ THƯỜNG TRỰC' },
          { column: 'Mặc định', old: 'Không', new: 'Có' }
        ]
      },
      {
        sheet: 'Người ký',
        key: 'Nguyễn Hồng Thắm',
        label: 'PHÓ BÍ THƯ',
        row: null,
        fields: [{ column: 'Mặc định', old: 'Có', new: 'Không' }]
      }
    ])
    expect((await importWorkbook(ctx, second, 'lan-2.xlsx')).committed).toBe(true)
    const data = exportData(ctx)
    // "Ngày bắt đầu nhiệm kỳ" was not in the sheet: the stored date stays.
    expect(data.organisation).toEqual([
      {
        issuerName: 'BCH ĐOÀN TP. CẦN THƠ',
        issuerLevelName: 'THÀNH ĐOÀN',
        placeName: 'Cần Thơ',
        issuerAbbreviation: 'TĐTN',
        congressTerm: '2022 – 2027',
        congressTermStart: '2022-10-05'
      }
    ])
    expect(data.signers).toEqual([
      {
        fullName: 'Nguyễn Hồng Thắm',
        position: 'PHÓ BÍ THƯ',
        authority: 'TM. BAN THƯỜNG VỤ',
        isDefault: false
      },
      {
        fullName: 'Trần Văn Bé',
        position: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
        authority: 'TL. BAN THƯỜNG VỤ TỈNH ĐOÀN',
        isDefault: true
      },
      { fullName: 'Lê Minh Đức', position: 'PHÓ BÍ THƯ', authority: 'TM. BAN THƯỜNG VỤ', isDefault: false }
    ])
    expect(tableCounts(ctx).change_log).toBe(3 + 4)
  })

  it('refuses two default signers, two organisation rows and a wrong Cấp, naming the rows', async () => {
    const { ctx, file } = database()
    const before = fileDigest(file)
    const buffer = await buildXlsx({
      'Cơ quan': [
        ['Tên cơ quan ban hành', 'Cấp', 'Địa danh', 'Viết tắt', 'Nhiệm kỳ'],
        ['BCH ĐOÀN TỈNH CÀ MAU', 'Tỉnh đoàn', 'Cà Mau', 'TĐ/TN', '2022'],
        ['BCH ĐOÀN TỈNH BẠC LIÊU', 'Tỉnh đoàn', 'Bạc Liêu', 'TĐTN', '2022 – 2027']
      ],
      'Người ký': [
        ['Họ và tên', 'Chức vụ', 'Mặc định'],
        ['Nguyễn Hồng Thắm', 'BÍ THƯ', 'Có'],
        ['Trần Văn Bé', 'PHÓ BÍ THƯ', 'Không'],
        ['Lê Minh Đức', 'PHÓ BÍ THƯ', 'có'],
        ['Trần Văn Bé', 'PHÓ BÍ THƯ', null]
      ]
    })
    const result = await importWorkbook(ctx, buffer, 'hai-mac-dinh.xlsx')
    expect(result.committed).toBe(false)
    expect(result.errors.map((e) => e.text)).toEqual([
      'Cơ quan, dòng 2, cột "Viết tắt": viết tắt của cơ quan chỉ gồm chữ cái, chữ số hoặc "&", không có dấu cách, "/" hay "-" (ví dụ TĐTN)',
      'Cơ quan, dòng 2, cột "Nhiệm kỳ": nhiệm kỳ ghi năm đầu – năm cuối, ví dụ 2022 – 2027',
      'Cơ quan, dòng 3: trang Cơ quan chỉ có một dòng thông tin cơ quan ban hành (đã có ở dòng 2)',
      'Người ký, dòng 4, cột "Mặc định": chỉ được chọn một người ký mặc định, nhưng các dòng 2, 4 đều ghi "Có"',
      'Người ký, dòng 5, cột "Họ và tên": người ký "Trần Văn Bé" trùng với dòng 3'
    ])
    expect(result.errors.every((e) => e.kind === 'error')).toBe(true)
    expect(fileDigest(file)).toBe(before)

    const level = await buildXlsx({
      'Cơ quan': [
        ['Tên cơ quan ban hành', 'Cấp', 'Địa danh', 'Viết tắt', 'Nhiệm kỳ'],
        ['BCH ĐOÀN HUYỆN CÁI NƯỚC', 'Huyện đoàn', 'Cái Nước', 'ĐTN', '2022 – 2027']
      ]
    })
    expect((await previewWorkbook(ctx, level, 'cap.xlsx')).errors.map((e) => e.text)).toEqual([
      'Cơ quan, dòng 2, cột "Cấp": giá trị "Huyện đoàn" không có trong danh sách ("Tỉnh đoàn"; "Thành đoàn")'
    ])
  })
})

describe('the preview of an update', () => {
  async function fixtureWith(edit: (workbook: import('exceljs').Workbook) => void): Promise<Buffer> {
    const workbook = await loadXlsx(fixtureBuffer())
    edit(workbook)
    return toBuffer(workbook)
  }

  it('lists each changed field old → new and puts renames of existing codes in their own group', async () => {
    const { ctx } = database()
    await importWorkbook(ctx, fixtureBuffer(), 'office-2025.xlsx')
    const cadres = exportData(ctx).cadres
    const nameOf = (code: string) => cadres.find((c) => c.code === code)!.fullName
    const buffer = await fixtureWith((workbook) => {
      const sheet = workbook.getWorksheet('Cán bộ')!
      const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v))
      const column = (header: string) => headers.indexOf(header)
      sheet.eachRow((row, n) => {
        if (n === 1) return
        const code = row.getCell(column('Mã cán bộ')).value
        // A01 gets another person's name; A02 only changes case; A03 is retyped without diacritics.
        if (code === 'A01') {
          row.getCell(column('Họ và tên')).value = 'Lý Thị Mai'
          row.getCell(column('Chuyên trách')).value = 'Không'
        }
        if (code === 'A02') row.getCell(column('Họ và tên')).value = nameOf('A02').toUpperCase()
        if (code === 'A03') {
          row.getCell(column('Họ và tên')).value = nameOf('A03')
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .replace(/đ/g, 'd')
            .replace(/Đ/g, 'D')
        }
      })
      const units = workbook.getWorksheet('Đơn vị')!
      units.getCell('B2').value = 'Tỉnh đoàn Lâm Đồng'
    })

    const preview = await previewWorkbook(ctx, buffer, 'office-khac.xlsx')
    expect(preview.errors).toEqual([])
    const unit = exportData(ctx).units[0]!
    const renames = preview.warnings.filter((w) => w.kind === 'rename')
    expect(renames.map((w) => w.text)).toEqual([
      `Đơn vị, dòng 2, cột "Tên đơn vị": mã ${unit.code} đang là đơn vị "${unit.name}", tệp ghi "Tỉnh đoàn Lâm Đồng"`,
      `Cán bộ, dòng ${cadreRow(preview, 'A01')}, cột "Họ và tên": mã A01 đang là cán bộ "${nameOf('A01')}", tệp ghi "Lý Thị Mai"`
    ])
    const a01 = preview.changes.find((c) => c.key === 'A01')!
    expect(a01).toMatchObject({ sheet: 'Cán bộ', label: nameOf('A01') })
    expect(a01.fields).toEqual([
      { column: 'Họ và tên', old: nameOf('A01'), new: 'Lý Thị Mai' },
      { column: 'Chuyên trách', old: 'Có', new: 'Không' }
    ])
    // Case and diacritics only: listed as a change, not as a rename.
    expect(preview.changes.find((c) => c.key === 'A02')?.fields).toEqual([
      { column: 'Họ và tên', old: nameOf('A02'), new: nameOf('A02').toUpperCase() }
    ])
    expect(preview.changes.find((c) => c.key === 'A03')?.fields.map((f) => f.column)).toEqual(['Họ và tên'])
    expect(preview.changes.map((c) => c.key)).toEqual([unit.code, 'A01', 'A02', 'A03'])
    expect(preview.warnings.filter((w) => w.kind === 'overlap').length).toBeGreaterThan(0)
  })

  it('tells a different name from the same name written another way', () => {
    expect(isRename('Nguyễn Hồng Thắm', 'Lý Thị Mai')).toBe(true)
    expect(isRename('Lê Thị Hà', 'Lê Thị Hạ')).toBe(true)
    expect(isRename('Nguyễn Hồng Thắm', 'NGUYỄN  HỒNG THẮM')).toBe(false)
    expect(isRename('Nguyễn Thị Hoà', 'Nguyễn Thị Hòa')).toBe(false)
    expect(isRename('Phạm Thuý Hằng', 'Phạm Thúy Hằng'.normalize('NFD'))).toBe(false)
    expect(isRename('Nguyen Van An', 'Nguyễn Văn An')).toBe(false)
    expect(isRename('Nguyễn Văn An', 'Nguyễn Văn Ân')).toBe(true)
  })
})

function cadreRow(preview: { changes: { key: string; row: number | null }[] }, code: string): number | null {
  return preview.changes.find((c) => c.key === code)?.row ?? null
}

describe('reading clerks’ files', () => {
  it('matches headers and sheet names ignoring case, diacritics and spaces, in any order', async () => {
    const { ctx } = database()
    const buffer = await buildXlsx({
      ' BAN ': [
        ['ten ban', 'MA BAN', 'viet tat'],
        ['Văn phòng', 'VP', 'VP']
      ],
      'can bo': [
        [
          'ho va ten',
          ' MÃ CÁN BỘ ',
          'Mã Ban',
          'chuc vu',
          'ngay bat dau cong tac',
          'Ngày  sinh',
          'Số điện thoại',
          'CHUYÊN TRÁCH',
          'gioi tinh'
        ],
        [
          '  Nguyễn Văn Nam '.normalize('NFD'),
          'B01',
          'VP',
          'Chuyên viên',
          '5/3/2025',
          excelDate('1990-12-31'),
          '0912 345 678',
          'không',
          'NAM'
        ],
        [
          { richText: [{ text: 'Trần Thị ' }, { text: 'Hoa', font: { bold: true } }] },
          'B02',
          'VP',
          'Chuyên viên',
          45726,
          { formula: 'DATE(1991,1,2)', result: excelDate('1991-01-02') },
          null,
          true,
          'Nữ'
        ]
      ]
    })
    const result = await importWorkbook(ctx, buffer, 'can-bo.xlsx')
    expect(result.errors).toEqual([])
    expect(result.warnings.map((w) => w.text)).toEqual([
      'Cán bộ, cột "Số điện thoại": cột không thuộc mẫu, được bỏ qua'
    ])
    expect(exportData(ctx).cadres).toEqual([
      {
        code: 'B01',
        fullName: 'Nguyễn Văn Nam',
        gender: 'NAM',
        birthDate: '1990-12-31',
        position: 'Chuyên viên',
        departmentCode: 'VP',
        fullTime: false,
        serviceStart: '2025-03-05',
        serviceEnd: null
      },
      {
        code: 'B02',
        fullName: 'Trần Thị Hoa',
        gender: 'NU',
        birthDate: '1991-01-02',
        position: 'Chuyên viên',
        departmentCode: 'VP',
        fullTime: true,
        serviceStart: '2025-03-10',
        serviceEnd: null
      }
    ])
    expect(exportData(ctx).cadres[0]!.fullName).toBe('Nguyễn Văn Nam'.normalize('NFC'))
  })

  it('reads Excel date cells, d/m/yyyy text and serial numbers as the same calendar day', async () => {
    const { ctx } = database()
    const header = ['Mã cán bộ', 'Lý do', 'Từ ngày', 'Đến ngày']
    const buffer = await buildXlsx({
      Ban: [
        ['Mã ban', 'Tên ban', 'Viết tắt'],
        ['VP', 'Văn phòng', 'VP']
      ],
      'Cán bộ': [
        ['Mã cán bộ', 'Họ và tên', 'Chức vụ', 'Mã ban'],
        ['A01', 'Nguyễn Hồng Thắm', 'Phó Bí thư', 'VP']
      ],
      'Miễn giảm': [
        header,
        ['A01', 'Học tập dài hạn', excelDate('2025-02-01'), '28/2/2025'],
        ['A01', 'Ốm đau dài hạn', '1/3/2025', 45747],
        ['A01', 'KHAC', '01/04/2025', excelDate('2025-04-30')]
      ]
    })
    const result = await importWorkbook(ctx, buffer, 'mien.xlsx')
    expect(result.errors).toEqual([])
    expect(exportData(ctx).exemptions.map((e) => [e.reason, e.from, e.to])).toEqual([
      ['HOC_TAP_DAI_HAN', '2025-02-01', '2025-02-28'],
      ['OM_DAU_DAI_HAN', '2025-03-01', '2025-03-31'],
      ['KHAC', '2025-04-01', '2025-04-30']
    ])
  })
})

describe('importWorkbookData (rows built in code)', () => {
  const data: WorkbookData = {
    departments: [{ code: 'VP', name: 'Văn phòng', abbreviation: 'VP' }],
    units: [
      {
        code: 'TD',
        name: 'Tỉnh đoàn',
        kind: 'TINH_DOAN',
        parentCode: null,
        validFrom: null,
        validTo: null,
        mergedIntoCode: null
      }
    ],
    cadres: [
      {
        code: 'A01',
        fullName: 'Nguyễn Hồng Thắm',
        gender: 'NU',
        birthDate: null,
        position: 'Phó Bí thư',
        departmentCode: 'VP',
        fullTime: true,
        serviceStart: null,
        serviceEnd: null
      }
    ],
    exemptions: [],
    trips: [
      {
        code: 'T1',
        startDate: '2026-01-05',
        startHalf: 'SANG',
        endDate: '2026-01-06',
        endHalf: 'CHIEU',
        unitCodes: ['TD'],
        kind: 'CHUYEN_DE',
        topic: 'Khảo sát',
        cadreCodes: ['A01'],
        status: 'DA_THUC_HIEN',
        travelOrderNo: null,
        reportDate: null,
        note: null
      }
    ],
    organisation: [
      {
        issuerName: 'BCH ĐOÀN TỈNH CÀ MAU',
        issuerLevelName: 'TỈNH ĐOÀN',
        placeName: 'Cà Mau',
        issuerAbbreviation: 'TĐTN',
        congressTerm: '2022 – 2027',
        congressTermStart: null
      }
    ],
    signers: [
      {
        fullName: 'Nguyễn Hồng Thắm',
        position: 'PHÓ BÍ THƯ',
        authority: 'TM. BAN THƯỜNG VỤ',
        isDefault: true
      }
    ]
  }

  it('writes valid data in one batch under the given source', () => {
    const { ctx } = database()
    const result = importWorkbookData(ctx, data, 'Dữ liệu mẫu (demo)')
    expect(result.committed).toBe(true)
    expect(exportData(ctx)).toEqual(data)
    const sources = ctx.handle.sqlite.prepare('SELECT DISTINCT source FROM change_log').all()
    expect(sources).toEqual([{ source: 'Dữ liệu mẫu (demo)' }])
  })

  it('refuses bad data with messages placed as the workbook would show them', () => {
    const { ctx } = database()
    const bad: WorkbookData = {
      ...data,
      trips: [
        { ...data.trips[0]!, cadreCodes: ['Z9'] },
        { ...data.trips[0]!, code: 'T2', endDate: '2026-02-30' }
      ]
    }
    const result = importWorkbookData(ctx, bad, 'Dữ liệu mẫu (demo)')
    expect(result.committed).toBe(false)
    expect(result.errors.map((e) => e.text)).toEqual([
      'Chuyến đi, dòng 3, cột "Đến ngày": ngày không hợp lệ (cần dạng YYYY-MM-DD)'
    ])
    const fixedDate: WorkbookData = { ...bad, trips: [bad.trips[0]!] }
    expect(importWorkbookData(ctx, fixedDate, 'demo').errors.map((e) => e.text)).toEqual([
      'Chuyến đi, dòng 2, cột "Cán bộ tham gia": không tìm thấy cán bộ có mã "Z9" (trong tệp hoặc trong dữ liệu đã có)'
    ])
    expect(tableCounts(ctx).change_log).toBe(0)
  })
})
