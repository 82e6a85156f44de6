/**
 * Every page of the app and its address. Hash history, because Electron loads the renderer
 * from a file:// URL; record pages have their code in the path (#/can-bo/CB01) and list
 * filters live in the search part, so a reload or a link lands on the same record and the
 * same filters. Scroll positions are kept per page (pathname): a page opens at its top and
 * finds its place again when the clerk comes back.
 *
 * Each domain's page folder exports its routes (pages/<domain>/routes.ts); this file only
 * puts the tree together.
 */
import { createHashHistory, createRoute, createRouter, redirect } from '@tanstack/react-router'
import { ImportPage } from './pages/ImportPage'
import { summaryRoutes } from './pages/summary/routes'
import { cadreRoutes } from './pages/cadres/routes'
import { dashboardRoutes } from './pages/dashboard/routes'
import { documentRoutes } from './pages/documents/routes'
import { historyRoutes } from './pages/history/routes'
import { settingsRoutes } from './pages/settings/routes'
import { unitRoutes } from './pages/units/routes'
import { tripRoutes } from './pages/trips/routes'
import { planningRoutes } from './pages/planning/routes'
import { threeActiveRoutes } from './pages/three-active/routes'
import { backupsRoutes } from './pages/backups/routes'
import { rootRoute } from './routes/root'

const page = <const P extends string>(path: P, component: () => React.ReactNode) =>
  createRoute({ getParentRoute: () => rootRoute, path, component })

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/tong-hop-nam' })
  }
})

const routeTree = rootRoute.addChildren([
  indexRoute,
  ...dashboardRoutes,
  ...cadreRoutes,
  ...unitRoutes,
  ...tripRoutes,
  ...planningRoutes,
  ...threeActiveRoutes,
  ...summaryRoutes,
  ...documentRoutes,
  page('/nhap-xuat', ImportPage),
  ...historyRoutes,
  ...backupsRoutes,
  ...settingsRoutes
])

export const router = createRouter({
  routeTree,
  history: createHashHistory(),
  scrollRestoration: true,
  getScrollRestorationKey: (location) => location.pathname
})

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router
  }
}
