/** Sao lưu và khôi phục: its pages and addresses. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'

export const backupsRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/sao-luu',
    component: lazyRouteComponent(() => import('./BackupsPage'), 'BackupsPage')
  }),
  // The app opens here when its database failed the check at start (electron/main/index.ts).
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/co-so-du-lieu-hong',
    component: lazyRouteComponent(() => import('./CorruptDatabasePage'), 'CorruptDatabasePage')
  })
] as const
