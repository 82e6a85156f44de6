/**
 * One import (or exceljs reading the same file) in a fresh process, for the suite's peak
 * memory figure: prints the peak resident memory above what the loaded modules take.
 *   tsx scripts/bench/import-memory.ts app|exceljs <file.xlsx> <folder>
 */
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { openDatabase } from '../../electron/db/connection'
import { createServiceContext } from '../../electron/services/context'
import { importWorkbook } from '../../electron/services/workbook'

async function main(): Promise<void> {
  const [mode, file, folder] = process.argv.slice(2)
  if (!file || !folder || (mode !== 'app' && mode !== 'exceljs'))
    throw new Error('usage: app|exceljs <file.xlsx> <folder>')
  const buffer = readFileSync(file)
  const dbFile = join(folder, `memory-${process.pid}.sqlite`)
  // Both modes open a database first, so the baseline holds the same modules and connection.
  const handle = openDatabase(dbFile)
  const baseline = process.memoryUsage().rss
  try {
    if (mode === 'app') {
      const ctx = createServiceContext(handle, {
        today: () => '2026-11-20',
        now: () => '2026-11-20T08:00:00.000Z'
      })
      const result = await importWorkbook(ctx, buffer, 'import.xlsx')
      if (!result.committed) throw new Error('import refused')
    } else {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
    }
    // maxRSS is in kilobytes.
    const peak = process.resourceUsage().maxRSS * 1024
    console.log(`peak ${Math.max(0, peak - baseline)}`)
  } finally {
    handle.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
