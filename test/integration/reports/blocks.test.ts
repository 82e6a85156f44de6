/**
 * The format rules of single building blocks: the date line, the number and symbol, the
 * recipients' punctuation, column widths, and cell widths of a table with merged cells,
 * read back from a rendered .docx.
 */
import { describe, expect, it } from 'vitest'
import {
  buildDocument,
  dataTable,
  documentSymbol,
  fitColumnWidths,
  formatDocumentDate,
  formatDocumentNumber,
  placeDateLine,
  recipientLines,
  renderDocx,
  USABLE_WIDTH
} from '../../../electron/reports/blocks'
import { paragraphsOf, readDocx, tablesOf } from './docx-xml'

describe('the date line (S1 III.4)', () => {
  it('pads days below 10 and the months 1 and 2 only', () => {
    expect(formatDocumentDate('2013-02-09')).toBe('ngày 09 tháng 02 năm 2013')
    expect(formatDocumentDate('2025-01-10')).toBe('ngày 10 tháng 01 năm 2025')
    expect(formatDocumentDate('2024-05-16')).toBe('ngày 16 tháng 5 năm 2024')
    expect(formatDocumentDate('2025-03-01')).toBe('ngày 01 tháng 3 năm 2025')
    expect(formatDocumentDate('2025-12-31')).toBe('ngày 31 tháng 12 năm 2025')
    expect(formatDocumentDate('2025-10-05')).toBe('ngày 05 tháng 10 năm 2025')
  })

  it('puts the place first and leaves day and month blank in a draft', () => {
    expect(placeDateLine('Lâm Đồng', '2025-02-05')).toBe('Lâm Đồng, ngày 05 tháng 02 năm 2025')
    const draft = placeDateLine('Lâm Đồng', { draftYear: 2025 })
    expect(draft).toMatch(/^Lâm Đồng, ngày\u00a0+tháng\u00a0+năm 2025$/)
  })

  it('refuses a date that does not exist', () => {
    expect(() => formatDocumentDate('2025-02-30')).toThrow()
  })
})

describe('number and symbol (S1 III.3)', () => {
  it('writes numbers below 10 with a leading zero and no spaces inside the symbol', () => {
    expect(formatDocumentNumber(1)).toBe('01')
    expect(formatDocumentNumber(9)).toBe('09')
    expect(formatDocumentNumber(10)).toBe('10')
    expect(formatDocumentNumber(504)).toBe('504')
    expect(
      documentSymbol({
        number: 504,
        typeCode: 'KH',
        issuerAbbreviation: 'TĐTN',
        departmentAbbreviation: 'XDĐ'
      })
    ).toBe('504-KH/TĐTN-XDĐ')
    expect(
      documentSymbol({ number: 3, typeCode: 'BC', issuerAbbreviation: 'TĐTN', departmentAbbreviation: 'VP' })
    ).toBe('03-BC/TĐTN-VP')
  })

  it('leaves the number blank in a draft', () => {
    const symbol = documentSymbol({
      number: null,
      typeCode: 'BC',
      issuerAbbreviation: 'TĐTN',
      departmentAbbreviation: 'XDĐ'
    })
    expect(symbol).toMatch(/^\u00a0+-BC\/TĐTN-XDĐ$/)
  })

  it('refuses numbers that are not positive integers', () => {
    expect(() => formatDocumentNumber(0)).toThrow()
    expect(() => formatDocumentNumber(1.5)).toThrow()
  })
})

describe('recipients (S1 III.8)', () => {
  it('starts every line with "- ", ends it with ";" and the archive line with "."', () => {
    expect(
      recipientLines(['Trung ương Đoàn (b/c)', '- Thường trực Tỉnh ủy (b/c);', '', 'Lưu VP, XDĐ.'])
    ).toEqual(['- Trung ương Đoàn (b/c);', '- Thường trực Tỉnh ủy (b/c);', '- Lưu VP, XDĐ.'])
  })
})

describe('column widths', () => {
  it('gives integer twips that add up to the text width exactly', () => {
    for (const weights of [
      [1, 1, 1],
      [3, 14, 12, 5.6, 5.6],
      [454, 1750, 1750, 920, 920, 920]
    ]) {
      const widths = fitColumnWidths(USABLE_WIDTH.landscape, weights)
      expect(widths.every(Number.isInteger)).toBe(true)
      expect(widths.reduce((a, b) => a + b, 0)).toBe(USABLE_WIDTH.landscape)
    }
    expect(fitColumnWidths(9071, [1, 1])).toEqual([4536, 4535])
  })
})

describe('a data table read back from the .docx', () => {
  it('gives every cell, merged or not, its width in twips and repeats the header rows', async () => {
    const widths = fitColumnWidths(USABLE_WIDTH.portrait, [1, 4, 2, 2])
    const table = dataTable({
      columns: widths.map((width) => ({ width })),
      header: [
        [
          { text: 'TT', rowSpan: 2 },
          { text: 'Họ và tên', rowSpan: 2 },
          { text: 'Số ngày', columnSpan: 2 }
        ],
        ['Quý I', 'Quý II']
      ],
      rows: [
        ['1', 'Nguyễn Văn A', '10', '12,5'],
        [{ text: 'Nhóm', columnSpan: 2 }, '1', '2']
      ],
      totals: [{ text: 'Tổng cộng', columnSpan: 2 }, '11', '14,5']
    })
    const buffer = await renderDocx(buildDocument({ title: 't', sections: [{ children: [table] }] }))
    const [info] = tablesOf((await readDocx(buffer)).document)
    if (!info) throw new Error('no table')
    expect(info.grid).toEqual(widths)
    expect(info.layout).toBe('fixed')
    expect(info.tableWidth).toEqual({ w: USABLE_WIDTH.portrait, type: 'dxa' })
    expect(info.headerRows).toBe(2)
    for (const row of info.rows) {
      expect(row.reduce((sum, c) => sum + c.span, 0)).toBe(widths.length)
      let column = 0
      for (const cell of row) {
        expect(cell.type).toBe('dxa')
        expect(cell.w).toBe(widths.slice(column, column + cell.span).reduce((a, b) => a + b, 0))
        column += cell.span
      }
    }
    // Row 2 continues the two cells merged down from row 1.
    expect(info.rows[1]?.filter((c) => c.vMerge === 'continue')).toHaveLength(2)
    const totals = paragraphsOf(info.rows.length ? info.xml : '').find((p) => p.text === 'Tổng cộng')
    expect(totals?.runs[0]?.bold).toBe(true)
  })

  it('normalises text to NFC', async () => {
    const decomposed = 'Nguyễn Thị Ngọc Ánh'.normalize('NFD')
    expect(decomposed).not.toBe(decomposed.normalize('NFC'))
    const doc = buildDocument({
      title: 't',
      sections: [
        { children: [dataTable({ columns: [{ width: 9071 }], header: [['x']], rows: [[decomposed]] })] }
      ]
    })
    const xml = (await readDocx(await renderDocx(doc))).document
    expect(xml).toContain('Nguyễn Thị Ngọc Ánh'.normalize('NFC'))
    expect(xml).not.toContain(decomposed)
  })
})
