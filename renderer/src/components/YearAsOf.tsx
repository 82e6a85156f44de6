/**
 * The year and "Tính đến ngày" of the pages that show a year's figures (Tổng quan, Độ phủ đơn
 * vị, Tổng hợp năm), kept in the address (?nam=2025&ngay=2025-06-30). Absent means the
 * default: the year the listing suggests, and today while that year runs, else its last day;
 * so a sidebar link returns to what the clerk left. A date outside the year is refused next to
 * the field with the service's own sentence (the same schema checks it there) until the
 * address changes.
 */
import { useState } from 'react'
import { z } from 'zod'
import type { YearListing } from '../../../shared/api/contract'
import { dashboardQuerySchema } from '../../../shared/api/dashboard'
import { isValidIsoDate, yearEnd, type IsoDate } from '../../../shared/domain/dates'
import { useApiQuery } from '../lib/api'
import { DateField } from './DateField'

/** A malformed value is dropped, never a crash; a real date outside the year is kept so the page can say why. */
export const yearAsOfSearchSchema = z.object({
  nam: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  ngay: z.string().refine(isValidIsoDate).optional().catch(undefined)
})

export type YearAsOfSearch = z.infer<typeof yearAsOfSearchSchema>

/** Today while the year runs; the year's last day for any other year. */
export function defaultAsOf(year: number, listing: YearListing): IsoDate {
  return year === listing.currentYear ? listing.today : yearEnd(year)
}

/** The schema's sentence for a date the service would refuse, or null. */
function asOfProblem(year: number, asOf: IsoDate): string | null {
  const parsed = dashboardQuerySchema.safeParse({ year, asOf })
  if (parsed.success) return null
  return (
    parsed.error.issues.find((i) => i.path[0] === 'asOf')?.message ?? parsed.error.issues[0]?.message ?? null
  )
}

export interface YearAsOfChoice {
  listing: YearListing | undefined
  listingError: Error | null
  /** Null until the listing is known. */
  year: number | null
  asOf: IsoDate | null
  /** What the date field shows when a date was refused: the typed date and why. */
  refusal: { asOf: IsoDate; message: string } | null
  chooseYear(year: number): void
  chooseAsOf(asOf: IsoDate): void
}

export function useYearAsOf(
  search: YearAsOfSearch,
  setSearch: (patch: Partial<YearAsOfSearch>) => void
): YearAsOfChoice {
  const listing = useApiQuery('years.list', {})
  const [refused, setRefused] = useState<{ asOf: IsoDate; message: string } | null>(null)
  // A refusal stands until the address changes (another year, a link, the sidebar).
  const searchKey = `${search.nam ?? ''}|${search.ngay ?? ''}`
  const [refusedFor, setRefusedFor] = useState(searchKey)
  if (refusedFor !== searchKey) {
    setRefusedFor(searchKey)
    setRefused(null)
  }
  const l = listing.data
  const year = search.nam ?? l?.defaultYear ?? null
  const urlProblem = year !== null && search.ngay ? asOfProblem(year, search.ngay) : null
  const asOf = l && year !== null ? (search.ngay && !urlProblem ? search.ngay : defaultAsOf(year, l)) : null
  return {
    listing: l,
    listingError: listing.error,
    year,
    asOf,
    refusal: refused ?? (urlProblem && search.ngay ? { asOf: search.ngay, message: urlProblem } : null),
    chooseYear(next) {
      setRefused(null)
      setSearch({ nam: next, ngay: undefined })
    },
    chooseAsOf(value) {
      if (year === null) return
      const problem = asOfProblem(year, value)
      if (problem) {
        setRefused({ asOf: value, message: problem })
        return
      }
      setRefused(null)
      setSearch({ ngay: value })
    }
  }
}

/** The "Năm" list and the "Tính đến ngày" field of a page's toolbar. */
export function YearAsOfFields({ choice, id }: { choice: YearAsOfChoice; id: string }) {
  const { listing, year, asOf, refusal } = choice
  if (!listing || year === null || asOf === null) return null
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Năm</label>
        <select
          id={id}
          className="input"
          value={year}
          onChange={(e) => choice.chooseYear(Number(e.target.value))}
        >
          {(listing.years.includes(year) ? listing.years : [year, ...listing.years]).map((y) => (
            <option key={y} value={y}>
              {y}
              {listing.dataYears.includes(y) ? '' : ' (chưa có chuyến đi)'}
            </option>
          ))}
        </select>
      </div>
      <DateField
        label="Tính đến ngày"
        value={refusal?.asOf ?? asOf}
        error={refusal?.message ?? null}
        onChange={choice.chooseAsOf}
      />
    </>
  )
}
