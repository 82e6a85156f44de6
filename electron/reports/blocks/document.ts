/**
 * Assembles sections into a docx Document: Times New Roman on every font slot and 14 pt in
 * the document defaults (so no theme font leaks into text without its own run properties),
 * Vietnamese as the proofing language, and per section: A4 page setup, page numbers from
 * page 2 restarting at 1 (each appendix is numbered on its own).
 */
import { Document, Packer, type Paragraph, type Table } from 'docx'
import { FONT, SIZE, TIGHT } from './constants'
import { pageNumberHeaders } from './page-number'
import { pageSetup, type Orientation } from './page'
import { nfc } from './text'

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
      }
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
