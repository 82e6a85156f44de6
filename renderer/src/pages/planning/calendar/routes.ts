/** Lịch: the month, quarter and year calendars of Kế hoạch quý (#/ke-hoach-quy/lich?view=quy&year=2025&quarter=2). */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../../routes/root'
import { calendarSearchSchema } from './search'

export const calendarRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/lich',
    component: lazyRouteComponent(() => import('./CalendarPage'), 'CalendarPage'),
    validateSearch: (raw) => calendarSearchSchema.parse(raw)
  })
] as const
