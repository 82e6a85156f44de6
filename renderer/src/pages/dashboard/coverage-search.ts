/**
 * What Độ phủ đơn vị keeps in the address (#/tong-quan/don-vi?nam=2025&ngay=2025-06-30&chua=true&q=…):
 * the year and "Tính đến ngày" as on Tổng quan, the filter "chỉ đơn vị chưa được đến" and the
 * search. A malformed value is dropped, never a crash.
 */
import { z } from 'zod'
import { dashboardSearchSchema } from './search'

export const coverageSearchSchema = dashboardSearchSchema.extend({
  chua: z.boolean().optional().catch(undefined),
  q: z.string().optional().catch(undefined)
})

export type CoverageSearch = z.infer<typeof coverageSearchSchema>
