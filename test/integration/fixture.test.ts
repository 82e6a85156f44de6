/**
 * End to end through the CLI, as a user runs it: import the sample workbook of
 * shared/fixtures into a fresh database, compute the 2025 summary as of 31/12 and 30/6, and
 * compare every figure with the independently computed expected summary.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const fixtureDir = join(root, 'test/fixtures')
const sharedFixtureDir = resolve(root, '../shared/fixtures')

interface ExpectedCadre {
  code: string
  name: string
  status: string
  subjectDays: number
  target: number | null
  days: number
  daysByKind: Record<string, number>
  ratios: Record<string, number>
  reason: string | null
}
interface ExpectedSummary {
  year: number
  asOf: string
  totals: Record<string, unknown> & { daysByKind: Record<string, number> }
  cadres: ExpectedCadre[]
}

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

const expected = JSON.parse(readFileSync(join(fixtureDir, 'office-2025.expected.json'), 'utf8')) as {
  yearEnd: ExpectedSummary
  midYear: ExpectedSummary
}

describe('the 2025 fixture through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-fixture-'))
  const db = join(dir, 'office.sqlite')

  beforeAll(() => {
    const result = cli(['import', join(fixtureDir, 'office-2025.xlsx'), '--db', db])
    if (result.status !== 0)
      throw new Error(`import failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  }, 60_000)

  it('keeps the repository copy of the fixture identical to shared/fixtures', () => {
    if (!existsSync(sharedFixtureDir)) return
    for (const file of ['office-2025.xlsx', 'office-2025.expected.json']) {
      expect(
        readFileSync(join(fixtureDir, file)).equals(readFileSync(join(sharedFixtureDir, file))),
        file
      ).toBe(true)
    }
  })

  for (const [label, key] of [
    ['as of 31/12/2025', 'yearEnd'],
    ['as of 30/06/2025', 'midYear']
  ] as const) {
    it(`gives every figure of the expected summary ${label}`, () => {
      const want = expected[key]
      const out = execFileSync(
        process.execPath,
        [
          join(root, 'node_modules/tsx/dist/cli.mjs'),
          join(root, 'electron/cli.ts'),
          'summary',
          '--db',
          db,
          '--year',
          '2025',
          '--as-of',
          want.asOf,
          '--json'
        ],
        { cwd: root, encoding: 'utf8' }
      )
      const got = JSON.parse(out) as ExpectedSummary
      expect(got.year).toBe(want.year)
      expect(got.asOf).toBe(want.asOf)
      for (const [field, value] of Object.entries(want.totals)) {
        expect(got.totals[field], `totals.${field}`).toEqual(value)
      }
      expect(got.cadres.map((c) => c.code).sort()).toEqual(want.cadres.map((c) => c.code).sort())
      for (const w of want.cadres) {
        const g = got.cadres.find((c) => c.code === w.code)!
        const where = `${key} ${w.code}`
        expect(g.name, `${where} name`).toBe(w.name)
        expect(g.status, `${where} status`).toBe(w.status)
        expect(g.subjectDays, `${where} subjectDays`).toBe(w.subjectDays)
        expect(g.target, `${where} target`).toBe(w.target)
        expect(g.days, `${where} days`).toBe(w.days)
        expect(g.daysByKind, `${where} daysByKind`).toEqual(w.daysByKind)
        expect(g.reason, `${where} reason`).toBe(w.reason)
        for (const [rule, share] of Object.entries(w.ratios)) {
          expect(g.ratios[rule], `${where} ratios.${rule}`).toBeCloseTo(share, 12)
        }
      }
    })
  }

  it('refuses a missing database for summary with a Vietnamese message and exit code 1', () => {
    const result = cli(['summary', '--db', join(dir, 'khong-co.sqlite'), '--year', '2025', '--json'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('Không tìm thấy tệp cơ sở dữ liệu')
    expect(existsSync(join(dir, 'khong-co.sqlite'))).toBe(false)
  })

  it('rejects a malformed --as-of date with usage help and exit code 2', () => {
    const result = cli(['summary', '--db', db, '--year', '2025', '--as-of', '31/12/2025'])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('Ngày --as-of không hợp lệ')
  })
})
