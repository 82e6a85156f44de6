/** Đoàn cơ sở "3 chủ động": its pages and addresses. */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { ThreeActiveUpcoming } from '../upcoming/UpcomingPage'

export const threeActiveRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/3-chu-dong', component: ThreeActiveUpcoming })
] as const
