/**
 * The quarterly documents use Kế hoạch quý: the quarter plan's schedule is grouped by round
 * and holds the registrations waiting for approval and the trips approved ones became (also
 * once done); the registration form and the registration summary count a cadre's pending
 * registrations with the same overlap rule as trips. Read back from a real .docx too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers } from '../../../shared/api/contract'
import { exportDocument } from '../../../electron/reports/export'
import {
  loadQuarterPlanData,
  loadRegistrationFormData,
  loadRegistrationSummaryData
} from '../../../electron/reports/load-trips'
import type { ServiceContext } from '../../../electron/services/context'
import { createHandlers } from '../../../electron/services/index'
import { plainText, readDocx } from '../reports/docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from '../reports/fixture-db'
import { caller } from './helpers'

let fixture: FixtureDb
let ctx: ServiceContext
let handlers: ApiHandlers
let api: ReturnType<typeof caller>
let approvedTrip: string

const Q = { year: 2025, quarter: 4 } as const
const base = {
  ...Q,
  startHalf: 'SANG' as const,
  endHalf: 'CHIEU' as const,
  topic: null,
  note: null
}

beforeAll(async () => {
  fixture = await openFixtureDb()
  ctx = fixture.at('2025-10-15')
  enterOrganisation(ctx)
  handlers = createHandlers(ctx)
  api = caller(handlers)
  await api.call('planning.saveRound', {
    ...Q,
    number: 1,
    startDate: '2025-10-06',
    endDate: '2025-10-10',
    note: null
  })
  await api.call('planning.saveRound', {
    ...Q,
    number: 2,
    startDate: '2025-11-10',
    endDate: '2025-11-14',
    note: null
  })
  // Pending: A03 in round 1 (2 days). Approved: A01 in round 2 (3 days), then done.
  await api.call('planning.createRegistration', {
    ...base,
    cadreCode: 'A03',
    roundNumber: 1,
    startDate: '2025-10-06',
    endDate: '2025-10-07',
    unitCodes: ['TAN'],
    kind: 'CHUYEN_DE'
  })
  const a01 = await api.call('planning.createRegistration', {
    ...base,
    cadreCode: 'A01',
    roundNumber: 2,
    startDate: '2025-11-10',
    endDate: '2025-11-12',
    unitCodes: ['DDT'],
    kind: 'DU_SH_BCH_BTV'
  })
  const approved = await api.call('planning.setRegistrationStatus', {
    codes: [a01.value.code],
    status: 'THUONG_TRUC_DUYET',
    note: null
  })
  approvedTrip = approved.value.tripCodes[0]!
  await api.call('trips.setStatus', { codes: [approvedTrip], status: 'DA_THUC_HIEN', reportDate: null })
}, 60_000)

afterAll(() => fixture?.close())

describe('quarterly documents with rounds and registrations', () => {
  it('the quarter plan groups by round and holds the pending registration and the approved trip, even done', async () => {
    const data = loadQuarterPlanData(ctx, 2025, 4)
    const labels = data.groups.map((g) => g.label)
    expect(labels[0]).toBe('Đợt 1 (06/10 – 10/10/2025)')
    expect(labels[1]).toBe('Đợt 2 (10/11 – 14/11/2025)')
    const round1 = data.groups[0]!.trips
    expect(round1.map((t) => t.code)).toContain('DK0001')
    expect(data.groups[1]!.trips.map((t) => t.code)).toContain(approvedTrip)
    // TR005 (a planned trip of the logbook, 22–26/12) lies outside the rounds.
    expect(labels).toContain('Ngoài các đợt')
    expect(data.groups.at(-1)!.trips.map((t) => t.code)).toContain('TR005')
    const result = await exportDocument(ctx, { document: 'quarter-plan', year: 2025, quarter: 4 })
    const text = plainText((await readDocx(result.buffer)).document)
    expect(text).toContain('Đợt 1 (06/10 – 10/10/2025)')
    expect(text).toContain('Ngoài các đợt')
  })

  it('the registration form lists the cadre’s pending registration with its days', () => {
    const before = loadRegistrationFormData(ctx, 2025, 4, 'A03')
    expect(before.trips.map((t) => t.code)).toContain('DK0001')
    const row = before.trips.find((t) => t.code === 'DK0001')!
    expect(row).toMatchObject({ days: 2, status: 'DU_KIEN' })
  })

  it('the registration summary counts pending registrations in the cadre’s row', async () => {
    const data = loadRegistrationSummaryData(ctx, 2025, 4)
    const rows = data.groups.flatMap((g) => g.rows)
    const a03 = rows.find((r) => r.code === 'A03')!
    // A03 also has TR005 (22–26/12, 5 days): 2 + 5.
    expect(a03.totalDays).toBe(7)
    expect(a03.daysByKind.CHUYEN_DE).toBeGreaterThanOrEqual(2)
    const a01 = rows.find((r) => r.code === 'A01')!
    expect(a01.daysByKind.DU_SH_BCH_BTV).toBeGreaterThanOrEqual(3)
    // Refusing the registration takes it out.
    await api.call('planning.setRegistrationStatus', { codes: ['DK0001'], status: 'TU_CHOI', note: null })
    const after = loadRegistrationSummaryData(ctx, 2025, 4)
      .groups.flatMap((g) => g.rows)
      .find((r) => r.code === 'A03')!
    expect(after.totalDays).toBe(5)
  })
})
