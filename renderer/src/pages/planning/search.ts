/**
 * Kế hoạch quý's addresses: the quarter in the search (#/ke-hoach-quy?nam=2026&quy=1), so a
 * reload or the sidebar link comes back to it. A bad value is dropped (the default quarter is
 * used), never a crash.
 */
import { z } from 'zod'
import { isValidIsoDate, quarterOf, yearOf } from '../../../../shared/domain/dates'
import type { Quarter } from '../../../../shared/domain/planning'

const year = z.number().int().min(2000).max(2100)
const quarter = z.number().int().min(1).max(4)
const isoDate = z.string().refine(isValidIsoDate)
/** The router reads "12" as a number: a code typed as digits stays text. */
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().max(50))

export const quarterSearchSchema = z.object({
  nam: year.optional().catch(undefined),
  quy: quarter.optional().catch(undefined)
})
export type QuarterSearch = z.infer<typeof quarterSearchSchema>

/**
 * "Đăng ký đi cơ sở" prefilled from the address, so the calendar can link to it after a
 * click or a drag across days:
 *   #/ke-hoach-quy/dang-ky?cadre=A03&from=2025-10-06&to=2025-10-08&round=2
 * - cadre: the cadre's code; from / to: ISO dates (to defaults to from);
 * - round: the round's number in the quarter of `from` (the dates must lie in it);
 * - nam / quy: the quarter when no date is given (default: the quarter being planned).
 * Each is optional and a bad value is ignored.
 */
export const registrationNewSearchSchema = quarterSearchSchema.extend({
  cadre: text.optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  round: z.number().int().min(1).max(20).optional().catch(undefined)
})
export type RegistrationNewSearch = z.infer<typeof registrationNewSearchSchema>

/** The assistant: the quarter and the as-of date (ngay, default today). */
export const assistantSearchSchema = quarterSearchSchema.extend({
  ngay: isoDate.optional().catch(undefined)
})

/**
 * The quarter an address names, as the 'planning.quarter' input: absent parts are left to the
 * service, which picks the quarter being planned on its own today (the next quarter in the
 * last month of one), so the page and the service never disagree on "today".
 */
export function quarterInput(search: QuarterSearch): { year?: number; quarter?: Quarter } {
  return {
    ...(search.nam !== undefined ? { year: search.nam } : {}),
    ...(search.quy !== undefined ? { quarter: search.quy as Quarter } : {})
  }
}

/** The quarter of a prefilled date wins over nam / quy. */
export function quarterOfNew(search: RegistrationNewSearch): { year?: number; quarter?: Quarter } {
  if (search.from) return { year: yearOf(search.from), quarter: quarterOf(search.from) }
  return quarterInput(search)
}
