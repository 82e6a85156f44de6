/**
 * The format rules of single building blocks: the date line, the number and symbol, the
 * recipients' punctuation, column widths sized from the content, cell widths of a table with
 * merged cells read back from a rendered .docx, long issuer names and date lines in the
 * header, and "Nơi nhận:" level with the signer's position line.
 */
import { describe, expect, it } from 'vitest'
import {
  breakName,
  buildDocument,
  dataTable,
  distributeWidths,
  documentSymbol,
  fitColumnWidths,
  formatDocumentDate,
  formatDocumentNumber,
  headerLayout,
  placeDateLine,
  recipientLines,
  renderDocx,
  signatureBlock,
  SIZE,
  sizeTable,
  TABLE_CELL_MARGIN,
  USABLE_WIDTH
} from '../../../electron/reports/blocks'
import { textWidth } from '../../../electron/reports/blocks/measure'
import { formatDays } from '../../../shared/domain/format'
import { paragraphsOf, readDocx, tablesOf } from './docx-xml'
import { expectTableText } from './layout-expect'

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
    const table = dataTable({
      columns: [{ fit: true, align: 'center' }, { weight: 4 }, { fit: true }, { fit: true }],
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
    expect(info.grid.reduce((a, b) => a + b, 0)).toBe(USABLE_WIDTH.portrait)
    expect(info.layout).toBe('fixed')
    expect(info.tableWidth).toEqual({ w: USABLE_WIDTH.portrait, type: 'dxa' })
    expect(info.headerRows).toBe(2)
    for (const row of info.rows) {
      expect(row.reduce((sum, c) => sum + c.span, 0)).toBe(info.grid.length)
      let column = 0
      for (const cell of row) {
        expect(cell.type).toBe('dxa')
        expect(cell.w).toBe(info.grid.slice(column, column + cell.span).reduce((a, b) => a + b, 0))
        column += cell.span
      }
    }
    // Row 2 continues the two cells merged down from row 1.
    expect(info.rows[1]?.filter((c) => c.vMerge === 'continue')).toHaveLength(2)
    const totals = paragraphsOf(info.rows.length ? info.xml : '').find((p) => p.text === 'Tổng cộng')
    expect(totals?.runs[0]?.bold).toBe(true)
    // The names' column takes what the figures leave.
    expect(info.grid[1]).toBeGreaterThan(info.grid[0]! + info.grid[2]! + info.grid[3]!)
  })

  it('normalises text to NFC', async () => {
    const decomposed = 'Nguyễn Thị Ngọc Ánh'.normalize('NFD')
    expect(decomposed).not.toBe(decomposed.normalize('NFC'))
    const doc = buildDocument({
      title: 't',
      sections: [{ children: [dataTable({ columns: [{}], header: [['x']], rows: [[decomposed]] })] }]
    })
    const xml = (await readDocx(await renderDocx(doc))).document
    expect(xml).toContain('Nguyễn Thị Ngọc Ánh'.normalize('NFC'))
    expect(xml).not.toContain(decomposed)
  })

  it('sets borders, padding and the 13 pt text once, on the table and its style, not on every cell', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [
      String(i + 1),
      `Cán bộ ${i + 1}`,
      formatDays(i * 10.5)
    ])
    const table = dataTable({
      columns: [{ fit: true, align: 'center' }, { align: 'left' }, { fit: true, align: 'center' }],
      header: [['TT', 'Họ và tên', 'Số ngày']],
      rows
    })
    const docx = await readDocx(
      await renderDocx(buildDocument({ title: 't', sections: [{ children: [table] }] }))
    )
    const [info] = tablesOf(docx.document)
    if (!info) throw new Error('no table')
    expectTableText(docx, info)
    for (const repeated of ['<w:tcBorders>', '<w:tcMar>', '<w:rFonts', '<w:sz '])
      expect(info.xml).not.toContain(repeated)
    // Only the names say how they align; the figures are centred by the table style.
    expect(info.xml.match(/<w:jc w:val="left"\/>/g)).toHaveLength(50)
  })
})

