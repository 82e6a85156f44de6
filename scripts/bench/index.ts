/**
 * The benchmark suite (issue 12): `npm run bench [-- --only summary,province,scale,import,cli,docx,trips]`.
 *
 * Builds realistic, seeded datasets (scripts/bench/dataset.ts) in one temporary folder that is
 * removed at the end, also after a failure or Ctrl+C, and prints for every figure the app's
 * median, its reference's median measured interleaved in the same process, and the ratio:
 *   - the national year summary (34 provinces × 60 cadres, 5 years, ≈ 400,000 participations)
 *     vs the bare SQLite aggregate of the same rows (trips of the window × participants,
 *     grouped by cadre and kind, over the same index range);
 *   - one province-year (60 cadres) vs the same aggregate;
 *   - the summary at 500, 1,000, 2,000 and 4,000 cadres, and the slope;
 *   - the import of a 10,000-trip workbook vs exceljs reading the same file (and peak memory,
 *     each in a fresh process);
 *   - the CLI's `help` vs `node -e 0`, as `npm run cli` runs it (the bundle) and from the sources (tsx);
 *   - the year report vs the docx library packing a plain table of the same size
 *     (scripts/bench/docx-year-report.ts);
 *   - the trip list's first rows in Chromium (scripts/bench/trips-list.ts, needs a build in
 *     out-speed: `npx electron-vite build --outDir $PWD/out-speed`).
 * It asserts nothing: the figures are for people (docs/DECISIONS.md quotes them).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { openDatabase, type DatabaseHandle } from '../../electron/db/connection'
import { createServiceContext, type ServiceContext } from '../../electron/services/context'
import { loadYearSummaryView } from '../../electron/services/summary'
import { exportWorkbook, importWorkbook } from '../../electron/services/workbook'
import { addDays } from '../../shared/domain/dates'
import { createServiceContext as referenceContext } from '../../test/integration/speed/reference/context'
import { loadYearSummaryView as referenceSummaryView } from '../../test/integration/speed/reference/summary'
import { NATIONAL, scaledDataset, seedDataset, type DatasetOptions } from './dataset'
import { interleaved, linearFit, median, ms, Table } from './measure'

const SECTIONS = ['summary', 'province', 'scale', 'import', 'cli', 'docx', 'trips'] as const
const { values } = parseArgs({
  options: {
    only: { type: 'string', default: SECTIONS.join(',') },
    runs: { type: 'string', default: '7' },
    out: { type: 'string', default: 'out-speed' },
    port: { type: 'string', default: '4326' }
  }
})
const only = new Set(values.only.split(','))
const RUNS = Math.max(1, Number(values.runs))
const root = resolve(__dirname, '../..')
const tsxCli = join(root, 'node_modules/tsx/dist/cli.mjs')
const YEAR = NATIONAL.lastYear

const folder = mkdtempSync(join(tmpdir(), 'sdcs-bench-'))
let cleaned = false
function cleanUp(): void {
  if (cleaned) return
  cleaned = true
  rmSync(folder, { recursive: true, force: true })
}
process.on('exit', cleanUp)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp()
    process.exit(130)
  })
}

let fileNumber = 0
function freshDatabase(): { handle: DatabaseHandle; file: string } {
  const file = join(folder, `db-${++fileNumber}.sqlite`)
  return { handle: openDatabase(file), file }
}
function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

function contextOf(handle: DatabaseHandle, today = NATIONAL.today): ServiceContext {
  return createServiceContext(handle, { today: () => today, now: () => `${today}T08:00:00.000Z` })
}

function seeded(options: DatasetOptions): {
  handle: DatabaseHandle
  file: string
  participations: number
  seconds: number
} {
  const db = freshDatabase()
  const t = performance.now()
  const counts = seedDataset(db.handle.sqlite, options)
  db.handle.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  db.handle.sqlite.pragma('optimize')
  return { ...db, participations: counts.participations, seconds: (performance.now() - t) / 1000 }
}

/**
 * The reference of the summary: SQLite alone reducing the same rows (every trip touching the
 * window × its participants, grouped by cadre and kind), reading the same index range as the
 * app (the window bounded below by the longest trip), with no rules applied.
 */
