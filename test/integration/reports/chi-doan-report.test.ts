/**
 * The report on attending a chi đoàn meeting (báo cáo dự sinh hoạt chi đoàn) from the 2025
 * fixture: trip TR003, the afternoon of 20/08/2025 at Chi đoàn ấp 2 xã Tân Ân, by Lê Minh Đức.
 * Only trips of the kind "Dự sinh hoạt chi đoàn" are accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument, type ExportResult } from '../../../electron/reports/export'
import { AppError } from '../../../shared/api/errors'
import { paragraphsOf, plainText, readDocx, tablesOf, type DocxParts } from './docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from './fixture-db'
import { expectDoanLayout, expectTitle } from './layout-expect'

let fixture: FixtureDb
let result: ExportResult
let docx: DocxParts
let text: string

beforeAll(async () => {
  fixture = await openFixtureDb()
  const ctx = fixture.at('2025-08-25')
  enterOrganisation(ctx)
  result = await exportDocument(ctx, {
    document: 'chi-doan-report',
    year: 2025,
    tripCode: 'TR003',
    texts: {
      attendance:
        '- Số đoàn viên có mặt: 18/21 đồng chí.\n- Đại diện cấp ủy chi bộ dự: đồng chí Bí thư Chi bộ ấp 2.'
    }
  })
  docx = await readDocx(result.buffer)
  text = plainText(docx.document)
}, 60_000)

afterAll(() => fixture?.close())

describe('TR003', () => {
  it('is a personal report in the Đoàn format, naming the chi đoàn in its title', () => {
    expectDoanLayout(docx, {
      issuer: 'BCH ĐOÀN TỈNH CÀ MAU\nBAN TỔ CHỨC - KIỂM TRA\n***',
      numberLine: '',
      dateLine: 'Cà Mau, ngày 25 tháng 8 năm 2025'
    })
    expectTitle(docx, 'BÁO CÁO', ['Kết quả dự sinh hoạt chi đoàn', 'Chi đoàn ấp 2 xã Tân Ân'])
    expect(result.issued).toBeNull()
    expect(result.fileName).toBe('bao-cao-du-sinh-hoat-chi-doan-TR003.docx')
  })

  it('gives the chi đoàn with the unit above it, the afternoon of 20/08/2025 and the cadre', () => {
    expect(text).toContain('- Cán bộ báo cáo: đồng chí Lê Minh Đức, Chuyên viên Ban Tổ chức - Kiểm tra.')
    expect(text).toContain('- Thời gian: chiều 20/08/2025 (0,5 ngày).')
    expect(text).toContain('- Chi đoàn dự sinh hoạt: Chi đoàn ấp 2 xã Tân Ân (trực thuộc Đoàn xã Tân Ân).')
    expect(text).toContain(
      'Trên đây là báo cáo kết quả dự sinh hoạt Chi đoàn ấp 2 xã Tân Ân chiều 20/08/2025./.'
    )
  })

  it('has the sections of Mẫu 5, with the attendance the cadre typed', () => {
    const headings = paragraphsOf(docx.document)
      .filter((p) => /^(I|II|III|IV|V)\. /.test(p.text))
      .map((p) => p.text)
    expect(headings).toEqual([
      'I. THÔNG TIN CHUNG',
      'II. NỘI DUNG BUỔI SINH HOẠT',
      'III. SỐ LƯỢNG THAM DỰ',
      'IV. NHẬN XÉT, ĐÁNH GIÁ',
      'V. KIẾN NGHỊ, ĐỀ XUẤT'
    ])
    const lines = text.split('\n')
    const at = lines.indexOf('III. SỐ LƯỢNG THAM DỰ')
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '- Số đoàn viên có mặt: 18/21 đồng chí.',
      '- Đại diện cấp ủy chi bộ dự: đồng chí Bí thư Chi bộ ấp 2.'
    ])
    expect(text).toContain('Chủ đề sinh hoạt: sinh hoạt chi đoàn định kỳ theo chủ đề của tháng.')
  })

  it('is signed by the reporting cadre', () => {
    expect(tablesOf(docx.document).at(-1)?.rows[0]?.[1]?.text).toBe('NGƯỜI BÁO CÁO\nLê Minh Đức')
  })
})

describe('other trips', () => {
  it('accepts TR006, a two-day chi đoàn visit by Đinh Thị Ngân of Ban Phong trào', async () => {
    const out = await exportDocument(fixture.at('2025-11-20'), {
      document: 'chi-doan-report',
      year: 2025,
      tripCode: 'TR006'
    })
    const t = plainText((await readDocx(out.buffer)).document)
    expect(t).toContain('BAN PHONG TRÀO')
    expect(t).toContain('- Thời gian: từ ngày 17/11/2025 đến ngày 18/11/2025 (2 ngày).')
  })

  it('says a meeting recorded against a district union took place there, never that the union is a chi đoàn', async () => {
    // A done chi đoàn meeting whose only unit is not a chi đoàn (the fixture has them at Huyện đoàn Ngọc Hiển).
    const row = fixture.handle.sqlite
      .prepare(
        `SELECT t.code, u.name FROM trips t JOIN trip_units tu ON tu.trip_id = t.id JOIN units u ON u.id = tu.unit_id
         WHERE t.kind = 'DU_SH_CHI_DOAN' AND t.status <> 'DU_KIEN' AND u.kind = 'HUYEN_DOAN'
           AND (SELECT count(*) FROM trip_units x WHERE x.trip_id = t.id) = 1
         ORDER BY t.start_date LIMIT 1`
      )
      .get() as { code: string; name: string } | undefined
    if (!row) throw new Error('the fixture has no chi đoàn meeting at a district union')
    const out = await exportDocument(fixture.at('2025-12-01'), {
      document: 'chi-doan-report',
      year: 2025,
      tripCode: row.code
    })
    const district = await readDocx(out.buffer)
    const t = plainText(district.document)
    expectTitle(district, 'BÁO CÁO', ['Kết quả dự sinh hoạt chi đoàn', `tại ${row.name}`])
    expect(t).not.toContain('Chi đoàn dự sinh hoạt:')
    expect(t).toContain(`- Đơn vị đến dự sinh hoạt chi đoàn: ${row.name} (trực thuộc Tỉnh đoàn Cà Mau).`)
    expect(t).toMatch(new RegExp(`Trên đây là báo cáo kết quả dự sinh hoạt chi đoàn tại ${row.name} `))
  })

  it('refuses a trip of another kind, saying which kind it is', async () => {
    const error = await exportDocument(fixture.at('2025-12-01'), {
      document: 'chi-doan-report',
      year: 2025,
      tripCode: 'TR002'
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message:
        'Chuyến đi TR002 là "Đi cơ sở theo chuyên đề", không phải "Dự sinh hoạt chi đoàn": báo cáo dự sinh ' +
        'hoạt chi đoàn chỉ lập cho chuyến đi dự sinh hoạt chi đoàn.'
    })
  })
})
