/**
 * The quarterly plan of the 2025 fixture, exported through exportDocument on a real SQLite
 * file and read back: the Đoàn layout, the schedule table built from the trips of the
 * quarter (planned and done), the quarter's figures, the number from the register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument, type ExportResult } from '../../../electron/reports/export'
import { listIssuedDocuments } from '../../../electron/services/documents'
import { loadYearSummaryView } from '../../../electron/services/summary'
import { AppError } from '../../../shared/api/errors'
import { formatDays } from '../../../shared/domain/format'
import { paragraphsOf, plainText, readDocx, runsOf, tablesOf, type DocxParts } from './docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from './fixture-db'
import {
  borderStyles,
  expectDoanLayout,
  expectFixedWidths,
  expectTitle,
  tableStartingWith
} from './layout-expect'

let fixture: FixtureDb
let result: ExportResult
let docx: DocxParts
let text: string

beforeAll(async () => {
  fixture = await openFixtureDb()
  const ctx = fixture.at('2025-12-01')
  enterOrganisation(ctx)
  result = await exportDocument(ctx, { document: 'quarter-plan', year: 2025, quarter: 4 })
  docx = await readDocx(result.buffer)
  text = plainText(docx.document)
}, 60_000)

afterAll(() => fixture?.close())

/** Trips touching a period, counted by SQL straight from the imported rows (independent of the app). */
function tripCount(from: string, to: string): number {
  const row = fixture.handle.sqlite
    .prepare('SELECT count(*) AS n FROM trips WHERE start_date <= ? AND end_date >= ?')
    .get(to, from) as { n: number }
  return row.n
}

describe('layout', () => {
  it('follows the Đoàn format: A4, fonts, header with the KH number, page numbers from page 2', () => {
    expectDoanLayout(docx, {
      issuer: 'BCH ĐOÀN TỈNH CÀ MAU\n***',
      numberLine: 'Số: 01-KH/TĐTN-VP',
      dateLine: 'Cà Mau, ngày 01 tháng 12 năm 2025'
    })
    expectTitle(docx, 'KẾ HOẠCH', ['Đi công tác cơ sở của cán bộ Tỉnh đoàn', 'quý IV năm 2025'])
  })

  it('has the outline of §13.2: mục đích – yêu cầu, đối tượng, nội dung and lịch, tổ chức thực hiện', () => {
    const headings = paragraphsOf(docx.document)
      .filter((p) => /^(I|II|III|IV)\. /.test(p.text))
      .map((p) => p.text)
    expect(headings).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. ĐỐI TƯỢNG, THỜI GIAN, ĐỊA BÀN',
      'III. NỘI DUNG, LỊCH ĐI CƠ SỞ',
      'IV. TỔ CHỨC THỰC HIỆN'
    ])
    expect(text).toContain(
      'Sau mỗi chuyến đi, cán bộ báo cáo kết quả chậm nhất 10 ngày kể từ ngày kết thúc chuyến đi.'
    )
  })

  it('signs TM. Ban Thường vụ beside the recipients', () => {
    const t = tablesOf(docx.document).at(-1)
    expect(t?.rows).toHaveLength(1)
    expect(t?.rows[0]?.[0]?.text.split('\n').slice(1)).toEqual([
      'Nơi nhận:',
      '- Thường trực Tỉnh đoàn;',
      '- Các ban, văn phòng Tỉnh đoàn (t/h);',
      '- Các đơn vị cơ sở có liên quan;',
      '- Lưu VP.'
    ])
    expect(t?.rows[0]?.[1]?.text).toBe('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nPHÓ BÍ THƯ\nNguyễn Hồng Thắm')
  })
})

describe('the schedule of Q4 2025', () => {
  const schedule = () => tableStartingWith(docx, 'TT', 'Thời gian', 'Đơn vị cơ sở đến')

  it('is a fixed table over the text width with thin single borders and a repeated header row', () => {
    const t = schedule()
    expectFixedWidths(t)
    expect(t.headerRows).toBe(1)
    expect(new Set(borderStyles(t.xml))).toEqual(new Set(['single']))
    expect(t.rows[0]?.map((c) => c.text)).toEqual([
      'TT',
      'Thời gian',
      'Đơn vị cơ sở đến',
      'Nội dung',
      'Cán bộ đi',
      'Số ngày',
      'Ghi chú'
    ])
    // 12 pt in the cells of this seven-column table.
    expect(runsOf(t.xml).every((r) => r.size === 24)).toBe(true)
  })

  it('lists every trip of the quarter, grouped by month, with the planned TR005 of 22–26/12/2025', () => {
    const t = schedule()
    const rows = t.rows.slice(1).map((r) => r.map((c) => c.text))
    expect(rows).toEqual([
      ['Tháng 11/2025'],
      [
        '1',
        '17/11/2025 –\n18/11/2025',
        'Chi đoàn ấp 2 xã Tân Ân',
        'Dự sinh hoạt chi đoàn',
        'Đinh Thị Ngân',
        '2',
        'Đã báo cáo'
      ],
      ['Tháng 12/2025'],
      [
        '2',
        '22/12/2025 –\n26/12/2025',
        'Đoàn phường An Xuyên',
        'Đi cơ sở theo chuyên đề',
        'Lê Minh Đức',
        '5',
        ''
      ]
    ])
    expect(rows.filter((r) => r.length > 1)).toHaveLength(tripCount('2025-10-01', '2025-12-31'))
    // The month rows span the table.
    expect(t.rows[1]?.[0]?.span).toBe(7)
  })

  it('states the quarter figures: trips, cadres, units and the days by kind', () => {
    expect(text).toContain('trong quý có 2 đồng chí đăng ký đi cơ sở.')
    expect(text).toContain('Thời gian: từ ngày 01/10/2025 đến ngày 31/12/2025.')
    expect(text).toContain('Địa bàn: 2 đơn vị (Chi đoàn ấp 2 xã Tân Ân; Đoàn phường An Xuyên).')
    expect(text).toContain(
      'Trong quý có 2 chuyến đi cơ sở, tổng số 7 ngày công tác cơ sở (cộng theo từng cán bộ), trong đó:'
    )
    expect(text).toContain('- Đi cơ sở theo chuyên đề: 5 ngày;')
    expect(text).toContain('- Dự sinh hoạt chi đoàn: 2 ngày.')
  })
})

