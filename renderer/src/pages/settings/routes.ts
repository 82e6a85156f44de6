/**
 * Cài đặt: one page with four tabs; the tab (and the year of "Quy định năm") live in the URL's
 * search, so a reload or the sidebar link brings the clerk back to the tab they left.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { settingsSearchSchema } from './tabs'

export const settingsRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/cai-dat',
    component: lazyRouteComponent(() => import('./SettingsPage'), 'SettingsPage'),
    validateSearch: (raw: Record<string, unknown>) => settingsSearchSchema.parse(raw)
  })
]
