/**
 * Tổng hợp năm's table (dashboard.yearTable), its Excel file (dashboard.yearTableExport) and
 * the coverage of units (dashboard.coverage), on a real SQLite file with the 2025 fixture,
 * through the dispatcher (so the zod schemas run). Figures are checked against the fixture's
 * independently computed expectations and against the year summary service.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import { CONTENT_KINDS } from '../../../shared/domain/kinds'
import type { ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { expected, openFixtureDb, type FixtureDb } from '../reports/fixture-db'

const TODAY = '2025-10-15'
const MID = '2025-06-30'

let fixture: FixtureDb
let ctx: ServiceContext
let handlers: ApiHandlers

beforeAll(async () => {
  fixture = await openFixtureDb()
  ctx = fixture.at(TODAY)
  handlers = createHandlers(ctx)
}, 60_000)

afterAll(() => fixture?.close())

async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const envelope = await dispatch(handlers, method, input)
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.value as ApiResult<M>
}

async function refusal(method: ApiMethod, input: unknown): Promise<AppErrorPayload> {
  const envelope = await dispatch(handlers, method, input)
  if (envelope.ok) throw new Error(`${method} should have been refused`)
  return envelope.error
}

/** "chậm 8,5 ngày" / "vượt 3 ngày" from the summary's own pace, written out independently. */
function wordsOf(days: number, expectedDays: number): string {
  // Half a tenth rounds away from zero either way: 27,75 days ahead reads "vượt 27,8".
  const gap = expectedDays - days
  const tenths = Math.round(Math.abs(gap) * 10)
  if (tenths === 0) return 'đúng tiến độ'
  const shown = (tenths / 10).toString().replace('.', ',')
  return gap > 0 ? `chậm ${shown} ngày` : `vượt ${shown} ngày`
}

describe('dashboard.yearTable', () => {
  it('is the year summary, with each cadre ahead or behind by the summary’s own pace', async () => {
    const table = await call('dashboard.yearTable', { year: 2025, asOf: MID })
    const summary = await call('summary.year', { year: 2025, asOf: MID })
    expect(table.totals).toEqual(summary.totals)
    expect(table.totals).toMatchObject({
      cadres: expected.midYear.totals.cadres,
      subject: expected.midYear.totals.subject,
      totalDays: expected.midYear.totals.totalDays
    })
    expect(table.cadres.map((c) => c.code)).toEqual(summary.cadres.map((c) => c.code))
    let withPace = 0
    for (const c of table.cadres) {
      const s = summary.cadres.find((x) => x.code === c.code)!
      expect(c.days).toBe(s.days)
      if (!s.pace) {
        expect(c.standing, c.code).toBeNull()
        expect(c.standingText).toBeNull()
        continue
      }
      withPace += 1
      expect(c.standingText, c.code).toBe(wordsOf(s.days, s.pace.expectedDays))
    }
    expect(withPace).toBeGreaterThan(0)
    // Võ Quang Ánh started on 01/06/2025: by 30/06 he has started, so he has a real pace.
    expect(table.cadres.find((c) => c.code === 'A05')?.standing?.kind).not.toBe('notStarted')

    // The totals row's ratio shares: the rule's kinds over Tổng số ngày.
    const t = expected.midYear.totals
    expect(table.ratioTotals.CHUYEN_DE).toBeCloseTo(t.daysByKind.CHUYEN_DE! / t.totalDays, 12)
    expect(table.ratioTotals.SINH_HOAT).toBeCloseTo(
      (t.daysByKind.DU_SH_CHI_DOAN! + t.daysByKind.DU_SH_BCH_BTV!) / t.totalDays,
      12
    )
  })

  it('shows no pace at year end', async () => {
    const table = await call('dashboard.yearTable', { year: 2025, asOf: '2025-12-31' })
    expect(table.inProgress).toBe(false)
    expect(table.cadres.every((c) => c.standing === null)).toBe(true)
  })

  it('says a cadre joining in September has not started yet (never behind), and undo removes them', async () => {
    const [department] = await call('departments.list', {})
    const saved = await call('cadres.create', {
      code: 'Z09',
      fullName: 'Lâm Thị Mới',
      position: 'Chuyên viên',
      departmentCode: department?.code ?? '',
      fullTime: true,
      serviceStart: '2025-09-01'
    })
    const table = await call('dashboard.yearTable', { year: 2025, asOf: MID })
    const late = table.cadres.find((c) => c.code === 'Z09')
    expect(late?.status).toBe('CHUA_HOAN_THANH')
    expect(late?.standing).toEqual({ kind: 'notStarted', from: '2025-09-01' })
    expect(late?.standingText).toBe('chưa bắt đầu (từ 01/09/2025)')
    expect(late?.pace?.behind).toBe(false)
    // After the start, the same cadre has an ordinary pace.
    const later = await call('dashboard.yearTable', { year: 2025, asOf: TODAY })
    expect(later.cadres.find((c) => c.code === 'Z09')?.standing?.kind).toBe('behind')

    await call('history.undo', { batchId: saved.change.batchId })
    const undone = await call('dashboard.yearTable', { year: 2025, asOf: MID })
    expect(undone.cadres.find((c) => c.code === 'Z09')).toBeUndefined()
  })

  it('refuses a bad year or an as-of date outside the year, naming the field', async () => {
    const badYear = await refusal('dashboard.yearTable', { year: 'hai nghìn' })
    expect(badYear.code).toBe('VALIDATION')
    expect(badYear.details.join('\n')).toMatch(/year|Năm/)
    const outside = await refusal('dashboard.yearTableExport', { year: 2025, asOf: '2026-01-05' })
    expect(outside.details.some((d) => d.startsWith('asOf:') && d.includes('không thuộc năm 2025'))).toBe(
      true
    )
  })
})

