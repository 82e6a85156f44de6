/**
 * The cadre pages: the list (filters in the address), the record page with its code in the
 * path, and the add / edit forms on routes of their own (a reload keeps the clerk there).
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { cadreListSearchSchema, cadreRecordSearchSchema } from './search'

export const cadreRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo',
    component: lazyRouteComponent(() => import('./CadreListPage'), 'CadreListPage'),
    validateSearch: (raw) => cadreListSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo/them',
    component: lazyRouteComponent(() => import('./CadreFormPage'), 'AddCadrePage')
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo/$code',
    component: lazyRouteComponent(() => import('./CadreRecordPage'), 'CadreRecordPage'),
    validateSearch: (raw) => cadreRecordSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo/$code/sua',
    component: lazyRouteComponent(() => import('./CadreFormPage'), 'EditCadrePage'),
    validateSearch: (raw) => cadreRecordSearchSchema.parse(raw)
  })
] as const
