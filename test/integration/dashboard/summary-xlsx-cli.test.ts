/**
 * `npm run cli -- summary --xlsx`: the CLI writes the same Tổng hợp năm file as the app's
 * "Xuất Excel" (the totals rows equal the fixture's expected totals), and a missing value is a
 * usage error in Vietnamese.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_KINDS } from '../../../shared/domain/kinds'
import { expected, openFixtureDb, root, type FixtureDb } from '../reports/fixture-db'

let fixture: FixtureDb

beforeAll(async () => {
  fixture = await openFixtureDb()
}, 60_000)

afterAll(() => fixture?.close())

function cli(...args: string[]) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/cli.ts'), ...args],
    {
      encoding: 'utf8',
      timeout: 120_000
    }
  )
}

describe('summary --xlsx', () => {
  it('writes Tổng hợp năm with its totals rows', async () => {
    const out = join(fixture.dir, 'ra', 'tong-hop.xlsx')
    const run = cli(
      'summary',
      '--db',
      join(fixture.dir, 'office.sqlite'),
      '--year',
      '2025',
      '--as-of',
      '2025-06-30',
      '--xlsx',
      out
    )
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toContain(`Đã xuất: ${out}`)
    expect(existsSync(out)).toBe(true)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(out)
    const sheet = book.worksheets[0]!
    expect(String(sheet.getCell(2, 1).value)).toContain('Tính đến ngày 30/06/2025')
    const t = expected.midYear.totals
    const totals = sheet.getRow(6 + t.cadres)
    expect(String(totals.getCell(2).value)).toContain(`Cộng ${t.subject} cán bộ thuộc đối tượng`)
    expect(totals.getCell(4).value).toBe(t.totalDays)
    CONTENT_KINDS.forEach((k, n) => expect(totals.getCell(5 + n).value).toBe(t.daysByKind[k]))
    expect(sheet.getRow(7 + t.cadres).getCell(4).value).toBe(t.averageDays)
  }, 150_000)

  it('refuses --xlsx without a file name, with the usage', () => {
    const run = cli('summary', '--db', join(fixture.dir, 'office.sqlite'), '--year', '2025', '--xlsx')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('Thiếu giá trị cho --xlsx.')
    expect(run.stderr).toContain('[--xlsx <tệp.xlsx>]')
  }, 150_000)
})
