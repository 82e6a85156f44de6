/** Sao lưu và khôi phục: its pages and addresses. */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { BackupsUpcoming } from '../upcoming/UpcomingPage'

export const backupsRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/sao-luu', component: BackupsUpcoming })
] as const
