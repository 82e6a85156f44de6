/**
 * A cadre's quarterly registration form (phiếu đăng ký) from the 2025 fixture: the ban's
 * header without a number, the cadre's details, the trips of the quarter with their days
 * (a slot counted once where trips overlap), and the two signatures of a personal form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument, type ExportResult } from '../../../electron/reports/export'
import { listIssuedDocuments } from '../../../electron/services/documents'
import { loadYearSummaryView } from '../../../electron/services/summary'
import { AppError } from '../../../shared/api/errors'
import { formatDays } from '../../../shared/domain/format'
import {
  elements,
  findParagraph,
  paragraphsOf,
  plainText,
  readDocx,
  tablesOf,
  type DocxParts
} from './docx-xml'
import { enterOrganisation, expected, openFixtureDb, type FixtureDb } from './fixture-db'
import {
  borderStyles,
  expectDoanLayout,
  expectFixedWidths,
  expectTableText,
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
  result = await exportDocument(ctx, {
    document: 'registration-form',
    year: 2025,
    quarter: 4,
    cadreCode: 'A03'
  })
  docx = await readDocx(result.buffer)
  text = plainText(docx.document)
}, 60_000)

afterAll(() => fixture?.close())

async function form(quarter: number, cadreCode: string): Promise<DocxParts> {
  const out = await exportDocument(fixture.at('2025-12-01'), {
    document: 'registration-form',
    year: 2025,
    quarter,
    cadreCode
  })
  return readDocx(out.buffer)
}

describe('layout of a personal form', () => {
  it('has the ban under the BCH in the header, no number, and the signing date', () => {
    expectDoanLayout(docx, {
      issuer: 'BCH ĐOÀN TỈNH CÀ MAU\nBAN TỔ CHỨC - KIỂM TRA\n***',
      numberLine: '',
      dateLine: 'Cà Mau, ngày 01 tháng 12 năm 2025'
    })
    const paras = paragraphsOf(docx.document)
    // S1's two-line issuer: the body above not bold, the ban bold, both 14 pt caps.
    expect(findParagraph(paras, (t) => t === 'BCH ĐOÀN TỈNH CÀ MAU').runs[0]).toMatchObject({
      size: 28,
      bold: false
    })
    expect(findParagraph(paras, (t) => t === 'BAN TỔ CHỨC - KIỂM TRA').runs[0]).toMatchObject({
      size: 28,
      bold: true
    })
    expect(text).not.toMatch(/Số:/)
    expectTitle(docx, 'PHIẾU ĐĂNG KÝ', ['Đi công tác cơ sở quý IV năm 2025'])
  })

  it('takes no number from the register', () => {
    expect(result.issued).toBeNull()
    expect(listIssuedDocuments(fixture.at('2025-12-01'))).toHaveLength(0)
    expect(result.fileName).toBe('phieu-dang-ky-di-co-so-quy-4-2025-A03.docx')
    expect(result.notes).toContain('Văn bản của ban, của cá nhân: không lấy số trong sổ văn bản đi.')
  })

  it('is signed by the head of the ban (left) and the cadre (right), with no TM. and no Nơi nhận', () => {
    const t = tablesOf(docx.document).at(-1)
    if (!t) throw new Error('no signature table')
    expectFixedWidths(t)
    expect(t.grid).toEqual([4535, 4536])
    expect(new Set(borderStyles(t.xml))).toEqual(new Set(['none']))
    // Titles in one row, hints and names in the next: the two "(Ký, ghi rõ họ tên)" stay level.
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['XÁC NHẬN CỦA TRƯỞNG BAN', 'NGƯỜI ĐĂNG KÝ'],
      ['(Ký, ghi rõ họ tên)\nTrần Văn Bé', '(Ký, ghi rõ họ tên)\nLê Minh Đức']
    ])
    // The title row goes with the signatures, and the table's totals row with the commitment before them.
    expect(elements(t.xml, 'w:tr')[0]).toMatch(/<w:keepNext\/>/)
    expect(t.xml).toMatch(/<w:cantSplit\/>/)
    expect(text).not.toContain('TM. BAN THƯỜNG VỤ')
    expect(text).not.toContain('Nơi nhận')
    const paras = paragraphsOf(docx.document)
    expect(findParagraph(paras, (x) => x === 'NGƯỜI ĐĂNG KÝ').runs[0]).toMatchObject({ size: 28, bold: true })
    expect(findParagraph(paras, (x) => x === 'Lê Minh Đức').runs[0]).toMatchObject({ size: 28, bold: true })
  })
})

describe('content from the data', () => {
  it('names the cadre, the ban and the days done this year before the quarter', () => {
    expect(text).toContain('Họ và tên: Lê Minh Đức')
    expect(text).toContain('Chức vụ: Chuyên viên')
    expect(text).toContain('Đơn vị công tác: Ban Tổ chức - Kiểm tra, cơ quan Tỉnh đoàn')
    const asOf = loadYearSummaryView(fixture.at('2025-12-01'), 2025, '2025-09-30').cadres.find(
      (c) => c.code === 'A03'
    )
    expect(text).toContain(
      `Số ngày đã đi cơ sở năm 2025 (tính đến ngày 30/09/2025): ${formatDays(asOf?.days ?? NaN)} ngày (chỉ tiêu năm 60 ngày).`
    )
  })

  it('takes the days done by 30/06 from the mid-year figures in the Q3 form', async () => {
    const q3 = plainText((await form(3, 'A03')).document)
    const mid = expected.midYear.cadres.find((c) => c.code === 'A03')
    expect(q3).toContain(`(tính đến ngày 30/06/2025): ${formatDays(mid?.days ?? NaN)} ngày`)
  })

  it('lists the planned trip TR005 of 22–26/12/2025 with its 5 days and the quarter total', () => {
    const t = tableStartingWith(docx, 'TT', 'Thời gian', 'Đơn vị cơ sở đến')
    expectFixedWidths(t)
    expect(t.headerRows).toBe(1)
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['TT', 'Thời gian', 'Đơn vị cơ sở đến', 'Loại nội dung', 'Nội dung, chủ đề', 'Số ngày', 'Ghi chú'],
      ['1', '22/12 –\n26/12/2025', 'Đoàn phường An Xuyên', 'Chuyên đề', '', '5', ''],
      ['Tổng số ngày đăng ký trong quý', '5', '']
    ])
    expect(t.rows[2]?.[0]?.span).toBe(5)
    expectTableText(docx, t)
    // The last rows, the commitment and the signatures move to a new page together.
    expect(elements(t.xml, 'w:tr').at(-1)).toMatch(/<w:keepNext\/>/)
    expect(findParagraph(paragraphsOf(docx.document), (x) => x.startsWith('Tôi cam kết')).xml).toMatch(
      /<w:keepNext\/>/
    )
  })

  it('counts a slot once where two trips overlap (A02 in Q1: TR001 10–13/03 and TR002 12–14/03)', async () => {
    const t = tableStartingWith(await form(1, 'A02'), 'TT', 'Thời gian')
    const row = (period: string) => t.rows.find((r) => r[1]?.text === period)
    expect(row('10/03 –\n13/03/2025')?.[5]?.text).toBe('4')
    expect(row('12/03 –\n14/03/2025')?.[5]?.text).toBe('1')
    expect(row('12/03 –\n14/03/2025')?.[4]?.text).toBe('Khảo sát đoàn viên')
    const body = t.rows.slice(1, -1)
    const sum = body.reduce((s, r) => s + Number((r[5]?.text ?? '').replace(',', '.')), 0)
    const total = t.rows.at(-1)?.[1]?.text
    expect(total).toBe(formatDays(sum))
    // All Q1 trips are done, so the quarter's days are the year summary as of 31/03.
    const summary = loadYearSummaryView(fixture.at('2025-12-01'), 2025, '2025-03-31')
    expect(total).toBe(formatDays(summary.cadres.find((c) => c.code === 'A02')?.days ?? NaN))
    // The done trips say so in the notes column.
    expect(body.every((r) => ['Đã thực hiện', 'Đã báo cáo'].includes(r[6]?.text ?? ''))).toBe(true)
  })

  it('has the Thường trực confirm the form of a head of ban', async () => {
    const head = await form(4, 'A02')
    const t = tablesOf(head.document).at(-1)
    // Too long for half the page on one line: two lines, broken after "XÁC NHẬN CỦA".
    expect(t?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['XÁC NHẬN CỦA\nTHƯỜNG TRỰC TỈNH ĐOÀN', 'NGƯỜI ĐĂNG KÝ'],
      ['(Ký, ghi rõ họ tên)\n', '(Ký, ghi rõ họ tên)\nTrần Văn Bé']
    ])
    expect(tableStartingWith(head, 'TT', 'Thời gian').rows[1]?.[0]?.text).toBe(
      'Chưa có chuyến đi nào trong quý.'
    )
  })
})

describe('refused requests', () => {
  const refuse = async (quarter: number | undefined, cadreCode: string | undefined) => {
    const error = await exportDocument(fixture.at('2025-12-01'), {
      document: 'registration-form',
      year: 2025,
      quarter,
      cadreCode
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }

  it('names an unknown cadre, a missing one, and a cadre not serving in the quarter', async () => {
    expect(await refuse(4, 'Z99')).toMatchObject({ code: 'NOT_FOUND', message: 'Không có cán bộ mã "Z99".' })
    expect(await refuse(4, undefined)).toMatchObject({
      code: 'VALIDATION',
      message: 'Chưa chọn cán bộ đăng ký.'
    })
    expect(await refuse(3, 'A08')).toMatchObject({
      code: 'VALIDATION',
      message: 'Đồng chí Tạ Văn Út không công tác trong quý III năm 2025 (công tác từ ngày 03/11/2025).'
    })
    expect((await refuse(7, 'A03')).message).toBe('Quý không hợp lệ: "7" (chỉ có quý 1, 2, 3 hoặc 4).')
  })
})
