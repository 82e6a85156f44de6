/**
 * The cadre pages: the list (filters in the address), the record page with its code in the
 * path, and the add / edit forms on routes of their own (a reload keeps the clerk there).
 */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { AddCadrePage, EditCadrePage } from './CadreFormPage'
import { CadreListPage } from './CadreListPage'
import { CadreRecordPage } from './CadreRecordPage'
import { cadreListSearchSchema, cadreRecordSearchSchema } from './search'

export const cadreRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo',
    component: CadreListPage,
    validateSearch: (raw) => cadreListSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo/them',
    component: AddCadrePage
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo/$code',
    component: CadreRecordPage,
    validateSearch: (raw) => cadreRecordSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/can-bo/$code/sua',
    component: EditCadrePage,
    validateSearch: (raw) => cadreRecordSearchSchema.parse(raw)
  })
] as const
