/**
 * The departments (ban) of the office. Their abbreviation ends every document symbol
 * (01-KH/TĐTN-XDĐ), so two bans whose abbreviations read the same once case and diacritics
 * are ignored ("XDĐ" and "XDD") are refused, as are characters that would split a symbol.
 * A ban that cadres belong to is not deleted.
 */
import { count, eq } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import type { Department } from '../../../shared/api/settings'
import { abbreviationKey } from '../../../shared/domain/issuer'
import { foldForSearch } from '../../../shared/domain/search'
import type { AppDatabase } from '../../db/connection'
import { cadres, departments } from '../../db/schema'
import type { ServiceContext } from '../context'
import { cleanLine, upperAbbreviation } from './text'

type DepartmentRow = typeof departments.$inferSelect

export interface DepartmentInput {
  id?: number | undefined
  code: string
  name: string
  abbreviation: string
}

function cadreCounts(db: AppDatabase): Map<number, number> {
  const rows = db
    .select({ departmentId: cadres.departmentId, n: count() })
    .from(cadres)
    .groupBy(cadres.departmentId)
    .all()
  return new Map(rows.map((r) => [r.departmentId, r.n]))
}

/** In the office's own order (the order they were entered, Văn phòng usually first), as documents list them. */
export function listDepartmentOverview(ctx: ServiceContext): Department[] {
  const counts = cadreCounts(ctx.db)
  return ctx.db
    .select()
    .from(departments)
    .orderBy(departments.id)
    .all()
    .map((d) => ({ ...d, cadreCount: counts.get(d.id) ?? 0 }))
}

/** The department in workbook terms (sheet "Ban"), for the change log. */
function inWords(row: Pick<DepartmentRow, 'code' | 'name' | 'abbreviation'>) {
  return { code: row.code, name: row.name, abbreviation: row.abbreviation }
}

function readDepartment(db: AppDatabase, id: number): DepartmentRow {
  const row = db.select().from(departments).where(eq(departments.id, id)).get()
  if (!row)
    throw new AppError('NOT_FOUND', `Không tìm thấy ban (mã nội bộ ${id}); có thể đã bị xóa hoặc hoàn tác.`)
  return row
}

/** Every clash with another ban, as "field: message" lines the form puts under its fields. */
function clashes(
  others: DepartmentRow[],
  value: Pick<DepartmentRow, 'code' | 'name' | 'abbreviation'>
): string[] {
  const lines: string[] = []
  const sameCode = others.find((d) => d.code.toLocaleLowerCase('vi') === value.code.toLocaleLowerCase('vi'))
  if (sameCode) lines.push(`code: Mã ban "${sameCode.code}" đã dùng cho ${sameCode.name}.`)
  const sameName = others.find((d) => foldForSearch(d.name) === foldForSearch(value.name))
  if (sameName) lines.push(`name: Đã có ban tên "${sameName.name}" (mã ${sameName.code}).`)
  const sameAbbreviation = others.find(
    (d) => abbreviationKey(d.abbreviation) === abbreviationKey(value.abbreviation)
  )
  if (sameAbbreviation) {
    const identical = sameAbbreviation.abbreviation === value.abbreviation
    lines.push(
      identical
        ? `abbreviation: Viết tắt "${value.abbreviation}" đã dùng cho ${sameAbbreviation.name}: ` +
            'ký hiệu văn bản của hai ban sẽ trùng nhau.'
        : `abbreviation: Viết tắt "${value.abbreviation}" đọc giống "${sameAbbreviation.abbreviation}" của ` +
            `${sameAbbreviation.name} (không phân biệt chữ hoa, chữ thường và dấu): ký hiệu văn bản của hai ban ` +
            'sẽ không phân biệt được.'
    )
  }
  return lines
}

export function saveDepartment(ctx: ServiceContext, input: DepartmentInput): Saved<Department> {
  const value = {
    code: cleanLine(input.code),
    name: cleanLine(input.name),
    abbreviation: upperAbbreviation(input.abbreviation)
  }
  const old = input.id === undefined ? null : readDepartment(ctx.db, input.id)
  const others = ctx.db
    .select()
    .from(departments)
    .all()
    .filter((d) => d.id !== old?.id)
  const problems = clashes(others, value)
  if (problems.length > 0) {
    const where = old ? `Không sửa được ${old.name}` : `Không thêm được ${value.name}`
    throw new AppError('VALIDATION', `${where}: trùng với một ban đã có.`, problems)
  }
  const label = old
    ? `Sửa ban: ${value.code} ${value.name} (viết tắt ${value.abbreviation})`
    : `Thêm ban: ${value.code} ${value.name} (viết tắt ${value.abbreviation})`
  return ctx.write(label, (tx, log) => {
    let row: DepartmentRow
    if (old) {
      const [updated] = log.rows.update(departments, eq(departments.id, old.id), value)
      row = updated ?? readDepartment(tx, old.id)
      log.record('departments', old.code, 'update', inWords(old), inWords(row))
    } else {
      row = log.rows.insert(departments, value)
      log.record('departments', row.code, 'insert', null, inWords(row))
    }
    return {
      value: { ...row, cadreCount: cadreCounts(tx).get(row.id) ?? 0 },
      change: { batchId: log.batchId, label }
    }
  })
}

export function deleteDepartment(ctx: ServiceContext, id: number): Saved<null> {
  const old = readDepartment(ctx.db, id)
  const used = cadreCounts(ctx.db).get(id) ?? 0
  if (used > 0) {
    throw new AppError(
      'CONFLICT',
      `Không xóa được ${old.name} (${old.abbreviation}): ${used} cán bộ đang thuộc ban này. ` +
        'Hãy chuyển các cán bộ đó sang ban khác trước khi xóa.'
    )
  }
  const label = `Xóa ban: ${old.code} ${old.name}`
  return ctx.write(label, (_tx, log) => {
    log.rows.delete(departments, eq(departments.id, id))
    log.record('departments', old.code, 'delete', inWords(old), null)
    return { value: null, change: { batchId: log.batchId, label } }
  })
}
