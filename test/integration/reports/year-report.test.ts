/**
 * The year report of the 2025 fixture, exported through exportDocument on a real SQLite file
 * and read back from the .docx: the Đoàn layout element by element (HD 29-HD/TWĐTN-VP, see
 * shared/domain/DOCUMENT-FORMAT.md) and the figures of office-2025.expected.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listIssuedDocuments } from '../../../electron/services/documents'
import { exportDocument, type ExportResult } from '../../../electron/reports/export'
import { formatDays } from '../../../shared/domain/format'
import { CONTENT_KIND_LABELS, CONTENT_KINDS } from '../../../shared/domain/kinds'
import { STATUS_LABELS, type CadreStatus } from '../../../shared/domain/summary'
import {
  elements,
  findParagraph,
  fontsOf,
  paragraphsOf,
  plainText,
  readDocx,
  runsOf,
  sectionBodies,
  sectionsOf,
  tablesOf,
  type DocxParts,
  type Para
} from './docx-xml'
import { enterOrganisation, expected, openFixtureDb, type FixtureDb } from './fixture-db'
import { expectTableText } from './layout-expect'

/** The style of every table and cell border side. */
function borderStyles(xml: string): string[] {
  return [...xml.matchAll(/<w:(?:top|left|bottom|right|insideH|insideV) w:val="(\w+)"/g)].map(
    (m) => m[1] ?? ''
  )
}

const TNR = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: 'Times New Roman',
  cs: 'Times New Roman'
}

let fixture: FixtureDb
let result: ExportResult
let docx: DocxParts
let paras: Para[]

beforeAll(async () => {
  fixture = await openFixtureDb()
  const ctx = fixture.at('2026-01-05')
  enterOrganisation(ctx)
  result = await exportDocument(ctx, { document: 'year-report', year: 2025, departmentAbbreviation: 'XDĐ' })
  docx = await readDocx(result.buffer)
  paras = paragraphsOf(docx.document)
}, 60_000)

afterAll(() => fixture?.close())

describe('page setup', () => {
  it('is A4 portrait with margins top 20, bottom 20, left 30, right 20 mm, then two landscape appendices', () => {
    const sections = sectionsOf(docx.document)
    expect(sections).toHaveLength(3)
    const margin = { top: 1134, bottom: 1134, left: 1701, right: 1134 }
    const [main, appendix1, appendix2] = sections
    expect(main).toMatchObject({ width: 11906, height: 16838, orient: 'portrait', margin })
    // Landscape: the page turned, same margins.
    expect(appendix1).toMatchObject({ width: 16838, height: 11906, orient: 'landscape', margin })
    expect(appendix2).toMatchObject({ width: 16838, height: 11906, orient: 'landscape', margin })
    const bodies = sectionBodies(docx.document)
    expect(plainText(bodies[1] ?? '')).toContain('Phụ lục 01')
    expect(plainText(bodies[1] ?? '')).toContain(
      'TỔNG HỢP KẾT QUẢ ĐI CÔNG TÁC CƠ SỞ CỦA CÁN BỘ TỈNH ĐOÀN NĂM 2025'
    )
    expect(plainText(bodies[2] ?? '')).toContain('Phụ lục 02')
  })
})

describe('fonts', () => {
  it('sets Times New Roman on all four slots in the document defaults, with no theme font', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(docx.styles)?.[0] ?? ''
    expect(fontsOf(defaults)).toEqual(TNR)
    expect(docx.styles).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/)
    expect(docx.document).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/)
  })

  it('names the font once, in the defaults: no run of the body or the page headers sets another', () => {
    const parts = [docx.document, ...Object.values(docx.headers)]
    let count = 0
    for (const xml of parts) {
      expect(xml).not.toMatch(/<w:rFonts/)
      count += elements(xml, 'w:r').length
    }
    expect(count).toBeGreaterThan(200)
  })

  it('writes every text in NFC', () => {
    for (const p of paras) expect(p.text).toBe(p.text.normalize('NFC'))
  })
})

