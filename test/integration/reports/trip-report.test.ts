/**
 * The report on one trip (báo cáo kết quả đi cơ sở theo chuyên đề) from the 2025 fixture: the
 * reporter's ban in the header, no number, the facts of the trip from the data, the four
 * free-text sections, and the reporter's signature beside the recipients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument, type ExportResult } from '../../../electron/reports/export'
import { listIssuedDocuments } from '../../../electron/services/documents'
import { AppError } from '../../../shared/api/errors'
import { findParagraph, paragraphsOf, plainText, readDocx, tablesOf, type DocxParts } from './docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from './fixture-db'
import { borderStyles, expectDoanLayout, expectFixedWidths, expectTitle } from './layout-expect'

let fixture: FixtureDb
let result: ExportResult
let docx: DocxParts
let text: string

beforeAll(async () => {
  fixture = await openFixtureDb()
  const ctx = fixture.at('2025-03-20')
  enterOrganisation(ctx)
  result = await exportDocument(ctx, { document: 'trip-report', year: 2025, tripCode: 'TR002' })
  docx = await readDocx(result.buffer)
  text = plainText(docx.document)
}, 60_000)

afterAll(() => fixture?.close())

async function refusal(options: { tripCode?: string; cadreCode?: string }): Promise<AppError> {
  const error = await exportDocument(fixture.at('2025-12-01'), {
    document: 'trip-report',
    year: 2025,
    ...options
  }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('TR002: Trần Văn Bé, 12–14/03/2025, Huyện đoàn Ngọc Hiển, "Khảo sát đoàn viên"', () => {
  it("has the reporter's ban in the header and no number", () => {
    expectDoanLayout(docx, {
      issuer: 'BCH ĐOÀN TỈNH CÀ MAU\nBAN TỔ CHỨC - KIỂM TRA\n***',
      numberLine: '',
      dateLine: 'Cà Mau, ngày 20 tháng 3 năm 2025'
    })
    expectTitle(docx, 'BÁO CÁO', ['Kết quả đi công tác cơ sở theo chuyên đề', '“Khảo sát đoàn viên”'])
    expect(result.issued).toBeNull()
    expect(listIssuedDocuments(fixture.at('2025-03-20'))).toHaveLength(0)
    expect(result.fileName).toBe('bao-cao-ket-qua-di-co-so-TR002.docx')
  })

  it('states who, when, where and what from the data', () => {
    expect(text).toContain('- Cán bộ báo cáo: đồng chí Trần Văn Bé, Trưởng ban Ban Tổ chức - Kiểm tra.')
    expect(text).toContain('- Thời gian: từ ngày 12/03/2025 đến ngày 14/03/2025 (3 ngày).')
    expect(text).toContain('- Đơn vị cơ sở đến: Huyện đoàn Ngọc Hiển (trực thuộc Tỉnh đoàn Cà Mau).')
    expect(text).toContain('- Nội dung đi cơ sở: Đi cơ sở theo chuyên đề; chủ đề: “Khảo sát đoàn viên”.')
    expect(text).not.toContain('Cán bộ cùng đi')
  })

  it('has the sections tình hình chung, kết quả nắm bắt, khó khăn and đề xuất, in bold capitals', () => {
    const paras = paragraphsOf(docx.document)
    const headings = paras.filter((p) => /^(I|II|III|IV|V)\. /.test(p.text))
    expect(headings.map((p) => p.text)).toEqual([
      'I. THÔNG TIN CHUNG',
      'II. TÌNH HÌNH CHUNG CỦA ĐƠN VỊ',
      'III. KẾT QUẢ NẮM BẮT TÌNH HÌNH',
      'IV. KHÓ KHĂN, VƯỚNG MẮC',
      'V. ĐỀ XUẤT, KIẾN NGHỊ'
    ])
    for (const h of headings) expect(h.runs.every((r) => r.bold && r.size === 28)).toBe(true)
    const body = findParagraph(paras, (t) => t.startsWith('Về chuyên đề “Khảo sát đoàn viên”'))
    expect(body.align).toBe('both')
    expect(body.xml).toMatch(/<w:ind w:firstLine="720"\/>/)
    expect(text).toContain(
      'Trên đây là báo cáo kết quả đi công tác cơ sở tại Huyện đoàn Ngọc Hiển từ ngày 12/03/2025 đến ngày 14/03/2025./.'
    )
  })

  it('is signed by the reporting cadre beside the recipients, with no TM.', () => {
    const t = tablesOf(docx.document).at(-1)
    if (!t) throw new Error('no signature table')
    expectFixedWidths(t)
    expect(new Set(borderStyles(t.xml))).toEqual(new Set(['none']))
    // "Nơi nhận:" level with the only title line, not a line below it.
    expect(t.rows[0]?.[1]?.text).toBe('NGƯỜI BÁO CÁO\nTrần Văn Bé')
    expect(t.rows[0]?.[0]?.text.split('\n')).toEqual([
      'Nơi nhận:',
      '- Thường trực Tỉnh đoàn (b/c);',
      '- Lãnh đạo Ban Tổ chức - Kiểm tra;',
      '- Lưu hồ sơ đi cơ sở.'
    ])
    expect(text).not.toContain('TM. BAN THƯỜNG VỤ')
  })

  it("prints the cadre's own text in place of a default, highlighted defaults only when asked", async () => {
    const out = await exportDocument(fixture.at('2025-03-20'), {
      document: 'trip-report',
      year: 2025,
      tripCode: 'TR002',
      markDefaults: true,
      texts: { difficulties: 'Nhiều đoàn viên đi làm ăn xa, khó tập hợp sinh hoạt.' }
    })
    const paras = paragraphsOf((await readDocx(out.buffer)).document)
    const given = findParagraph(paras, (t) => t === 'Nhiều đoàn viên đi làm ăn xa, khó tập hợp sinh hoạt.')
    expect(given.runs.every((r) => r.highlight === null)).toBe(true)
    expect(
      findParagraph(paras, (t) => t.startsWith('Tình hình tổ chức Đoàn')).runs.every(
        (r) => r.highlight === 'yellow'
      )
    ).toBe(true)
  })
})

describe('a trip of two cadres (TR004, 09–10/09/2025)', () => {
  it('lets the second cadre report, naming the first as companion; a draft leaves day and month blank', async () => {
    const out = await exportDocument(fixture.at('2025-09-15'), {
      document: 'trip-report',
      year: 2025,
      tripCode: 'TR004',
      cadreCode: 'A06',
      draft: true
    })
    const two = await readDocx(out.buffer)
    const t = plainText(two.document)
    expect(t).toContain('- Cán bộ báo cáo: đồng chí Huỳnh Thị Ơn, Chánh Văn phòng.')
    expect(t).toContain('- Cán bộ cùng đi: đồng chí Nguyễn Hồng Thắm, Phó Bí thư Tỉnh đoàn.')
    expect(t).toContain('- Thời gian: từ ngày 09/09/2025 đến ngày 10/09/2025 (2 ngày).')
    expect(t).toContain(
      '- Đơn vị cơ sở đến: Đoàn xã Tân Ân (trực thuộc Tỉnh đoàn Cà Mau); Đoàn xã Đất Mũi (trực thuộc Tỉnh đoàn Cà Mau).'
    )
    // No topic: the trích yếu says what, where and when.
    expectTitle(two, 'BÁO CÁO', [
      'Kết quả đi công tác cơ sở: kiểm tra, giám sát',
      'tại Đoàn xã Tân Ân, Đoàn xã Đất Mũi từ ngày 09/09/2025 đến ngày 10/09/2025'
    ])
    expect(t).toMatch(/Cà Mau, ngày\u00a0+tháng\u00a0+năm 2025/)
    expect(tablesOf(two.document).at(-1)?.rows[0]?.[1]?.text).toBe('NGƯỜI BÁO CÁO\nHuỳnh Thị Ơn')
  })

  it("puts a leader's own report under the BCH, not the Văn phòng the office files them under", async () => {
    const out = await exportDocument(fixture.at('2025-09-15'), {
      document: 'trip-report',
      year: 2025,
      tripCode: 'TR004',
      cadreCode: 'A01'
    })
    const leader = await readDocx(out.buffer)
    expectDoanLayout(leader, {
      issuer: 'BCH ĐOÀN TỈNH CÀ MAU\n***',
      numberLine: '',
      dateLine: 'Cà Mau, ngày 15 tháng 9 năm 2025'
    })
    const t = plainText(leader.document)
    expect(t).not.toContain('VĂN PHÒNG')
    expect(t).not.toContain('Lãnh đạo Văn phòng')
    expect(t).toContain('- Cán bộ báo cáo: đồng chí Nguyễn Hồng Thắm, Phó Bí thư Tỉnh đoàn.')
    expect(tablesOf(leader.document).at(-1)?.rows[0]?.[0]?.text.split('\n')).toEqual([
      'Nơi nhận:',
      '- Thường trực Tỉnh đoàn (b/c);',
      '- Văn phòng Tỉnh đoàn (t/h);',
      '- Lưu hồ sơ đi cơ sở.'
    ])
  })
})

describe('refused requests', () => {
  it('names an unknown trip, a planned trip, a missing trip and a cadre not on the trip', async () => {
    expect(await refusal({ tripCode: 'TR999' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Không có chuyến đi mã "TR999".'
    })
    expect(await refusal({})).toMatchObject({ code: 'VALIDATION', message: 'Chưa chọn chuyến đi.' })
    expect(await refusal({ tripCode: 'TR005' })).toMatchObject({
      code: 'VALIDATION',
      message:
        'Chuyến đi TR005 còn ở trạng thái "Dự kiến": chỉ lập báo cáo kết quả cho chuyến đi đã thực hiện.'
    })
    const notOnTrip = await refusal({ tripCode: 'TR004', cadreCode: 'A03' })
    expect(notOnTrip.message).toBe('Đồng chí Lê Minh Đức (mã A03) không tham gia chuyến đi TR004.')
    expect(notOnTrip.details).toEqual(['Cán bộ của chuyến đi: Nguyễn Hồng Thắm (A01), Huỳnh Thị Ơn (A06).'])
  })
})
