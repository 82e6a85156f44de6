/**
 * The logbook's filters as the address keeps them (#/chuyen-di?year=2025&kind=...): a reload
 * or the sidebar link brings the clerk back to the same list. Every field tolerates a bad
 * value (it is dropped), so a hand-typed or old address never crashes the page.
 */
import { z } from 'zod'
import type { TripFilters } from '../../../../shared/api/trips'
import { TRIP_SORT_KEYS } from '../../../../shared/api/trips'
import { isValidIsoDate } from '../../../../shared/domain/dates'
import { CONTENT_KINDS, TRIP_STATUSES } from '../../../../shared/domain/kinds'

/** The router reads "12" as a number: a code or a search typed as digits stays text. */
const text = (max: number) =>
  z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().max(max))
const codes = z.array(text(50)).max(200)

export const tripListSearchSchema = z.object({
  /** Absent: the current year; 'all': every year. */
  year: z
    .union([z.number().int().min(2000).max(2100), z.literal('all')])
    .optional()
    .catch(undefined),
  quarter: z.number().int().min(1).max(4).optional().catch(undefined),
  month: z.number().int().min(1).max(12).optional().catch(undefined),
  cadre: codes.optional().catch(undefined),
  unit: codes.optional().catch(undefined),
  department: text(50).optional().catch(undefined),
  kind: z.enum(CONTENT_KINDS).optional().catch(undefined),
  status: z.enum(TRIP_STATUSES).optional().catch(undefined),
  overdue: z.boolean().optional().catch(undefined),
  q: text(200).optional().catch(undefined),
  sort: z.enum(TRIP_SORT_KEYS).optional().catch(undefined),
  desc: z.boolean().optional().catch(undefined)
})

export type TripListSearch = z.infer<typeof tripListSearchSchema>

/** The service's filters for the address's search (the current year when none is named). */
export function toFilters(search: TripListSearch): TripFilters {
  const year = search.year === 'all' ? undefined : (search.year ?? 'current')
  return {
    year,
    quarter: year === undefined || search.month !== undefined ? undefined : search.quarter,
    month: year === undefined ? undefined : search.month,
    cadreCodes: search.cadre?.length ? search.cadre : undefined,
    unitCodes: search.unit?.length ? search.unit : undefined,
    departmentCode: search.department || undefined,
    kind: search.kind,
    status: search.status,
    overdue: search.overdue || undefined,
    q: search.q?.trim() ? search.q.trim() : undefined,
    sort: search.sort,
    desc: search.desc
  }
}

const isoDay = z.string().refine(isValidIsoDate).optional().catch(undefined)

/**
 * The new-trip form may start with a cadre (from a cadre's page), dates and a status (from
 * the calendar: the days dragged across, "Dự kiến" for a planned one); a bad value is dropped.
 */
export const tripNewSearchSchema = z.object({
  cadre: text(50).optional().catch(undefined),
  from: isoDay,
  to: isoDay,
  status: z.enum(TRIP_STATUSES).optional().catch(undefined)
})