describe('header of page 1', () => {
  const header = () => {
    const table = tablesOf(docx.document)[0]
    if (!table) throw new Error('no header table')
    return table
  }

  it('is a borderless fixed two-column table over the text width', () => {
    const t = header()
    expect(t.grid.reduce((a, b) => a + b, 0)).toBe(9071)
    expect(t.layout).toBe('fixed')
    expect(new Set(borderStyles(t.xml))).toEqual(new Set(['none']))
    for (const row of t.rows)
      for (const [i, cell] of row.entries()) expect(cell).toMatchObject({ type: 'dxa', w: t.grid[i] })
    // Left: issuer, ***, number; right: the motto, then the date on the row of the number.
    expect(t.rows[0]?.[0]?.text).toBe('BCH ĐOÀN TỈNH CÀ MAU\n***')
    expect(t.rows[0]?.[1]?.text).toBe('ĐOÀN TNCS HỒ CHÍ MINH')
    expect(t.rows[1]?.[0]?.text).toBe('Số: 01-BC/TĐTN-XDĐ')
    expect(t.rows[1]?.[1]?.text).toBe('Cà Mau, ngày 05 tháng 01 năm 2026')
  })

  it('sizes and styles each element as S1 Mẫu 3 says', () => {
    const style = (text: string) => {
      const p = findParagraph(paras, (t) => t === text)
      expect(p.runs.length).toBeGreaterThan(0)
      return p.runs.map(({ size, bold, italics, underline }) => ({ size, bold, italics, underline }))[0]
    }
    expect(style('ĐOÀN TNCS HỒ CHÍ MINH')).toEqual({
      size: 30,
      bold: true,
      italics: false,
      underline: 'single'
    })
    expect(style('BCH ĐOÀN TỈNH CÀ MAU')).toEqual({ size: 28, bold: true, italics: false, underline: null })
    expect(style('***')).toEqual({ size: 28, bold: false, italics: false, underline: null })
    expect(style('Số: 01-BC/TĐTN-XDĐ')).toEqual({ size: 28, bold: false, italics: false, underline: null })
    expect(style('Cà Mau, ngày 05 tháng 01 năm 2026')).toEqual({
      size: 26,
      bold: false,
      italics: true,
      underline: null
    })
    expect(style('BÁO CÁO')).toEqual({ size: 32, bold: true, italics: false, underline: null })
    expect(style('Kết quả thực hiện chế độ đi công tác cơ sở')).toEqual({
      size: 28,
      bold: true,
      italics: false,
      underline: null
    })
    expect(style('của cán bộ Tỉnh đoàn năm 2025')).toEqual({
      size: 28,
      bold: true,
      italics: false,
      underline: null
    })
    expect(findParagraph(paras, (t) => t === 'BÁO CÁO').align).toBe('center')
    expect(findParagraph(paras, (t) => /^-{10,17}$/.test(t)).align).toBe('center')
  })

  it('underlines nothing but the motto', () => {
    const underlined = paras.flatMap((p) => p.runs).filter((r) => r.underline && r.underline !== 'none')
    expect(underlined.map((r) => r.text)).toEqual(['ĐOÀN TNCS HỒ CHÍ MINH'])
  })
})

describe('body', () => {
  it('is 14 pt, justified, first line indented 1.27 cm, 6 pt after, line spacing 1.15', () => {
    const p = findParagraph(paras, (t) => t.startsWith('Thực hiện chủ trương của Ban Bí thư'))
    expect(p.align).toBe('both')
    expect(p.xml).toMatch(/<w:ind w:firstLine="720"\/>/)
    expect(p.xml).toMatch(/<w:spacing[^>]*w:after="120"/)
    expect(p.xml).toMatch(/<w:spacing[^>]*w:line="276"/)
    expect(p.runs.every((r) => r.size === 28 && !r.bold)).toBe(true)
  })

  it('numbers the headings I., 1. in bold, the Roman level in capitals', () => {
    for (const text of [
      'I. CÔNG TÁC TRIỂN KHAI, QUÁN TRIỆT',
      'II. KẾT QUẢ THỰC HIỆN',
      'IV. PHƯƠNG HƯỚNG NĂM 2026'
    ]) {
      const p = findParagraph(paras, (t) => t === text)
      expect(p.runs.every((r) => r.bold && r.size === 28)).toBe(true)
    }
    expect(findParagraph(paras, (t) => t === '1. Số lượng cán bộ và số ngày đi cơ sở').runs[0]?.bold).toBe(
      true
    )
  })

  it('does not highlight default text unless asked', () => {
    expect(paras.flatMap((p) => p.runs).some((r) => r.highlight)).toBe(false)
  })
})

