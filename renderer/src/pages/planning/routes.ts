/**
 * Kế hoạch quý: its pages and addresses. The quarter is in the search (?nam=2026&quy=1);
 * "dang-ky" (static) outranks "dang-ky/$code". The calendar's routes (calendar/) join here.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { calendarRoutes } from './calendar/routes'
import { assistantSearchSchema, quarterSearchSchema, registrationNewSearchSchema } from './search'

export const planningRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy',
    component: lazyRouteComponent(() => import('./QuarterPlanPage'), 'QuarterPlanPage'),
    validateSearch: (raw) => quarterSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/dang-ky',
    component: lazyRouteComponent(() => import('./RegistrationFormPage'), 'NewRegistrationPage'),
    validateSearch: (raw) => registrationNewSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/dang-ky/$code',
    component: lazyRouteComponent(() => import('./RegistrationFormPage'), 'EditRegistrationPage')
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/tro-ly',
    component: lazyRouteComponent(() => import('./AssistantPage'), 'AssistantPage'),
    validateSearch: (raw) => assistantSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/phu-trach',
    component: lazyRouteComponent(() => import('./OversightPage'), 'OversightPage'),
    validateSearch: (raw) => quarterSearchSchema.parse(raw)
  }),
  ...calendarRoutes
] as const
