/**
 * The logbook's pages: the list (filters in the address), "Thêm chuyến đi", a trip's page
 * with its code in the path, and its edit form. The static "them" outranks "$code" (a trip
 * coded "them" would be reached through the list's search instead).
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { tripListSearchSchema, tripNewSearchSchema } from './search'

export const tripRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/chuyen-di',
    component: lazyRouteComponent(() => import('./TripsListPage'), 'TripsListPage'),
    validateSearch: (raw) => tripListSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/chuyen-di/them',
    component: lazyRouteComponent(() => import('./TripFormPage'), 'NewTripPage'),
    validateSearch: (raw) => tripNewSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/chuyen-di/$code',
    component: lazyRouteComponent(() => import('./TripPage'), 'TripPage')
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/chuyen-di/$code/sua',
    component: lazyRouteComponent(() => import('./TripFormPage'), 'EditTripPage')
  })
] as const
