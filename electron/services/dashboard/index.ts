/** The Tổng quan page's handlers: one read with every figure of the year's progress. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { dashboardContract } from '../../../shared/api/dashboard'
import type { ServiceContext } from '../context'
import { loadDashboard } from './overview'

export function dashboardHandlers(ctx: ServiceContext): Pick<ApiHandlers, keyof typeof dashboardContract> {
  return {
    'dashboard.overview': ({ year, asOf }) => loadDashboard(ctx, year, asOf)
  }
}
