/**
 * The planning services on the 2025 fixture, through the dispatcher (zod validation runs):
 * rounds, registrations and their moves up to the Thường trực's approval (which makes a planned
 * trip through the trips domain and keeps the link), oversight and coverage, planned vs done,
 * refusals in Vietnamese naming the field, and "Hoàn tác" of every write.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers } from '../../../shared/api/contract'
import { registrations, tripParticipants, trips } from '../../../electron/db/schema'
import type { ServiceContext } from '../../../electron/services/context'
import { createHandlers } from '../../../electron/services/index'
import { openFixtureDb, type FixtureDb } from '../reports/fixture-db'
import { caller } from './helpers'

let fixture: FixtureDb
let ctx: ServiceContext
let handlers: ApiHandlers
let api: ReturnType<typeof caller>

beforeAll(async () => {
  fixture = await openFixtureDb()
  ctx = fixture.at('2025-10-15')
  handlers = createHandlers(ctx)
  api = caller(handlers)
}, 60_000)

afterAll(() => fixture?.close())

const Q = { year: 2025, quarter: 4 } as const
const registration = {
  cadreCode: 'A03',
  ...Q,
  roundNumber: 1,
  startDate: '2025-10-06',
  startHalf: 'SANG' as const,
  endDate: '2025-10-08',
  endHalf: 'CHIEU' as const,
  unitCodes: ['TAN'],
  kind: 'CHUYEN_DE' as const,
  topic: 'Khảo sát tình hình đoàn viên',
  note: null
}

describe('rounds', () => {
  it('adds, edits and deletes a round; refuses one outside the quarter or over another; undo puts it back', async () => {
    const saved = await api.call('planning.saveRound', {
      ...Q,
      number: 1,
      startDate: '2025-10-06',
      endDate: '2025-10-10',
      note: 'Đợt 1'
    })
    expect(saved.change.label).toBe('Thêm Quý IV – Đợt 1/2025: 06/10/2025 – 10/10/2025')
    const outside = await api.refusal('planning.saveRound', {
      ...Q,
      number: 2,
      startDate: '2026-01-05',
      endDate: '2026-01-09',
      note: null
    })
    expect(outside.code).toBe('VALIDATION')
    expect(outside.details.join('\n')).toContain(
      'startDate: Từ ngày phải trong Quý IV/2025 (01/10/2025 – 31/12/2025).'
    )
    const overlap = await api.refusal('planning.saveRound', {
      ...Q,
      number: 2,
      startDate: '2025-10-09',
      endDate: '2025-10-14',
      note: null
    })
    expect(overlap.details.join('\n')).toContain('Trùng thời gian với Đợt 1 (06/10 – 10/10/2025)')
    const second = await api.call('planning.saveRound', {
      ...Q,
      number: 2,
      startDate: '2025-11-10',
      endDate: '2025-11-14',
      note: null
    })
    await api.call('planning.saveRound', {
      ...Q,
      number: 2,
      originalNumber: 2,
      startDate: '2025-11-10',
      endDate: '2025-11-13',
      note: 'rút ngắn'
    })
    let view = await api.call('planning.quarter', Q)
    expect(view.rounds.map((r) => [r.number, r.endDate, r.note])).toEqual([
      [1, '2025-10-10', 'Đợt 1'],
      [2, '2025-11-13', 'rút ngắn']
    ])
    const removed = await api.call('planning.deleteRound', { ...Q, number: 2 })
    view = await api.call('planning.quarter', Q)
    expect(view.rounds).toHaveLength(1)
    await api.call('history.undo', { batchId: removed.change.batchId })
    view = await api.call('planning.quarter', Q)
    expect(view.rounds).toHaveLength(2)
    expect(second.value.number).toBe(2)
  })

  it('offers every quarter of this year and next year', async () => {
    const view = await api.call('planning.quarter', {})
    expect(view.choices.map((c) => c.label)).toEqual(
      expect.arrayContaining(['Quý I/2025', 'Quý IV/2025', 'Quý I/2026', 'Quý IV/2026'])
    )
    // 15/10/2025 is not the last month of Q4: the page opens on Q4.
    expect([view.year, view.quarter]).toEqual([2025, 4])
  })
})

describe('registrations', () => {
  let code: string

  it('creates one, refuses an unknown cadre and dates outside the round under their fields', async () => {
    const bad = await api.refusal('planning.createRegistration', {
      ...registration,
      cadreCode: 'ZZ',
      endDate: '2025-10-14'
    })
    expect(bad.code).toBe('VALIDATION')
    expect(bad.details).toEqual(
      expect.arrayContaining([
        'cadreCode: Không có cán bộ mã "ZZ".',
        'startDate: Ngày đi phải trong Đợt 1 (06/10 – 10/10/2025); đi ngoài đợt thì bỏ chọn đợt.'
      ])
    )
    const empty = await api.refusal('planning.createRegistration', { ...registration, unitCodes: [] })
    expect(empty.details.join('\n')).toContain('Chọn ít nhất một đơn vị')
    const saved = await api.call('planning.createRegistration', registration)
    code = saved.value.code
    expect(code).toBe('DK0001')
    expect(saved.change.label).toBe('Đăng ký đi cơ sở DK0001 Lê Minh Đức, 06/10/2025 – 08/10/2025 (3 ngày)')
    const read = await api.call('planning.registration', { code })
    expect(read).toMatchObject({
      cadreName: 'Lê Minh Đức',
      roundNumber: 1,
      days: 3,
      status: 'DANG_KY',
      unitCodes: ['TAN'],
      tripCode: null
    })
  })

  it('edits it, moves it to ban duyệt, approves it into a planned trip, and undo of the approval removes the trip', async () => {
    const edited = await api.call('planning.updateRegistration', {
      ...registration,
      code,
      endDate: '2025-10-07',
      unitCodes: ['TAN', 'DDT']
    })
    expect((await api.call('planning.registration', { code })).unitCodes).toEqual(['TAN', 'DDT'])
    await api.call('history.undo', { batchId: edited.change.batchId })
    expect((await api.call('planning.registration', { code })).days).toBe(3)

    await api.call('planning.setRegistrationStatus', { codes: [code], status: 'BAN_DUYET', note: null })
    const approved = await api.call('planning.setRegistrationStatus', {
      codes: [code],
      status: 'THUONG_TRUC_DUYET',
      note: null
    })
    expect(approved.value.tripCodes).toHaveLength(1)
    const tripCode = approved.value.tripCodes[0]!
    const trip = ctx.db.select().from(trips).where(eq(trips.code, tripCode)).get()!
    expect(trip).toMatchObject({
      status: 'DU_KIEN',
      startDate: '2025-10-06',
      endDate: '2025-10-08',
      kind: 'CHUYEN_DE',
      topic: 'Khảo sát tình hình đoàn viên'
    })
    expect(
      ctx.db.select().from(tripParticipants).where(eq(tripParticipants.tripId, trip.id)).all()
    ).toHaveLength(1)
    const view = await api.call('planning.registration', { code })
    expect(view).toMatchObject({ status: 'THUONG_TRUC_DUYET', tripCode, tripStatus: 'DU_KIEN' })
    // Approved: editing and deleting are refused; the trip carries on in the logbook.
    const locked = await api.refusal('planning.updateRegistration', { ...registration, code })
    expect(locked.code).toBe('CONFLICT')
    expect(locked.message).toContain('đã được Thường trực duyệt')
    const back = await api.refusal('planning.setRegistrationStatus', {
      codes: [code],
      status: 'DANG_KY',
      note: null
    })
    expect(back.message).toContain('Không chuyển được sang "Đăng ký"')

    await api.call('history.undo', { batchId: approved.change.batchId })
    expect(ctx.db.select().from(trips).where(eq(trips.code, tripCode)).get()).toBeUndefined()
    expect((await api.call('planning.registration', { code })).status).toBe('BAN_DUYET')
  })

  it('planned vs done: the approved trip done shows in the round and the cadre row, and the link stays', async () => {
    const approved = await api.call('planning.setRegistrationStatus', {
      codes: [code],
      status: 'THUONG_TRUC_DUYET',
      note: null
    })
    const tripCode = approved.value.tripCodes[0]!
    let view = await api.call('planning.quarter', Q)
    expect(view.rounds[0]).toMatchObject({ plannedDays: 3, doneDays: 0 })
    await api.call('trips.setStatus', { codes: [tripCode], status: 'DA_THUC_HIEN', reportDate: null })
    view = await api.call('planning.quarter', Q)
    expect(view.rounds[0]).toMatchObject({ plannedDays: 3, doneDays: 3 })
    expect(view.cadres.find((c) => c.cadreCode === 'A03')).toMatchObject({ approvedDays: 3, doneDays: 3 })
    expect(view.registrations[0]).toMatchObject({ tripCode, tripStatus: 'DA_THUC_HIEN' })
    // The round cannot be deleted while a registration uses it.
    const used = await api.refusal('planning.deleteRound', { ...Q, number: 1 })
    expect(used.message).toContain('có 1 đăng ký thuộc đợt (DK0001)')
  })

  it('refuses and deletes a registration; undo brings it back with its units', async () => {
    const saved = await api.call('planning.createRegistration', {
      ...registration,
      cadreCode: 'A01',
      roundNumber: null,
      startDate: '2025-11-03',
      endDate: '2025-11-03',
      endHalf: 'SANG',
      unitCodes: ['DDT', 'TAN']
    })
    const refused = await api.call('planning.setRegistrationStatus', {
      codes: [saved.value.code],
      status: 'TU_CHOI',
      note: 'Trùng lịch họp'
    })
    expect(refused.value.count).toBe(1)
    expect((await api.call('planning.registration', { code: saved.value.code })).note).toBe('Trùng lịch họp')
    const removed = await api.call('planning.deleteRegistration', { code: saved.value.code })
    expect(
      ctx.db.select().from(registrations).where(eq(registrations.code, saved.value.code)).get()
    ).toBeUndefined()
    await api.call('history.undo', { batchId: removed.change.batchId })
    const back = await api.call('planning.registration', { code: saved.value.code })
    expect(back).toMatchObject({ unitCodes: ['DDT', 'TAN'], days: 0.5, status: 'TU_CHOI' })
  })
})

describe('history', () => {
  it('lists the planning changes in words (the registration by its code)', async () => {
    const page = await api.call('history.list', { entity: 'registrations', key: 'DK0001', page: 0 })
    expect(JSON.stringify(page)).toContain('DK0001')
    expect(JSON.stringify(page)).toContain('Đăng ký đi cơ sở DK0001 Lê Minh Đức')
  })
})

describe('oversight and coverage', () => {
  it('clusters and assignments name the overseers of each unit; undo and delete work', async () => {
    const cluster = await api.call('planning.saveCluster', {
      code: 'C1',
      name: 'Cụm 1',
      unitCodes: ['TAN', 'DDT'],
      note: null
    })
    const both = await api.refusal('planning.saveAssignment', {
      cadreCode: 'A01',
      unitCode: 'TAN',
      clusterCode: 'C1',
      fromDate: '2025-01-01',
      toDate: null,
      note: null
    })
    expect(both.details.join('\n')).toContain('unitCode: Chọn một đơn vị hoặc một cụm')
    const assigned = await api.call('planning.saveAssignment', {
      cadreCode: 'A01',
      unitCode: null,
      clusterCode: 'C1',
      fromDate: '2025-01-01',
      toDate: null,
      note: null
    })
    await api.call('planning.saveAssignment', {
      cadreCode: 'A02',
      unitCode: 'TAN',
      clusterCode: null,
      fromDate: '2025-01-01',
      toDate: '2025-06-30',
      note: null
    })
    const coverage = await api.call('planning.coverage', Q)
    const tan = coverage.units.find((u) => u.code === 'TAN')!
    // A02's assignment ended before Q4.
    expect(tan.overseers).toEqual(['Nguyễn Hồng Thắm (Cụm 1)'])
    expect(coverage.units.every((u) => u.kind !== 'TINH_DOAN')).toBe(true)
    const oversight = await api.call('planning.oversight', {})
    expect(oversight.clusters[0]!.units.map((u) => u.code)).toEqual(['TAN', 'DDT'])
    expect(oversight.assignments).toHaveLength(2)
    const inUse = await api.refusal('planning.deleteCluster', { code: 'C1' })
    expect(inUse.code).toBe('CONFLICT')
    const gone = await api.call('planning.deleteAssignment', { id: assigned.value.id })
    await api.call('history.undo', { batchId: gone.change.batchId })
    expect((await api.call('planning.oversight', {})).assignments).toHaveLength(2)
    await api.call('planning.deleteAssignment', { id: assigned.value.id })
    await api.call('planning.deleteCluster', { code: 'C1' })
    expect((await api.call('planning.oversight', {})).clusters).toEqual([])
    expect(cluster.value.code).toBe('C1')
  })
})
