/** Tổng quan: one page, its year and as-of date in the address. */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { DashboardPage } from './DashboardPage'
import { dashboardSearchSchema } from './search'

export const dashboardRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/tong-quan',
    component: DashboardPage,
    validateSearch: (raw) => dashboardSearchSchema.parse(raw)
  })
] as const
