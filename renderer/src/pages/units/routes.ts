/**
 * The unit pages: the tree of a day (filters in the address), the record page with its code
 * in the path, and the add / edit / merge forms on routes of their own (a reload keeps the
 * clerk there). Static paths (them, sap-nhap) win over the code.
 */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { MergeUnitsPage } from './MergeUnitsPage'
import { unitMergeSearchSchema, unitTreeSearchSchema } from './search'
import { AddUnitPage, EditUnitPage } from './UnitFormPage'
import { UnitRecordPage } from './UnitRecordPage'
import { UnitTreePage } from './UnitTreePage'

export const unitRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi',
    component: UnitTreePage,
    validateSearch: (raw) => unitTreeSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi/them',
    component: AddUnitPage
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi/sap-nhap',
    component: MergeUnitsPage,
    validateSearch: (raw) => unitMergeSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi/$code',
    component: UnitRecordPage
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/don-vi/$code/sua',
    component: EditUnitPage
  })
] as const
