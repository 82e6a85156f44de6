/**
 * Two signatures side by side, for personal forms (phiếu đăng ký): no "Nơi nhận", no "TM.",
 * each column centred with its title (14 bold caps), the usual "(Ký, ghi rõ họ tên)" in
 * italics, the signature space and the name (14 bold). The confirming person goes left, the
 * person the form belongs to right, where the signer of a document always stands.
 *
 *      XÁC NHẬN CỦA TRƯỞNG BAN        |          NGƯỜI ĐĂNG KÝ
 *        (Ký, ghi rõ họ tên)          |       (Ký, ghi rõ họ tên)
 *                                     |
 *           Trần Văn Bé               |          Lê Minh Đức
 */
import type { Paragraph, Table } from 'docx'
import { borderlessTwoColumns } from './borderless'
import { SIGNATURE_SPACE, SIZE, TITLE_LINE, USABLE_WIDTH } from './constants'
import { textWidth } from './measure'
import { line } from './text'

export interface SignerColumn {
  /** "NGƯỜI ĐĂNG KÝ", "XÁC NHẬN CỦA TRƯỞNG BAN" (printed in caps). */
  title: string
  /** The name under the signature; empty leaves the space for a handwritten name. */
  name: string
}

/** Half the text width each. */
export const SIGNATURE_PAIR_COLUMNS = [
  Math.floor(USABLE_WIDTH.portrait / 2),
  USABLE_WIDTH.portrait - Math.floor(USABLE_WIDTH.portrait / 2)
] as const

export const SIGN_HINT = '(Ký, ghi rõ họ tên)'

const TITLE_STYLE = { size: SIZE.authority, bold: true }

/**
 * A title as the lines it prints on: one when it fits its half of the page, else two, broken
 * after "XÁC NHẬN CỦA" (or, for another title, where the longer line is shortest), so
 * "XÁC NHẬN CỦA THƯỜNG TRỰC TỈNH ĐOÀN" is never left to wrap on its own.
 */
export function titleLines(title: string, width: number): string[] {
  const text = title.toUpperCase().trim()
  const fits = (t: string) => textWidth(t, TITLE_STYLE) * 1.03 + 60 <= width
  if (fits(text)) return [text]
  const lead = /^(XÁC NHẬN CỦA) (.+)$/.exec(text)
  if (lead?.[1] && lead[2] && fits(lead[2])) return [lead[1], lead[2]]
  const words = text.split(' ')
  let best: string[] = [text]
  let widest = Number.POSITIVE_INFINITY
  for (let k = 1; k < words.length; k += 1) {
    const lines = [words.slice(0, k).join(' '), words.slice(k).join(' ')]
    const w = Math.max(...lines.map((l) => textWidth(l, TITLE_STYLE)))
    if (w < widest) {
      widest = w
      best = lines
    }
  }
  return best
}

function titleCell(signer: SignerColumn, width: number): Paragraph[] {
  return titleLines(signer.title, width).map((t) => line(t, { ...TITLE_STYLE, lineSpacing: TITLE_LINE }))
}

function signatureCell(signer: SignerColumn): Paragraph[] {
  return [
    line(SIGN_HINT, { size: SIZE.date, italics: true }),
    // The hint line takes the place of the position line, so the space below is the same as a document's.
    line(signer.name, { size: SIZE.signerName, bold: true, before: SIGNATURE_SPACE })
  ]
}

/**
 * The titles in one row and the hints, signature space and names in the next, so the two
 * "(Ký, ghi rõ họ tên)" stay level even when one title takes two lines.
 */
export function signaturePair(left: SignerColumn, right: SignerColumn): Table {
  const [l, r] = SIGNATURE_PAIR_COLUMNS
  return borderlessTwoColumns(
    SIGNATURE_PAIR_COLUMNS,
    [
      [titleCell(left, l), titleCell(right, r)],
      [signatureCell(left), signatureCell(right)]
    ],
    { cantSplit: true, spaceAbove: 240, keepRowsTogether: true }
  )
}
