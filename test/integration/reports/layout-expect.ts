/**
 * The layout checks every Đoàn document must pass (HD 29-HD/TWĐTN-VP as DOCUMENT-FORMAT.md
 * writes it out), on a .docx read back with ./docx-xml.ts: A4 and the S1 margins, Times New
 * Roman on all four font slots of the document defaults and no other font anywhere, NFC text,
 * only the motto underlined, the page-1 header table, fixed table widths in twips, 13 pt table
 * text with padding, and page numbers from page 2.
 */
import { expect } from 'vitest'
import {
  elements,
  findParagraph,
  fontsOf,
  paragraphsOf,
  runsOf,
  sectionsOf,
  tableRunSizes,
  tablesOf,
  type DocxParts,
  type TableInfo
} from './docx-xml'

export const TNR = {
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia: 'Times New Roman',
  cs: 'Times New Roman'
}
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134 }
export const PORTRAIT_WIDTH = 11906 - 1701 - 1134

/** The style of every table and cell border side. */
export function borderStyles(xml: string): string[] {
  return [...xml.matchAll(/<w:(?:top|left|bottom|right|insideH|insideV) w:val="(\w+)"/g)].map(
    (m) => m[1] ?? ''
  )
}

export function expectA4Portrait(docx: DocxParts, sectionCount = 1): void {
  const sections = sectionsOf(docx.document)
  expect(sections).toHaveLength(sectionCount)
  for (const s of sections)
    expect(s).toMatchObject({ width: 11906, height: 16838, orient: 'portrait', margin: MARGIN })
}

export function expectFonts(docx: DocxParts): void {
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(docx.styles)?.[0] ?? ''
  expect(fontsOf(defaults)).toEqual(TNR)
  expect(docx.styles).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/)
  expect(docx.document).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/)
  // Named once, in the document defaults: no run names another font (nor repeats this one).
  let count = 0
  for (const xml of [docx.document, ...Object.values(docx.headers)]) {
    expect(xml).not.toMatch(/<w:rFonts/)
    count += elements(xml, 'w:r').length
  }
  expect(count).toBeGreaterThan(20)
  for (const p of paragraphsOf(docx.document)) expect(p.text).toBe(p.text.normalize('NFC'))
}

export function expectOnlyMottoUnderlined(docx: DocxParts): void {
  const underlined = paragraphsOf(docx.document)
    .flatMap((p) => p.runs)
    .filter((r) => r.underline && r.underline !== 'none')
  expect(underlined.map((r) => r.text)).toEqual(['ĐOÀN TNCS HỒ CHÍ MINH'])
}

export interface HeaderExpectation {
  /** Text of the left cell of row 1 (issuer lines and "***"). */
  issuer: string
  /** "Số: 01-KH/TĐTN-VP", or '' for a document without a number. */
  numberLine: string
  dateLine: string
}

/** The header of page 1: a borderless fixed two-column table over the text width (S1 ô 1–4). */
export function expectHeader(docx: DocxParts, want: HeaderExpectation): TableInfo {
  const t = tablesOf(docx.document)[0]
  if (!t) throw new Error('no header table')
  expect(t.grid.reduce((a, b) => a + b, 0)).toBe(PORTRAIT_WIDTH)
  expect(t.layout).toBe('fixed')
  expect(new Set(borderStyles(t.xml))).toEqual(new Set(['none']))
  for (const row of t.rows)
    for (const [i, cell] of row.entries()) expect(cell).toMatchObject({ type: 'dxa', w: t.grid[i] })
  expect(t.rows[0]?.[0]?.text).toBe(want.issuer)
  expect(t.rows[0]?.[1]?.text).toBe('ĐOÀN TNCS HỒ CHÍ MINH')
  expect(t.rows[1]?.[0]?.text).toBe(want.numberLine)
  expect(t.rows[1]?.[1]?.text).toBe(want.dateLine)
  const paras = paragraphsOf(docx.document)
  const style = (text: string) => {
    const r = findParagraph(paras, (x) => x === text).runs[0]
    return { size: r?.size, bold: r?.bold, italics: r?.italics, underline: r?.underline ?? null }
  }
  expect(style('ĐOÀN TNCS HỒ CHÍ MINH')).toEqual({
    size: 30,
    bold: true,
    italics: false,
    underline: 'single'
  })
  expect(style(want.dateLine)).toEqual({ size: 26, bold: false, italics: true, underline: null })
  expect(style('***')).toEqual({ size: 28, bold: false, italics: false, underline: null })
  if (want.numberLine)
    expect(style(want.numberLine)).toEqual({ size: 28, bold: false, italics: false, underline: null })
  return t
}

