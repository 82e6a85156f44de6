/** Tổng quan: the figures and charts, and the coverage of units; year and as-of date in the address. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { coverageSearchSchema } from './coverage-search'
import { dashboardSearchSchema } from './search'

export const dashboardRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/tong-quan',
    // Loaded on demand: the charts (recharts) are most of the renderer and only this page draws them.
    component: lazyRouteComponent(() => import('./DashboardPage'), 'DashboardPage'),
    validateSearch: (raw) => dashboardSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/tong-quan/don-vi',
    component: lazyRouteComponent(() => import('./CoveragePage'), 'CoveragePage'),
    validateSearch: (raw) => coverageSearchSchema.parse(raw)
  })
] as const
