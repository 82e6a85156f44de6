/**
 * The handlers of Tổng quan and what hangs off it: the overview, Tổng hợp năm's table (with
 * each cadre's standing) and its Excel file, and the coverage of units.
 */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { dashboardContract } from '../../../shared/api/dashboard'
import type { ServiceContext } from '../context'
import { loadCoverage } from './coverage'
import { loadDashboard } from './overview'
import { loadYearTable } from './year-table'
import { exportYearTable } from './year-table-xlsx'

export function dashboardHandlers(ctx: ServiceContext): Pick<ApiHandlers, keyof typeof dashboardContract> {
  return {
    'dashboard.overview': ({ year, asOf }) => loadDashboard(ctx, year, asOf),
    'dashboard.yearTable': ({ year, asOf }) => loadYearTable(ctx, year, asOf),
    'dashboard.yearTableExport': ({ year, asOf }) => exportYearTable(ctx, year, asOf),
    'dashboard.coverage': ({ year, asOf }) => loadCoverage(ctx, year, asOf)
  }
}
