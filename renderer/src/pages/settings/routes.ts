import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { UpcomingPage } from '../upcoming/UpcomingPage'

export const settingsRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/cai-dat',
    component: () => UpcomingPage({ title: 'Cài đặt', willHold: ['Cài đặt'], meanwhile: null })
  })
]
