/**
 * The Văn bản page: the document and its data in the address (search.ts), so a reload or the
 * sidebar link brings the clerk back to the document they were preparing.
 */
import { createRoute } from '@tanstack/react-router'
import { rootRoute } from '../../routes/root'
import { DocumentsPage } from './DocumentsPage'
import { documentsSearchSchema } from './search'

export const documentRoutes = [
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/van-ban',
    component: DocumentsPage,
    validateSearch: (raw) => documentsSearchSchema.parse(raw)
  })
] as const