function bareAggregate(sqlite: Database.Database): (year: number) => unknown[] {
  const longest = sqlite.prepare('SELECT max(julianday(end_date) - julianday(start_date)) FROM trips').pluck()
  const aggregate = sqlite
    .prepare(
      `SELECT p.cadre_id, t.kind, count(*), min(t.start_date), max(t.end_date)
       FROM trips t CROSS JOIN trip_participants p ON p.trip_id = t.id
       WHERE t.start_date <= @end AND t.start_date >= @from AND t.end_date >= @start
       GROUP BY p.cadre_id, t.kind`
    )
    .raw()
  return (year) => {
    const start = `${year}-01-01`
    const span = (longest.get() as number | null) ?? 0
    return aggregate.all({ start, end: `${year}-12-31`, from: addDays(start, -Math.ceil(span)) })
  }
}

const table = new Table(['what', 'app', 'reference', 'ratio', 'goal'])

async function summaryFigures(): Promise<void> {
  if (only.has('summary')) {
    const db = seeded(NATIONAL)
    console.log(
      `national dataset: ${NATIONAL.provinces * NATIONAL.cadresPerProvince} cadres, ${db.participations} participations, seeded in ${db.seconds.toFixed(1)} s`
    )
    const ctx = contextOf(db.handle)
    const reference = bareAggregate(db.handle.sqlite)
    const pair = await interleaved(
      () => loadYearSummaryView(ctx, YEAR),
      () => reference(YEAR),
      RUNS
    )
    table.add(
      `year summary ${YEAR}, national (${NATIONAL.provinces * NATIONAL.cadresPerProvince} cadres, 5 years)`,
      ms(pair.app),
      `bare aggregate: ${ms(pair.reference)}`,
      `${pair.ratio.toFixed(2)}×`,
      '≤ 2×'
    )
    // Before and after: the loader and rules as they were before issue 12, frozen for the equality test.
    const before = await interleaved(
      () => loadYearSummaryView(ctx, YEAR),
      () => referenceSummaryView(ctx, YEAR),
      Math.max(3, RUNS - 2)
    )
    table.add(
      `year summary ${YEAR}, national: now vs before issue 12`,
      ms(before.app),
      `before: ${ms(before.reference)}`,
      `${before.ratio.toFixed(2)}×`,
      '—'
    )
    db.handle.close()
    removeDatabase(db.file)
  }
  if (only.has('province')) {
    const db = seeded({ ...NATIONAL, provinces: 1, trips: Math.round(NATIONAL.trips / NATIONAL.provinces) })
    const ctx = contextOf(db.handle)
    const reference = bareAggregate(db.handle.sqlite)
    const pair = await interleaved(
      () => loadYearSummaryView(ctx, YEAR - 1),
      () => reference(YEAR - 1),
      RUNS * 3,
      3
    )
    table.add(
      `one province-year (60 cadres, 5 years of trips)`,
      ms(pair.app),
      `bare aggregate: ${ms(pair.reference)}`,
      `${pair.ratio.toFixed(2)}×`,
      '≤ 10 ms'
    )
    db.handle.close()
    removeDatabase(db.file)
  }
  if (only.has('scale')) {
    const points: { x: number; y: number }[] = []
    for (const cadres of [500, 1000, 2000, 4000]) {
      const db = seeded(scaledDataset(cadres))
      const ctx = contextOf(db.handle)
      const reference = bareAggregate(db.handle.sqlite)
      const pair = await interleaved(
        () => loadYearSummaryView(ctx, YEAR),
        () => reference(YEAR),
        Math.max(3, RUNS - 2)
      )
      points.push({ x: cadres, y: pair.app })
      table.add(
        `year summary, ${cadres} cadres (${db.participations} participations)`,
        ms(pair.app),
        ms(pair.reference),
        `${pair.ratio.toFixed(2)}×`,
        'linear'
      )
      db.handle.close()
      removeDatabase(db.file)
    }
    const fit = linearFit(points)
    const first = points[0] as { x: number; y: number }
    const last = points[points.length - 1] as { x: number; y: number }
    table.add(
      'slope of the summary over cadres',
      `${(fit.slope * 1000).toFixed(0)} ms per 1,000 cadres`,
      `r² ${fit.r2.toFixed(3)}`,
      `per cadre at 4,000 ÷ at 500: ${(last.y / last.x / (first.y / first.x)).toFixed(2)}`,
      'linear'
    )
  }
}

/** A province's workbook of 10,000 trips, written by the app's own export. */
async function importWorkbookFile(): Promise<string> {
  const db = seeded({ ...NATIONAL, provinces: 1, cadresPerProvince: 72, trips: 10_000 })
  const buffer = await exportWorkbook(contextOf(db.handle))
  db.handle.close()
  removeDatabase(db.file)
  const file = join(folder, 'import-10000.xlsx')
  writeFileSync(file, buffer)
  return file
}

