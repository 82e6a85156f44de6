/**
 * The progress report for a giao ban, as of 30/06/2025 on the 2025 fixture: figures so far
 * and by ban in the text; each cadre against the days expected by then (Phụ lục 01) and the
 * trips whose report is overdue (Phụ lục 02, checked against an SQL query written from
 * RULES.md §8), both landscape; who is behind pace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { cadres, departments } from '../../../electron/db/schema'
import { listIssuedDocuments } from '../../../electron/services/documents'
import { paceGapText } from '../../../electron/reports/documents/progress-report'
import { exportDocument, type ExportResult } from '../../../electron/reports/export'
import { formatDays } from '../../../shared/domain/format'
import {
  findParagraph,
  paragraphsOf,
  plainText,
  readDocx,
  sectionBodies,
  sectionsOf,
  tablesOf,
  type DocxParts,
  type Para,
  type TableInfo
} from './docx-xml'
import { enterOrganisation, expected, openFixtureDb, type FixtureDb } from './fixture-db'
import { expectTableText } from './layout-expect'

const AS_OF = '2025-06-30'

let fixture: FixtureDb
let result: ExportResult
let docx: DocxParts
let paras: Para[]
let text: string

beforeAll(async () => {
  fixture = await openFixtureDb()
  const ctx = fixture.at('2025-07-02')
  enterOrganisation(ctx)
  result = await exportDocument(ctx, { document: 'progress-report', year: 2025, asOf: AS_OF, draft: true })
  docx = await readDocx(result.buffer)
  paras = paragraphsOf(docx.document)
  text = plainText(docx.document)
}, 60_000)

afterAll(() => fixture?.close())

function tableWithHeader(first: string): TableInfo {
  const t = tablesOf(docx.document).find((x) => x.rows[0]?.some((c) => c.text === first))
  if (!t) throw new Error(`no table with a "${first}" column`)
  return t
}

describe('a draft', () => {
  it('leaves the number and the day blank and registers nothing', () => {
    expect(result.issued).toBeNull()
    expect(listIssuedDocuments(fixture.at('2025-07-02'))).toHaveLength(0)
    expect(findParagraph(paras, (t) => t.startsWith('Số:')).text).toMatch(/^Số: \u00a0{6}-BC\/TĐTN-VP$/)
    const date = findParagraph(paras, (t) => t.startsWith('Cà Mau, ngày'))
    expect(date.text).toMatch(/^Cà Mau, ngày\u00a0{6}tháng\u00a0{6}năm 2025$/)
    expect(date.runs[0]).toMatchObject({ size: 26, italics: true, bold: false })
    expect(result.fileName).toBe('bao-cao-tien-do-di-co-so-2025-06-30-chua-cap-so.docx')
  })

  it('is the report in portrait, then the two lists as landscape appendices, each numbered from 1', () => {
    const sections = sectionsOf(docx.document)
    expect(sections).toHaveLength(3)
    expect(sections[0]).toMatchObject({ width: 11906, height: 16838, titlePage: true, pageStart: 1 })
    for (const appendix of sections.slice(1))
      expect(appendix).toMatchObject({ width: 16838, height: 11906, orient: 'landscape', pageStart: 1 })
    expect(text).toContain('(Tính đến ngày 30/06/2025)')
    const bodies = sectionBodies(docx.document)
    expect(plainText(bodies[1] ?? '')).toContain('Phụ lục 01')
    expect(plainText(bodies[2] ?? '')).toContain('Phụ lục 02')
    // The report itself holds no long list: its only data table is the short one by ban.
    expect(tablesOf(bodies[0] ?? '').filter((t) => t.rows[0]?.[0]?.text === 'TT')).toHaveLength(1)
  })
})

describe('figures as of 30/06/2025 (office-2025.expected.json, midYear)', () => {
  const totals = expected.midYear.totals

  it('gives the totals so far with the decimal comma', () => {
    expect(totals.totalDays).toBe(313)
    expect(totals.averageDays).toBe(52.17)
    // One decimal, as days everywhere else.
    expect(text).toContain('Tổng số ngày đi cơ sở đến nay: 313 ngày; bình quân 52,2 ngày/đồng chí.')
    expect(text).toContain(
      `Số cán bộ thuộc đối tượng: ${totals.subject} đồng chí (miễn, không đánh giá: ${totals.exempt} đồng chí)`
    )
    expect(text).toContain(`đã hoàn thành chỉ tiêu năm: ${totals.completed} đồng chí (33,3%)`)
  })

  it('gives each ban its cadres, completed, behind pace, days done and target in the text', () => {
    const t = tableWithHeader('Ban')
    expect(t.grid.reduce((a, b) => a + b, 0)).toBe(9071)
    const rows = t.rows.slice(1)
    expect(rows.reduce((sum, r) => sum + Number(r[2]?.text), 0)).toBe(totals.subject)
    expect(
      rows.reduce((sum, r) => sum + Number((r[5]?.text ?? '').replace('.', '').replace(',', '.')), 0)
    ).toBe(totals.totalDays)
    expect(rows.reduce((sum, r) => sum + Number(r[3]?.text), 0)).toBe(totals.completed)
    expectTableText(docx, t)
  })

  it('lists each cadre in Phụ lục 01 with the year target, the days done so far and a status', () => {
    const t = tableWithHeader('Họ và tên')
    expect(t.headerRows).toBe(1)
    expect(t.grid.reduce((a, b) => a + b, 0)).toBe(14003)
    expectTableText(docx, t)
    for (const c of expected.midYear.cadres) {
      const row = t.rows.find((r) => r[1]?.text === c.name)
      if (!row) throw new Error(`no row for ${c.name}`)
      expect(row[3]?.text).toBe(c.target === null ? '-' : formatDays(c.target))
      expect(row[4]?.text).toBe(formatDays(c.days))
      const status = row[7]?.text ?? ''
      if (c.status === 'MIEN')
        expect(status).toBe(`Miễn: ${c.reason?.charAt(0).toLowerCase()}${c.reason?.slice(1)}`)
      else if (c.status === 'HOAN_THANH') expect(status).toBe('Hoàn thành')
      else expect(['Đúng tiến độ', 'Chậm tiến độ']).toContain(status)
    }
    const totalsRow = t.rows[t.rows.length - 1] ?? []
    expect(totalsRow[0]?.text).toBe('Cộng (cán bộ thuộc đối tượng)')
    expect(totalsRow[1]?.text).toBe('313')
  })

  it('computes "Chênh lệch" from the figures as printed, so each row adds up for the reader', () => {
    const t = tableWithHeader('Họ và tên')
    const number = (s: string) => Number(s.replace('−', '-').replace('+', '').replace(',', '.'))
    let checked = 0
    for (const row of t.rows.slice(1, -1)) {
      const [days, shown, gap] = [row[4]?.text ?? '', row[5]?.text ?? '', row[6]?.text ?? '']
      if (shown === '-') continue
      expect(Math.round((number(days) - number(shown)) * 10) / 10).toBe(number(gap))
      checked += 1
    }
    expect(checked).toBeGreaterThan(0)
    // The case the issue showed: 64 days against 29,75 expected prints 29,8 and +34,2, not +34,3.
    expect(paceGapText(64, 29.75)).toBe('+34,2')
    expect(paceGapText(0, 29.75)).toBe('−29,8')
    expect(paceGapText(29.5, 29.45)).toBe('0')
  })
})

describe('overdue trip reports (RULES.md §8)', () => {
  it('lists every trip done without a report more than 10 days after its end', () => {
    // Independent of the app's code: the rule written as SQL over the imported trips.
    const rows = fixture.handle.sqlite
      .prepare(
        `SELECT code, julianday(?) - julianday(end_date, '+10 days') AS late FROM trips
         WHERE status = 'DA_THUC_HIEN' AND report_date IS NULL AND start_date <= ? AND end_date >= '2025-01-01'
           AND julianday(?) > julianday(end_date, '+10 days')`
      )
      .all(AS_OF, AS_OF, AS_OF) as Array<{ code: string; late: number }>
    expect(rows.length).toBeGreaterThan(10)
    const longOverdue = rows.filter((r) => Math.round(r.late) > 30).length
    expect(text).toContain(
      `Đến ngày 30/06/2025, còn ${rows.length} chuyến đi quá hạn báo cáo, trong đó ${longOverdue} chuyến ` +
        'quá hạn trên 30 ngày (danh sách tại Phụ lục 02).'
    )
    const t = tableWithHeader('Mã chuyến')
    expect(t.headerRows).toBe(1)
    expect(plainText(sectionBodies(docx.document)[2] ?? '')).toContain('Mã chuyến')
    expectTableText(docx, t)
    const listed = t.rows.slice(1)
    expect(listed).toHaveLength(rows.length)
    const late = new Map(rows.map((r) => [r.code, Math.round(r.late)]))
    for (const row of listed) {
      const code = row[1]?.text ?? ''
      expect(late.has(code)).toBe(true)
      expect(row[7]?.text).toBe(String(late.get(code)))
    }
    // Most overdue first.
    const days = listed.map((r) => Number(r[7]?.text))
    expect([...days].sort((a, b) => b - a)).toEqual(days)
  })
})

describe('cadres behind pace', () => {
  it('says nobody is behind when nobody is (the fixture is ahead of pace at mid-year)', () => {
    expect(text).toContain('(số ngày đã đi thấp hơn số ngày cần đạt theo tiến độ quá 5 ngày): 0 đồng chí.')
    expect(text).toContain('Không có cán bộ chậm tiến độ.')
  })

  it('names a cadre who has not gone out yet, with the days expected by then', async () => {
    const fresh = await openFixtureDb()
    try {
      const ctx = fresh.at('2025-07-02')
      const vp = ctx.db.select().from(departments).where(eq(departments.code, 'VP')).get()
      if (!vp) throw new Error('no VP department in the fixture')
      ctx.write('Thêm cán bộ (kiểm thử)', (tx, log) => {
        const cadre = {
          code: 'Z99',
          fullName: 'Đặng Văn Hậu',
          position: 'Chuyên viên',
          departmentId: vp.id,
          fullTime: true
        }
        tx.insert(cadres).values(cadre).run()
        log.record('cadre', cadre.code, 'insert', null, cadre)
      })
      const out = await exportDocument(ctx, {
        document: 'progress-report',
        year: 2025,
        asOf: AS_OF,
        draft: true
      })
      const docText = plainText((await readDocx(out.buffer)).document)
      // Subject all year: 60 × 181 / 365 = 29,75 days expected by 30/06, none done.
      expect(docText).toContain('Các đồng chí chậm tiến độ (1 đồng chí): Đặng Văn Hậu (còn thiếu 29,8 ngày).')
      const t = tablesOf((await readDocx(out.buffer)).document).find((x) =>
        x.rows[0]?.some((c) => c.text === 'Họ và tên')
      )
      const row = t?.rows.find((r) => r[1]?.text === 'Đặng Văn Hậu')
      expect(row?.map((c) => c.text).slice(2)).toEqual([
        'Chuyên viên, Văn phòng',
        '60',
        '0',
        '29,8',
        '−29,8',
        'Chậm tiến độ'
      ])
    } finally {
      fresh.close()
    }
  })
})
