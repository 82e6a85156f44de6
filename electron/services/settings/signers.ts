/**
 * The people who sign for the office. They are never deleted (issued documents name them),
 * only stopped; at most one is the default, and choosing a new default unsets the old one in
 * the same write, so the documents never see two.
 */
import { and, eq, ne } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import type { Signer } from '../../../shared/api/settings'
import { compareVietnameseNames } from '../../../shared/domain/collation'
import { signingAuthorityLine } from '../../../shared/domain/issuer'
import type { AppDatabase } from '../../db/connection'
import { signers } from '../../db/schema'
import type { ChangeRecorder, ServiceContext } from '../context'
import { readOrganisation } from './organisation'
import { cleanLine, sameName } from './text'

type SignerRow = typeof signers.$inferSelect

export interface SignerInput {
  id?: number | undefined
  fullName: string
  position: string
  authority: string
  isDefault: boolean
}

function levelName(db: AppDatabase): string {
  return readOrganisation(db)?.issuerLevelName ?? 'TỈNH ĐOÀN'
}

function toSigner(row: SignerRow, level: string): Signer {
  return {
    id: row.id,
    fullName: row.fullName,
    position: row.position,
    authority: row.authority,
    authorityLine: signingAuthorityLine(row.authority, level),
    isDefault: row.isDefault,
    active: row.active
  }
}

/** The signer in workbook terms (sheet "Người ký"), for the change log. */
function inWords(row: SignerRow) {
  return {
    fullName: row.fullName,
    position: row.position,
    authority: row.authority,
    isDefault: row.isDefault,
    active: row.active
  }
}

/** Default first, then the active ones, each group in Vietnamese name order. */
export function listSigners(ctx: ServiceContext): Signer[] {
  const level = levelName(ctx.db)
  return ctx.db
    .select()
    .from(signers)
    .all()
    .sort(
      (a, b) =>
        Number(b.isDefault) - Number(a.isDefault) ||
        Number(b.active) - Number(a.active) ||
        compareVietnameseNames(a.fullName, b.fullName) ||
        a.id - b.id
    )
    .map((row) => toSigner(row, level))
}

function readSigner(db: AppDatabase, id: number): SignerRow {
  const row = db.select().from(signers).where(eq(signers.id, id)).get()
  if (!row)
    throw new AppError('NOT_FOUND', `Không tìm thấy người ký (mã nội bộ ${id}); có thể đã được hoàn tác.`)
  return row
}

/** Unsets every other default signer, each change logged and undoable with the rest of the write. */
function unsetOtherDefaults(tx: AppDatabase, log: ChangeRecorder, keepId: number | null): void {
  const others = tx
    .select()
    .from(signers)
    .where(
      keepId === null ? eq(signers.isDefault, true) : and(eq(signers.isDefault, true), ne(signers.id, keepId))
    )
    .all()
  for (const other of others) {
    const [after] = log.rows.update(signers, eq(signers.id, other.id), { isDefault: false })
    log.record('signers', other.fullName, 'update', inWords(other), after ? inWords(after) : null)
  }
}

export function saveSigner(ctx: ServiceContext, input: SignerInput): Saved<Signer> {
  const values = {
    fullName: cleanLine(input.fullName),
    position: cleanLine(input.position),
    authority: cleanLine(input.authority),
    isDefault: input.isDefault
  }
  const old = input.id === undefined ? null : readSigner(ctx.db, input.id)
  const namesake = ctx.db
    .select()
    .from(signers)
    .all()
    .find((s) => s.id !== old?.id && sameName(s.fullName, values.fullName))
  if (namesake) {
    // The workbook's "Người ký" sheet updates signers by name: two with one name could not be told apart.
    throw new AppError('VALIDATION', `Đã có người ký tên "${namesake.fullName}".`, [
      `fullName: Đã có người ký tên "${namesake.fullName}"${namesake.active ? '' : ' (đã ngừng ký; hãy cho ký lại thay vì thêm mới)'}.`
    ])
  }
  if (old && !old.active && values.isDefault) {
    throw new AppError('VALIDATION', `${old.fullName} đã ngừng ký nên không thể là người ký mặc định.`, [
      'isDefault: Người đã ngừng ký không thể là người ký mặc định; hãy cho ký lại trước.'
    ])
  }

  const who = `${values.fullName} (${values.position.toLocaleUpperCase('vi')})`
  const label = old
    ? `Sửa người ký: ${who}${values.isDefault && !old.isDefault ? ', đặt làm người ký mặc định' : ''}`
    : `Thêm người ký: ${who}${values.isDefault ? ', người ký mặc định' : ''}`
  return ctx.write(label, (tx, log) => {
    if (values.isDefault) unsetOtherDefaults(tx, log, old?.id ?? null)
    let row: SignerRow
    if (old) {
      const [updated] = log.rows.update(signers, eq(signers.id, old.id), values)
      row = updated ?? readSigner(tx, old.id)
      log.record('signers', old.fullName, 'update', inWords(old), inWords(row))
    } else {
      row = log.rows.insert(signers, { ...values, active: true })
      log.record('signers', row.fullName, 'insert', null, inWords(row))
    }
    return { value: toSigner(row, levelName(tx)), change: { batchId: log.batchId, label } }
  })
}

/** Stops (or resumes) a signer; a stopped signer is no longer the default. */
export function setSignerActive(ctx: ServiceContext, id: number, active: boolean): Saved<Signer> {
  const old = readSigner(ctx.db, id)
  if (old.active === active) {
    throw new AppError(
      'CONFLICT',
      active
        ? `${old.fullName} đang là người ký, không cần cho ký lại.`
        : `${old.fullName} đã ngừng ký trước đó.`
    )
  }
  const label = active
    ? `Cho ký lại: ${old.fullName}`
    : `Ngừng ký: ${old.fullName}${old.isDefault ? ' (bỏ người ký mặc định)' : ''}`
  return ctx.write(label, (tx, log) => {
    const [row] = log.rows.update(
      signers,
      eq(signers.id, id),
      active ? { active } : { active, isDefault: false }
    )
    const after = row ?? readSigner(tx, id)
    log.record('signers', old.fullName, 'update', inWords(old), inWords(after))
    return { value: toSigner(after, levelName(tx)), change: { batchId: log.batchId, label } }
  })
}
