/**
 * Assembles sections into a docx Document: Times New Roman on every font slot and 14 pt in
 * the document defaults (the only place the font is named: no theme font can leak in, and
 * no run repeats it),
 * Vietnamese as the proofing language, and per section: A4 page setup, page numbers from
 * page 2 restarting at 1 (each appendix is numbered on its own).
 */
import { AlignmentType, Document, Packer, type IParagraphStyleOptions, type Paragraph, type Table } from 'docx'
import { FONT, SIZE, TIGHT } from './constants'
import { pageNumberHeaders } from './page-number'
import { pageSetup, type Orientation } from './page'
import { TABLE_STYLE_ALIGNS, TABLE_STYLE_SIZES, tableStyleId } from './table'
import { ALIGN, nfc } from './text'

/**
 * Table text: one paragraph style per size and alignment, single spacing and no indent (the
 * document defaults), so a table cell's paragraph names its style instead of repeating them.
 */
const TABLE_STYLES: IParagraphStyleOptions[] = TABLE_STYLE_SIZES.flatMap((size) =>
  TABLE_STYLE_ALIGNS.map((align) => ({
    id: tableStyleId(size, align),
    name: `Bảng ${size / 2} pt ${align}`,
    basedOn: 'Normal',
    quickFormat: false,
    paragraph: { alignment: align === 'justify' ? AlignmentType.JUSTIFIED : ALIGN[align] },
    run: { size }
  }))
)

export interface SectionInput {
  orientation?: Orientation
  children: ReadonlyArray<Paragraph | Table>
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
      },
      paragraphStyles: TABLE_STYLES
    },
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
