import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { UpcomingPage } from '../upcoming/UpcomingPage'

export const cadreRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo',
    component: () => UpcomingPage({ title: 'Cán bộ', willHold: ['Danh sách cán bộ'], meanwhile: null })
  })
]
