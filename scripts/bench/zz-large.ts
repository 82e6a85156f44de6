import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { openLargeOffice, LARGE_OFFICE } from '../../test/integration/reports/large-office'
import { exportDocument } from '../../electron/reports/export'
import { listTripsBetween } from '../../electron/services/trips-read'
import { readTrip } from '../../electron/services/people-read'
async function main() {
  const out = process.argv[2]!
  mkdirSync(out, { recursive: true })
  rmSync('/tmp/large.sqlite', { force: true }); rmSync('/tmp/large.sqlite-wal', { force: true })
  let t = performance.now()
  const office = openLargeOffice('/tmp/large.sqlite')
  console.log('seed', performance.now() - t)
  const ctx = office.at(LARGE_OFFICE.today)
  const docs: Array<[string, Parameters<typeof exportDocument>[1]]> = [
    ['year', { document: 'year-report', year: 2025, asOf: '2025-12-31' }],
    ['progress', { document: 'progress-report', year: 2025 }],
    ['plan', { document: 'quarter-plan', year: 2025, quarter: 4 }],
    ['summary', { document: 'registration-summary', year: 2025, quarter: 3 }],
    ['form', { document: 'registration-form', year: 2025, quarter: 3, cadreCode: 'CB002' }],
  ]
  const trips = listTripsBetween(ctx, '2025-01-01', '2025-06-30')
  const leaderTrip = trips.find(t => t.status !== 'DU_KIEN' && t.cadres[0]?.code === 'CB002')
  const chiDoan = trips.find(t => t.kind === 'DU_SH_CHI_DOAN' && t.status !== 'DU_KIEN' && readTrip(ctx, t.code).units.every(u => u.kind !== 'CHI_DOAN') && !t.topic)
  if (leaderTrip) docs.push(['trip', { document: 'trip-report', year: 2025, tripCode: leaderTrip.code }])
  if (chiDoan) docs.push(['chidoan', { document: 'chi-doan-report', year: 2025, tripCode: chiDoan.code }])
  for (const [name, o] of docs) {
    t = performance.now()
    const r = await exportDocument(ctx, o)
    writeFileSync(`${out}/${name}.docx`, r.buffer)
    console.log(name, r.fileName, (performance.now() - t).toFixed(0), 'ms', r.buffer.length)
  }
  office.handle.close()
}
main()