describe('figures of the year (RULES.md §7, office-2025.expected.json)', () => {
  const totals = expected.yearEnd.totals
  const text = () => plainText(docx.document)

  it('states the cadres, subject, exempt and completed counts', () => {
    expect(text()).toContain(
      `Tổng số cán bộ cơ quan Tỉnh đoàn: ${totals.cadres} đồng chí; trong đó thuộc đối tượng thực hiện chế độ đi công tác cơ sở: ${totals.subject} đồng chí; miễn, không đánh giá: ${totals.exempt} đồng chí`
    )
    expect(text()).toContain(
      `Số cán bộ hoàn thành chỉ tiêu: ${totals.completed}/${totals.subject} đồng chí, đạt 50%`
    )
  })

  it('writes the total and the average with the decimal comma', () => {
    expect(totals.totalDays).toBe(339.5)
    expect(totals.averageDays).toBe(56.58)
    // One decimal, as days everywhere else (56,58 rounds to 56,6).
    expect(text()).toContain(
      'Tổng số ngày đi cơ sở của cán bộ thuộc đối tượng: 339,5 ngày; bình quân 56,6 ngày/đồng chí'
    )
    expect(text()).not.toContain('56,58')
  })

  it('gives the days and share of each content kind', () => {
    const sum = Object.values(totals.daysByKind).reduce((a, b) => a + b, 0)
    expect(sum).toBe(totals.totalDays)
    expect(text()).toContain('Đi cơ sở theo chuyên đề: 77 ngày, chiếm 22,7%;')
    expect(text()).toContain('Dự sinh hoạt chi đoàn: 106,5 ngày, chiếm 31,4%.')
    for (const kind of CONTENT_KINDS) {
      const days = totals.daysByKind[kind] ?? NaN
      const share = (Math.round((days / totals.totalDays) * 1000) / 10).toString().replace('.', ',')
      expect(text()).toContain(`${CONTENT_KIND_LABELS[kind]}: ${formatDays(days)} ngày, chiếm ${share}%`)
    }
  })

  it('names the exempt cadres with their reason', () => {
    for (const c of expected.yearEnd.cadres.filter((x) => x.status === 'MIEN')) {
      expect(text()).toContain(
        `đồng chí ${c.name}: ${c.reason?.charAt(0).toLowerCase()}${c.reason?.slice(1)}`
      )
    }
  })
})

describe('Phụ lục 01: one row per cadre', () => {
  const table = () => {
    const t = tablesOf(sectionBodies(docx.document)[1] ?? '')[0]
    if (!t) throw new Error('no appendix table')
    return t
  }

  it('spans the landscape text width with fixed widths on the grid and on every cell', () => {
    const t = table()
    expect(t.grid.reduce((a, b) => a + b, 0)).toBe(16838 - 1701 - 1134)
    expect(t.tableWidth).toEqual({ w: 14003, type: 'dxa' })
    expect(t.layout).toBe('fixed')
    for (const row of t.rows) {
      let column = 0
      for (const cell of row) {
        expect(cell.type).toBe('dxa')
        expect(cell.w).toBe(t.grid.slice(column, column + cell.span).reduce((a, b) => a + b, 0))
        column += cell.span
      }
      expect(column).toBe(t.grid.length)
    }
    expect(t.headerRows).toBe(2)
    // Borders once, on the table: no cell repeats them.
    expect(new Set(borderStyles(t.xml))).toEqual(new Set(['single']))
    expect(t.xml).toMatch(/<w:tblBorders>/)
    expect(t.xml).not.toMatch(/<w:tcBorders>/)
  })

  it('prints its text at 13 pt with padding inside every cell', () => {
    expectTableText(docx, table())
  })

  it('has each cadre, position under the name, with days by kind, total, target and result', () => {
    const t = table()
    for (const c of expected.yearEnd.cadres) {
      const row = t.rows.find((r) => r[1]?.text.split('\n')[0] === c.name)
      if (!row) throw new Error(`no row for ${c.name}`)
      const cells = row.map((x) => x.text)
      expect(cells[1]?.split('\n')).toHaveLength(2)
      expect(cells.slice(2, 2 + CONTENT_KINDS.length)).toEqual(
        CONTENT_KINDS.map((k) => formatDays(c.daysByKind[k] ?? NaN))
      )
      expect(cells[2 + CONTENT_KINDS.length]).toBe(formatDays(c.days))
      expect(cells[3 + CONTENT_KINDS.length]).toBe(c.target === null ? '-' : formatDays(c.target))
      expect(cells).toContain(STATUS_LABELS[c.status as CadreStatus])
      if (c.reason)
        expect(cells[cells.length - 1]).toContain(c.reason.charAt(0).toUpperCase() + c.reason.slice(1))
    }
  })

  it('closes group I with the totals of the subject cadres, in bold, before group II', () => {
    const t = table()
    const at = t.rows.findIndex((r) => r[0]?.text === 'Tổng cộng (mục I)')
    const groupII = t.rows.findIndex((r) => r[0]?.text === 'II')
    const subject = expected.yearEnd.cadres.filter((c) => c.status !== 'MIEN').length
    expect(at).toBeGreaterThan(0)
    expect(groupII).toBe(at + 1)
    // Right under the last subject cadre (TT = the number of subject cadres).
    expect(t.rows[at - 1]?.[0]?.text).toBe(String(subject))
    const totals = t.rows[at] ?? []
    expect(totals.slice(1, 7).map((c) => c.text)).toEqual(['77', '73', '37', '46', '106,5', '339,5'])
    const rowXml = elements(t.xml, 'w:tr')[at] ?? ''
    expect(
      runsOf(rowXml)
        .filter((r) => r.text)
        .every((r) => r.bold)
    ).toBe(true)
    // The last subject row is kept on the page of its totals.
    expect(elements(t.xml, 'w:tr')[at - 1]).toMatch(/<w:keepNext\/>/)
    expect(t.rows[t.rows.length - 1]?.[0]?.text).toBe(String(expected.yearEnd.cadres.length))
  })
})

