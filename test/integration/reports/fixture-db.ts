/**
 * A real SQLite file with the 2025 fixture imported through the workbook service, and a
 * service context whose clock is fixed (documents print the signing day).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'
import { organisation, signers } from '../../../electron/db/schema'
import { createServiceContext, type ServiceContext } from '../../../electron/services/context'
import { importWorkbook } from '../../../electron/services/workbook'

export const root = resolve(__dirname, '../../..')
export const fixtureDir = join(root, 'test/fixtures')

export interface ExpectedTotals {
  cadres: number
  subject: number
  exempt: number
  completed: number
  totalDays: number
  averageDays: number
  daysByKind: Record<string, number>
}
export interface ExpectedCadre {
  code: string
  name: string
  status: string
  target: number | null
  days: number
  daysByKind: Record<string, number>
  reason: string | null
}
export const expected = JSON.parse(readFileSync(join(fixtureDir, 'office-2025.expected.json'), 'utf8')) as {
  yearEnd: { totals: ExpectedTotals; cadres: ExpectedCadre[] }
  midYear: { totals: ExpectedTotals; cadres: ExpectedCadre[] }
}

export interface FixtureDb {
  handle: DatabaseHandle
  dir: string
  /** A context whose "today" is the given day. */
  at(today: string): ServiceContext
  close(): void
}

export async function openFixtureDb(): Promise<FixtureDb> {
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-reports-'))
  const handle = openDatabase(join(dir, 'office.sqlite'))
  const at = (today: string) =>
    createServiceContext(handle, { today: () => today, now: () => `${today}T08:00:00.000Z` })
  const result = await importWorkbook(
    at('2026-01-05'),
    readFileSync(join(fixtureDir, 'office-2025.xlsx')),
    'office-2025.xlsx'
  )
  if (!result.committed) throw new Error(`fixture import refused: ${JSON.stringify(result).slice(0, 500)}`)
  return {
    handle,
    dir,
    at,
    close() {
      handle.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** The office details the tests use for numbered documents (the fixture is Tỉnh đoàn Cà Mau). */
export function enterOrganisation(ctx: ServiceContext): void {
  ctx.write('Thông tin đơn vị (kiểm thử)', (tx, log) => {
    const org = {
      id: 1,
      issuerName: 'BCH ĐOÀN TỈNH CÀ MAU',
      placeName: 'Cà Mau',
      issuerAbbreviation: 'TĐTN',
      issuerLevelName: 'TỈNH ĐOÀN',
      congressTerm: '2022–2027',
      updatedAt: ctx.clock.now()
    }
    tx.insert(organisation).values(org).run()
    log.record('organisation', '1', 'insert', null, org)
    const signer = {
      fullName: 'Nguyễn Hồng Thắm',
      position: 'PHÓ BÍ THƯ',
      authority: 'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN',
      isDefault: true,
      active: true
    }
    tx.insert(signers).values(signer).run()
    log.record('signer', signer.fullName, 'insert', null, signer)
  })
}
