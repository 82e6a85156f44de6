/**
 * What Tổng quan keeps in the address (#/tong-quan?nam=2025&ngay=2025-06-30): the year and the
 * "Tính đến ngày". Absent means the default (the year the listing suggests; today while the
 * year runs, else its last day), so the sidebar link returns to the filters the clerk left.
 * A malformed value is dropped, never a crash; a real date outside the year is kept so the
 * page can say why it is refused.
 */
import { z } from 'zod'
import { isValidIsoDate } from '../../../../shared/domain/dates'

export const dashboardSearchSchema = z.object({
  nam: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  ngay: z.string().refine(isValidIsoDate).optional().catch(undefined)
})

export type DashboardSearch = z.infer<typeof dashboardSearchSchema>
