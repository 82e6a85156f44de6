/** Round writes: add or edit a round of a quarter, delete one no registration uses. */
import { eq } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import type { RoundFormValues } from '../../../shared/api/planning'
import { formatDateVi } from '../../../shared/domain/dates'
import { roundIssues, roundLabel, type Quarter } from '../../../shared/domain/planning'
import { planningRounds, registrations } from '../../db/schema'
import type { ServiceContext } from '../context'
import { findRound, requireRound, roundsOf, roundWords, type RoundRow } from './read'

function logRow(r: Pick<RoundRow, 'year' | 'quarter' | 'number' | 'startDate' | 'endDate' | 'note'>) {
  return {
    year: r.year,
    quarter: r.quarter,
    number: r.number,
    startDate: r.startDate,
    endDate: r.endDate,
    note: r.note
  }
}

function spanWords(r: { startDate: string; endDate: string }): string {
  return `${formatDateVi(r.startDate)} – ${formatDateVi(r.endDate)}`
}

export function saveRound(ctx: ServiceContext, values: RoundFormValues): Saved<{ number: number }> {
  const original =
    values.originalNumber === null || values.originalNumber === undefined
      ? null
      : requireRound(ctx.db, values.year, values.quarter, values.originalNumber)
  const others = roundsOf(ctx.db, values.year, values.quarter).filter((r) => r.id !== original?.id)
  const issues = roundIssues({ ...values, quarter: values.quarter as Quarter }, others)
  if (issues.length > 0) {
    throw new AppError(
      'VALIDATION',
      `${roundLabel(values.quarter as Quarter, values.number)} chưa lưu được: ${issues[0]!.message}`,
      issues.map((i) => `${i.field}: ${i.message}`)
    )
  }
  if (original) {
    // Registrations of the round must stay inside it.
    const outside = ctx.db
      .select({
        code: registrations.code,
        startDate: registrations.startDate,
        endDate: registrations.endDate
      })
      .from(registrations)
      .where(eq(registrations.roundId, original.id))
      .all()
      .filter((r) => r.startDate < values.startDate || r.endDate > values.endDate)
    if (outside.length > 0) {
      const message = `Đăng ký ${outside.map((r) => r.code).join(', ')} của đợt này có ngày ngoài ${spanWords(values)}: sửa các đăng ký đó trước.`
      throw new AppError('CONFLICT', message, [`startDate: ${message}`])
    }
  }
  const name = roundLabel(values.quarter as Quarter, values.number)
  const label = original
    ? `Sửa ${name}/${values.year}: ${spanWords(values)}`
    : `Thêm ${name}/${values.year}: ${spanWords(values)}`
  return ctx.write(label, (_tx, log) => {
    const row = {
      year: values.year,
      quarter: values.quarter,
      number: values.number,
      startDate: values.startDate,
      endDate: values.endDate,
      note: values.note
    }
    if (original) {
      log.rows.update(planningRounds, eq(planningRounds.id, original.id), row)
      log.record('planning_rounds', roundWords(row), 'update', logRow(original), logRow(row))
    } else {
      log.rows.insert(planningRounds, row)
      log.record('planning_rounds', roundWords(row), 'insert', null, logRow(row))
    }
    return { value: { number: values.number }, change: { batchId: log.batchId, label } }
  })
}

export function deleteRound(
  ctx: ServiceContext,
  input: { year: number; quarter: number; number: number }
): Saved<{ number: number }> {
  const round = requireRound(ctx.db, input.year, input.quarter, input.number)
  const used = ctx.db
    .select({ code: registrations.code })
    .from(registrations)
    .where(eq(registrations.roundId, round.id))
    .all()
  if (used.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Không xóa được ${roundLabel(round.quarter as Quarter, round.number)}: có ${used.length} đăng ký thuộc đợt (${used
        .slice(0, 5)
        .map((r) => r.code)
        .join(', ')}${used.length > 5 ? ', …' : ''}). Chuyển hoặc xóa các đăng ký đó trước.`
    )
  }
  const label = `Xóa ${roundLabel(round.quarter as Quarter, round.number)}/${round.year}`
  return ctx.write(label, (_tx, log) => {
    log.rows.delete(planningRounds, eq(planningRounds.id, round.id))
    log.record('planning_rounds', roundWords(round), 'delete', logRow(round), null)
    return { value: { number: round.number }, change: { batchId: log.batchId, label } }
  })
}

export { findRound }
