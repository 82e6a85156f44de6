/**
 * dashboard.overview on a real SQLite file with the 2025 fixture, called through the same
 * dispatcher as IPC and the test bridge (so its zod schema runs): the figures equal the
 * independently computed office-2025.expected.json and the year summary service, the months
 * and departments add up to the year, the behind-pace list is the summary's, overdue reports
 * follow writes and their undo, and bad input is refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import { CONTENT_KINDS } from '../../../shared/domain/kinds'
import { reportOverdueDays } from '../../../shared/domain/reports-due'
import type { ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import {
  expected,
  openFixtureDb,
  type ExpectedCadre,
  type ExpectedTotals,
  type FixtureDb
} from '../reports/fixture-db'

/** The e2e bridge's "today": 2025 is the running year. */
const TODAY = '2025-10-15'

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

function sql<T>(query: string, ...params: unknown[]): T[] {
  return fixture.handle.sqlite.prepare(query).all(...params) as T[]
}

function expectTotals(actual: ApiResult<'dashboard.overview'>['totals'], want: ExpectedTotals) {
  expect(actual).toMatchObject({
    cadres: want.cadres,
    subject: want.subject,
    exempt: want.exempt,
    completed: want.completed,
    totalDays: want.totalDays,
    averageDays: want.averageDays
  })
  for (const k of CONTENT_KINDS) expect(actual.daysByKind[k]).toBe(want.daysByKind[k])
}

function expectCadres(actual: ApiResult<'dashboard.overview'>['cadres'], want: ExpectedCadre[]) {
  const byCode = new Map(actual.map((c) => [c.code, c]))
  expect(actual).toHaveLength(want.length)
  for (const w of want) {
    const c = byCode.get(w.code)
    expect(c, w.code).toBeDefined()
    expect({ code: c?.code, name: c?.name, status: c?.status, target: c?.target, days: c?.days }).toEqual({
      code: w.code,
      name: w.name,
      status: w.status,
      target: w.target,
      days: w.days
    })
    for (const k of CONTENT_KINDS) expect(c?.daysByKind[k], `${w.code} ${k}`).toBe(w.daysByKind[k])
  }
}

describe('the figures', () => {
  it('equal the fixture expected at year end and at 30/06/2025, and the year summary service', async () => {
    for (const [asOf, want] of [
      ['2025-12-31', expected.yearEnd],
      ['2025-06-30', expected.midYear]
    ] as const) {
      const view = await call('dashboard.overview', { year: 2025, asOf })
      expect(view.asOf).toBe(asOf)
      expectTotals(view.totals, want.totals)
      expectCadres(view.cadres, want.cadres)
      const summary = await call('summary.year', { year: 2025, asOf })
      expect(view.totals).toEqual(summary.totals)
      expect(view.cadres.map((c) => c.code)).toEqual(summary.cadres.map((c) => c.code))
      expect(view.inProgress).toBe(asOf < '2025-12-31')
    }
  })

  it('opens on today while the year runs and on the last day of a past year', async () => {
    expect((await call('dashboard.overview', { year: 2025 })).asOf).toBe(TODAY)
    const past = await call('dashboard.overview', { year: 2024 })
    expect(past.asOf).toBe('2024-12-31')
    expect(past.inProgress).toBe(false)
  })

  it('lists the ratio rules in force with their thresholds', async () => {
    const view = await call('dashboard.overview', { year: 2025, asOf: '2025-12-31' })
    expect(view.ratioRules.map((r) => [r.id, r.minPercent])).toEqual([
      ['CHUYEN_DE', 20],
      ['SINH_HOAT', 40]
    ])
    const y = view.cadres.find((c) => c.code === 'A04')
    expect(y?.ratioChecks.find((r) => r.ruleId === 'CHUYEN_DE')?.met).toBe(false)
  })
})

