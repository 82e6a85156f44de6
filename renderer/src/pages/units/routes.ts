/**
 * The unit pages: the tree of a day (filters in the address), the record page with its code
 * in the path, and the add / edit / merge forms on routes of their own (a reload keeps the
 * clerk there). Static paths (them, sap-nhap) win over the code.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { unitMergeSearchSchema, unitTreeSearchSchema } from './search'

export const unitRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi',
    component: lazyRouteComponent(() => import('./UnitTreePage'), 'UnitTreePage'),
    validateSearch: (raw) => unitTreeSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi/them',
    component: lazyRouteComponent(() => import('./UnitFormPage'), 'AddUnitPage')
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi/sap-nhap',
    component: lazyRouteComponent(() => import('./MergeUnitsPage'), 'MergeUnitsPage'),
    validateSearch: (raw) => unitMergeSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi/$code',
    component: lazyRouteComponent(() => import('./UnitRecordPage'), 'UnitRecordPage')
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi/$code/sua',
    component: lazyRouteComponent(() => import('./UnitFormPage'), 'EditUnitPage')
  })
] as const
