/**
 * Kế hoạch quý: its pages and addresses. The quarter is in the search (?nam=2026&quy=1);
 * "dang-ky" (static) outranks "dang-ky/$code". The calendar's routes (calendar/) join here.
 */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { AssistantPage } from './AssistantPage'
import { calendarRoutes } from './calendar/routes'
import { OversightPage } from './OversightPage'
import { QuarterPlanPage } from './QuarterPlanPage'
import { EditRegistrationPage, NewRegistrationPage } from './RegistrationFormPage'
import { assistantSearchSchema, quarterSearchSchema, registrationNewSearchSchema } from './search'

export const planningRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy',
    component: QuarterPlanPage,
    validateSearch: (raw) => quarterSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/dang-ky',
    component: NewRegistrationPage,
    validateSearch: (raw) => registrationNewSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/dang-ky/$code',
    component: EditRegistrationPage
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/tro-ly',
    component: AssistantPage,
    validateSearch: (raw) => assistantSearchSchema.parse(raw)
  }),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/ke-hoach-quy/phu-trach',
    component: OversightPage,
    validateSearch: (raw) => quarterSearchSchema.parse(raw)
  }),
  ...calendarRoutes
] as const
