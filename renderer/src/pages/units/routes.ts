import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { UpcomingPage } from '../upcoming/UpcomingPage'

export const unitRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi',
    component: () => UpcomingPage({ title: 'Đơn vị', willHold: ['Cây đơn vị'], meanwhile: null })
  })
]
