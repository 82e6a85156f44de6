/**
 * Adding and editing a cadre, and ending their service. Each is one tracked write (so
 * "Hoàn tác" can revert it) logged in workbook terms, with a label naming the cadre.
 * The code is the key the workbook uses: it is set once and never changed.
 */
import { eq } from 'drizzle-orm'
import type { CadreFormValues, CadreRecord } from '../../../shared/api/cadres'
import type { ApiParsedInput } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import { formatDateVi } from '../../../shared/domain/dates'
import type { AppDatabase } from '../../db/connection'
import { cadres, departments } from '../../db/schema'
import type { ServiceContext } from '../context'
import { cadreLabel, findCadre, requireCadre, workbookCadre } from './read'

function departmentId(tx: AppDatabase, code: string): number {
  const row = tx.select({ id: departments.id }).from(departments).where(eq(departments.code, code)).get()
  if (!row) {
    throw new AppError('VALIDATION', `Không có ban mã "${code}".`, [
      `departmentCode: Không có ban mã "${code}".`
    ])
  }
  return row.id
}

function columns(tx: AppDatabase, input: CadreFormValues) {
  return {
    fullName: input.fullName,
    gender: input.gender,
    birthDate: input.birthDate,
    position: input.position,
    departmentId: departmentId(tx, input.departmentCode),
    fullTime: input.fullTime,
    serviceStart: input.serviceStart,
    serviceEnd: input.serviceEnd
  }
}

export function createCadre(ctx: ServiceContext, input: CadreFormValues): Saved<CadreRecord> {
  const label = `Thêm cán bộ ${cadreLabel(input)}`
  return ctx.write(label, (tx, log) => {
    const taken = findCadre(tx, input.code)
    if (taken) {
      throw new AppError('CONFLICT', `Mã cán bộ "${input.code}" đã có: ${taken.fullName}.`, [
        `code: Mã cán bộ "${input.code}" đã có (${taken.fullName}); hãy chọn mã khác.`
      ])
    }
    log.rows.insert(cadres, { code: input.code, ...columns(tx, input) })
    const saved = requireCadre(tx, input.code)
    log.record('cadres', saved.code, 'insert', null, workbookCadre(saved))
    return { value: saved, change: { batchId: log.batchId, label } }
  })
}

export function updateCadre(ctx: ServiceContext, input: CadreFormValues): Saved<CadreRecord> {
  const label = `Sửa cán bộ ${cadreLabel(input)}`
  return ctx.write(label, (tx, log) => {
    const old = requireCadre(tx, input.code)
    log.rows.update(cadres, eq(cadres.id, old.id), columns(tx, input))
    const saved = requireCadre(tx, input.code)
    log.record('cadres', saved.code, 'update', workbookCadre(old), workbookCadre(saved))
    return { value: saved, change: { batchId: log.batchId, label } }
  })
}

/** Ending service is a date, not a deletion: the cadre keeps their history and past years. */
export function endService(
  ctx: ServiceContext,
  input: ApiParsedInput<'cadres.endService'>
): Saved<CadreRecord> {
  const cadre = requireCadre(ctx.db, input.code)
  const label = `Kết thúc công tác: ${cadreLabel(cadre)} từ ${formatDateVi(input.serviceEnd)}`
  return ctx.write(label, (tx, log) => {
    const old = requireCadre(tx, input.code)
    if (old.serviceEnd) {
      throw new AppError(
        'CONFLICT',
        `Cán bộ ${cadreLabel(old)} đã kết thúc công tác ngày ${formatDateVi(old.serviceEnd)}. Muốn đổi ngày, hãy sửa hồ sơ cán bộ.`
      )
    }
    if (old.serviceStart && input.serviceEnd < old.serviceStart) {
      const message = `Ngày kết thúc công tác không được trước ngày bắt đầu công tác (${formatDateVi(old.serviceStart)}).`
      throw new AppError('VALIDATION', message, [`serviceEnd: ${message}`])
    }
    log.rows.update(cadres, eq(cadres.id, old.id), { serviceEnd: input.serviceEnd })
    const saved = requireCadre(tx, input.code)
    log.record('cadres', saved.code, 'update', workbookCadre(old), workbookCadre(saved))
    return { value: saved, change: { batchId: log.batchId, label } }
  })
}
