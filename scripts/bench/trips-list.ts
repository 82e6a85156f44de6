/**
 * Benchmark of the trips logbook with 100,000 trips (not a test: it prints figures and asserts
 * nothing). Goal (issue 7): first rows ≤ 300 ms, frames ≤ 16 ms.
 *
 *   npx electron-vite build --outDir $PWD/out-trips      (the renderer it serves)
 *   npm run bench:trips -- [--trips 100000] [--cadres 120] [--out out-trips] [--port 4315] [--node-only]
 *                          [--db file.sqlite]   (seeded once and kept there; reused when it exists)
 *
 * (a) Node: 'trips.search' through the dispatcher (zod included) on a fresh database: the
 *     first window (cold: the list's working copy is built), the same again (warm), a filter
 *     change, a search, a sort by names, a window deep in the list.
 * (b) Chromium (Playwright library, /usr/bin/chromium, the built renderer served by `vite
 *     preview`, window.api bridged to the same services as test/e2e/bridge.ts): time to the
 *     first rows (page load, and from the sidebar link), a filter change until the list shows
 *     it, and frame times while scrolling (requestAnimationFrame deltas, with the frame-rate
 *     limit off so a delta is the frame's own work, not the display's 16.7 ms vsync).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from '@playwright/test'
import type { ApiEnvelope } from '../../shared/api/errors'
import { API_METHODS } from '../../shared/api/methods'
import { fromDayNumber, toDayNumber } from '../../shared/domain/dates'
import { CONTENT_KINDS } from '../../shared/domain/kinds'
import { openDatabase } from '../../electron/db/connection'
import { createServiceContext } from '../../electron/services/context'
import { dispatch } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/index'

const { values } = parseArgs({
  options: {
    trips: { type: 'string', default: '100000' },
    cadres: { type: 'string', default: '120' },
    out: { type: 'string', default: 'out-trips' },
    port: { type: 'string', default: '4315' },
    'node-only': { type: 'boolean', default: false },
    db: { type: 'string' }
  }
})
const TRIPS = Number(values.trips)
const CADRES = Number(values.cadres)
const TODAY = '2025-10-15'
const root = resolve(__dirname, '../..')

// ——— A province's logbook: 10 years, 120 cadres, ~600 units ——————————————————————

const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hùng',
  'Lan',
  'Minh',
  'Ngọc',
  'Phúc',
  'Quân',
  'Thắm',
  'Uyên',
  'Ý'
]
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ']
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Hồng', 'Quang', 'Thanh', 'Ngọc']
const TOPICS = [
  'Khảo sát tình hình đoàn viên',
  'Tháng Thanh niên',
  'Kiểm tra công tác đoàn và phong trào thanh thiếu nhi',
  'Dự sinh hoạt chủ điểm',
  'Hướng dẫn đại hội chi đoàn',
  'Chiến dịch Mùa hè xanh',
  'Giám sát thực hiện nghị quyết',
  null
]

function seed(file: string): { seconds: number; sizeMb: number } {
  const handle = openDatabase(file)
  const { sqlite } = handle
  const t = performance.now()
  // mulberry32: a seeded generator in 32-bit integer steps (a float LCG repeats after a while).
  let state = 7
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  sqlite.transaction(() => {
    const department = sqlite.prepare(`INSERT INTO departments (code, name, abbreviation) VALUES (?, ?, ?)`)
    ;[
      ['VP', 'Văn phòng', 'VP'],
      ['TCKT', 'Ban Tổ chức - Kiểm tra', 'TCKT'],
      ['PT', 'Ban Phong trào', 'PT'],
      ['TTN', 'Ban Tuyên giáo', 'TG'],
      ['TNCN', 'Ban Thanh niên công nhân', 'TNCN'],
      ['TNNT', 'Ban Thanh niên nông thôn', 'TNNT']
    ].forEach((d) => department.run(...d))
    const unit = sqlite.prepare(`INSERT INTO units (code, name, kind, parent_id) VALUES (?, ?, ?, ?)`)
    unit.run('TD', 'Tỉnh đoàn', 'TINH_DOAN', null)
    let unitId = 1
    for (let h = 1; h <= 12; h++) {
      unit.run(`H${h}`, `Huyện đoàn ${pick(GIVEN)} ${h}`, 'HUYEN_DOAN', 1)
      const district = ++unitId
      for (let x = 1; x <= 20; x++) {
        unit.run(`H${h}-X${x}`, `Đoàn xã ${pick(GIVEN)} ${pick(GIVEN)} ${h}.${x}`, 'DOAN_XA', district)
        const commune = ++unitId
        for (let c = 1; c <= 2; c++) {
          unit.run(`H${h}-X${x}-C${c}`, `Chi đoàn ấp ${c} xã ${h}.${x}`, 'CHI_DOAN', commune)
          unitId++
        }
      }
    }
    const cadre = sqlite.prepare(
      `INSERT INTO cadres (code, full_name, position, department_id, full_time) VALUES (?, ?, 'Chuyên viên', ?, 1)`
    )
    for (let i = 1; i <= CADRES; i++) {
      cadre.run(
        `CB${String(i).padStart(3, '0')}`,
        `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
        1 + (i % 6)
      )
    }
    const trip = sqlite.prepare(
      `INSERT INTO trips (code, start_date, start_half, end_date, end_half, kind, topic, status, travel_order_no, report_date, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z')`
    )
    const participant = sqlite.prepare(
      `INSERT INTO trip_participants (trip_id, cadre_id, position) VALUES (?, ?, ?)`
    )
    const visit = sqlite.prepare(`INSERT INTO trip_units (trip_id, unit_id, position) VALUES (?, ?, ?)`)
    const first = toDayNumber('2016-01-01')
    const last = toDayNumber('2025-12-31')
    const today = toDayNumber(TODAY)
    for (let i = 1; i <= TRIPS; i++) {
      const start = first + Math.floor(random() * (last - first - 3))
      const end = start + Math.floor(random() * 3)
      const status = start > today ? 'DU_KIEN' : random() < 0.15 ? 'DA_THUC_HIEN' : 'DA_BAO_CAO'
      const id = Number(
        trip.run(
          `CD${String(i).padStart(6, '0')}`,
          fromDayNumber(start),
          random() < 0.15 ? 'CHIEU' : 'SANG',
          fromDayNumber(end),
          end > start && random() < 0.1 ? 'SANG' : 'CHIEU',
          pick(CONTENT_KINDS),
          pick(TOPICS),
          status,
          random() < 0.5 ? `${1 + Math.floor(random() * 400)}/CL-TĐTN` : null,
          status === 'DA_BAO_CAO' && random() < 0.6 ? fromDayNumber(end + 3) : null
        ).lastInsertRowid
      )
      const people = 1 + Math.floor(random() * random() * 3)
      const taken = new Set<number>()
      for (let p = 0; p < people; p++) {
        const cadreId = 1 + Math.floor(random() * CADRES)
        if (taken.has(cadreId)) continue
        taken.add(cadreId)
        participant.run(id, cadreId, p)
      }
      visit.run(id, 2 + Math.floor(random() * (unitId - 1)), 0)
    }
  })()
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  handle.close()
  return { seconds: (performance.now() - t) / 1000, sizeMb: statSync(file).size / 1e6 }
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

// ——— (a) Node ——————————————————————————————————————————————————————————————————————

async function nodeFigures(file: string): Promise<void> {
  const handle = openDatabase(file)
  const ctx = createServiceContext(handle, { today: () => TODAY, now: () => new Date().toISOString() })
  const handlers = createHandlers(ctx)
  const time = async (label: string, input: Record<string, unknown>) => {
    const t = performance.now()
    const cpu = process.cpuUsage()
    const envelope = await dispatch(handlers, 'trips.search', { offset: 0, limit: 100, ...input })
    const elapsed = performance.now() - t
    const used = process.cpuUsage(cpu)
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error))
    const value = envelope.value as { total: number }
    console.log(
      `  ${label.padEnd(58)} ${ms(elapsed).padStart(10)} wall, ${ms((used.user + used.system) / 1000).padStart(9)} CPU   (${value.total.toLocaleString('vi-VN')} chuyến)`
    )
  }
  console.log(
    '(a) Node, trips.search through the dispatcher (CPU: this process only, as a check on a busy machine):'
  )
  await time('first window, every year (cold: builds the working copy)', {})
  await time('first window, every year (warm)', {})
  await time('filter change: year 2025', { year: 2025 })
  await time('filter change: year 2025 + kind Kiểm tra', { year: 2025, kind: 'KIEM_TRA' })
  await time('filter change: one cadre, every year', { cadreCodes: ['CB007'] })
  await time('filter change: unit H3 and the units under it', { unitCodes: ['H3'] })
  await time('search "khao sat" (no diacritics)', { q: 'khao sat' })
  await time('overdue reports', { overdue: true })
  await time('sort by cadres (first time: name ranks)', { sort: 'cadres' })
  await time('sort by cadres (again)', { sort: 'cadres', desc: true })
  await time('window at row 50,000 of the same sort', { sort: 'cadres', desc: true, offset: 50_000 })
  handle.close()
}

// ——— (b) Chromium ——————————————————————————————————————————————————————————————————

/** window.api in the page, over one binding (as test/e2e/bridge.ts installs it). */
function installApi(methods: string[]): void {
  type Call = (method: string, input: unknown) => Promise<ApiEnvelope<unknown>>
  const call = (globalThis as unknown as { __benchCall: Call }).__benchCall
  const api: Record<string, (input: unknown) => Promise<unknown>> = {}
  for (const method of methods) {
    api[method] = async (input: unknown) => {
      const envelope = await call(method, input)
      if (envelope.ok) return envelope.value
      throw Object.assign(new Error(envelope.error.message), envelope.error)
    }
  }
  Object.defineProperty(globalThis, 'api', { value: Object.freeze(api), configurable: false })
}

