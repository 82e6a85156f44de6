/** Đoàn cơ sở "3 chủ động": the year's cycle, one unit's registration and evaluation, the criteria. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { cycleSearchSchema } from './search'

export const threeActiveRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/3-chu-dong',
    component: lazyRouteComponent(() => import('./ThreeActivePage'), 'ThreeActivePage'),
    validateSearch: (raw) => cycleSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/3-chu-dong/tieu-chi',
    component: lazyRouteComponent(() => import('./CriteriaPage'), 'CriteriaPage'),
    validateSearch: (raw) => cycleSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/3-chu-dong/$code',
    component: lazyRouteComponent(() => import('./UnitCyclePage'), 'UnitCyclePage'),
    validateSearch: (raw) => cycleSearchSchema.parse(raw)
  })
] as const