/** Type name 16 pt bold caps, the trích yếu lines 14 pt bold, centred, then the dashed rule. */
export function expectTitle(docx: DocxParts, typeName: string, summary: readonly string[]): void {
  const paras = paragraphsOf(docx.document)
  const at = paras.findIndex((p) => p.text === typeName)
  expect(at).toBeGreaterThan(0)
  const title = paras[at]
  expect(title?.align).toBe('center')
  expect(title?.runs.every((r) => r.size === 32 && r.bold)).toBe(true)
  summary.forEach((line, i) => {
    const p = paras[at + 1 + i]
    expect(p?.text).toBe(line)
    expect(p?.align).toBe('center')
    expect(p?.runs.every((r) => r.size === 28 && r.bold)).toBe(true)
  })
  expect(paras[at + 1 + summary.length]?.text).toMatch(/^-{10,17}$/)
}

/**
 * A data table's text: 13 pt (the size of its table style, or its runs' own), and at least
 * 1 mm of padding left and right so no text touches a border.
 */
export function expectTableText(docx: DocxParts, t: TableInfo, size = 26): void {
  const sizes = tableRunSizes(docx, t)
  expect(sizes.length).toBeGreaterThan(0)
  expect(new Set(sizes)).toEqual(new Set([size]))
  expect(t.cellMargins.left).toBeGreaterThanOrEqual(57)
  expect(t.cellMargins.right).toBeGreaterThanOrEqual(57)
  expect(t.cellMargins.top).toBeGreaterThanOrEqual(30)
}

/** A data or layout table: fixed layout, widths in twips on the grid and on every cell (spans summed). */
export function expectFixedWidths(t: TableInfo, total = PORTRAIT_WIDTH): void {
  expect(t.grid.reduce((a, b) => a + b, 0)).toBe(total)
  expect(t.tableWidth).toEqual({ w: total, type: 'dxa' })
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
}

/** The table whose first header row starts with the given cells. */
export function tableStartingWith(docx: DocxParts, ...cells: string[]): TableInfo {
  const t = tablesOf(docx.document).find((x) => cells.every((c, i) => x.rows[0]?.[i]?.text === c))
  if (!t) throw new Error(`no table starting with ${cells.join(' | ')}`)
  return t
}

/** Page numbers centred in the top margin, 14 pt, from page 2 (page 1 has an empty first-page header). */
export function expectPageNumbers(docx: DocxParts): void {
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
}

/** The document in A4 portrait; appendices after it A4 too, portrait or landscape, with the same margins. */
export function expectA4Sections(docx: DocxParts): void {
  const [first, ...appendices] = sectionsOf(docx.document)
  expect(first).toMatchObject({ width: 11906, height: 16838, orient: 'portrait', margin: MARGIN })
  for (const s of appendices) {
    expect(s.margin).toMatchObject(MARGIN)
    expect([s.width, s.height].sort()).toEqual([11906, 16838])
    expect(s.orient).toBe(s.width > s.height ? 'landscape' : 'portrait')
  }
}

/** All the checks every document shares. */
export function expectDoanLayout(docx: DocxParts, header: HeaderExpectation): void {
  expectA4Sections(docx)
  expectFonts(docx)
  expectOnlyMottoUnderlined(docx)
  expectHeader(docx, header)
  expectPageNumbers(docx)
}
