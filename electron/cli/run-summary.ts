/** The summary command's work, once commands.ts has checked its options. Loaded on demand. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { exportYearTable } from '../services/dashboard/year-table-xlsx'
import { loadYearSummaryView } from '../services/summary'
import { summaryToJson } from '../services/summary-json'
import { withContext } from './context'
import { printSummaryTable } from './print'

export async function runSummary(options: {
  dbFile: string
  year: number
  asOf: string | undefined
  json: boolean
  /** The Tổng hợp năm workbook to write instead of printing (already resolved). */
  xlsx: string | undefined
}): Promise<number> {
  const { dbFile, year, asOf } = options
  if (options.xlsx !== undefined) {
    const out = options.xlsx
    const file = await withContext(dbFile, true, (ctx) => exportYearTable(ctx, year, asOf))
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, Buffer.from(file.contentBase64, 'base64'))
    process.stdout.write(`Đã xuất: ${out}\n`)
    return 0
  }
  const view = await withContext(dbFile, true, (ctx) => loadYearSummaryView(ctx, year, asOf))
  if (options.json) process.stdout.write(`${JSON.stringify(summaryToJson(view), null, 2)}\n`)
  else printSummaryTable(view)
  return 0
}
