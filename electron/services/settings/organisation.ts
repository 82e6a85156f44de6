/**
 * The organisation that issues documents: one row (id = 1). Its name prints as the header's
 * issuer (a "\n" is the clerk's line break), its place in the date line, its abbreviation
 * and congress term in document numbers (one sequence per type per term).
 */
import { eq } from 'drizzle-orm'
import type { Saved } from '../../../shared/api/history'
import type { Organisation } from '../../../shared/api/settings'
import { congressTermYears, ISSUER_LEVELS, type IssuerLevel } from '../../../shared/domain/issuer'
import type { AppDatabase } from '../../db/connection'
import { organisation } from '../../db/schema'
import type { ServiceContext } from '../context'
import { cleanLine, cleanLines, upperAbbreviation } from './text'

const ORGANISATION_ID = 1

/** A level stored by hand or by an older import ("Tỉnh đoàn") still reads as one of the two. */
function levelOf(stored: string): IssuerLevel {
  const upper = cleanLine(stored).toLocaleUpperCase('vi')
  return (ISSUER_LEVELS as readonly string[]).includes(upper) ? (upper as IssuerLevel) : 'TỈNH ĐOÀN'
}

export function readOrganisation(db: AppDatabase): Organisation | null {
  const row = db.select().from(organisation).where(eq(organisation.id, ORGANISATION_ID)).get()
  if (!row) return null
  return {
    issuerName: row.issuerName,
    placeName: row.placeName,
    issuerAbbreviation: row.issuerAbbreviation,
    issuerLevelName: levelOf(row.issuerLevelName),
    congressTerm: row.congressTerm,
    congressTermStart: row.congressTermStart
  }
}

export function getOrganisation(ctx: ServiceContext): Organisation | null {
  return readOrganisation(ctx.db)
}

/**
 * The term as stored: when the clerk retypes the same years in another form ("2022-2027" for
 * "2022 – 2027"), the stored text stays, because numbering runs per term text and a new text
 * would restart every sequence at 01.
 */
function termToStore(typed: string, stored: string | undefined): string {
  const cleaned = cleanLine(typed)
  if (stored === undefined) return cleaned
  const a = congressTermYears(cleaned)
  const b = congressTermYears(stored)
  return a && b && a[0] === b[0] && a[1] === b[1] ? stored : cleaned
}

export function saveOrganisation(ctx: ServiceContext, input: Organisation): Saved<Organisation> {
  const old = readOrganisation(ctx.db)
  const value: Organisation = {
    issuerName: cleanLines(input.issuerName),
    placeName: cleanLine(input.placeName),
    issuerAbbreviation: upperAbbreviation(input.issuerAbbreviation),
    issuerLevelName: input.issuerLevelName,
    congressTerm: termToStore(input.congressTerm, old?.congressTerm),
    congressTermStart: input.congressTermStart
  }
  const name = value.issuerName.replace(/\n/g, ' ')
  const label = old ? `Sửa thông tin cơ quan ban hành: ${name}` : `Khai báo cơ quan ban hành: ${name}`
  return ctx.write(label, (_tx, log) => {
    const row = { ...value, updatedAt: ctx.clock.now() }
    if (old) log.rows.update(organisation, eq(organisation.id, ORGANISATION_ID), row)
    else log.rows.insert(organisation, { id: ORGANISATION_ID, ...row })
    log.record('organisation', String(ORGANISATION_ID), old ? 'update' : 'insert', old, value)
    return { value, change: { batchId: log.batchId, label } }
  })
}