describe('Phụ lục 02: units visited', () => {
  const table = () => {
    const t = tablesOf(sectionBodies(docx.document)[2] ?? '')[0]
    if (!t) throw new Error('no unit table')
    return t
  }

  it("is landscape, names the units without the office's internal codes, with the unit above", () => {
    expect(sectionsOf(docx.document)[2]).toMatchObject({ orient: 'landscape' })
    const t = table()
    expect(t.rows[0]?.map((c) => c.text)).toEqual([
      'TT',
      'Đơn vị',
      'Trực thuộc',
      'Số lượt đến',
      'Số ngày cán bộ đến',
      'Ghi chú'
    ])
    const units = fixture.handle.sqlite.prepare('SELECT code FROM units').all() as Array<{ code: string }>
    const cells = t.rows.slice(1).flatMap((r) => r.map((c) => c.text))
    for (const { code } of units) expect(cells).not.toContain(code)
    expectTableText(docx, t)
  })

  it('tells apart the two "Đoàn xã Tân Ân" by when each was active', () => {
    const rows = table().rows.filter((r) => r[1]?.text === 'Đoàn xã Tân Ân')
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r[5]?.text).sort()).toEqual([
      'Hoạt động từ 01/07/2025',
      'Hoạt động đến 30/06/2025'
    ])
  })
})

describe('page numbers', () => {
  it('are centred at the top from page 2, 14 pt, and restart in each appendix', () => {
    for (const section of sectionsOf(docx.document)) {
      expect(section.titlePage).toBe(true)
      expect(section.pageStart).toBe(1)
      const numbered = docx.headers[docx.rels[section.headers.default ?? ''] ?? ''] ?? ''
      const first = docx.headers[docx.rels[section.headers.first ?? ''] ?? ''] ?? ''
      expect(numbered).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/)
      expect(numbered).toMatch(/<w:jc w:val="center"\/>/)
      expect(runsOf(numbered).every((r) => r.size === 28)).toBe(true)
      expect(first).not.toMatch(/PAGE/)
    }
  })
})

