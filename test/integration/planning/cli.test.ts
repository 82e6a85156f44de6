/**
 * `npm run cli -- plan propose` as a clerk runs it: it prints the proposal without writing;
 * --accept stores it as approved registrations with planned trips, so that a workbook export
 * carries those trips as "Dự kiến"; usage mistakes and refusals are said in Vietnamese.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { fileDigest, FIXTURE } from '../workbook-helpers'

const root = resolve(__dirname, '../../..')

function cli(args: string[]) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/cli.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8'
    }
  )
}

const dir = mkdtempSync(join(tmpdir(), 'sdcs-cli-plan-'))
const db = join(dir, 'office.sqlite')
const PROPOSE = ['plan', 'propose', '--db', db, '--year', '2025', '--quarter', '4', '--as-of', '2025-09-30']

beforeAll(() => {
  const imported = cli(['import', FIXTURE, '--db', db])
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`)
}, 60_000)

describe('plan propose', () => {
  it('prints the proposal with a reason per line and writes nothing', () => {
    const before = fileDigest(db)
    const result = cli(PROPOSE)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Trợ lý lập kế hoạch — Quý IV/2025, tính đến 30/09/2025')
    expect(result.stdout).toMatch(/Còn thiếu [\d,]+ ngày/)
    expect(result.stdout).toContain('Từng cán bộ:')
    expect(fileDigest(db)).toBe(before)
  })

  it('--json --accept stores approved registrations and planned trips; the workbook export carries them as "Dự kiến"', async () => {
    const result = cli([...PROPOSE, '--json', '--accept'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const out = JSON.parse(result.stdout) as {
      proposals: Array<{ cadreCode: string; startDate: string }>
      accepted: { codes: string[]; tripCodes: string[] }
    }
    expect(out.proposals.length).toBeGreaterThan(0)
    expect(out.accepted.codes).toHaveLength(out.proposals.length)
    expect(out.accepted.tripCodes).toHaveLength(out.proposals.length)

    // Accepted: proposing again finds nothing more to do for those cadres.
    const again = JSON.parse(cli([...PROPOSE, '--json']).stdout) as { proposals: unknown[] }
    expect(again.proposals).toEqual([])

    const xlsx = join(dir, 'export.xlsx')
    const exported = cli(['export-workbook', '--db', db, '--out', xlsx])
    expect(exported.status).toBe(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(xlsx)
    const sheet = workbook.getWorksheet('Chuyến đi')!
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''))
    const codeCol = header.indexOf('Mã chuyến')
    const statusCol = header.indexOf('Trạng thái')
    const status = new Map<string, string>()
    sheet.eachRow((row, n) => {
      if (n > 1) status.set(String(row.getCell(codeCol).value), String(row.getCell(statusCol).value))
    })
    for (const code of out.accepted.tripCodes) expect(status.get(code)).toBe('Dự kiến')
  })

  it('says a usage mistake and a refused input in Vietnamese', () => {
    const usage = cli(['plan', 'propose', '--db', db, '--year', '2025', '--quarter', '4'])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('Thiếu --as-of.')
    const refused = cli([
      'plan',
      'propose',
      '--db',
      db,
      '--year',
      '2025',
      '--quarter',
      '5',
      '--as-of',
      '2025-09-30'
    ])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('Quý từ 1 đến 4.')
    const help = cli(['help'])
    expect(help.stdout).toContain('plan propose --db')
  })
})
