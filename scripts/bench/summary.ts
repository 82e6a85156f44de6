/**
 * Benchmark: the year summary at national scale (default 2,000 cadres and 400,000 trips over
 * several years, two participants on one trip in ten). Prints figures; asserts nothing.
 *   npx tsx scripts/bench/summary.ts [--cadres 2000] [--trips 400000] [--years 5]
 */
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../electron/db/connection'
import { createServiceContext } from '../../electron/services/context'
import { loadYearSummaryView } from '../../electron/services/summary'
import { fromDayNumber, toDayNumber } from '../../shared/domain/dates'
import { CONTENT_KINDS } from '../../shared/domain/kinds'

const { values } = parseArgs({
  options: { cadres: { type: 'string', default: '2000' }, trips: { type: 'string', default: '400000' }, years: { type: 'string', default: '5' } }
})
const cadreCount = Number(values.cadres)
const tripCount = Number(values.trips)
const yearCount = Number(values.years)
const lastYear = 2026
const firstYear = lastYear - yearCount + 1

const file = join(mkdtempSync(join(tmpdir(), 'sdcs-bench-')), 'bench.sqlite')
const handle = openDatabase(file)
const { sqlite } = handle

let t = performance.now()
sqlite.transaction(() => {
  sqlite.prepare(`INSERT INTO departments (code, name, abbreviation) VALUES ('VP', 'Văn phòng', 'VP')`).run()
  sqlite.prepare(`INSERT INTO units (code, name, kind) VALUES ('TD', 'Tỉnh đoàn', 'TINH_DOAN')`).run()
  const unit = sqlite.prepare(`INSERT INTO units (code, name, kind, parent_id) VALUES (?, ?, 'DOAN_XA', 1)`)
  for (let i = 1; i <= 3000; i++) unit.run(`X${i}`, `Đoàn xã ${i}`)
  const cadre = sqlite.prepare(
    `INSERT INTO cadres (code, full_name, position, department_id, full_time) VALUES (?, ?, 'Chuyên viên', 1, 1)`
  )
  for (let i = 1; i <= cadreCount; i++) cadre.run(`CB${i}`, `Nguyễn Văn Cán Bộ ${i}`)
  const trip = sqlite.prepare(
    `INSERT INTO trips (code, start_date, start_half, end_date, end_half, kind, status, created_at)
     VALUES (?, ?, 'SANG', ?, 'CHIEU', ?, 'DA_BAO_CAO', '2026-01-01T00:00:00Z')`
  )
  const participant = sqlite.prepare(`INSERT INTO trip_participants (trip_id, cadre_id, position) VALUES (?, ?, ?)`)
  const visit = sqlite.prepare(`INSERT INTO trip_units (trip_id, unit_id, position) VALUES (?, ?, 0)`)
  const first = toDayNumber(`${firstYear}-01-01`)
  const span = toDayNumber(`${lastYear}-12-31`) - first - 3
  let seed = 42
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  for (let i = 1; i <= tripCount; i++) {
    const start = first + Math.floor(random() * span)
    const id = Number(
      trip.run(`T${i}`, fromDayNumber(start), fromDayNumber(start + Math.floor(random() * 3)), CONTENT_KINDS[i % 5])
        .lastInsertRowid
    )
    const cadreId = 1 + Math.floor(random() * cadreCount)
    participant.run(id, cadreId, 0)
    if (random() < 0.1) participant.run(id, 1 + ((cadreId + 7) % cadreCount), 1)
    visit.run(id, 2 + Math.floor(random() * 3000))
  }
})()
const seeded = performance.now() - t
sqlite.pragma('wal_checkpoint(TRUNCATE)')
const ctx = createServiceContext(handle, { today: () => `${lastYear}-12-31`, now: () => new Date().toISOString() })

const runs: number[] = []
let cadresInSummary = 0
for (let i = 0; i < 5; i++) {
  t = performance.now()
  const view = loadYearSummaryView(ctx, lastYear, `${lastYear}-12-31`)
  runs.push(performance.now() - t)
  cadresInSummary = view.cadres.length
}
runs.sort((a, b) => a - b)
console.log(`database: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${cadreCount} cadres, ${tripCount} trips over ${yearCount} years`)
console.log(`seeding: ${(seeded / 1000).toFixed(1)} s`)
console.log(`year summary ${lastYear} (${cadresInSummary} cadres): median ${runs[2]!.toFixed(0)} ms, min ${runs[0]!.toFixed(0)} ms, max ${runs[4]!.toFixed(0)} ms`)
handle.close()