describe('days per month and per department', () => {
  it('adds up to the year total and stops at the as-of date', async () => {
    for (const asOf of ['2025-06-30', '2025-10-15', '2025-12-31']) {
      const view = await call('dashboard.overview', { year: 2025, asOf })
      expect(view.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
      const sum = view.months.reduce((s, m) => s + (m.days ?? 0), 0)
      expect(sum).toBe(view.totals.totalDays)
      const asOfMonth = Number(asOf.slice(5, 7))
      for (const m of view.months)
        expect(m.days === null, `${asOf} month ${m.month}`).toBe(m.month > asOfMonth)
    }
  })

  it('departments add up to the subject cadres and their days', async () => {
    const view = await call('dashboard.overview', { year: 2025, asOf: '2025-12-31' })
    expect(view.departments.reduce((s, d) => s + d.subject, 0)).toBe(view.totals.subject)
    expect(view.departments.reduce((s, d) => s + d.days, 0)).toBe(view.totals.totalDays)
    expect(view.departments.reduce((s, d) => s + d.completed, 0)).toBe(view.totals.completed)
    const targets = view.cadres.filter((c) => c.status !== 'MIEN').reduce((s, c) => s + (c.target ?? 0), 0)
    expect(view.departments.reduce((s, d) => s + d.target, 0)).toBe(targets)
  })

  it('compares with last year once last year has trips', async () => {
    const before = await call('dashboard.overview', { year: 2025, asOf: '2025-12-31' })
    expect(before.previousYear).toBe(2024)
    expect(before.previousYearHasTrips).toBe(false)
    expect(before.months.every((m) => m.previousDays === 0)).toBe(true)

    const [unit] = sql<{ code: string }>('SELECT code FROM units ORDER BY id LIMIT 1')
    const saved = await call('trips.create', {
      code: 'T2024-01',
      startDate: '2024-03-04',
      startHalf: 'SANG',
      endDate: '2024-03-06',
      endHalf: 'CHIEU',
      unitCodes: [unit?.code ?? ''],
      kind: 'CHUYEN_DE',
      cadreCodes: ['A01', 'A02'],
      status: 'DA_BAO_CAO'
    })
    const after = await call('dashboard.overview', { year: 2025, asOf: '2025-12-31' })
    expect(after.previousYearHasTrips).toBe(true)
    // Two subject cadres, three days each.
    expect(after.months.find((m) => m.month === 3)?.previousDays).toBe(6)
    expect(after.months.filter((m) => m.month !== 3).every((m) => m.previousDays === 0)).toBe(true)
    expect(after.totals).toEqual(before.totals)

    await call('history.undo', { batchId: saved.change.batchId })
    expect((await call('dashboard.overview', { year: 2025, asOf: '2025-12-31' })).previousYearHasTrips).toBe(
      false
    )
  })
})

describe('the lists to act on', () => {
  it('lists the cadres the summary shows behind pace, the furthest behind first, with the gap', async () => {
    const mid = await call('dashboard.overview', { year: 2025, asOf: '2025-06-30' })
    expect(mid.behind).toEqual([])
    expect(mid.totals.behindPace).toBe(0)

    const [department] = await call('departments.list', {})
    const created = []
    for (const [code, fullName, serviceStart] of [
      ['Z02', 'Lương Văn Khoa', '2025-07-01'],
      ['Z01', 'Bùi Thị Hạnh', null]
    ] as const) {
      created.push(
        await call('cadres.create', {
          code,
          fullName,
          position: 'Chuyên viên',
          departmentCode: department?.code ?? '',
          fullTime: true,
          serviceStart
        })
      )
    }
    const view = await call('dashboard.overview', { year: 2025, asOf: TODAY })
    const summary = await call('summary.year', { year: 2025, asOf: TODAY })
    const behind = summary.cadres.filter((c) => c.pace?.behind)
    expect(view.behind.map((c) => c.code)).toEqual(['Z01', 'Z02'])
    expect(new Set(view.behind.map((c) => c.code))).toEqual(new Set(behind.map((c) => c.code)))
    expect(view.totals.behindPace).toBe(2)
    for (const c of view.behind) {
      expect(c.paceGap).toBe(Math.round(((c.pace?.expectedDays ?? 0) - c.days) * 100) / 100)
      expect(c.paceGap).toBeGreaterThan(view.behindPaceDays)
    }
    // 60 × 288 ÷ 365 = 47.34 days expected of a cadre serving all year.
    expect(view.behind[0]?.pace?.expectedDays).toBe(47.34)
    // Everyone else has a gap only while a pace is shown.
    for (const c of view.cadres) expect(c.paceGap === null).toBe(c.pace === null)

    // Their department counts them as behind pace.
    const dep = view.departments.find((d) => d.departmentName === department?.name)
    expect(dep?.behindPace).toBe(2)

    for (const saved of created.reverse()) await call('history.undo', { batchId: saved.change.batchId })
    expect((await call('dashboard.overview', { year: 2025, asOf: TODAY })).behind).toEqual([])
  })

  it('lists overdue reports as of the date; a report handed in leaves the list, its undo brings it back', async () => {
    const rows = sql<{ code: string; status: string; end_date: string; report_date: string | null }>(
      "SELECT code, status, end_date, report_date FROM trips WHERE start_date <= ? AND end_date >= '2025-01-01'",
      TODAY
    )
    const want = rows
      .map((r) => ({
        code: r.code,
        days: reportOverdueDays(
          { status: r.status as never, endDate: r.end_date, reportDate: r.report_date },
          TODAY,
          10
        )
      }))
      .filter((r) => r.days > 0)
      .sort((a, b) => b.days - a.days || a.code.localeCompare(b.code))
    expect(want.length).toBeGreaterThan(2)

    const view = await call('dashboard.overview', { year: 2025, asOf: TODAY })
    expect(view.reportDueDays).toBe(10)
    expect(view.overdueReports.map((t) => [t.code, t.overdueDays])).toEqual(want.map((t) => [t.code, t.days]))
    const first = view.overdueReports[0]
    if (!first) throw new Error('no overdue report listed')
    expect(first.cadres.length).toBeGreaterThan(0)
    expect(first.dueDate > first.endDate).toBe(true)

    // Earlier in the year fewer trips had ended: the list is as of the chosen date.
    const early = await call('dashboard.overview', { year: 2025, asOf: '2025-02-28' })
    expect(early.overdueReports.length).toBeLessThan(view.overdueReports.length)
    expect(early.overdueReports.every((t) => t.dueDate < '2025-02-28')).toBe(true)

    const saved = await call('trips.setStatus', {
      codes: [first.code],
      status: 'DA_BAO_CAO',
      reportDate: TODAY
    })
    const handedIn = await call('dashboard.overview', { year: 2025, asOf: TODAY })
    expect(handedIn.overdueReports.map((t) => t.code)).not.toContain(first.code)
    expect(handedIn.overdueReports).toHaveLength(want.length - 1)

    await call('history.undo', { batchId: saved.change.batchId })
    const undone = await call('dashboard.overview', { year: 2025, asOf: TODAY })
    expect(undone.overdueReports[0]?.code).toBe(first.code)
    expect(undone.overdueReports).toHaveLength(want.length)
  })
})

describe('refusals', () => {
  it('refuses an as-of date outside the year, naming the field', async () => {
    const error = await refusal('dashboard.overview', { year: 2025, asOf: '2026-01-01' })
    expect(error.code).toBe('VALIDATION')
    expect(error.details).toEqual([
      'asOf: Ngày tính đến 01/01/2026 không thuộc năm 2025: hãy chọn một ngày từ 01/01/2025 đến 31/12/2025.'
    ])
  })

  it('refuses a date that does not exist and a year out of range', async () => {
    const bad = await refusal('dashboard.overview', { year: 2025, asOf: '2025-02-30' })
    expect(bad.details).toEqual([
      'asOf: Tính đến ngày không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    ])
    const year = await refusal('dashboard.overview', { year: 1999 })
    expect(year.details).toEqual(['year: Năm phải từ 2000 trở đi.'])
    const missing = await refusal('dashboard.overview', {})
    expect(missing.details[0]).toMatch(/^year: /)
  })

  it('answers a year without trips with zero figures, not an error', async () => {
    const view = await call('dashboard.overview', { year: 2030, asOf: '2030-12-31' })
    // Cadres still serving are listed; nobody has done anything yet.
    expect(view.cadres.length).toBeGreaterThan(0)
    expect(view.cadres.every((c) => c.days === 0)).toBe(true)
    expect(view.totals.totalDays).toBe(0)
    expect(view.months.every((m) => m.days === 0 && m.previousDays === 0)).toBe(true)
    expect(view.overdueReports).toEqual([])
  })
})
