/**
 * Issue 12: the optimised summary gives exactly the figures of the implementation before it
 * (frozen in ./reference), cell by cell, on the benchmark's national dataset at a third of its
 * size so the suite stays under a minute on a busy 2-core machine (34 provinces × 20 cadres,
 * 5 years, ≈ 135,000 participations, with overlaps, half days, exemptions, overrides, shared
 * trips; `npm run bench` runs the full size): finished years, the running year, an as-of date
 * in the middle of a year, and changed rules (a March–December window, other ratio rules).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'
import { createServiceContext, type ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { getYearSettings } from '../../../electron/services/settings/year'
import { loadSummaryRows, loadYearSummaryView } from '../../../electron/services/summary'
import { defaultYearSettings, type YearSettings } from '../../../shared/domain/settings'
import { NATIONAL, TRIPS_PER_CADRE, seedDataset, type DatasetCounts } from '../../../scripts/bench/dataset'
import { loadSummaryRows as referenceRows, loadYearSummaryView as referenceView } from './reference/summary'

const DATASET = { ...NATIONAL, cadresPerProvince: 20, trips: Math.round(34 * 20 * TRIPS_PER_CADRE) }

let dir: string
let handle: DatabaseHandle
let ctx: ServiceContext
let counts: DatasetCounts

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sdcs-speed-'))
  handle = openDatabase(join(dir, 'national.sqlite'))
  counts = seedDataset(handle.sqlite, DATASET)
  ctx = createServiceContext(handle, {
    today: () => NATIONAL.today,
    now: () => `${NATIONAL.today}T08:00:00.000Z`
  })
}, 120_000)

afterAll(() => {
  handle?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** The first differing cell, named, so a failure says where (toEqual alone prints 2,000 rows). */
function firstDifference(actual: unknown, expected: unknown, path = ''): string | null {
  if (Object.is(actual, expected)) return null
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) {
    return `${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return `${path}: array vs object`
  const keys = new Set([...Object.keys(actual), ...Object.keys(expected)])
  for (const key of keys) {
    const d = firstDifference(
      (actual as Record<string, unknown>)[key],
      (expected as Record<string, unknown>)[key],
      `${path}.${key}`
    )
    if (d) return d
  }
  return null
}

function compare(year: number, asOf: string | undefined, settings: YearSettings): number {
  const expected = referenceView(ctx, year, asOf, settings)
  const actual = loadYearSummaryView(ctx, year, asOf, settings)
  // A full deep comparison (every key of both sides, Object.is on every value).
  expect(firstDifference(actual, expected)).toBeNull()
  return expected.cadres.length
}

describe('the optimised year summary equals the reference on the national dataset', () => {
  it('builds a national-shaped dataset', () => {
    expect(counts.cadres).toBe(680)
    expect(counts.participations).toBeGreaterThan(120_000)
    expect(counts.exemptions).toBeGreaterThan(100)
  })

  it('a finished year and the running year (pace, planned trips)', () => {
    const cadres = compare(2024, undefined, getYearSettings(ctx.db, 2024))
    expect(cadres).toBeGreaterThan(600)
    const running = loadYearSummaryView(ctx, 2026)
    expect(running.inProgress).toBe(true)
    expect(running.totals.behindPace).toBeGreaterThan(0)
    expect(running.totals.completed).toBeGreaterThan(0)
    compare(2026, undefined, getYearSettings(ctx.db, 2026))
  }, 120_000)

  it('an as-of date in the middle of a year, and a first year (trips from before the data)', () => {
    compare(2025, '2025-06-30', getYearSettings(ctx.db, 2025))
    compare(2022, '2022-12-31', getYearSettings(ctx.db, 2022))
  }, 120_000)

  it('other rules: a March–December window, a different target, ratio rules changed', () => {
    const settings: YearSettings = {
      ...defaultYearSettings(2023),
      windowStart: '2023-03-01',
      windowEnd: '2023-12-31',
      targetDays: 30,
      minSubjectDays: 120,
      ratioRules: [
        { id: 'CHUYEN_DE', label: 'Chuyên đề', kinds: ['CHUYEN_DE'], minPercent: 25, enabled: true },
        {
          id: 'SINH_HOAT',
          label: 'Sinh hoạt',
          kinds: ['DU_SH_CHI_DOAN', 'DU_SH_BCH_BTV'],
          minPercent: 40,
          enabled: false
        },
        { id: 'KT', label: 'Kiểm tra', kinds: ['KIEM_TRA'], minPercent: 10, enabled: true }
      ]
    }
    compare(2023, '2023-09-15', settings)
  }, 120_000)

  it('the rows Tổng quan computes its months from are the same', () => {
    const settings = getYearSettings(ctx.db, 2025)
    const actual = loadSummaryRows(ctx, 2025, settings)
    const expected = referenceRows(ctx, 2025, settings)
    const byId = <T extends { id: number }>(rows: T[]) => [...rows].sort((a, b) => a.id - b.id)
    expect(firstDifference(byId(actual.cadres), byId(expected.cadres))).toBeNull()
    expect(firstDifference(actual.trips, expected.trips)).toBeNull()
    expect(actual.trips.length).toBeGreaterThan(15_000)
  }, 120_000)

  it('through the dispatcher, with its validation', async () => {
    const handlers = createHandlers(ctx)
    const viaApi = await dispatch(handlers, 'summary.year', { year: 2024 })
    expect(viaApi.ok).toBe(true)
    if (viaApi.ok) expect(firstDifference(viaApi.value, referenceView(ctx, 2024))).toBeNull()
    const refused = await dispatch(handlers, 'summary.year', { year: 2024, asOf: '2025-01-01' })
    expect(refused.ok).toBe(false)
  }, 120_000)
})
