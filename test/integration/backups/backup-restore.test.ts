/**
 * Backups end to end on real SQLite files: a snapshot restored into a new database holds
 * every table exactly (register and change history included); the session switches to the
 * restored file; bad files are refused and never touched.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RestoreResult, SnapshotInfo } from '../../../shared/api/backups'
import { DEFAULT_MIGRATIONS_FOLDER } from '../../../electron/db/connection'
import { DatabaseSession } from '../../../electron/services/backups/session'
import { enterOrganisation } from '../reports/fixture-db'
import { dumpTables, fixtureWorkbook, rowCount, sha256, tempDir, tickingClock } from './helpers'

async function call<T>(session: DatabaseSession, method: string, input: unknown): Promise<T> {
  const envelope = await session.dispatch(method, input)
  if (!envelope.ok)
    throw new Error(`${method}: ${envelope.error.message} ${envelope.error.details.join('; ')}`)
  return envelope.value as T
}

async function refusal(session: DatabaseSession, method: string, input: unknown) {
  const envelope = await session.dispatch(method, input)
  if (envelope.ok) throw new Error(`${method} should have been refused`)
  return envelope.error
}

let dir: string
let session: DatabaseSession
let file: string

beforeAll(async () => {
  dir = tempDir()
  file = join(dir, 'so-di-co-so.sqlite')
  session = new DatabaseSession({ file, migrationsFolder: DEFAULT_MIGRATIONS_FOLDER, clock: tickingClock() })
  const imported = await call<{ committed: boolean }>(session, 'workbook.commit', {
    fileName: 'office-2025.xlsx',
    contentBase64: readFileSync(fixtureWorkbook).toString('base64')
  })
  expect(imported.committed).toBe(true)
  enterOrganisation(session.ctx!)
  const issued = await call<{ outcome: string }>(session, 'documents.issue', {
    document: 'year-report',
    year: 2025,
    draft: false
  })
  expect(issued.outcome).toBe('numbered')
  const ended = await call<{ change: { batchId: string } }>(session, 'cadres.endService', {
    code: 'A05',
    serviceEnd: '2025-12-31'
  })
  await call(session, 'history.undo', { batchId: ended.change.batchId })
  await call(session, 'cadres.endService', { code: 'A06', serviceEnd: '2025-11-30' })
})

afterAll(() => session.close())

describe('backup → restore', () => {
  it('snapshots before an import (kind "Trước khi nhập") only once there is data', async () => {
    // The import above ran on an empty database: nothing to keep, no snapshot.
    const list = await call<{ snapshots: SnapshotInfo[] }>(session, 'backups.list', {})
    expect(list.snapshots.filter((s) => s.kind === 'import')).toEqual([])
    await call(session, 'workbook.commit', {
      fileName: 'office-2025.xlsx',
      contentBase64: readFileSync(fixtureWorkbook).toString('base64')
    })
    const after = await call<{ snapshots: SnapshotInfo[] }>(session, 'backups.list', {})
    const imports = after.snapshots.filter((s) => s.kind === 'import')
    expect(imports).toHaveLength(1)
    expect(imports[0]?.contents?.cadres).toBe(rowCount(file, 'cadres'))
    expect(imports[0]?.problem).toBeNull()
  })

  it('reproduces every table of the database, row by row, in a new database', async () => {
    const usb = join(dir, 'usb')
    mkdirSync(usb)
    const snapshot = await call<SnapshotInfo>(session, 'backups.create', { folder: usb })
    expect(snapshot.kind).toBe('manual')
    expect(snapshot.file.startsWith(usb)).toBe(true)
    expect(readdirSync(usb).filter((n) => n.endsWith('.tmp'))).toEqual([])

    const original = dumpTables(file)
    expect(original['issued_documents']?.length).toBeGreaterThan(0)
    expect(original['change_log']?.length).toBeGreaterThan(0)
    expect(original['change_rows']?.length).toBeGreaterThan(0)
    expect(original['cadres']?.length).toBeGreaterThan(0)
    expect(snapshot.contents).toMatchObject({
      cadres: original['cadres']?.length,
      trips: original['trips']?.length,
      issuedDocuments: original['issued_documents']?.length,
      changes: original['change_log']?.length
    })

    const otherDir = tempDir()
    const otherFile = join(otherDir, 'so-di-co-so.sqlite')
    const other = new DatabaseSession({
      file: otherFile,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock()
    })
    try {
      const result = await call<RestoreResult>(other, 'backups.restore', { file: snapshot.file })
      // The new database held nothing, so there was nothing to keep first.
      expect(result.safetySnapshot).toBeNull()
      expect(result.restored.contents?.cadres).toBe(original['cadres']?.length)
      const restored = dumpTables(otherFile)
      expect(Object.keys(restored).sort()).toEqual(Object.keys(original).sort())
      for (const table of Object.keys(original)) {
        expect(restored[table], `table ${table}`).toEqual(original[table])
      }
      // The restored session answers from the restored file.
      const register = await call<unknown[]>(other, 'documents.register', {})
      expect(register.length).toBe(original['issued_documents']?.length)
    } finally {
      other.close()
    }
  })

  it('restores an earlier snapshot in place: the current data is kept as "Trước khi khôi phục" first', async () => {
    const before = await call<SnapshotInfo>(session, 'backups.create', {})
    const cadresBefore = rowCount(file, 'cadres')
    const changesBefore = rowCount(file, 'change_log')
    await call(session, 'cadres.endService', { code: 'A07', serviceEnd: '2025-10-31' })
    expect(rowCount(file, 'change_log')).toBeGreaterThan(changesBefore)

    const result = await call<RestoreResult>(session, 'backups.restore', { file: before.file })
    expect(result.safetySnapshot?.kind).toBe('restore')
    expect(result.safetySnapshot?.contents?.changes).toBe(changesBefore + 1)
    // Every later call reaches the restored file.
    expect(rowCount(file, 'change_log')).toBe(changesBefore)
    expect(rowCount(file, 'cadres')).toBe(cadresBefore)
    const cadre = await call<{ serviceEnd: string | null }>(session, 'cadres.get', {
      code: 'A07',
      year: 2025
    })
    expect(cadre.serviceEnd ?? null).toBeNull()
    // And writing still works (the new handle, with the busy timeout and WAL).
    await call(session, 'cadres.endService', { code: 'A07', serviceEnd: '2025-09-30' })
    expect(rowCount(file, 'change_log')).toBe(changesBefore + 1)
    expect(existsSync(`${file}.khoi-phuc.tmp`)).toBe(false)
  })

  it('shows what a picked file holds, and refuses a file that is not a sound Sổ đi cơ sở database', async () => {
    const garbage = join(dir, 'ghi-chu.sqlite')
    writeFileSync(garbage, 'không phải cơ sở dữ liệu'.repeat(100))
    const info = await call<SnapshotInfo>(session, 'backups.inspect', { file: garbage })
    expect(info.contents).toBeNull()
    expect(info.problem).toMatch(/không phải cơ sở dữ liệu của Sổ đi cơ sở/)
    const hash = sha256(file)
    const error = await refusal(session, 'backups.restore', { file: garbage })
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toMatch(/không phải/)
    expect(sha256(file)).toBe(hash)
    const missing = await refusal(session, 'backups.restore', { file: '' })
    expect(missing.code).toBe('VALIDATION')
    expect(missing.details.join('\n')).toMatch(/Thiếu tệp sao lưu/)
    const self = await refusal(session, 'backups.restore', { file })
    expect(self.message).toMatch(/chính là cơ sở dữ liệu đang dùng/)
  })
})