describe('dashboard.yearTableExport', () => {
  it('writes the screen’s columns, numbers as numbers, a title and the totals rows', async () => {
    const table = await call('dashboard.yearTable', { year: 2025, asOf: MID })
    const file = await call('dashboard.yearTableExport', { year: 2025, asOf: MID })
    expect(file.fileName).toBe('tong-hop-nam-2025-den-2025-06-30.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]!
    expect(String(sheet.getCell(1, 1).value)).toContain('NĂM 2025')
    expect(String(sheet.getCell(2, 1).value)).toContain('Tính đến ngày 30/06/2025')
    const top = sheet.getRow(4).values as unknown[]
    const leaf = sheet.getRow(5).values as unknown[]
    expect(top[1]).toBe('STT')
    expect(top[2]).toBe('Họ và tên')
    const col = (heading: string) => leaf.indexOf(heading)
    expect(col('Chuyên đề')).toBeGreaterThan(0)
    expect(col('Cần đạt')).toBeGreaterThan(0)
    expect(col('So với tiến độ')).toBe(leaf.length - 1)

    table.cadres.forEach((c, i) => {
      const row = sheet.getRow(6 + i)
      expect(row.getCell(1).value).toBe(i + 1)
      expect(row.getCell(2).value).toBe(c.name)
      expect(row.getCell(3).value).toBe(c.target)
      expect(row.getCell(4).value).toBe(c.days)
      expect(row.getCell(4).numFmt).toBe('0.0')
      CONTENT_KINDS.forEach((k, n) => expect(row.getCell(5 + n).value).toBe(c.daysByKind[k]))
      expect(row.getCell(col('Cần đạt')).value).toBe(c.pace?.expectedDays ?? null)
      const pace = row.getCell(col('So với tiến độ')).value
      expect(pace === null ? null : String(pace).split(' (')[0]).toBe(c.standingText)
    })
    const totals = sheet.getRow(6 + table.cadres.length)
    expect(String(totals.getCell(2).value)).toBe(
      `Cộng ${table.totals.subject} cán bộ thuộc đối tượng (tổng số ${table.totals.cadres}, miễn ${table.totals.exempt})`
    )
    expect(totals.getCell(4).value).toBe(expected.midYear.totals.totalDays)
    CONTENT_KINDS.forEach((k, n) =>
      expect(totals.getCell(5 + n).value).toBe(expected.midYear.totals.daysByKind[k])
    )
    const average = sheet.getRow(7 + table.cadres.length)
    expect(average.getCell(4).value).toBe(expected.midYear.totals.averageDays)
  })
})

describe('dashboard.coverage', () => {
  it('gives each unit the summary’s own days and visits, rolled up to its parents on the year’s tree', async () => {
    const coverage = await call('dashboard.coverage', { year: 2025, asOf: '2025-12-31' })
    const summary = await call('summary.year', { year: 2025, asOf: '2025-12-31' })
    expect(coverage.treeDate).toBe('2025-12-31')
    const byCode = new Map(coverage.units.map((u) => [u.code, u]))
    for (const u of summary.units) {
      const row = byCode.get(u.code)
      expect(row, u.code).toBeDefined()
      expect([row?.ownDays, row?.ownVisits], u.code).toEqual([u.days, u.visits])
    }
    // Units the summary never mentions were never visited (the Tỉnh đoàn at the top is the
    // office itself: not flagged).
    const visitedCodes = new Set(summary.units.map((u) => u.code))
    for (const u of coverage.units) {
      if (visitedCodes.has(u.code)) expect(u.neverVisited, u.code).toBe(false)
      else {
        expect([u.ownDays, u.ownVisits], u.code).toEqual([0, 0])
        expect(u.neverVisited, u.code).toBe(!(u.depth === 0 && u.kind === 'TINH_DOAN'))
      }
    }
    expect(coverage.counts.visited).toBe(summary.units.filter((u) => byCode.has(u.code)).length)
    expect(coverage.counts.neverVisited).toBe(coverage.units.filter((u) => u.neverVisited).length)
    expect(coverage.units.find((u) => u.depth === 0)?.kind).toBe('TINH_DOAN')

    // A parent holds at least what each child holds, and its children's own days at most add up
    // with its own (a trip to a unit and its child counts once up the tree).
    for (const u of coverage.units) {
      const children = coverage.units.filter((c) => c.parentCode === u.code)
      expect(children).toHaveLength(u.childCount)
      for (const c of children) expect(u.days).toBeGreaterThanOrEqual(c.days)
      expect(u.days).toBeLessThanOrEqual(u.ownDays + children.reduce((s, c) => s + c.days, 0))
      expect(u.days).toBeGreaterThanOrEqual(u.ownDays)
    }
    // Depth-first: every child comes after its parent.
    const index = new Map(coverage.units.map((u, i) => [u.code, i]))
    for (const u of coverage.units)
      if (u.parentCode) expect(index.get(u.parentCode)!).toBeLessThan(index.get(u.code)!)
    expect(coverage.totals.days).toBeGreaterThan(0)
    expect(coverage.totals.days).toBeLessThanOrEqual(expected.yearEnd.totals.totalDays)
  })

  it('counts only up to the as-of date, and refuses a date outside the year', async () => {
    const mid = await call('dashboard.coverage', { year: 2025, asOf: MID })
    const end = await call('dashboard.coverage', { year: 2025, asOf: '2025-12-31' })
    expect(mid.totals.days).toBeLessThan(end.totals.days)
    const outside = await refusal('dashboard.coverage', { year: 2025, asOf: '2024-12-31' })
    expect(outside.code).toBe('VALIDATION')
    expect(outside.details.some((d) => d.startsWith('asOf:'))).toBe(true)
  })
})

describe('dashboard.coverage on a large tree', () => {
  it('handles 1,000 units (communes with chi đoàn under the Tỉnh đoàn) quickly', async () => {
    const sqlite = fixture.handle.sqlite
    const top = sqlite.prepare("SELECT id FROM units WHERE kind = 'TINH_DOAN' LIMIT 1").get() as {
      id: number
    }
    const insert = sqlite.prepare('INSERT INTO units (code, name, kind, parent_id) VALUES (?, ?, ?, ?)')
    sqlite.transaction(() => {
      for (let i = 0; i < 100; i++) {
        const commune = insert.run(`XL${i}`, `Đoàn xã Lớn ${i}`, 'DOAN_XA', top.id).lastInsertRowid
        for (let j = 0; j < 9; j++)
          insert.run(`XL${i}-${j}`, `Chi đoàn ấp ${j} xã Lớn ${i}`, 'CHI_DOAN', commune)
      }
    })()
    const started = performance.now()
    const coverage = await call('dashboard.coverage', { year: 2025, asOf: '2025-12-31' })
    const elapsed = performance.now() - started
    expect(coverage.units.length).toBeGreaterThanOrEqual(1000)
    expect(coverage.counts.neverVisited).toBeGreaterThanOrEqual(1000)
    expect(coverage.units.find((u) => u.code === 'XL7-3')).toMatchObject({
      depth: 2,
      parentCode: 'XL7',
      days: 0
    })
    // Generous for a shared test machine; it takes a few tens of milliseconds.
    expect(elapsed).toBeLessThan(2000)
  })
})