describe('other quarters', () => {
  it('counts each cadre-day of Q1 once: the total equals the year summary as of 31/03 (all Q1 trips are done)', async () => {
    const ctx = fixture.at('2025-12-01')
    const out = await exportDocument(ctx, { document: 'quarter-plan', year: 2025, quarter: 1, draft: true })
    const q1 = plainText((await readDocx(out.buffer)).document)
    const summary = loadYearSummaryView(ctx, 2025, '2025-03-31')
    const days = summary.cadres.reduce((sum, c) => sum + c.days, 0)
    // TR001 and TR002 of A02 overlap on 12–13/03: those days count once.
    expect(days).toBeGreaterThan(100)
    expect(q1).toContain(
      `Trong quý có ${tripCount('2025-01-01', '2025-03-31')} chuyến đi cơ sở, tổng số ${formatDays(days)} ngày`
    )
    const t = tableStartingWith(await readDocx(out.buffer), 'TT', 'Thời gian')
    expect(t.rows.filter((r) => r.length === 1).map((r) => r[0]?.text)).toEqual([
      'Tháng 1/2025',
      'Tháng 2/2025',
      'Tháng 3/2025'
    ])
    // The header row repeats on each page of the long schedule.
    expect(t.headerRows).toBe(1)
  })

  it('splits a trip across the quarter edge: CD0178 (30/06–01/07) counts one day in Q2 and one in Q3', async () => {
    const ctx = fixture.at('2025-12-01')
    for (const [quarter, month] of [
      [2, 'Tháng 6/2025'],
      [3, 'Tháng 7/2025']
    ] as const) {
      const out = await exportDocument(ctx, { document: 'quarter-plan', year: 2025, quarter, draft: true })
      const t = tableStartingWith(await readDocx(out.buffer), 'TT', 'Thời gian')
      const at = t.rows.findIndex((r) => r[1]?.text === '30/06/2025 –\n01/07/2025')
      expect(at).toBeGreaterThan(0)
      expect(t.rows[at]?.[5]?.text).toBe('1')
      const groupAbove = t.rows
        .slice(0, at)
        .filter((r) => r.length === 1)
        .pop()
      expect(groupAbove?.[0]?.text).toBe(month)
    }
  })
})

describe('numbering, drafts and texts', () => {
  it('recorded the plan as number 01 of the KH sequence', () => {
    const register = listIssuedDocuments(fixture.at('2025-12-01'), { typeCode: 'KH' })
    expect(register).toHaveLength(1)
    expect(register[0]).toMatchObject({
      symbol: '01-KH/TĐTN-VP',
      issuedDate: '2025-12-01',
      title: 'Đi công tác cơ sở của cán bộ Tỉnh đoàn quý IV năm 2025'
    })
    expect(result.fileName).toBe('ke-hoach-di-co-so-quy-4-2025-so-01.docx')
  })

  it("leaves the number blank in a draft and prints the clerk's text", async () => {
    const ctx = fixture.at('2025-12-02')
    const out = await exportDocument(ctx, {
      document: 'quarter-plan',
      year: 2025,
      quarter: 4,
      draft: true,
      texts: { purpose: 'Nắm chắc tình hình đoàn viên sau sắp xếp đơn vị hành chính.' }
    })
    const draftText = plainText((await readDocx(out.buffer)).document)
    expect(out.issued).toBeNull()
    expect(draftText).toMatch(/Số: \u00a0+-KH\/TĐTN-VP/)
    expect(draftText).toContain('Nắm chắc tình hình đoàn viên sau sắp xếp đơn vị hành chính.')
    expect(draftText).not.toContain('Cán bộ bám sát cơ sở')
    expect(listIssuedDocuments(ctx, { typeCode: 'KH' })).toHaveLength(1)
  })

  it('refuses a quarter outside 1–4 or none, in Vietnamese, before taking a number', async () => {
    const ctx = fixture.at('2025-12-02')
    for (const quarter of [0, 5, 2.5]) {
      const error = await exportDocument(ctx, { document: 'quarter-plan', year: 2025, quarter }).catch(
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('VALIDATION')
      expect((error as AppError).message).toBe(`Quý không hợp lệ: "${quarter}" (chỉ có quý 1, 2, 3 hoặc 4).`)
    }
    const none = await exportDocument(ctx, { document: 'quarter-plan', year: 2025 }).catch((e: unknown) => e)
    expect((none as AppError).message).toBe('Chưa chọn quý (1, 2, 3 hoặc 4).')
    expect(listIssuedDocuments(ctx, { typeCode: 'KH' })).toHaveLength(1)
  })
})
