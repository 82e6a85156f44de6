/**
 * Every service handler, keyed by API method. The same map serves the Electron IPC
 * transport, the CLI, the integration tests and the Playwright bridge.
 */
import type { ApiHandlers } from '../../shared/api/contract'
import type { ServiceContext } from './context'
import { cadreHandlers } from './cadres'
import { dashboardHandlers } from './dashboard'
import { documentHandlers } from './documents-api'
import { historyHandlers } from './history'
import { listYears } from './organisation'
import { settingsHandlers } from './settings/index'
import { unitHandlers } from './units'
import { loadYearSummaryView } from './summary'
import { tripHandlers } from './trips'
import { workbookHandlers } from './workbook'
import { planningHandlers } from './planning'
import { calendarHandlers } from './calendar'
import { threeActiveHandlers } from './three-active'
import { backupsHandlers } from './backups'

export function createHandlers(ctx: ServiceContext): ApiHandlers {
  return {
    'years.list': () => listYears(ctx),
    'summary.year': ({ year, asOf }) => loadYearSummaryView(ctx, year, asOf),
    ...workbookHandlers(ctx),
    ...documentHandlers(ctx),
    ...historyHandlers(ctx),
    ...cadreHandlers(ctx),
    ...unitHandlers(ctx),
    ...settingsHandlers(ctx),
    ...tripHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...planningHandlers(ctx),
    ...calendarHandlers(ctx),
    ...threeActiveHandlers(ctx),
    ...backupsHandlers(ctx)
  }
}
