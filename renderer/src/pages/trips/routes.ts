/**
 * The logbook's pages: the list (filters in the address), "Thêm chuyến đi", a trip's page
 * with its code in the path, and its edit form. The static "them" outranks "$code" (a trip
 * coded "them" would be reached through the list's search instead).
 */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { EditTripPage, NewTripPage } from './TripFormPage'
import { TripPage } from './TripPage'
import { TripsListPage } from './TripsListPage'
import { tripListSearchSchema, tripNewSearchSchema } from './search'

export const tripRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/chuyen-di',
    component: TripsListPage,
    validateSearch: (raw) => tripListSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/chuyen-di/them',
    component: NewTripPage,
    validateSearch: (raw) => tripNewSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/chuyen-di/$code',
    component: TripPage
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/chuyen-di/$code/sua',
    component: EditTripPage
  })
] as const
