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
  'units.tree',
  'units.get',
  'units.choices',
  'units.impact',
  'units.create',
  'units.update',
  'units.close',
  'units.merge',
  'units.move',
  'units.deleteMove',
  // trips logbook (shared/api/trips.ts)
  'trips.search',
  'trips.totals',
  'trips.get',
  'trips.choices',
  'trips.nextCode',
  'trips.check',
  'trips.create',
  'trips.update',
  'trips.duplicate',
  'trips.setStatus',
  'trips.delete',
  'trips.exportList',
  'trips.cadreYear',
  // organisation, signers, departments, year rules (shared/api/settings.ts)
  'organisation.save',
  'signers.list',
  'signers.save',
  'signers.setActive',
  'departments.overview',
  'departments.save',
  'departments.delete',
  'settings.previewYear',
  // Tổng quan, the dashboard (shared/api/dashboard.ts)
  'dashboard.overview',
  'dashboard.yearTable',
  'dashboard.yearTableExport',
  'dashboard.coverage',
  // Kế hoạch quý: rounds, registrations, oversight, calendars, assistant (shared/api/planning.ts)
  'planning.quarter',
  'planning.saveRound',
  'planning.deleteRound',
  'planning.registration',
  'planning.createRegistration',
  'planning.updateRegistration',
  'planning.deleteRegistration',
  'planning.setRegistrationStatus',
  'planning.oversight',
  'planning.saveCluster',
  'planning.deleteCluster',
  'planning.saveAssignment',
  'planning.deleteAssignment',
  'planning.coverage',
  'planning.propose',
  'planning.accept',
  // Lịch: month, quarter and year calendars (shared/api/calendar.ts)
  'calendar.range',
  // Đoàn cơ sở 3 chủ động (shared/api/three-active.ts)
  'threeActive.year',
  'threeActive.get',
  'threeActive.planFile',
  'threeActive.register',
  'threeActive.unregister',
  'threeActive.assignFollower',
  'threeActive.evaluate',
  'threeActive.saveSettings',
  'threeActive.saveCriteria',
  'threeActive.decide',
  'threeActive.withdrawDecision',
  'threeActive.commend',
  'threeActive.removeCommendation',
  'threeActive.importWorkbook',
  // Sao lưu và khôi phục (shared/api/backups.ts)
  'backups.status',
  'backups.list',
  'backups.create',
  'backups.inspect',
  'backups.restore'
] as const

export type ApiMethod = (typeof API_METHODS)[number]

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name)
}
