/**
 * Page setup of a section: A4, the S1 margins, portrait for the document and landscape for
 * wide appendix tables (same margins, page turned: the simplest and most common choice).
 */
import { PageOrientation, type ISectionPropertiesOptions } from 'docx'
import { PAGE } from './constants'

export type Orientation = 'portrait' | 'landscape'

export function pageSetup(orientation: Orientation): NonNullable<ISectionPropertiesOptions['page']> {
  return {
    // docx swaps width and height itself for a landscape section: always pass the portrait size.
    size: {
      width: PAGE.width,
      height: PAGE.height,
      orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT
    },
    margin: { ...PAGE.margin, gutter: 0 },
    // Each section (the document, each appendix) is numbered on its own from 1.
    pageNumbers: { start: 1 }
  }
}
