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
import { SIGNATURE_SPACE, SIZE, USABLE_WIDTH } from './constants'
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

function column(signer: SignerColumn): Paragraph[] {
  return [
    line(signer.title.toUpperCase(), { size: SIZE.authority, bold: true }),
    line(SIGN_HINT, { size: SIZE.date, italics: true }),
    // The hint line takes the place of the position line, so the space below is the same as a document's.
    line(signer.name, { size: SIZE.signerName, bold: true, before: SIGNATURE_SPACE })
  ]
}

export function signaturePair(left: SignerColumn, right: SignerColumn): Table {
  return borderlessTwoColumns(SIGNATURE_PAIR_COLUMNS, [[column(left), column(right)]], {
    cantSplit: true,
    spaceAbove: 240
  })
}