async function importFigures(): Promise<void> {
  const file = await importWorkbookFile()
  const buffer = readFileSync(file)
  // Each run imports into a fresh database, created (and migrated) before the timing starts.
  const runs = Math.max(3, RUNS - 2)
  const fresh: { handle: DatabaseHandle; file: string }[] = []
  for (let i = 0; i < runs + 1; i++) fresh.push(freshDatabase())
  let next = 0
  const pair = await interleaved(
    async () => {
      const db = fresh[next++] as { handle: DatabaseHandle }
      const result = await importWorkbook(contextOf(db.handle), buffer, 'import-10000.xlsx')
      if (!result.committed) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`)
    },
    async () => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
    },
    runs
  )
  for (const db of fresh) {
    db.handle.close()
    removeDatabase(db.file)
  }
  table.add(
    'import of a 10,000-trip workbook (in process)',
    ms(pair.app),
    `exceljs reading the file: ${ms(pair.reference)}`,
    `${pair.ratio.toFixed(2)}×`,
    '≤ 1.5×'
  )

  // Before and after: without the connection, applyPlan writes each row through log.rows as it
  // did before issue 12, and the frozen context (test/integration/speed/reference/context.ts)
  // logs every change through a drizzle insert built per row, as before (same rows, tested in
  // test/integration/speed/import-equal.test.ts).
  const pairs: { handle: DatabaseHandle; file: string }[] = []
  for (let i = 0; i < 2 * (runs + 1); i++) pairs.push(freshDatabase())
  let k = 0
  const importInto = async (prepared: boolean) => {
    const db = pairs[k++] as { handle: DatabaseHandle }
    let ctx = contextOf(db.handle)
    if (!prepared) {
      ctx = referenceContext(db.handle, {
        today: () => NATIONAL.today,
        now: () => `${NATIONAL.today}T08:00:00.000Z`
      })
      ctx.handle = { ...db.handle, sqlite: undefined as never }
    }
    if (!(await importWorkbook(ctx, buffer, 'import-10000.xlsx')).committed) throw new Error('import refused')
  }
  const beforeAfter = await interleaved(
    () => importInto(true),
    () => importInto(false),
    runs
  )
  for (const db of pairs) {
    db.handle.close()
    removeDatabase(db.file)
  }
  table.add(
    'import, now vs rows written one by one through log.rows (before issue 12)',
    ms(beforeAfter.app),
    `before: ${ms(beforeAfter.reference)}`,
    `${beforeAfter.ratio.toFixed(2)}×`,
    '—'
  )

  const memory = (mode: string): number => {
    const out = spawnSync(
      process.execPath,
      [tsxCli, join(__dirname, 'import-memory.ts'), mode, file, folder],
      { encoding: 'utf8' }
    )
    const m = /peak (\d+)/.exec(out.stdout)
    if (!m) throw new Error(`import-memory ${mode}: ${out.stderr}`)
    return Number(m[1])
  }
  const appPeak = median([memory('app'), memory('app'), memory('app')])
  const refPeak = median([memory('exceljs'), memory('exceljs'), memory('exceljs')])
  table.add(
    'import, peak memory above the loaded modules (fresh process)',
    `${(appPeak / 1e6).toFixed(0)} MB`,
    `exceljs reading the file: ${(refPeak / 1e6).toFixed(0)} MB`,
    `${(appPeak / refPeak).toFixed(2)}×`,
    '≤ 1.5×'
  )
}

async function cliFigures(): Promise<void> {
  const run = (args: string[]) => () => {
    const out = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' })
    if (out.status !== 0) throw new Error(`${args.join(' ')}: exit ${out.status} ${out.stderr}`)
  }
  // `npm run cli` is node + scripts/cli.mjs, which rebuilds the bundle in out-cli/ when a
  // source is newer: one run first so the figures are the everyday path (bundle fresh), and
  // the bundle's time stamp checked afterwards so a rebuild (someone saving a source
  // meanwhile) cannot hide in the median.
  const launcher = [join(root, 'scripts/cli.mjs'), 'help']
  run(launcher)()
  const bundle = join(root, 'out-cli/cli.mjs')
  const builtAt = statSync(bundle).mtimeMs
  const pair = await interleaved(run(launcher), run(['-e', '0']), RUNS, 2)
  const fresh = statSync(bundle).mtimeMs === builtAt
  table.add(
    `CLI \`help\` (node scripts/cli.mjs, as \`npm run cli\` runs it; ${fresh ? 'bundle fresh' : 'REBUILT during the runs'})`,
    ms(pair.app),
    `node -e 0: ${ms(pair.reference)}`,
    `${pair.ratio.toFixed(1)}×`,
    '≤ 300 ms'
  )
  // The sources run through tsx, as `npm run cli` did before the bundle (and the tests still do).
  const source = await interleaved(run([tsxCli, 'electron/cli.ts', 'help']), run(['-e', '0']), RUNS, 2)
  table.add(
    'CLI `help` from the sources (node + tsx electron/cli.ts)',
    ms(source.app),
    `node -e 0: ${ms(source.reference)}`,
    `${source.ratio.toFixed(1)}×`,
    '—'
  )
}

function docxFigures(): void {
  const out = spawnSync(
    process.execPath,
    [tsxCli, join(__dirname, 'docx-year-report.ts'), '--runs', String(Math.max(3, RUNS - 2))],
    {
      cwd: root,
      encoding: 'utf8'
    }
  )
  const report = /year report, build \+ pack: median (\d+) ms/.exec(out.stdout)
  const plain = /plain docx table, same rows and columns: median (\d+) ms/.exec(out.stdout)
  if (!report || !plain) {
    table.add('year report (2,000 cadres)', '—', '—', '—', `failed: ${out.stderr.split('\n')[0] ?? ''}`)
    return
  }
  const r = Number(report[1])
  const p = Number(plain[1])
  table.add(
    'year report, 2,000 cadres (build + pack)',
    ms(r),
    `docx packing a plain table of the same size: ${ms(p)}`,
    `${(r / p).toFixed(2)}×`,
    '—'
  )
}

function tripsFigures(): void {
  const out = resolve(root, values.out)
  if (!existsSync(join(out, 'renderer/index.html'))) {
    table.add('trip list, first rows in Chromium', '—', '—', '—', `skipped: no build in ${values.out}`)
    return
  }
  const result = spawnSync(
    process.execPath,
    [tsxCli, join(__dirname, 'trips-list.ts'), '--out', values.out, '--port', values.port],
    { cwd: root, encoding: 'utf8' }
  )
  const page = /first rows after page load \(warm service\)\s+([\d.,]+) ms/.exec(result.stdout)
  const links = [...result.stdout.matchAll(/first rows from the sidebar link, run \d+\s+([\d.,]+) ms/g)].map(
    (m) => Number((m[1] ?? '').replace(',', '.'))
  )
  const cold = /first window, every year \(cold[^)]*\)\s+([\d.]+) ms wall/.exec(result.stdout)
  if (!page) {
    table.add(
      'trip list, first rows in Chromium',
      '—',
      '—',
      '—',
      `failed: ${result.stderr.split('\n').slice(-3).join(' ')}`
    )
    return
  }
  const pageMs = Number((page[1] ?? '').replace(',', '.'))
  const linkMs = median(links)
  const serviceMs = cold ? Number((cold[1] ?? '').replace(',', '.')) : Number.NaN
  table.add(
    'trip list (100,000 trips), first rows after page load in Chromium',
    ms(pageMs),
    `'trips.search' cold in Node: ${ms(serviceMs)}`,
    `${(pageMs / serviceMs).toFixed(2)}×`,
    '≤ 300 ms'
  )
  table.add('trip list, first rows from the sidebar link', ms(linkMs), '—', '—', '≤ 300 ms')
}

async function main(): Promise<void> {
  const [one, five, fifteen] = loadavg()
  console.log(
    `Sổ đi cơ sở benchmarks, ${new Date().toISOString()}, ${cpus().length} cores, load ${one?.toFixed(2)} ${five?.toFixed(2)} ${fifteen?.toFixed(2)}, node ${process.version}, ${RUNS} runs (medians, app and reference interleaved)`
  )
  await summaryFigures()
  if (only.has('import')) await importFigures()
  if (only.has('cli')) await cliFigures()
  if (only.has('docx')) docxFigures()
  if (only.has('trips')) tripsFigures()
  const [after] = loadavg()
  console.log(`\nload average at the end: ${after?.toFixed(2)}\n`)
  console.log(table.toMarkdown())
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  })
  .finally(cleanUp)