describe('column sizing from the content', () => {
  const pad = TABLE_CELL_MARGIN.left + TABLE_CELL_MARGIN.right

  it('makes a figure column as wide as its widest figure, so "1.006,5" and "100" never wrap', () => {
    const { widths, size } = sizeTable({
      columns: [{ fit: true }, { weight: 1 }, { fit: true }],
      header: [['TT', 'Họ và tên', 'Ngày']],
      rows: [
        ['100', 'Nguyễn Văn A', '1.006,5'],
        ['9', 'Lê Thị B', '12,5']
      ],
      totals: ['', 'Tổng cộng', { text: '12.345,5', bold: true }]
    })
    expect(size).toBe(26)
    expect(widths[0]).toBeGreaterThanOrEqual(textWidth('100', { size }) + pad)
    expect(widths[2]).toBeGreaterThanOrEqual(textWidth('12.345,5', { size, bold: true }) + pad)
  })

  it('never makes a column narrower than its longest word, header included', () => {
    const { widths, size } = sizeTable({
      columns: [{ fit: true }, { weight: 10 }, { weight: 1 }],
      header: [['TT', 'Đơn vị', 'Chuyên đề']],
      rows: [['1', 'Đoàn Trường Cao đẳng Kỹ thuật Công nghệ Bà Rịa - Vũng Tàu', 'x']]
    })
    expect(widths[2]).toBeGreaterThanOrEqual(textWidth('Chuyên', { size, bold: true }) + pad)
  })

  it('steps down to 12 pt when the figures cannot fit at 13 pt, never wrapping them', () => {
    const table = (count: number, width: number) =>
      sizeTable({
        columns: Array.from({ length: count }, () => ({ fit: true })),
        header: [],
        rows: [Array.from({ length: count }, () => '10.006,5')],
        width
      })
    expect(table(12, USABLE_WIDTH.landscape).size).toBe(26)
    const narrow = table(9, USABLE_WIDTH.portrait)
    expect(narrow.size).toBe(24)
    for (const w of narrow.widths) expect(w).toBeGreaterThanOrEqual(textWidth('10.006,5', { size: 24 }) + pad)
  })

  it('unstacks short headers of figure columns when the rows leave room for it', () => {
    const figure = { fit: true }
    const { widths, size } = sizeTable({
      columns: [figure, { weight: 4 }, { weight: 3 }, figure, figure, { weight: 2.2 }],
      header: [['TT', 'Đơn vị', 'Trực thuộc', 'Số lượt đến', 'Số ngày cán bộ đến', 'Ghi chú']],
      rows: Array.from({ length: 15 }, (_, i) => [
        String(i + 1),
        'Đoàn khối các cơ quan và doanh nghiệp tỉnh',
        'Tỉnh đoàn Lâm Đồng',
        '45',
        '69,5',
        'Hoạt động từ 01/07/2025'
      ]),
      width: USABLE_WIDTH.landscape
    })
    expect(size).toBe(26)
    // "Số lượt đến" on one line, "Số ngày cán bộ đến" on two at most: never a word a line.
    expect(widths[3]).toBeGreaterThanOrEqual(textWidth('Số lượt đến', { size, bold: true }) + pad)
    expect(widths[4]).toBeGreaterThanOrEqual(textWidth('cán bộ đến', { size, bold: true }) + pad)
    expect(widths.reduce((a, b) => a + b, 0)).toBe(USABLE_WIDTH.landscape)
  })

  it('keeps a name whole when there is room, though its header and a bold group row wrap', () => {
    const figure = { fit: true }
    const { widths, size } = sizeTable({
      columns: [
        figure,
        { weight: 3, whole: true },
        ...Array.from({ length: 6 }, () => figure),
        { weight: 2 }
      ],
      header: [
        [
          'TT',
          'Họ và tên, chức vụ',
          'Chuyên đề',
          'Phối hợp',
          'Kiểm tra',
          'Dự SH BCH, BTV',
          'Dự SH chi đoàn',
          'Tổng số ngày',
          'Ghi chú'
        ]
      ],
      rows: [
        [
          { text: 'II', bold: true },
          { text: 'Ban Thanh thiếu nhi – Trường học', bold: true },
          '',
          '',
          '',
          '',
          '',
          '',
          ''
        ],
        [
          '1',
          { text: ['Nguyễn Hồng Thắm', 'Phó Bí thư'] },
          '0',
          '0',
          '0',
          '0',
          '0',
          '0',
          'Nghỉ thai sản đến 14/11/2025; đã thực hiện 2 ngày'
        ]
      ]
    })
    expect(widths[1]).toBeGreaterThanOrEqual(textWidth('Nguyễn Hồng Thắm', { size }) + pad)
    expect(widths[1]).toBeLessThan(textWidth('Ban Thanh thiếu nhi – Trường học', { size, bold: true }) + pad)
  })

  it('shares the room left by weight when everything fits on one line', () => {
    const widths = distributeWidths(10_000, [{ fit: true }, { weight: 1 }, { weight: 3 }], {
      min: [500, 1000, 1000],
      max: [500, 1000, 1000],
      whole: [500, 1000, 1000]
    })
    expect(widths).toEqual([500, 1000 + 1875, 1000 + 5625])
    expect(distributeWidths(1000, [{ fit: true }], { min: [2000], max: [2000], whole: [2000] })).toBeNull()
  })
})

