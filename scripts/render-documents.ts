/**
 * Builds the sample documents from the 2025 fixture: imports test/fixtures/office-2025.xlsx
 * into a fresh database, enters the fixture office's details (Tỉnh đoàn Cà Mau) and exports
 * the year report and a mid-year progress report as .docx into the given folder.
 *   npx tsx scripts/render-documents.ts <out-dir>
 * scripts/render-documents.sh turns them into the PNG pages of docs/documents/.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase } from '../electron/db/connection'
import { organisation, signers } from '../electron/db/schema'
import { exportDocument } from '../electron/reports/export'
import { createServiceContext, type Clock } from '../electron/services/context'
import { importWorkbook } from '../electron/services/workbook'

const root = resolve(__dirname, '..')

async function main(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-render-'))
  const handle = openDatabase(join(dir, 'office.sqlite'))
  // Fixed signing days, so the pages in docs/ do not change with the day they are rebuilt:
  // the year report early in January, the progress report for the first giao ban of July.
  const clock: Clock = { today: () => '2026-01-05', now: () => '2026-01-05T08:00:00.000Z' }
  const ctx = createServiceContext(handle, clock)
  const julyCtx = createServiceContext(handle, {
    today: () => '2025-07-02',
    now: () => '2025-07-02T08:00:00.000Z'
  })
  try {
    const result = await importWorkbook(
      ctx,
      readFileSync(join(root, 'test/fixtures/office-2025.xlsx')),
      'office-2025.xlsx'
    )
    if (!result.committed) throw new Error(`Không nhập được tệp mẫu: ${JSON.stringify(result).slice(0, 500)}`)
    ctx.write('Thông tin đơn vị mẫu', (tx, log) => {
      const org = {
        id: 1,
        issuerName: 'BCH ĐOÀN TỈNH CÀ MAU',
        placeName: 'Cà Mau',
        issuerAbbreviation: 'TĐTN',
        issuerLevelName: 'TỈNH ĐOÀN',
        congressTerm: '2022–2027',
        updatedAt: clock.now()
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
    const year = await exportDocument(ctx, {
      document: 'year-report',
      year: 2025,
      departmentAbbreviation: 'TCKT'
    })
    writeFileSync(join(outDir, 'bao-cao-nam-2025.docx'), year.buffer)
    const progress = await exportDocument(julyCtx, {
      document: 'progress-report',
      year: 2025,
      asOf: '2025-06-30',
      departmentAbbreviation: 'TCKT',
      draft: true
    })
    writeFileSync(join(outDir, 'bao-cao-tien-do-2025-06-30.docx'), progress.buffer)
    process.stdout.write(`${year.fileName}\n${progress.fileName}\n`)
  } finally {
    handle.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main(resolve(process.argv[2] ?? join(root, 'out/documents'))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
