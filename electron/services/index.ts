/**
 * Every service handler, keyed by API method. The same map serves the Electron IPC
 * transport, the CLI, the integration tests and the Playwright bridge.
 */
import type { ApiHandlers } from '../../shared/api/contract'
import type { ServiceContext } from './context'
import { cadreHandlers } from './cadres'
import { documentHandlers } from './documents-api'
import { historyHandlers } from './history'
import { getOrganisation, listYears } from './organisation'
import { getYearSettings, saveYearSettings } from './settings'
import { settingsHandlers } from './settings/index'
import { unitHandlers } from './units'
import { loadYearSummaryView } from './summary'
import { workbookHandlers } from './workbook'

export function createHandlers(ctx: ServiceContext): ApiHandlers {
  return {
    'organisation.get': () => getOrganisation(ctx),
    'years.list': () => listYears(ctx),
    'settings.getYear': ({ year }) => getYearSettings(ctx.db, year),
    'settings.saveYear': (settings) => saveYearSettings(ctx, settings),
    'summary.year': ({ year, asOf }) => loadYearSummaryView(ctx, year, asOf),
    ...workbookHandlers(ctx),
    ...documentHandlers(ctx),
    ...historyHandlers(ctx),
    ...cadreHandlers(ctx),
    ...unitHandlers(ctx),
    ...settingsHandlers(ctx)
  }
}
