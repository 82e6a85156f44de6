/** Tổng hợp năm: one page, its year and as-of date in the address (as Tổng quan). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { yearAsOfSearchSchema } from '../../components/YearAsOf'
import { rootRoute } from '../../routes/root'

export const summaryRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/tong-hop-nam',
    component: lazyRouteComponent(() => import('./SummaryPage'), 'SummaryPage'),
    validateSearch: (raw) => yearAsOfSearchSchema.parse(raw)
  })
] as const
