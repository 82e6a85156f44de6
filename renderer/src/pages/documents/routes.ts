/**
 * The Văn bản page: the document and its data in the address (search.ts), so a reload or the
 * sidebar link brings the clerk back to the document they were preparing.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { documentsSearchSchema } from './search'

export const documentRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/van-ban',
    // Loaded on demand: the preview (docx-preview) is only needed on this page.
    component: lazyRouteComponent(() => import('./DocumentsPage'), 'DocumentsPage'),
    validateSearch: (raw) => documentsSearchSchema.parse(raw)
  })
] as const
