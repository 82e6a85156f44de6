/**
 * Every measure of the Đoàn format (HD 29-HD/TWĐTN-VP, DOCUMENT-FORMAT.md) in one place.
 * Sizes are half-points (docx `size: 28` = 14 pt); lengths are twips (1 mm ≈ 56.7 twips).
 */

export const FONT_NAME = 'Times New Roman'

/** All four slots: Word picks one per character, and Vietnamese letters fall in hAnsi. */
export const FONT = { ascii: FONT_NAME, hAnsi: FONT_NAME, eastAsia: FONT_NAME, cs: FONT_NAME } as const

/** A4 portrait; margins top 20, bottom 20, left 30, right 20 mm (S1 II.3). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1134, bottom: 1134, left: 1701, right: 1134, header: 567, footer: 567 }
} as const

/** Text width between the margins: 160 mm portrait, 247 mm landscape (same margins, page turned). */
export const USABLE_WIDTH = {
  portrait: PAGE.width - PAGE.margin.left - PAGE.margin.right,
  landscape: PAGE.height - PAGE.margin.left - PAGE.margin.right
} as const

/** Font sizes of each element (S1 Mẫu 3), half-points. */
export const SIZE = {
  /** "ĐOÀN TNCS HỒ CHÍ MINH" */
  motto: 30,
  issuer: 28,
  superior: 28,
  starSeparator: 28,
  number: 28,
  date: 26,
  /** "V/v ..." of a công văn */
  subjectLine: 24,
  typeName: 32,
  summary: 28,
  body: 28,
  heading: 28,
  /** "Phần I" */
  part: 32,
  recipientsLabel: 26,
  recipient: 22,
  authority: 28,
  signerPosition: 28,
  signerName: 28,
  pageNumber: 28,
  table: 26,
  /** Wide landscape tables (many columns). */
  tableWide: 24,
  appendixLabel: 28
} as const

/** Body paragraphs: first line 1.27 cm, 6 pt after, line 1.15 (allowed 1.0–1.2). */
export const BODY = { firstLine: 720, after: 120, line: 276 } as const

/** Single line spacing, no space after: header, signature and table cells. */
export const TIGHT = { before: 0, after: 0, line: 240 } as const

/**
 * Line spacing of titles set in capitals over several lines (1.15): at single spacing the
 * dot below one line (Ợ, Ị) touches the marks above the next (Ỉ, Ế).
 */
export const TITLE_LINE = 276

/** Two-column borderless tables spanning the portrait text width. */
export const HEADER_COLUMNS = [4253, 4818] as const
export const SIGNATURE_COLUMNS = [4082, 4989] as const

/** Signature space (signature and red seal): 25 mm above the signer's name (S1: 25–30 mm). */
export const SIGNATURE_SPACE = 1440

/**
 * Data tables: thin single black borders; 1 mm of padding left and right and 0.7 mm above and
 * below, so no text touches a border (capitals with stacked marks, "Ế", reach the top of the
 * line), while a thirteen-column appendix still fits its figures at 13 pt.
 */
export const TABLE_BORDER = { size: 4, color: '000000' } as const
export const TABLE_CELL_MARGIN = { top: 40, bottom: 40, left: 57, right: 57 } as const

/** Dashed rule under the trích yếu (S1 prints 10–17 hyphens). */
export const DASHED_RULE = '-'.repeat(15)

/** What a draft leaves blank for the văn thư: the number, the day and the month. */
export const BLANK = '\u00a0'.repeat(6)
