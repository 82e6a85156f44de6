/**
 * Reading a generated .docx back for assertions: unzip with jszip, then small regex readers
 * for the parts of WordprocessingML that docx writes (one element per tag, no nesting of
 * the same tag except paragraphs inside table cells, which are read as paragraphs too).
 */
import JSZip from 'jszip'

export interface DocxParts {
  document: string
  styles: string
  /** header file name (e.g. "header1.xml") → xml */
  headers: Record<string, string>
  /** relationship id → target */
  rels: Record<string, string>
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer)
  const read = async (name: string) => {
    const file = zip.file(name)
    if (!file) throw new Error(`missing ${name}`)
    return file.async('string')
  }
  const headers: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) {
    const m = /^word\/(header\d+\.xml)$/.exec(name)
    if (m?.[1]) headers[m[1]] = await read(name)
  }
  const relsXml = await read('word/_rels/document.xml.rels')
  const rels: Record<string, string> = {}
  for (const m of relsXml.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g))
    rels[m[1] ?? ''] = m[2] ?? ''
  return { document: await read('word/document.xml'), styles: await read('word/styles.xml'), headers, rels }
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/** Every element `<tag ...>...</tag>` (or self-closed) of a kind, outermost first. */
export function elements(xml: string, tag: string): string[] {
  const re = new RegExp(`<${tag}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, 'g')
  return xml.match(re) ?? []
}

export function attr(xml: string, tag: string, name: string): string | null {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0]
  if (!el) return null
  return new RegExp(`${name}="([^"]*)"`).exec(el)?.[1] ?? null
}

export interface Run {
  text: string
  size: number | null
  bold: boolean
  italics: boolean
  underline: string | null
  highlight: string | null
  fonts: Record<string, string>
}

function flag(rPr: string, tag: string): boolean {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(rPr)?.[0]
  if (!el) return false
  const val = /w:val="([^"]*)"/.exec(el)?.[1]
  return val === undefined || (val !== 'false' && val !== '0')
}

export function fontsOf(rPr: string): Record<string, string> {
  const el = /<w:rFonts[^>]*>/.exec(rPr)?.[0] ?? ''
  const out: Record<string, string> = {}
  for (const m of el.matchAll(/w:(ascii|hAnsi|eastAsia|cs)="([^"]*)"/g)) out[m[1] ?? ''] = m[2] ?? ''
  return out
}

