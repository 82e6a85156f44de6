/** Kế hoạch quý: its pages and addresses. */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { PlanningUpcoming } from '../upcoming/UpcomingPage'

export const planningRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/ke-hoach-quy', component: PlanningUpcoming })
] as const
