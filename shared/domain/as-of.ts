/**
 * The "tính đến ngày" (as-of date) of a year summary must lie in that year: a summary of 2025
 * "as of 15/03/2026" would silently read as the whole of 2025, and one "as of 2024" as nothing.
 * The summary screen, the service and the CLI all refuse it with this sentence.
 */
import { formatDateVi, yearEnd, yearOf, yearStart, type IsoDate } from './dates'

/** Null when `asOf` is inside `year`; otherwise why it is refused, in Vietnamese. */
export function asOfOutsideYear(year: number, asOf: IsoDate): string | null {
  if (yearOf(asOf) === year) return null
  return (
    `Ngày tính đến ${formatDateVi(asOf)} không thuộc năm ${year}: ` +
    `hãy chọn một ngày từ ${formatDateVi(yearStart(year))} đến ${formatDateVi(yearEnd(year))}.`
  )
}
