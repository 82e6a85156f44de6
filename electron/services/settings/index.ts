/** The settings domain's handlers, keyed by API method (shared/api/settings.ts). */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { settingsContract } from '../../../shared/api/settings'
import type { ServiceContext } from '../context'
import { deleteDepartment, listDepartmentOverview, saveDepartment } from './departments'
import { getOrganisation, saveOrganisation } from './organisation'
import { listSigners, saveSigner, setSignerActive } from './signers'
import { getYearRulesView, saveYearRules } from './year'
import { previewYearRules } from './year-preview'

export { getOrganisation, readOrganisation } from './organisation'
export { getYearSettings } from './year'
export { seedDemoSettings } from './demo'

export function settingsHandlers(ctx: ServiceContext): Pick<ApiHandlers, keyof typeof settingsContract> {
  return {
    'organisation.get': () => getOrganisation(ctx),
    'organisation.save': (input) => saveOrganisation(ctx, input),
    'signers.list': () => listSigners(ctx),
    'signers.save': (input) => saveSigner(ctx, input),
    'signers.setActive': ({ id, active }) => setSignerActive(ctx, id, active),
    'departments.overview': () => listDepartmentOverview(ctx),
    'departments.save': (input) => saveDepartment(ctx, input),
    'departments.delete': ({ id }) => deleteDepartment(ctx, id),
    'settings.getYear': ({ year }) => getYearRulesView(ctx.db, year),
    'settings.saveYear': (input) => saveYearRules(ctx, input),
    'settings.previewYear': (input) => previewYearRules(ctx, input)
  }
}
