/** Đoàn cơ sở "3 chủ động": the year's cycle, one unit's registration and evaluation, the criteria. */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { CriteriaPage } from './CriteriaPage'
import { cycleSearchSchema } from './search'
import { ThreeActivePage } from './ThreeActivePage'
import { UnitCyclePage } from './UnitCyclePage'

export const threeActiveRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/3-chu-dong',
    component: ThreeActivePage,
    validateSearch: (raw) => cycleSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/3-chu-dong/tieu-chi',
    component: CriteriaPage,
    validateSearch: (raw) => cycleSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/3-chu-dong/$code',
    component: UnitCyclePage,
    validateSearch: (raw) => cycleSearchSchema.parse(raw)
  })
] as const
