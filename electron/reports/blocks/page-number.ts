/**
 * Page numbers (S1 II.4): Arabic, 14 pt, centred in the top margin, from page 2 on. Page 1
 * has its own empty header (the section's titlePage), so it shows no number.
 */
import { AlignmentType, Header, PageNumber, Paragraph, TextRun } from 'docx'
import { SIZE } from './constants'

export function pageNumberHeaders(): { default: Header; first: Header } {
  return {
    default: new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          run: { size: SIZE.pageNumber },
          children: [new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber })]
        })
      ]
    }),
    first: new Header({
      children: [new Paragraph({ run: { size: SIZE.pageNumber }, children: [] })]
    })
  }
}