function startPreview(outDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      join(outDir, 'renderer'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort'
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true }
  )
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in 30 s')), 30_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(String(port))) {
        clearTimeout(timer)
        resolvePromise(child)
      }
    })
    child.on('exit', (code) => reject(new Error(`vite preview exited (${code})`)))
  })
}

interface Browserish {
  performance: { now(): number }
  document: { querySelector(s: string): { textContent: string | null } | null }
  requestAnimationFrame(f: (t: number) => void): void
  scrollBy(x: number, y: number): void
  scrollTo(x: number, y: number): void
}

/** In the page: ms from now until `selector` exists (checked every animation frame). */
async function firstRowsAfter(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const g = globalThis as unknown as Browserish & { __t0: number }
    g.__t0 = g.performance.now()
  })
  await action()
  await page.waitForSelector('.trips-table tbody tr.trip-row[data-code]')
  return page.evaluate(() => {
    const g = globalThis as unknown as Browserish & { __t0: number; __rows?: number }
    return (g.__rows ?? g.performance.now()) - g.__t0
  })
}

async function chromiumFigures(file: string, outDir: string, port: number): Promise<void> {
  const handle = openDatabase(file)
  const ctx = createServiceContext(handle, { today: () => TODAY, now: () => new Date().toISOString() })
  const handlers = createHandlers(ctx)
  const preview = await startPreview(outDir, port)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
    await page.exposeBinding('__benchCall', (_source, method: unknown, input: unknown) =>
      dispatch(handlers, method, input)
    )
    // tsx names functions with a __name helper; the functions evaluated in the page need it too.
    await page.addInitScript(() => {
      ;(globalThis as unknown as { __name: (f: unknown) => unknown }).__name = (f) => f
    })
    await page.addInitScript(installApi, [...API_METHODS])
    // Each row's first appearance, stamped in the page (no round trip in the figure).
    await page.addInitScript(() => {
      const g = globalThis as unknown as Browserish & {
        __rows?: number
        MutationObserver: new (f: () => void) => { observe(n: unknown, o: object): void }
      }
      // Observing the document itself: the init script runs before <html> exists.
      new g.MutationObserver(() => {
        if (g.__rows === undefined && g.document.querySelector('.trips-table tbody tr.trip-row[data-code]')) {
          g.__rows = g.performance.now()
        }
      }).observe(g.document, { childList: true, subtree: true })
    })
    console.log('(b) Chromium 1366×768, built renderer, window.api bridged to the services:')

    // Page load straight onto the list of every year (cold service: builds the working copy).
    await page.goto(`http://127.0.0.1:${port}/#/chuyen-di?year=%22all%22`)
    await page.waitForSelector('.trips-table tbody tr.trip-row[data-code]')
    const load = await page.evaluate(() => (globalThis as unknown as { __rows: number }).__rows)
    const total = await page.locator('[data-testid="trips-totals"]').textContent()
    console.log(
      `  first rows after page load (cold service)            ${ms(load).padStart(10)}   (${total?.trim()})`
    )

    // The same page load again: the service's working copy is warm, so this is the page's own cost.
    await page.reload()
    await page.waitForSelector('.trips-table tbody tr.trip-row[data-code]')
    const reload = await page.evaluate(() => (globalThis as unknown as { __rows: number }).__rows)
    console.log(`  first rows after page load (warm service)            ${ms(reload).padStart(10)}`)

    // From another page through the sidebar link (the app already running).
    for (const run of [1, 2, 3]) {
      await page.getByRole('link', { name: 'Tổng hợp năm' }).click()
      await page.waitForSelector('.summary-table, .empty-state')
      await page.evaluate(() => {
        ;(globalThis as unknown as { __rows?: number }).__rows = undefined
      })
      const elapsed = await firstRowsAfter(page, () =>
        page
          .getByRole('navigation', { name: 'Điều hướng chính' })
          .getByRole('link', { name: 'Chuyến đi', exact: true })
          .click()
      )
      console.log(`  first rows from the sidebar link, run ${run}                ${ms(elapsed).padStart(10)}`)
    }

    // Filter changes: from the change until the footer shows the new total.
    for (const [label, select, value] of [
      ['filter change: kind Kiểm tra, giám sát', '#trip-kind', 'KIEM_TRA'],
      ['filter change: status Đã thực hiện', '#trip-status', 'DA_THUC_HIEN'],
      ['filter change: year 2025', '#trip-year', '2025']
    ] as const) {
      const before = await page.locator('[data-testid="trips-totals"]').textContent()
      await page.evaluate(() => {
        const g = globalThis as unknown as Browserish & { __t0: number }
        g.__t0 = g.performance.now()
      })
      await page.selectOption(select, value)
      await page.waitForFunction(
        (old) => {
          const g = globalThis as unknown as Browserish & { __t1?: number }
          const text = g.document.querySelector('[data-testid="trips-totals"]')?.textContent
          if (text && text !== old) g.__t1 = g.performance.now()
          return text !== old
        },
        before,
        { polling: 'raf' }
      )
      const elapsed = await page.evaluate(() => {
        const g = globalThis as unknown as { __t0: number; __t1: number }
        return g.__t1 - g.__t0
      })
      const after = await page.locator('[data-testid="trips-totals"]').textContent()
      console.log(`  ${label.padEnd(52)} ${ms(elapsed).padStart(10)}   (${after?.split('·')[0]?.trim()})`)
    }

    // Scrolling the list of every year: 600 frames, 240 px per frame (about 7 rows a frame).
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).first().click()
    await page.selectOption('#trip-year', 'all')
    await page.waitForFunction(() => {
      const text = (globalThis as unknown as Browserish).document.querySelector(
        '[data-testid="trips-totals"]'
      )?.textContent
      return text?.includes('100.000') ?? false
    })
    const scroll = () =>
      page.evaluate(
        () =>
          new Promise<number[]>((done) => {
            const g = globalThis as unknown as Browserish
            g.scrollTo(0, 0)
            const deltas: number[] = []
            let last = 0
            let n = 0
            const step = (t: number) => {
              if (last > 0) deltas.push(t - last)
              last = t
              g.scrollBy(0, 240)
              if (++n < 600) g.requestAnimationFrame(step)
              else done(deltas)
            }
            g.requestAnimationFrame(step)
          })
      )
    // What the page's main thread spends per frame, from Chromium's own counters.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics')
      return Object.fromEntries(list.map((m) => [m.name, m.value])) as Record<string, number>
    }
    await scroll() // once to fetch every window of rows the run will show
    const before = await metrics()
    const frames = await scroll()
    const after = await metrics()
    const perFrame = (name: string) => ((after[name]! - before[name]!) * 1000) / frames.length
    const sorted = [...frames].sort((a, b) => a - b)
    const over = frames.filter((d) => d > 16).length
    console.log(
      `  scroll frames (${frames.length}, rAF deltas, no vsync)      median ${ms(percentile(sorted, 50))}, p95 ${ms(
        percentile(sorted, 95)
      )}, p99 ${ms(percentile(sorted, 99))}, max ${ms(sorted[sorted.length - 1] ?? 0)}, > 16 ms: ${over}`
    )
    console.log(
      `  main thread per frame: script ${ms(perFrame('ScriptDuration'))}, style ${ms(
        perFrame('RecalcStyleDuration')
      )}, layout ${ms(perFrame('LayoutDuration'))}, all tasks ${ms(perFrame('TaskDuration'))} (the rest of a frame is painting, software raster here)`
    )
    const loaded = await page.locator('.trips-table tbody tr.trip-row[data-code]').count()
    console.log(`  rows in the page after scrolling: ${loaded} (of 100.000)`)
  } finally {
    await browser.close()
    if (preview.pid) process.kill(-preview.pid)
    handle.close()
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-bench-trips-'))
  const file = values.db ? resolve(values.db) : join(dir, 'bench.sqlite')
  try {
    if (values.db && existsSync(file)) {
      console.log(`database: ${file} (reused, ${(statSync(file).size / 1e6).toFixed(1)} MB)`)
    } else {
      const seeded = seed(file)
      console.log(
        `database: ${TRIPS.toLocaleString('vi-VN')} trips, ${CADRES} cadres, 505 units, ${seeded.sizeMb.toFixed(1)} MB (seeded in ${seeded.seconds.toFixed(1)} s)`
      )
    }
    let loop = performance.now()
    let sum = 0
    for (let i = 0; i < 1e8; i++) sum += i
    loop = performance.now() - loop
    console.log(
      `machine: a 100,000,000-step loop takes ${ms(loop)} here (${sum > 0 ? 'compare with yours' : ''})`
    )
    await nodeFigures(file)
    if (!values['node-only']) await chromiumFigures(file, resolve(root, values.out), Number(values.port))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