describe('signature and recipients', () => {
  const block = () => {
    const tables = tablesOf(sectionBodies(docx.document)[0] ?? '')
    const t = tables[tables.length - 1]
    if (!t) throw new Error('no signature table')
    return t
  }

  it('puts "Nơi nhận:" and the signature side by side in one borderless row', () => {
    const t = block()
    expect(t.rows).toHaveLength(1)
    expect(new Set(borderStyles(t.xml))).toEqual(new Set(['none']))
    expect(t.rows[0]?.[0]?.text.split('\n').slice(1)).toEqual([
      'Nơi nhận:',
      '- Trung ương Đoàn (b/c);',
      '- Thường trực Tỉnh ủy (b/c);',
      '- Các đồng chí UV BTV Tỉnh đoàn;',
      '- Các ban, văn phòng Tỉnh đoàn;',
      '- Lưu VP, XDĐ.'
    ])
    expect(t.rows[0]?.[1]?.text).toBe('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nPHÓ BÍ THƯ\nNguyễn Hồng Thắm')
    expect(t.xml).toMatch(/<w:cantSplit\/>/)
  })

  it('styles each line as S1 says', () => {
    const style = (text: string) => {
      const r = findParagraph(paras, (t) => t === text).runs[0]
      return { size: r?.size, bold: r?.bold, italics: r?.italics }
    }
    expect(style('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')).toEqual({ size: 28, bold: true, italics: false })
    expect(style('PHÓ BÍ THƯ')).toEqual({ size: 28, bold: false, italics: false })
    expect(style('Nguyễn Hồng Thắm')).toEqual({ size: 28, bold: true, italics: false })
    expect(style('Nơi nhận:')).toEqual({ size: 26, bold: true, italics: false })
    expect(style('- Trung ương Đoàn (b/c);')).toEqual({ size: 22, bold: false, italics: false })
  })
})

describe('the register', () => {
  it('recorded the report as number 01 of the BC sequence of the term', () => {
    expect(result.issued?.symbol).toBe('01-BC/TĐTN-XDĐ')
    const register = listIssuedDocuments(fixture.at('2026-01-05'))
    expect(register).toHaveLength(1)
    expect(register[0]).toMatchObject({
      typeCode: 'BC',
      congressTerm: '2022–2027',
      number: 1,
      symbol: '01-BC/TĐTN-XDĐ',
      issuedDate: '2026-01-05',
      title: 'Kết quả thực hiện chế độ đi công tác cơ sở của cán bộ Tỉnh đoàn năm 2025'
    })
    expect(result.fileName).toBe('bao-cao-di-co-so-nam-2025-so-01.docx')
  })

  it('gives the next export the next number, and a draft none', async () => {
    const ctx = fixture.at('2026-01-06')
    const second = await exportDocument(ctx, {
      document: 'year-report',
      year: 2025,
      departmentAbbreviation: 'XDĐ'
    })
    expect(second.issued?.symbol).toBe('02-BC/TĐTN-XDĐ')
    expect(plainText((await readDocx(second.buffer)).document)).toContain('Cà Mau, ngày 06 tháng 01 năm 2026')
    const draft = await exportDocument(ctx, {
      document: 'year-report',
      year: 2025,
      draft: true,
      departmentAbbreviation: 'XDĐ'
    })
    expect(draft.issued).toBeNull()
    expect(listIssuedDocuments(ctx)).toHaveLength(2)
    const text = plainText((await readDocx(draft.buffer)).document)
    expect(text).toMatch(/Số: \u00a0+-BC\/TĐTN-XDĐ/)
    expect(text).toMatch(/Cà Mau, ngày\u00a0+tháng\u00a0+năm 2026/)
  })

  it("uses the clerk's texts and highlights the defaults when asked", async () => {
    const ctx = fixture.at('2026-01-06')
    const opening =
      'Căn cứ Kế hoạch số 167-KH/TĐTN-XDĐ ngày 13/4/2025 của Ban Thường vụ Tỉnh đoàn,'.normalize('NFD')
    const out = await exportDocument(ctx, {
      document: 'year-report',
      year: 2025,
      draft: true,
      markDefaults: true,
      texts: { opening, recipients: 'Ban Tổ chức Trung ương Đoàn (b/c)\nLưu VP' }
    })
    const ps = paragraphsOf((await readDocx(out.buffer)).document)
    const given = findParagraph(ps, (t) => t.startsWith('Căn cứ Kế hoạch số 167'))
    expect(given.text).toBe(opening.normalize('NFC'))
    expect(given.runs.every((r) => r.highlight === null)).toBe(true)
    const fallback = findParagraph(ps, (t) => t.startsWith('Ban Thường vụ Tỉnh đoàn ban hành kế hoạch'))
    expect(fallback.runs.every((r) => r.highlight === 'yellow')).toBe(true)
    expect(ps.map((p) => p.text)).toContain('- Ban Tổ chức Trung ương Đoàn (b/c);')
    expect(ps.map((p) => p.text)).toContain('- Lưu VP.')
  })
})
