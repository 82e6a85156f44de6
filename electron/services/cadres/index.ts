/** The cadres domain's handlers, keyed by API method (shared/api/cadres.ts). */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { ServiceContext } from '../context'
import { deleteExemption, previewExemption, saveExemption } from './exemptions'
import { searchCadres } from './list'
import { removeOverride, setOverride } from './overrides'
import { getCadreDetail } from './record'
import { createCadre, endService, updateCadre } from './write'

type CadreMethods =
  | 'cadres.search'
  | 'cadres.get'
  | 'cadres.create'
  | 'cadres.update'
  | 'cadres.endService'
  | 'cadres.setOverride'
  | 'cadres.removeOverride'
  | 'exemptions.preview'
  | 'exemptions.save'
  | 'exemptions.delete'

export function cadreHandlers(ctx: ServiceContext): Pick<ApiHandlers, CadreMethods> {
  return {
    'cadres.search': (query) => searchCadres(ctx, query),
    'cadres.get': ({ code, year }) => getCadreDetail(ctx, code, year),
    'cadres.create': (input) => createCadre(ctx, input),
    'cadres.update': (input) => updateCadre(ctx, input),
    'cadres.endService': (input) => endService(ctx, input),
    'cadres.setOverride': (input) => setOverride(ctx, input),
    'cadres.removeOverride': (input) => removeOverride(ctx, input),
    'exemptions.preview': (input) => previewExemption(ctx, input),
    'exemptions.save': (input) => saveExemption(ctx, input),
    'exemptions.delete': ({ id }) => deleteExemption(ctx, id)
  }
}
