/**
 * The names of every API method, and nothing else. The preload imports only this list (it
 * runs sandboxed and cannot load zod), so it exposes exactly these methods and no generic
 * invoke. shared/api/contract.ts is checked at compile time to cover the same names.
 */
export const API_METHODS = [
  'organisation.get',
  'years.list',
  'settings.getYear',
  'settings.saveYear',
  'summary.year',
  'workbook.preview',
  'workbook.commit',
  'workbook.export',
  'documents.catalog',
  'documents.preview',
  'documents.issue',
  'documents.register',
  'cadres.list',
  'departments.list',
  'trips.list',
  // history (shared/api/history.ts)
  'history.undo',
  'history.list',
  // cadres and exemptions (shared/api/cadres.ts)
  'cadres.search',
  'cadres.get',
  'cadres.create',
  'cadres.update',
  'cadres.endService',
  'cadres.setOverride',
  'cadres.removeOverride',
  'exemptions.preview',
  'exemptions.save',
  'exemptions.delete',
  // units (shared/api/units.ts)
  // organisation, signers, departments, year rules (shared/api/settings.ts)
  'organisation.save',
  'signers.list',
  'signers.save',
  'signers.setActive',
  'departments.overview',
  'departments.save',
  'departments.delete',
  'settings.previewYear',
] as const

export type ApiMethod = (typeof API_METHODS)[number]

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name)
}
