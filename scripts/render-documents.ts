/**
 * Builds the sample documents from the 2025 fixture: imports test/fixtures/office-2025.xlsx
 * into a fresh database, enters the fixture office's details (Tỉnh đoàn Cà Mau) and exports
 * every document kind as .docx into the given folder: the year report, a mid-year progress
 * report, the Q4 plan, a cadre's Q4 registration form, the Q4 registration summaries of one
 * ban and of the office, a trip report, a leader's trip report and a chi đoàn report. Then
 * the demo office (Tỉnh đoàn Lâm Đồng, its organisation and signers from its workbook) as of
 * 15/10/2025: the year report so far (with its chart appendix), the progress report and the Q4 plan.
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
import { buildDemoWorkbook } from '../electron/services/demo'
import { seedDemoSettings } from '../electron/services/settings/demo'
import { importWorkbook, importWorkbookData } from '../electron/services/workbook'

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
    // The quarterly documents as made at the start of December; each trip report a few days
    // after its trip (TR002: thematic, 12–14/03; TR003: a chi đoàn meeting on the afternoon of 20/08).
    const on = (day: string) =>
      createServiceContext(handle, { today: () => day, now: () => `${day}T08:00:00.000Z` })
    const more: Array<[string, string, Parameters<typeof exportDocument>[1]]> = [
      [
        '2025-12-01',
        'ke-hoach-quy-4-2025.docx',
        { document: 'quarter-plan', year: 2025, quarter: 4, departmentAbbreviation: 'TCKT' }
      ],
      [
        '2025-12-01',
        'phieu-dang-ky-quy-4-2025-A03.docx',
        { document: 'registration-form', year: 2025, quarter: 4, cadreCode: 'A03' }
      ],
      [
        '2025-12-01',
        'tong-hop-dang-ky-quy-4-2025-TCKT.docx',
        { document: 'registration-summary', year: 2025, quarter: 4, departmentCode: 'TCKT' }
      ],
      [
        '2025-12-01',
        'tong-hop-dang-ky-quy-4-2025.docx',
        { document: 'registration-summary', year: 2025, quarter: 4 }
      ],
      [
        '2025-03-20',
        'bao-cao-chuyen-di-TR002.docx',
        { document: 'trip-report', year: 2025, tripCode: 'TR002' }
      ],
      [
        '2025-09-15',
        'bao-cao-chuyen-di-TR004-lanh-dao.docx',
        { document: 'trip-report', year: 2025, tripCode: 'TR004', cadreCode: 'A01' }
      ],
      [
        '2025-08-25',
        'bao-cao-du-sinh-hoat-chi-doan-TR003.docx',
        { document: 'chi-doan-report', year: 2025, tripCode: 'TR003' }
      ]
    ]
    for (const [day, file, options] of more) {
      const out = await exportDocument(on(day), options)
      writeFileSync(join(outDir, file), out.buffer)
      process.stdout.write(`${out.fileName}\n`)
    }
  } finally {
    handle.close()
    rmSync(dir, { recursive: true, force: true })
  }
  await renderDemo(outDir)
}

/** The demo office of the app (npm run cli -- demo) in mid-October 2025. */
async function renderDemo(outDir: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-render-demo-'))
  const handle = openDatabase(join(dir, 'demo.sqlite'))
  const today = '2025-10-15'
  const ctx = createServiceContext(handle, { today: () => today, now: () => `${today}T08:00:00.000Z` })
  try {
    const imported = importWorkbookData(ctx, buildDemoWorkbook({ year: 2025, today }), 'Dữ liệu mẫu')
    if (!imported.committed) throw new Error('Không nhập được văn phòng mẫu')
    seedDemoSettings(ctx, 2025)
    const docs: Array<[string, Parameters<typeof exportDocument>[1]]> = [
      [
        'mau-bao-cao-nam-2025.docx',
        { document: 'year-report', year: 2025, departmentAbbreviation: 'XDĐ', withChart: true }
      ],
      [
        'mau-bao-cao-tien-do-2025-10-15.docx',
        { document: 'progress-report', year: 2025, departmentAbbreviation: 'XDĐ' }
      ],
      [
        'mau-ke-hoach-quy-4-2025.docx',
        { document: 'quarter-plan', year: 2025, quarter: 4, departmentAbbreviation: 'XDĐ' }
      ]
    ]
    for (const [file, options] of docs) {
      const out = await exportDocument(ctx, options)
      writeFileSync(join(outDir, file), out.buffer)
      process.stdout.write(`${out.fileName}\n`)
    }
  } finally {
    handle.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main(resolve(process.argv[2] ?? join(root, 'out/documents'))).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
