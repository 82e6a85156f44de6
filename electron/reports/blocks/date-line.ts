/**
 * The place and date line (S1 III.4): "Lâm Đồng, ngày 05 tháng 02 năm 2025". The words
 * ngày/tháng/năm are always written out; days below 10 and the months 1 and 2 get a
 * leading zero, the months 3–12 do not.
 */
import type { IsoDate } from '../../../shared/domain/dates'
import { formatDocumentDate } from '../../../shared/domain/issuer'
import { BLANK } from './constants'

/** "ngày 05 tháng 02 năm 2025": shared with the Cài đặt preview, which shows the same line. */
export { formatDocumentDate }

/**
 * The whole line. A draft (no date yet) leaves the day and the month blank for the văn
 * thư and prints only the year of signing.
 */
export function placeDateLine(place: string, date: IsoDate | { draftYear: number }): string {
  const when =
    typeof date === 'string' ? formatDocumentDate(date) : `ngày${BLANK}tháng${BLANK}năm ${date.draftYear}`
  return `${place}, ${when}`
}

/** "20/12/2025", or the blanks of a draft ("      /      /2025"), for references to a document. */
export function shortDocumentDate(date: IsoDate | { draftYear: number }): string {
  if (typeof date !== 'string') return `${BLANK}/${BLANK}/${date.draftYear}`
  const [y, m, d] = date.split('-')
  return `${d}/${m}/${y}`
}
