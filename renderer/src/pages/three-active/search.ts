/**
 * The addresses of the "3 chủ động" pages: the year in the search part (a bad value falls
 * back to the default instead of crashing), the unit's code in the path of its page.
 */
import { z } from 'zod'

/** The cycle shown by default: next year's registrations are made from October on. */
export function defaultCycleYear(today: Date = new Date()): number {
  return today.getMonth() >= 9 ? today.getFullYear() + 1 : today.getFullYear()
}

export const cycleSearchSchema = z.object({
  nam: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)
})

export type CycleSearch = z.infer<typeof cycleSearchSchema>
