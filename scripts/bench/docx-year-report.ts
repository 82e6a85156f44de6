/**
 * Benchmark: how long the year report takes to build and pack for a large office (default
 * 2,000 cadres, 30 trips each), against the docx library writing a plain table of the same
 * rows and columns (every cell of the report's data tables, one paragraph each, nothing
 * styled). Prints both times (median of the runs), their ratio and the size of each
 * document.xml. The data is loaded before timing: only building the docx objects and packing
 * the .docx are measured, for both.
 *   npx tsx scripts/bench/docx-year-report.ts [--cadres 2000] [--trips 60000] [--runs 5]
 *   npm run bench:docx
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import JSZip from 'jszip'
import { renderDocx } from '../../electron/reports/blocks'
import { buildYearReport, type YearReportInput } from '../../electron/reports/documents/year-report'
import { loadIssuer, loadYearReportData } from '../../electron/reports/load'
import { LARGE_OFFICE, openLargeOffice } from '../../test/integration/reports/large-office'

const { values } = parseArgs({
  options: {
    cadres: { type: 'string', default: '2000' },
    trips: { type: 'string', default: '' },
    runs: { type: 'string', default: '5' }
  }
})
const cadreCount = Number(values.cadres)
const tripCount = values.trips ? Number(values.trips) : cadreCount * 30
const runs = Math.max(1, Number(values.runs))

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

async function documentXml(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer)
  const file = zip.file('word/document.xml')
  if (!file) throw new Error('no word/document.xml')
  return file.async('string')
}

/** The cell texts of every data table of the report (the tables with more than two columns), row by row. */
function dataTables(xml: string): string[][][] {
  const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []
  return tables
    .map((tbl) =>
      (tbl.match(/<w:tr[\s>][\s\S]*?<\/w:tr>/g) ?? []).map((tr) =>
        (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) =>
          (tc.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(' ')
        )
      )
    )
    .filter((rows) => (rows[0]?.length ?? 0) > 2)
}

/** The docx library's plain table: the same rows and columns, default everything. */
function plainTables(tables: string[][][]): Document {
  const columns = (rows: string[][]) => Math.max(...rows.map((r) => r.length))
  return new Document({
    sections: [
      {
        children: tables.map(
          (rows) =>
            new Table({
              rows: rows.map((cells) => {
                const padded = [...cells, ...Array<string>(columns(rows) - cells.length).fill('')]
                return new TableRow({
                  children: padded.map((text) => new TableCell({ children: [new Paragraph(text)] }))
                })
              })
            })
        )
      }
    ]
  })
}

async function timed(build: () => Document): Promise<{ ms: number; buffer: Buffer }> {
  const start = performance.now()
  const buffer = await Packer.toBuffer(build())
  return { ms: performance.now() - start, buffer }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-bench-docx-'))
  try {
    let t = performance.now()
    const office = openLargeOffice(join(dir, 'office.sqlite'), { cadres: cadreCount, trips: tripCount })
    const ctx = office.at(LARGE_OFFICE.today)
    const seeded = performance.now() - t
    t = performance.now()
    const { issuer, signer } = loadIssuer(ctx)
    const input: YearReportInput = {
      ...loadYearReportData(ctx, LARGE_OFFICE.year, `${LARGE_OFFICE.year}-12-31`),
      meta: {
        issuer,
        signer,
        departmentAbbreviation: 'VP',
        number: 12,
        date: `${LARGE_OFFICE.year + 1}-01-05`,
        draftYear: LARGE_OFFICE.year + 1,
        texts: {},
        markDefaults: false
      }
    }
    const loaded = performance.now() - t
    office.handle.close()

    // Warm both paths once (module loading, JIT), then alternate the runs.
    const report = await renderDocx(buildYearReport(input))
    const reportXml = await documentXml(report)
    const tables = dataTables(reportXml)
    const baseline = await Packer.toBuffer(plainTables(tables))
    const baselineXml = await documentXml(baseline)
    const reportTimes: number[] = []
    const baselineTimes: number[] = []
    for (let i = 0; i < runs; i += 1) {
      reportTimes.push((await timed(() => buildYearReport(input))).ms)
      baselineTimes.push((await timed(() => plainTables(tables))).ms)
    }
    const rows = tables.reduce((sum, rs) => sum + rs.length, 0)
    const cells = tables.reduce((sum, rs) => sum + rs.reduce((n, r) => n + r.length, 0), 0)
    const mb = (n: number) => (n / 1e6).toFixed(1)
    const r = median(reportTimes)
    const b = median(baselineTimes)
    console.log(
      `office: ${input.summary.cadres.length} cadres, ${tripCount} trips (seeded in ${(seeded / 1000).toFixed(1)} s, loaded in ${(loaded / 1000).toFixed(1)} s)`
    )
    console.log(`data tables: ${tables.length}, ${rows} rows, ${cells} cells`)
    console.log(
      `year report, build + pack: median ${r.toFixed(0)} ms of ${runs} (${reportTimes.map((x) => x.toFixed(0)).join(', ')}); document.xml ${mb(reportXml.length)} MB, .docx ${mb(report.length)} MB`
    )
    console.log(
      `plain docx table, same rows and columns: median ${b.toFixed(0)} ms (${baselineTimes.map((x) => x.toFixed(0)).join(', ')}); document.xml ${mb(baselineXml.length)} MB, .docx ${mb(baseline.length)} MB`
    )
    console.log(`ratio: ${(r / b).toFixed(2)}× (target ≤ 1.5×)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
