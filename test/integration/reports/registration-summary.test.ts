/**
 * The quarterly registration summary (danh sách tổng hợp đăng ký) from the 2025 fixture, of
 * the whole office (numbered, TM. Ban Thường vụ, grouped by ban) and of one ban (its header,
 * no number, signed by its head): one row per cadre with the days by kind and a totals row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument, type ExportResult } from '../../../electron/reports/export'
import { listIssuedDocuments } from '../../../electron/services/documents'
import { loadYearSummaryView } from '../../../electron/services/summary'
import { AppError } from '../../../shared/api/errors'
import { formatDays } from '../../../shared/domain/format'
import { CONTENT_KIND_SHORT_LABELS, CONTENT_KINDS } from '../../../shared/domain/kinds'
import { textWidth } from '../../../electron/reports/blocks/measure'
import { plainText, readDocx, runsOf, tablesOf, type DocxParts, type TableInfo } from './docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from './fixture-db'
import {
  borderStyles,
  expectDoanLayout,
  expectFixedWidths,
  expectTableText,
  expectTitle,
  tableStartingWith
} from './layout-expect'

let fixture: FixtureDb
let office: ExportResult
let officeDocx: DocxParts
let ban: ExportResult
let banDocx: DocxParts

beforeAll(async () => {
  fixture = await openFixtureDb()
  const ctx = fixture.at('2025-12-01')
  enterOrganisation(ctx)
  office = await exportDocument(ctx, { document: 'registration-summary', year: 2025, quarter: 4 })
  officeDocx = await readDocx(office.buffer)
  ban = await exportDocument(ctx, {
    document: 'registration-summary',
    year: 2025,
    quarter: 4,
    departmentCode: 'TCKT'
  })
  banDocx = await readDocx(ban.buffer)
}, 60_000)

afterAll(() => fixture?.close())

const cells = (t: TableInfo) => t.rows.map((r) => r.map((c) => c.text))
const registrationTable = (docx: DocxParts) => tableStartingWith(docx, 'TT', 'Họ và tên, chức vụ')

describe('the whole office, Q4 2025', () => {
  it('is a numbered DANH SÁCH of the Ban Thường vụ in the Đoàn format', () => {
    expectDoanLayout(officeDocx, {
      issuer: 'BCH ĐOÀN TỈNH CÀ MAU\n***',
      numberLine: 'Số: 01-DS/TĐTN-VP',
      dateLine: 'Cà Mau, ngày 01 tháng 12 năm 2025'
    })
    expectTitle(officeDocx, 'DANH SÁCH', [
      'Tổng hợp đăng ký đi công tác cơ sở quý IV năm 2025',
      'của cán bộ cơ quan Tỉnh đoàn'
    ])
    expect(office.issued?.symbol).toBe('01-DS/TĐTN-VP')
    const signature = tablesOf(officeDocx.document).at(-1)
    expect(signature?.rows[0]?.[1]?.text).toBe('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nPHÓ BÍ THƯ\nNguyễn Hồng Thắm')
  })

  it('has a fixed two-row header: the kinds under "Số ngày đăng ký theo nội dung", each wide enough for "Chuyên"', () => {
    const t = registrationTable(officeDocx)
    expectFixedWidths(t)
    expect(t.headerRows).toBe(2)
    expect(new Set(borderStyles(t.xml))).toEqual(new Set(['single']))
    expect(cells(t)[0]).toEqual([
      'TT',
      'Họ và tên, chức vụ',
      'Số ngày đăng ký theo nội dung',
      'Tổng số ngày',
      'Ghi chú'
    ])
    expect(t.rows[0]?.[2]?.span).toBe(CONTENT_KINDS.length)
    // The second header row: the kinds, between the cells merged down from the first row.
    const second = t.rows[1] ?? []
    expect(second.filter((c) => c.vMerge !== 'continue').map((c) => c.text)).toEqual(
      CONTENT_KINDS.map((k) => CONTENT_KIND_SHORT_LABELS[k])
    )
    // Each kind's column holds the longest word of its header in bold 13 pt, and its padding.
    CONTENT_KINDS.forEach((k, i) => {
      const longest = Math.max(
        ...CONTENT_KIND_SHORT_LABELS[k].split(' ').map((w) => textWidth(w, { size: 26, bold: true }))
      )
      expect(t.grid[2 + i]).toBeGreaterThan(longest + 2 * 57)
    })
    expectTableText(officeDocx, t)
  })

  it("groups the cadres by ban, with each ban's subtotals, and ends with the totals", () => {
    const rows = cells(registrationTable(officeDocx)).slice(2)
    expect(rows).toEqual([
      ['I', 'Văn phòng', '0', '0', '0', '0', '0', '0', ''],
      ['1', 'Huỳnh Thị Ơn\nChánh Văn phòng', '0', '0', '0', '0', '0', '0', 'Chưa đăng ký'],
      ['2', 'Nguyễn Hồng Thắm\nPhó Bí thư', '0', '0', '0', '0', '0', '0', 'Chưa đăng ký'],
      ['II', 'Ban Tổ chức - Kiểm tra', '5', '0', '0', '0', '0', '5', ''],
      ['3', 'Trần Văn Bé\nTrưởng ban', '0', '0', '0', '0', '0', '0', 'Chưa đăng ký'],
      ['4', 'Lê Minh Đức\nChuyên viên', '5', '0', '0', '0', '0', '5', ''],
      ['5', 'Tạ Văn Út\nChuyên viên', '0', '0', '0', '0', '0', '0', 'Công tác từ 03/11/2025; chưa đăng ký'],
      ['III', 'Ban Phong trào', '0', '0', '0', '0', '2', '2', ''],
      ['6', 'Võ Quang Ánh\nChuyên viên', '0', '0', '0', '0', '0', '0', 'Chưa đăng ký'],
      [
        '7',
        'Đinh Thị Ngân\nChuyên viên',
        '0',
        '0',
        '0',
        '0',
        '2',
        '2',
        'Nghỉ thai sản đến 14/11/2025; đã thực hiện 2 ngày'
      ],
      ['8', 'Phạm Thị Ý\nChuyên viên', '0', '0', '0', '0', '0', '0', 'Chưa đăng ký'],
      ['Tổng cộng', '5', '0', '0', '0', '2', '7', '']
    ])
    const t = registrationTable(officeDocx)
    const lastXml = /<w:tr>(?:(?!<w:tr>)[\s\S])*<\/w:tr>\s*<\/w:tbl>/.exec(t.xml)?.[0] ?? ''
    expect(
      runsOf(lastXml)
        .filter((r) => r.text)
        .every((r) => r.bold)
    ).toBe(true)
    expect(plainText(officeDocx.document)).toContain(
      'Tổng cộng: 8 đồng chí, trong đó 2 đồng chí đã đăng ký; tổng số 7 ngày đi cơ sở trong quý (cộng theo từng cán bộ).'
    )
  })

  it('gives each cadre of Q1 the days by kind the year summary counts by 31/03 (all Q1 trips are done)', async () => {
    const ctx = fixture.at('2025-12-01')
    const out = await exportDocument(ctx, {
      document: 'registration-summary',
      year: 2025,
      quarter: 1,
      draft: true
    })
    const rows = cells(registrationTable(await readDocx(out.buffer)))
    const summary = loadYearSummaryView(ctx, 2025, '2025-03-31')
    const cadreRows = rows.slice(2, -1).filter((r) => /^\d+$/.test(r[0] ?? ''))
    // Võ Quang Ánh (from 01/06) and Tạ Văn Út (from 03/11) do not serve in Q1.
    expect(cadreRows).toHaveLength(6)
    let checked = 0
    for (const row of cadreRows) {
      const c = summary.cadres.find((x) => x.name === row[1]?.split('\n')[0])
      if (!c) throw new Error(`no summary for ${row[1]}`)
      expect(row.slice(2, 2 + CONTENT_KINDS.length)).toEqual(
        CONTENT_KINDS.map((k) => formatDays(c.daysByKind[k]))
      )
      expect(row[2 + CONTENT_KINDS.length]).toBe(formatDays(c.days))
      checked += 1
    }
    expect(checked).toBe(6)
  })
})

describe('one ban (TCKT), Q4 2025', () => {
  it("has the ban's header, no number, and its three cadres", () => {
    expectDoanLayout(banDocx, {
      issuer: 'BCH ĐOÀN TỈNH CÀ MAU\nBAN TỔ CHỨC - KIỂM TRA\n***',
      numberLine: '',
      dateLine: 'Cà Mau, ngày 01 tháng 12 năm 2025'
    })
    expectTitle(banDocx, 'DANH SÁCH', [
      'Tổng hợp đăng ký đi công tác cơ sở quý IV năm 2025',
      'của Ban Tổ chức - Kiểm tra'
    ])
    expect(ban.issued).toBeNull()
    expect(ban.fileName).toBe('tong-hop-dang-ky-di-co-so-quy-4-2025-TCKT.docx')
    expect(
      cells(registrationTable(banDocx))
        .slice(2)
        .map((r) => r[1])
    ).toEqual(['Trần Văn Bé\nTrưởng ban', 'Lê Minh Đức\nChuyên viên', 'Tạ Văn Út\nChuyên viên', '5'])
    expect(listIssuedDocuments(fixture.at('2025-12-01'), { typeCode: 'DS' })).toHaveLength(1)
  })

  it('is signed by the head of the ban beside the recipients', () => {
    const t = tablesOf(banDocx.document).at(-1)
    // The head's title is the only title line: "Nơi nhận:" stands level with it, not a line lower.
    expect(t?.rows[0]?.[1]?.text).toBe('TRƯỞNG BAN\nTrần Văn Bé')
    expect(t?.rows[0]?.[0]?.text.split('\n')).toEqual([
      'Nơi nhận:',
      '- Thường trực Tỉnh đoàn (b/c);',
      '- Văn phòng Tỉnh đoàn (t/h);',
      '- Lưu TCKT.'
    ])
  })

  it('refuses an unknown ban', async () => {
    const error = await exportDocument(fixture.at('2025-12-01'), {
      document: 'registration-summary',
      year: 2025,
      quarter: 4,
      departmentCode: 'XYZ'
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Không có ban mã "XYZ".' })
  })
})
