/**
 * The data of the four "3 chủ động" documents, read through the three-active service (the
 * documents never query the database themselves).
 */
import { AppError } from '../../../../shared/api/errors'
import type {
  RegistrationDetail,
  RegistrationLine,
  ThreeActiveYearView
} from '../../../../shared/api/three-active'
import type { ServiceContext } from '../../../services/context'
import { readDetail, readYear } from '../../../services/three-active/read'

export interface ThreeActiveYearData {
  view: ThreeActiveYearView
}

export function loadThreeActiveYear(ctx: ServiceContext, year: number): ThreeActiveYearData {
  return { view: readYear(ctx, year) }
}

function refuseUnit(unitCode: string, year: number): never {
  throw new AppError('NOT_FOUND', `Đơn vị mã "${unitCode}" chưa đăng ký "3 chủ động" năm ${year}.`, [
    `unitCode: Đơn vị mã "${unitCode}" chưa đăng ký "3 chủ động" năm ${year}.`
  ])
}

/** One unit's registration, or every registered unit (a page each) when no unit is named. */
export function loadRegistrations(
  ctx: ServiceContext,
  year: number,
  unitCode?: string
): RegistrationDetail[] {
  const view = readYear(ctx, year)
  const lines: RegistrationLine[] = unitCode
    ? view.registrations.filter((l) => l.unit.code === unitCode)
    : view.registrations
  if (unitCode && lines.length === 0) refuseUnit(unitCode, year)
  if (lines.length === 0) {
    throw new AppError('VALIDATION', `Năm ${year} chưa có đơn vị nào đăng ký "3 chủ động".`, [
      `year: Năm ${year} chưa có đơn vị nào đăng ký "3 chủ động".`
    ])
  }
  return lines.map((l) => readDetail(ctx, year, l.unit.code))
}

/** The evaluated units (one, or all): a unit not evaluated yet has no record to print. */
export function loadEvaluations(ctx: ServiceContext, year: number, unitCode?: string): RegistrationDetail[] {
  const all = loadRegistrations(ctx, year, unitCode)
  const evaluated = all.filter((d) => d.evaluatedOn !== null)
  if (evaluated.length === 0) {
    const message = unitCode
      ? `Đơn vị mã "${unitCode}" chưa được đánh giá "3 chủ động" năm ${year}.`
      : `Năm ${year} chưa có đơn vị nào được đánh giá "3 chủ động".`
    throw new AppError('VALIDATION', message, [`${unitCode ? 'unitCode' : 'year'}: ${message}`])
  }
  return evaluated
}

/** The year's decision must be issued (trang 3 chủ động) before its document is printed. */
export function loadDecision(ctx: ServiceContext, year: number): ThreeActiveYearData & { decidedOn: string } {
  const view = readYear(ctx, year)
  if (!view.decision) {
    const message = `Năm ${year} chưa có quyết định công nhận "3 chủ động": ban hành ở trang 3 chủ động trước khi in.`
    throw new AppError('VALIDATION', message, [`year: ${message}`])
  }
  return { view, decidedOn: view.decision.decidedOn }
}
