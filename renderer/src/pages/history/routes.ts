import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { z } from 'zod'
import { CHANGE_ORIGINS } from '../../../../shared/api/history'
import { isValidIsoDate } from '../../../../shared/domain/dates'
import { rootRoute } from '../../routes/root'

const day = z.string().refine(isValidIsoDate).optional().catch(undefined)

/** The filters of the history page, in the URL (a bad value is dropped, never a crash). */
export const historySearchSchema = z.object({
  bang: z.string().max(50).optional().catch(undefined),
  ma: z.string().max(100).optional().catch(undefined),
  tu: day,
  den: day,
  nguon: z.enum(CHANGE_ORIGINS).optional().catch(undefined),
  trang: z.number().int().min(0).optional().catch(undefined)
})

export type HistorySearch = z.infer<typeof historySearchSchema>

export const historyRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/lich-su',
    validateSearch: (raw: Record<string, unknown>) => historySearchSchema.parse(raw),
    component: lazyRouteComponent(() => import('./HistoryPage'), 'HistoryPage')
  })
]
