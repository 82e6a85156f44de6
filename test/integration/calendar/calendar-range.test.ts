/**
 * calendar.range on the 2025 fixture through the dispatcher (zod validation included): days,
 * public holidays, rounds, cadres by ban, trips with their colour key (kind), planned trips,
 * registrations, exemption periods, the per-day count of cadres out and the conflicts, which
 * must be the trips domain's own words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CalendarRange } from '../../../shared/api/calendar'
import type { ApiEnvelope } from '../../../shared/api/errors'
import type { TripCheck } from '../../../shared/api/trips'
import { compareVietnameseNames } from '../../../shared/domain/collation'
import { addDays, inclusiveDays } from '../../../shared/domain/dates'
import {
  cadres,
  exemptions,
  planningRounds,
  registrations,
  registrationUnits,
  units
} from '../../../electron/db/schema'
import { createHandlers } from '../../../electron/services'
import { dispatch } from '../../../electron/services/dispatch'
import { eq } from 'drizzle-orm'
import { openFixtureDb, type FixtureDb } from '../reports/fixture-db'

let fx: FixtureDb
const TODAY = '2025-11-15'

async function call<T>(method: string, input: unknown): Promise<ApiEnvelope<T>> {
  return (await dispatch(createHandlers(fx.at(TODAY)), method, input)) as ApiEnvelope<T>
}

async function range(input: Record<string, unknown>): Promise<CalendarRange> {
  const envelope = await call<CalendarRange>('calendar.range', input)
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error))
  return envelope.value
}

function allCadres(r: CalendarRange) {
  return r.departments.flatMap((d) => d.cadres)
}

beforeAll(async () => {
  fx = await openFixtureDb()
}, 60_000)

afterAll(() => fx?.close())

describe('calendar.range', () => {
  it('lays out the days of Q2 2025 with weekdays and the public holidays of that spring', async () => {
    const r = await range({ from: '2025-04-01', to: '2025-06-30' })
    expect(r.days).toHaveLength(91)
    expect(r.days[0]).toMatchObject({ date: '2025-04-01', weekday: 'T3', weekend: false })
    expect(r.days.find((d) => d.date === '2025-04-05')).toMatchObject({ weekday: 'T7', weekend: true })
    expect(r.days.filter((d) => d.holiday).map((d) => [d.date, d.holiday?.name])).toEqual([
      ['2025-04-07', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2025-04-30', 'Ngày Chiến thắng (30/4)'],
      ['2025-05-01', 'Ngày Quốc tế Lao động (1/5)']
    ])
    expect(r.today).toBe(TODAY)
  })

  it('groups the cadres in service by ban, in Vietnamese name order', async () => {
    const r = await range({ from: '2025-04-01', to: '2025-06-30' })
    expect(r.departments.length).toBeGreaterThan(1)
    for (const d of r.departments) {
      const names = d.cadres.map((c) => c.fullName)
      expect(names).toEqual([...names].sort(compareVietnameseNames))
    }
    const stored = fx.handle.db.select().from(cadres).all()
    const inService = stored.filter(
      (c) =>
        (c.serviceStart === null || c.serviceStart <= '2025-06-30') &&
        (c.serviceEnd === null || c.serviceEnd >= '2025-04-01')
    )
    expect(
      allCadres(r)
        .map((c) => c.code)
        .sort()
    ).toEqual(inService.map((c) => c.code).sort())
    expect(r.choices.cadres).toHaveLength(inService.length)
  })

  it('draws each trip of the quarter on every participant row, with the kind, the days and the status', async () => {
    const r = await range({ from: '2025-04-01', to: '2025-06-30' })
    const rows = fx.handle.sqlite
      .prepare(
        `SELECT t.code, c.code AS cadre, t.kind, t.status, t.start_date AS startDate, t.end_date AS endDate
           FROM trips t JOIN trip_participants p ON p.trip_id = t.id JOIN cadres c ON c.id = p.cadre_id
          WHERE t.start_date <= '2025-06-30' AND t.end_date >= '2025-04-01'`
      )
      .all() as Array<{
      code: string
      cadre: string
      kind: string
      status: string
      startDate: string
      endDate: string
    }>
    expect(rows.length).toBeGreaterThan(20)
    const drawn = allCadres(r).flatMap((c) =>
      c.items.filter((i) => i.type === 'trip').map((i) => ({ ...i, cadre: c.code }))
    )
    expect(drawn.map((i) => `${i.cadre}/${i.code}`).sort()).toEqual(
      rows.map((t) => `${t.cadre}/${t.code}`).sort()
    )
    const a01 = allCadres(r).find((c) => c.code === 'A01')!
    const trip = a01.items.find((i) => i.code === 'CD0031')!
    expect(trip).toMatchObject({
      type: 'trip',
      startDate: '2025-04-15',
      endDate: '2025-04-18',
      kind: 'DU_SH_BCH_BTV',
      status: 'DA_THUC_HIEN',
      planned: false,
      days: 4
    })
    expect(trip.units[0]).toMatch(/^P1 – /)
  })

  it('counts per day the cadres out, each cadre once however many trips they have that day', async () => {
    const r = await range({ from: '2025-04-01', to: '2025-06-30' })
    const count = fx.handle.sqlite.prepare(
      `SELECT COUNT(DISTINCT p.cadre_id) AS n FROM trips t JOIN trip_participants p ON p.trip_id = t.id
        WHERE t.start_date <= ? AND t.end_date >= ?`
    )
    for (const d of r.days) {
      expect(d.out, d.date).toBe((count.get(d.date, d.date) as { n: number }).n)
    }
    expect(r.days.some((d) => d.out > 1)).toBe(true)
  })

  it('gives the conflicts in the trips domain words, only for the cadre of the row', async () => {
    const r = await range({ from: '2025-04-01', to: '2025-06-30' })
    const a01 = allCadres(r).find((c) => c.code === 'A01')!
    const trip = a01.items.find((i) => i.code === 'CD0031')!
    const check = await call<TripCheck>('trips.check', {
      originalCode: 'CD0031',
      code: 'CD0031',
      startDate: trip.startDate,
      startHalf: trip.startHalf,
      endDate: trip.endDate,
      endHalf: trip.endHalf,
      kind: trip.kind,
      status: trip.status,
      cadreCodes: ['A01'],
      unitCodes: trip.units.map((u) => u.split(' – ')[0])
    })
    if (!check.ok) throw new Error('trips.check failed')
    const expected = check.value.warnings
      .filter((w) => ['overlap', 'exemption', 'unit-validity', 'outside-service'].includes(w.kind))
      .map((w) => w.message)
    expect(expected.length).toBeGreaterThan(0)
    expect(trip.conflicts).toEqual(expected)
    // A trip with a unit valid on its dates and nothing else against it has no conflict.
    expect(a01.items.find((i) => i.code === 'CD0029')?.conflicts).toEqual([])
  })

  it('shows a planned trip as planned and striped data', async () => {
    const r = await range({ from: '2025-10-01', to: '2025-12-31' })
    const planned = allCadres(r)
      .flatMap((c) => c.items)
      .filter((i) => i.status === 'DU_KIEN')
    expect(planned.length).toBeGreaterThan(0)
    for (const i of planned) expect(i.planned).toBe(true)
    // A planned trip is a day out too: the count includes it.
    const first = planned[0]!
    expect(r.days.find((d) => d.date === first.startDate)!.out).toBeGreaterThan(0)
  })

  it('filters by ban and by cadre, and refuses unknown codes and bad ranges in Vietnamese', async () => {
    const all = await range({ from: '2025-04-01', to: '2025-06-30' })
    const ban = all.departments[0]!
    const one = await range({ from: '2025-04-01', to: '2025-06-30', departmentCode: ban.code })
    expect(one.departments.map((d) => d.code)).toEqual([ban.code])
    expect(one.choices.departments.length).toBe(all.choices.departments.length)
    const cadre = await range({ from: '2025-01-01', to: '2025-12-31', cadreCode: 'A01' })
    expect(allCadres(cadre).map((c) => c.code)).toEqual(['A01'])
    expect(cadre.days).toHaveLength(365)

    const unknownBan = await call('calendar.range', {
      from: '2025-04-01',
      to: '2025-06-30',
      departmentCode: 'KHONG'
    })
    expect(unknownBan).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const unknownCadre = await call('calendar.range', {
      from: '2025-04-01',
      to: '2025-06-30',
      cadreCode: 'ZZ9'
    })
    expect(unknownCadre).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const reversed = await call('calendar.range', { from: '2025-06-30', to: '2025-04-01' })
    expect(reversed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.stringify(reversed)).toContain('Đến ngày phải từ Từ ngày trở đi.')
    const tooLong = await call('calendar.range', { from: '2025-01-01', to: addDays('2025-01-01', 366) })
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(inclusiveDays('2025-01-01', addDays('2025-01-01', 366))).toBe(367)
    const badDate = await call('calendar.range', { from: '2025-02-30', to: '2025-03-01' })
    expect(badDate).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.stringify(badDate)).toContain('Ngày không hợp lệ')
  })

  it('shows rounds, pending registrations (not those already a trip) and exemption periods with their conflict', async () => {
    const ctx = fx.at(TODAY)
    const a03 = ctx.db.select().from(cadres).where(eq(cadres.code, 'A03')).get()!
    const unit = ctx.db.select().from(units).where(eq(units.code, 'TAN')).get()!
    const tr005 = fx.handle.sqlite.prepare(`SELECT id FROM trips WHERE code = 'TR005'`).get() as {
      id: number
    }
    // Seeded the way the planning service stores them (through log.rows, undoable).
    ctx.write('Dữ liệu kiểm thử lịch', (_tx, log) => {
      log.rows.insert(planningRounds, {
        year: 2025,
        quarter: 4,
        number: 2,
        startDate: '2025-11-10',
        endDate: '2025-11-14',
        note: 'Đợt giữa quý'
      })
      const reg = log.rows.insert(registrations, {
        code: 'DK9001',
        cadreId: a03.id,
        year: 2025,
        quarter: 4,
        startDate: '2025-11-11',
        startHalf: 'SANG',
        endDate: '2025-11-12',
        endHalf: 'CHIEU',
        kind: 'KIEM_TRA',
        topic: 'Kiểm tra công tác đoàn',
        status: 'DANG_KY',
        source: 'FORM',
        createdAt: '2025-11-01T08:00:00.000Z'
      }) as { id: number }
      log.rows.insert(registrationUnits, { registrationId: reg.id, unitId: unit.id, position: 0 })
      log.rows.insert(registrations, {
        code: 'DK9002',
        cadreId: a03.id,
        year: 2025,
        quarter: 4,
        startDate: '2025-12-22',
        startHalf: 'SANG',
        endDate: '2025-12-26',
        endHalf: 'CHIEU',
        kind: 'CHUYEN_DE',
        status: 'THUONG_TRUC_DUYET',
        tripId: tr005.id,
        source: 'FORM',
        createdAt: '2025-11-01T08:00:00.000Z'
      })
      log.rows.insert(registrations, {
        code: 'DK9003',
        cadreId: a03.id,
        year: 2025,
        quarter: 4,
        startDate: '2025-11-20',
        startHalf: 'SANG',
        endDate: '2025-11-20',
        endHalf: 'CHIEU',
        kind: 'CHUYEN_DE',
        status: 'TU_CHOI',
        source: 'FORM',
        createdAt: '2025-11-01T08:00:00.000Z'
      })
      log.rows.insert(exemptions, {
        cadreId: a03.id,
        reason: 'OM_DAU_DAI_HAN',
        fromDate: '2025-11-12',
        toDate: '2025-11-30',
        note: null
      })
      log.record('calendar-test', 'A03', 'insert', null, 'seed')
    })

    const r = await range({ from: '2025-10-01', to: '2025-12-31' })
    expect(r.rounds).toEqual([
      {
        year: 2025,
        quarter: 4,
        number: 2,
        startDate: '2025-11-10',
        endDate: '2025-11-14',
        note: 'Đợt giữa quý',
        label: 'Quý IV – Đợt 2: 10/11/2025–14/11/2025'
      }
    ])
    expect(r.days.filter((d) => d.round === 2).map((d) => d.date)).toEqual([
      '2025-11-10',
      '2025-11-11',
      '2025-11-12',
      '2025-11-13',
      '2025-11-14'
    ])
    const row = allCadres(r).find((c) => c.code === 'A03')!
    const reg = row.items.find((i) => i.code === 'DK9001')!
    expect(reg).toMatchObject({
      type: 'registration',
      status: 'DANG_KY',
      planned: true,
      kind: 'KIEM_TRA',
      days: 2
    })
    expect(reg.units[0]).toMatch(/^TAN – /)
    expect(reg.conflicts.join(' ')).toContain('kỳ miễn giảm')
    // Approved and turned into TR005: drawn once, as the trip; refused: not drawn.
    expect(row.items.map((i) => i.code)).not.toContain('DK9002')
    expect(row.items.map((i) => i.code)).not.toContain('DK9003')
    expect(row.items.map((i) => i.code)).toContain('TR005')
    expect(row.exemptions).toEqual([
      { reason: 'OM_DAU_DAI_HAN', label: expect.any(String), from: '2025-11-12', to: '2025-11-30' }
    ])
    // A registration is an intention: the count of cadres out does not include it.
    const count = fx.handle.sqlite.prepare(
      `SELECT COUNT(DISTINCT p.cadre_id) AS n FROM trips t JOIN trip_participants p ON p.trip_id = t.id WHERE t.start_date <= ? AND t.end_date >= ?`
    )
    expect(r.days.find((d) => d.date === '2025-11-11')!.out).toBe(
      (count.get('2025-11-11', '2025-11-11') as { n: number }).n
    )
  })
})