describe('the header of page 1 with long names', () => {
  it('sets a name too wide for its column on two lines, before the place, never at the dash', () => {
    const style = { size: SIZE.issuer, bold: true }
    expect(breakName('BCH ĐOÀN TỈNH CÀ MAU', 4253, style)).toEqual(['BCH ĐOÀN TỈNH CÀ MAU'])
    expect(breakName('BCH ĐOÀN TỈNH BÀ RỊA - VŨNG TÀU', 4253, style)).toEqual([
      'BCH ĐOÀN TỈNH',
      'BÀ RỊA - VŨNG TÀU'
    ])
    expect(breakName('BCH ĐOÀN THÀNH PHỐ HỒ CHÍ MINH', 4000, style)).toEqual([
      'BCH ĐOÀN THÀNH PHỐ',
      'HỒ CHÍ MINH'
    ])
  })

  it('widens the date column so the date line never wraps, and keeps the number whole', () => {
    const input = {
      issuerName: 'BCH ĐOÀN TỈNH BÀ RỊA - VŨNG TÀU',
      numberLine: 'Số: 123-BC/TĐTN-CTĐ&TTN',
      dateLine: 'Bà Rịa - Vũng Tàu, ngày 28 tháng 12 năm 2025'
    }
    const layout = headerLayout(input)
    expect(layout.columns[0] + layout.columns[1]).toBe(USABLE_WIDTH.portrait)
    expect(layout.columns[1]).toBeGreaterThan(
      textWidth(input.dateLine, { size: layout.dateSize, italics: true })
    )
    expect(layout.columns[0]).toBeGreaterThan(textWidth(input.numberLine, { size: SIZE.number }))
    expect(layout.issuerLines).toEqual(['BCH ĐOÀN TỈNH', 'BÀ RỊA - VŨNG TÀU'])
    expect(layout.issuerSpacing).toEqual([0, 0])
    // A usual name keeps S1's columns and one line.
    expect(
      headerLayout({
        issuerName: 'BCH ĐOÀN TỈNH CÀ MAU',
        numberLine: 'Số: 01-BC/TĐTN-VP',
        dateLine: 'Cà Mau, ngày 05 tháng 01 năm 2026'
      })
    ).toMatchObject({ columns: [4253, 4818], issuerLines: ['BCH ĐOÀN TỈNH CÀ MAU'], dateSize: 26 })
  })
})

describe('"Nơi nhận:" beside the signature', () => {
  const leftAndRight = async (position: string) => {
    const table = signatureBlock({
      authority: 'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN',
      position,
      signerName: 'Nguyễn Văn A',
      recipients: ['Lưu VP']
    })
    const [info] = tablesOf(
      (await readDocx(await renderDocx(buildDocument({ title: 't', sections: [{ children: [table] }] }))))
        .document
    )
    return {
      left: info?.rows[0]?.[0]?.text.split('\n') ?? [],
      right: info?.rows[0]?.[1]?.text.split('\n') ?? []
    }
  }

  it('sits level with the position line, under the authority line', async () => {
    const { left, right } = await leftAndRight('PHÓ BÍ THƯ')
    expect(right.indexOf('PHÓ BÍ THƯ')).toBe(1)
    expect(left.indexOf('Nơi nhận:')).toBe(1)
  })

  it('sits level with the only title line when the signer has no separate position', async () => {
    const table = signatureBlock({
      authority: 'Người báo cáo',
      position: '',
      signerName: 'Lê Văn B',
      recipients: ['Lưu hồ sơ']
    })
    const [info] = tablesOf(
      (await readDocx(await renderDocx(buildDocument({ title: 't', sections: [{ children: [table] }] }))))
        .document
    )
    expect(info?.rows[0]?.[0]?.text.split('\n')[0]).toBe('Nơi nhận:')
    expect(info?.rows[0]?.[1]?.text.split('\n')).toEqual(['NGƯỜI BÁO CÁO', 'Lê Văn B'])
    expect((await leftAndRight('')).left[0]).toBe('Nơi nhận:')
  })
})
