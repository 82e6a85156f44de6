import { Packer } from 'docx'
import { buildYearReport, type YearReportInput } from '../../electron/reports/documents/year-report'
import { loadIssuer, loadYearReportData } from '../../electron/reports/load'
import { LARGE_OFFICE, openLargeOffice } from '../../test/integration/reports/large-office'
import { rmSync } from 'node:fs'
async function main() {
  rmSync('/tmp/prof.sqlite', {force: true}); rmSync('/tmp/prof.sqlite-wal', {force: true})
  const office = openLargeOffice('/tmp/prof.sqlite', { cadres: Number(process.argv[2] ?? 200), trips: Number(process.argv[2] ?? 200) * 30 })
  const ctx = office.at(LARGE_OFFICE.today)
  const { issuer, signer } = loadIssuer(ctx)
  const input: YearReportInput = { ...loadYearReportData(ctx, 2025, '2025-12-31'), meta: { issuer, signer, departmentAbbreviation: 'VP', number: 12, date: '2026-01-05', draftYear: 2026, texts: {}, markDefaults: false } }
  for (let i = 0; i < 4; i++) {
    let t = performance.now()
    const doc = buildYearReport(input)
    const b = performance.now() - t
    t = performance.now()
    await Packer.toBuffer(doc)
    console.log('build', b.toFixed(0), 'pack', (performance.now() - t).toFixed(0))
  }
}
main()
