/** Sao lưu và khôi phục: its pages and addresses. */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { BackupsPage } from './BackupsPage'
import { CorruptDatabasePage } from './CorruptDatabasePage'

export const backupsRoutes = [
  createRoute({ getParentRoute: () => rootRoute, path: '/sao-luu', component: BackupsPage }),
  // The app opens here when its database failed the check at start (electron/main/index.ts).
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/co-so-du-lieu-hong',
    component: CorruptDatabasePage
  })
] as const
