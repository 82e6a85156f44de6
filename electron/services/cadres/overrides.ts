/**
 * The clerk's per-year decision that a cadre is, or is not, subject ("Thuộc diện" /
 * "Không thuộc diện"), always with a reason; shared/domain/subject.ts applies it.
 */
import { and, eq } from 'drizzle-orm'
import type { CadreOverride } from '../../../shared/api/cadres'
import type { ApiParsedInput } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import { cadreYearOverrides } from '../../db/schema'
import type { ServiceContext } from '../context'
import { cadreLabel, requireCadre } from './read'

function overrideKey(code: string, year: number): string {
  return `${code}:${year}`
}

function described(code: string, o: { year: number; subject: boolean; reason: string }) {
  return { cadreCode: code, year: o.year, subject: o.subject, reason: o.reason }
}

export function setOverride(
  ctx: ServiceContext,
  input: ApiParsedInput<'cadres.setOverride'>
): Saved<CadreOverride> {
  const cadre = requireCadre(ctx.db, input.cadreCode)
  const decision = input.subject ? 'thuộc diện' : 'không thuộc diện'
  const label = `Xác định năm ${input.year}: ${cadreLabel(cadre)} ${decision} (${input.reason})`
  return ctx.write(label, (tx, log) => {
    const where = and(eq(cadreYearOverrides.cadreId, cadre.id), eq(cadreYearOverrides.year, input.year))
    const old = tx.select().from(cadreYearOverrides).where(where).get()
    const values = { subject: input.subject, reason: input.reason }
    if (old) log.rows.update(cadreYearOverrides, where, values)
    else log.rows.insert(cadreYearOverrides, { cadreId: cadre.id, year: input.year, ...values })
    const value = { year: input.year, ...values }
    log.record(
      'cadre_year_overrides',
      overrideKey(cadre.code, input.year),
      old ? 'update' : 'insert',
      old ? described(cadre.code, old) : null,
      described(cadre.code, value)
    )
    return { value, change: { batchId: log.batchId, label } }
  })
}

export function removeOverride(
  ctx: ServiceContext,
  input: ApiParsedInput<'cadres.removeOverride'>
): Saved<null> {
  const cadre = requireCadre(ctx.db, input.cadreCode)
  const label = `Bỏ xác định riêng năm ${input.year}: ${cadreLabel(cadre)}`
  return ctx.write(label, (tx, log) => {
    const where = and(eq(cadreYearOverrides.cadreId, cadre.id), eq(cadreYearOverrides.year, input.year))
    const gone = log.rows.delete(cadreYearOverrides, where)
    const old = gone[0]
    if (!old) {
      throw new AppError(
        'NOT_FOUND',
        `Cán bộ ${cadreLabel(cadre)} không có xác định riêng cho năm ${input.year}.`
      )
    }
    log.record(
      'cadre_year_overrides',
      overrideKey(cadre.code, input.year),
      'delete',
      described(cadre.code, old),
      null
    )
    return { value: null, change: { batchId: log.batchId, label } }
  })
}
