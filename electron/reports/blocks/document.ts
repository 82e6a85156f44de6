/**
 * Assembles sections into a docx Document: Times New Roman on every font slot and 14 pt in
 * the document defaults (the only place the font is named: no theme font can leak in, and
 * no run repeats it),
 * Vietnamese as the proofing language, and per section: A4 page setup, page numbers from
 * page 2 restarting at 1 (each appendix is numbered on its own).
 */
import { Document, Packer, type Paragraph, type Table } from 'docx'
import { FONT, SIZE, TIGHT } from './constants'
import { pageNumberHeaders } from './page-number'
import { pageSetup, type Orientation } from './page'
import { TABLE_STYLE_SIZES, tableStyleId, type DataTable } from './table'
import { nfc } from './text'

/**
 * The table style of data tables, one per text size: text size and centred paragraphs, cells
 * centred vertically. Every cell of a 30,000-cell appendix inherits them instead of repeating
 * them (Word, LibreOffice and WPS apply a table style's paragraph, run and cell properties).
 */
function tableStyleXml(size: number): string {
  return (
    `<w:style w:type="table" w:customStyle="1" w:styleId="${tableStyleId(size)}">` +
    `<w:name w:val="Bảng số liệu ${size / 2} pt"/><w:uiPriority w:val="99"/>` +
    '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>' +
    `<w:rPr><w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>` +
    '<w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style>'
  )
}

const TABLE_STYLES_XML =
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  TABLE_STYLE_SIZES.map(tableStyleXml).join('') +
  '</w:styles>'

/** What a section holds: paragraphs, layout tables (header, signature) and data tables. */
export type Block = Paragraph | Table | DataTable

export interface SectionInput {
  orientation?: Orientation
  children: readonly Block[]
}

export interface DocumentInput {
  /** File properties (Word's File › Info). */
  title: string
  sections: readonly SectionInput[]
}

export function buildDocument(input: DocumentInput): Document {
  return new Document({
    title: nfc(input.title),
    creator: 'Sổ đi cơ sở',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: TIGHT.before, after: TIGHT.after, line: TIGHT.line } }
        }
      }
    },
    // The table styles come as "external" styles: docx adds its defaults (and ours above) to them.
    externalStyles: TABLE_STYLES_XML,
    sections: input.sections.map((section) => ({
      properties: { titlePage: true, page: pageSetup(section.orientation ?? 'portrait') },
      headers: pageNumberHeaders(),
      children: [...section.children]
    }))
  })
}

export function renderDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc)
}