export function runsOf(xml: string): Run[] {
  return elements(xml, 'w:r').map((r) => {
    const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(r)?.[0] ?? ''
    const size = attr(rPr, 'w:sz', 'w:val')
    return {
      text: unescapeXml(
        (r.match(/<w:t(?:\s[^>]*)?>[\s\S]*?<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')
      ),
      size: size === null ? null : Number(size),
      bold: flag(rPr, 'w:b'),
      italics: flag(rPr, 'w:i'),
      underline: attr(rPr, 'w:u', 'w:val'),
      highlight: attr(rPr, 'w:highlight', 'w:val'),
      fonts: fontsOf(rPr)
    }
  })
}

export interface Para {
  xml: string
  text: string
  runs: Run[]
  align: string | null
}

/** Paragraphs in document order (table cells included). */
export function paragraphsOf(xml: string): Para[] {
  return elements(xml, 'w:p').map((p) => {
    const runs = runsOf(p)
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? ''
    return { xml: p, text: runs.map((r) => r.text).join(''), runs, align: attr(pPr, 'w:jc', 'w:val') }
  })
}

export function findParagraph(paras: Para[], predicate: (text: string) => boolean): Para {
  const found = paras.find((p) => predicate(p.text))
  if (!found) throw new Error(`no paragraph matches ${predicate.toString()}`)
  return found
}

/** The document text, one paragraph per line. */
export function plainText(xml: string): string {
  return paragraphsOf(xml)
    .map((p) => p.text)
    .join('\n')
}

export interface TableInfo {
  xml: string
  grid: number[]
  tableWidth: { w: number; type: string }
  layout: string | null
  /** The table style (w:tblStyle), whose text size and alignment the cells take. */
  style: string | null
  /** Table-level cell margins (w:tblCellMar), twips. */
  cellMargins: Record<string, number>
  /** Per row: each cell's tcW (w, type) and gridSpan. */
  rows: Array<Array<{ w: number; type: string; span: number; text: string; vMerge: string | null }>>
  headerRows: number
}

export function tablesOf(xml: string): TableInfo[] {
  return elements(xml, 'w:tbl').map((tbl) => {
    const tblPr = /<w:tblPr>[\s\S]*?<\/w:tblPr>/.exec(tbl)?.[0] ?? ''
    const rows = elements(tbl, 'w:tr')
    const margins: Record<string, number> = {}
    const mar = /<w:tblCellMar>([\s\S]*?)<\/w:tblCellMar>/.exec(tblPr)?.[1] ?? ''
    for (const m of mar.matchAll(/<w:(top|left|bottom|right)\b[^>]*w:w="(\d+)"/g))
      margins[m[1] ?? ''] = Number(m[2])
    return {
      xml: tbl,
      style: attr(tblPr, 'w:tblStyle', 'w:val'),
      cellMargins: margins,
      grid: [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
      tableWidth: { w: Number(attr(tblPr, 'w:tblW', 'w:w')), type: attr(tblPr, 'w:tblW', 'w:type') ?? '' },
      layout: attr(tblPr, 'w:tblLayout', 'w:type'),
      rows: rows.map((tr) =>
        elements(tr, 'w:tc').map((tc) => {
          const tcPr = /<w:tcPr>[\s\S]*?<\/w:tcPr>/.exec(tc)?.[0] ?? ''
          return {
            w: Number(attr(tcPr, 'w:tcW', 'w:w')),
            type: attr(tcPr, 'w:tcW', 'w:type') ?? '',
            span: Number(attr(tcPr, 'w:gridSpan', 'w:val') ?? 1),
            text: paragraphsOf(tc)
              .map((p) => p.text)
              .join('\n'),
            vMerge: /<w:vMerge/.test(tcPr) ? (attr(tcPr, 'w:vMerge', 'w:val') ?? 'continue') : null
          }
        })
      ),
      headerRows: rows.filter((tr) => /<w:tblHeader(?:\/>|\s)/.test(tr)).length
    }
  })
}

export interface SectionInfo {
  width: number
  height: number
  orient: string | null
  margin: Record<string, number>
  titlePage: boolean
  pageStart: number | null
  headers: Record<string, string>
}

export function sectionsOf(xml: string): SectionInfo[] {
  return elements(xml, 'w:sectPr').map((s) => {
    const pgMar = /<w:pgMar[^>]*>/.exec(s)?.[0] ?? ''
    const margin: Record<string, number> = {}
    for (const m of pgMar.matchAll(/w:(top|right|bottom|left|header|footer|gutter)="(-?\d+)"/g))
      margin[m[1] ?? ''] = Number(m[2])
    const headers: Record<string, string> = {}
    for (const m of s.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g))
      headers[m[1] ?? ''] = m[2] ?? ''
    return {
      width: Number(attr(s, 'w:pgSz', 'w:w')),
      height: Number(attr(s, 'w:pgSz', 'w:h')),
      orient: attr(s, 'w:pgSz', 'w:orient'),
      margin,
      titlePage: /<w:titlePg(?:\/>|\s)/.test(s),
      pageStart:
        attr(s, 'w:pgNumType', 'w:start') === null ? null : Number(attr(s, 'w:pgNumType', 'w:start')),
      headers
    }
  })
}

/** The text of each section's body (the paragraphs and tables before its sectPr). */
export function sectionBodies(xml: string): string[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? ''
  return body.split(/<w:sectPr>[\s\S]*?<\/w:sectPr>/).slice(0, -1)
}

/** The text size (half-points) a table style gives its cells, from styles.xml; null when the style sets none. */
export function tableStyleSize(styles: string, styleId: string | null): number | null {
  if (!styleId) return null
  const style = new RegExp(`<w:style [^>]*w:styleId="${styleId}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0]
  const size = style ? attr(/<w:rPr>[\s\S]*?<\/w:rPr>/.exec(style)?.[0] ?? '', 'w:sz', 'w:val') : null
  return size === null ? null : Number(size)
}

/** The size every run of a table's text prints at: its own size, else the table style's (null: the document's). */
export function tableRunSizes(docx: DocxParts, table: TableInfo): Array<number | null> {
  const styleSize = tableStyleSize(docx.styles, table.style)
  return runsOf(table.xml)
    .filter((r) => r.text !== '')
    .map((r) => r.size ?? styleSize)
}
