/**
 * The logbook's writes on a real SQLite file with the 2025 fixture: adding (and every
 * refusal, under its field), editing, duplicating, the status of several trips at once,
 * deleting; each one logged in words (workbook terms, old → new) and undone exactly by
 * 'history.undo'. Each test starts from a fresh copy of the fixture.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TripFormInput } from '../../../shared/api/trips'
import { unitMoves } from '../../../electron/db/schema'
import { openTripsFixture, type TripsFixture } from './helpers'

let f: TripsFixture

beforeEach(async () => {
  f = await openTripsFixture()
}, 60_000)

afterEach(() => f?.close())

/** A two-cadre trip of one and a half days starting on an afternoon (no overlap in the fixture). */
const NEW_TRIP: TripFormInput = {
  code: 'CD0242',
  startDate: '2025-10-20',
  startHalf: 'CHIEU',
  endDate: '2025-10-21',
  endHalf: 'CHIEU',
  unitCodes: ['TAN', 'CD-TA2'],
  kind: 'DU_SH_CHI_DOAN',
  topic: '  Sinh hoạt chuyên đề "Tuổi trẻ  Cà Mau"  ',
  cadreCodes: ['A03', 'A01'],
  status: 'DA_THUC_HIEN',
  travelOrderNo: '12/CL-TĐTN',
  reportDate: null,
  note: ''
}

interface LogRow {
  batch_id: string
  source: string
  origin: string
  entity: string
  entity_key: string
  action: string
  old_value: string | null
  new_value: string | null
}

function logOf(batchId: string): LogRow[] {
  return f.sql<LogRow>('SELECT * FROM change_log WHERE batch_id = ? ORDER BY id', batchId)
}

/** Everything the logbook owns, as the tests read it (to compare before / after an undo). */
function tripTables() {
  return {
    trips: f.sql('SELECT * FROM trips ORDER BY id'),
    participants: f.sql('SELECT * FROM trip_participants ORDER BY trip_id, cadre_id'),
    units: f.sql('SELECT * FROM trip_units ORDER BY trip_id, unit_id')
  }
}

async function daysOf(code: string, asOf = '2025-12-31'): Promise<number> {
  const summary = await f.call('summary.year', { year: 2025, asOf })
  return summary.cadres.find((c) => c.code === code)?.days ?? 0
}

describe('trips.create', () => {
  it('adds a trip, credits both cadres exactly its half days, logs it in workbook terms, and undoes', async () => {
    const before = tripTables()
    const [a03, a01] = [await daysOf('A03'), await daysOf('A01')]
    const saved = await f.call('trips.create', NEW_TRIP)
    expect(saved.value).toEqual({ code: 'CD0242' })
    expect(saved.change.label).toBe(
      'Thêm chuyến đi CD0242 (20/10/2025 (chiều)–21/10/2025, Lê Minh Đức, Nguyễn Hồng Thắm)'
    )
    // 20/10 chiều → 21/10 chiều: three half days, 1,5 days for each of the two cadres.
    expect(await daysOf('A03')).toBe(a03 + 1.5)
    expect(await daysOf('A01')).toBe(a01 + 1.5)

    const trip = await f.call('trips.get', { code: 'CD0242' })
    expect(trip.topic).toBe('Sinh hoạt chuyên đề "Tuổi trẻ  Cà Mau"')
    expect(trip.cadres.map((c) => c.code)).toEqual(['A03', 'A01'])
    expect(trip.units.map((u) => u.code)).toEqual(['TAN', 'CD-TA2'])
    expect(trip.note).toBeNull()
    expect(trip.createdAt).toBe('2025-10-15T08:00:00.000Z')

    const log = logOf(saved.change.batchId)
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ entity: 'trips', entity_key: 'CD0242', action: 'insert', origin: 'form' })
    expect(JSON.parse(log[0]!.new_value!)).toEqual({
      code: 'CD0242',
      startDate: '2025-10-20',
      startHalf: 'CHIEU',
      endDate: '2025-10-21',
      endHalf: 'CHIEU',
      unitCodes: ['TAN', 'CD-TA2'],
      kind: 'DU_SH_CHI_DOAN',
      topic: 'Sinh hoạt chuyên đề "Tuổi trẻ  Cà Mau"',
      cadreCodes: ['A03', 'A01'],
      status: 'DA_THUC_HIEN',
      travelOrderNo: '12/CL-TĐTN',
      reportDate: null,
      note: null
    })
    // The new trip is in the list at once (the list's working copy follows the change log).
    expect(
      (await f.call('trips.search', { q: 'tuoi tre ca mau', limit: 5 })).rows.map((r) => r.code)
    ).toEqual(['CD0242'])
    expect((await f.call('trips.nextCode', {})).code).toBe('CD0243')

    const undone = await f.call('history.undo', { batchId: saved.change.batchId })
    expect(undone.undone.label).toBe(saved.change.label)
    expect(tripTables()).toEqual(before)
    expect(await daysOf('A03')).toBe(a03)
    expect((await f.call('trips.search', { q: 'tuoi tre ca mau', limit: 5 })).total).toBe(0)
  })

  it('refuses an impossible date, a reversed range and an afternoon-to-morning day under their fields', async () => {
    const bad = await f.refusal('trips.create', { ...NEW_TRIP, startDate: '2025-02-31' })
    expect(bad.code).toBe('VALIDATION')
    expect(bad.details).toContain(
      'startDate: Từ ngày không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    )
    const reversed = await f.refusal('trips.create', { ...NEW_TRIP, endDate: '2025-10-19' })
    expect(reversed.details).toContain('endDate: Đến ngày không được trước Từ ngày.')
    const oneDay = await f.refusal('trips.create', {
      ...NEW_TRIP,
      endDate: '2025-10-20',
      startHalf: 'CHIEU',
      endHalf: 'SANG'
    })
    expect(oneDay.details).toContain(
      'endHalf: Chuyến đi trong một ngày không thể bắt đầu buổi chiều và kết thúc buổi sáng.'
    )
    const empty = await f.refusal('trips.create', {
      ...NEW_TRIP,
      startDate: '',
      cadreCodes: [],
      unitCodes: [],
      kind: ''
    })
    expect(empty.details).toEqual(
      expect.arrayContaining([
        'startDate: Chưa nhập từ ngày.',
        'cadreCodes: Chọn ít nhất một cán bộ (Cán bộ tham gia).',
        'unitCodes: Chọn ít nhất một đơn vị (Đơn vị).',
        'kind: Chưa chọn loại nội dung.'
      ])
    )
    const twice = await f.refusal('trips.create', { ...NEW_TRIP, cadreCodes: ['A01', 'A01'] })
    expect(twice.details).toContain('cadreCodes: Cán bộ tham gia: có mục được chọn hai lần.')
    expect(f.sql('SELECT * FROM trips WHERE code = ?', 'CD0242')).toEqual([])
  })

  it('refuses unknown cadres and units, and a code already taken, naming them', async () => {
    const unknown = await f.refusal('trips.create', {
      ...NEW_TRIP,
      cadreCodes: ['A01', 'ZZ9'],
      unitCodes: ['XX']
    })
    expect(unknown.code).toBe('VALIDATION')
    expect(unknown.details).toEqual([
      'cadreCodes: Không có cán bộ mã "ZZ9".',
      'unitCodes: Không có đơn vị mã "XX".'
    ])
    const taken = await f.refusal('trips.create', { ...NEW_TRIP, code: 'TR001' })
    expect(taken.code).toBe('CONFLICT')
    expect(taken.details).toEqual([
      'code: Mã chuyến "TR001" đã có (chuyến TR001 (10/03/2025–13/03/2025, Trần Văn Bé)).'
    ])
    expect(f.sql('SELECT count(*) AS n FROM trips')).toEqual([{ n: 247 }])
  })
})

describe('trips.update', () => {
  it('changes dates, cadres and code; logs old → new; undo restores the trip and its links', async () => {
    const before = tripTables()
    const original = await f.call('trips.get', { code: 'TR004' })
    const saved = await f.call('trips.update', {
      originalCode: 'TR004',
      code: 'TR004B',
      startDate: original.startDate,
      startHalf: original.startHalf,
      endDate: '2025-09-11',
      endHalf: 'SANG',
      unitCodes: ['DDT'],
      kind: original.kind,
      topic: 'Kiểm tra công tác đoàn',
      cadreCodes: ['A06', 'A02'],
      status: original.status,
      travelOrderNo: null,
      reportDate: '2025-09-15',
      note: null
    })
    expect(saved.value.code).toBe('TR004B')
    expect(saved.change.label).toBe(
      'Sửa chuyến đi TR004: Mã chuyến: TR004 → TR004B; Đến ngày: 10/09/2025 → 11/09/2025 và 5 thay đổi khác'
    )
    const after = await f.call('trips.get', { code: 'TR004B' })
    expect(after.cadres.map((c) => c.code)).toEqual(['A06', 'A02'])
    expect(after.units.map((u) => u.code)).toEqual(['DDT'])
    expect(after.days).toBe(2.5)
    expect((await f.refusal('trips.get', { code: 'TR004' })).code).toBe('NOT_FOUND')

    const [entry] = logOf(saved.change.batchId)
    expect(entry).toMatchObject({ entity: 'trips', entity_key: 'TR004B', action: 'update' })
    const oldValue = JSON.parse(entry!.old_value!)
    const newValue = JSON.parse(entry!.new_value!)
    expect([oldValue.endDate, newValue.endDate]).toEqual(['2025-09-10', '2025-09-11'])
    expect([oldValue.cadreCodes, newValue.cadreCodes]).toEqual([
      ['A01', 'A06'],
      ['A06', 'A02']
    ])

    await f.call('history.undo', { batchId: saved.change.batchId })
    expect(tripTables()).toEqual(before)
  })

  it("refuses to take another trip's code, and an unknown trip", async () => {
    const trip = await f.call('trips.get', { code: 'TR003' })
    const input = {
      ...trip,
      originalCode: 'TR003',
      code: 'TR001',
      unitCodes: ['CD-TA2'],
      cadreCodes: ['A03']
    }
    const taken = await f.refusal('trips.update', input)
    expect(taken.code).toBe('CONFLICT')
    expect(taken.details[0]).toMatch(/^code: Mã chuyến "TR001" đã có/)
    const gone = await f.refusal('trips.update', { ...input, originalCode: 'NOPE', code: 'NOPE' })
    expect(gone.code).toBe('NOT_FOUND')
  })
})

describe('the unit filter follows the tree of the day', () => {
  it('counts a unit under its new parent only from the day it moved', async () => {
    // Đoàn phường An Xuyên (P1) moves under Đoàn xã Tân Ân (TAN) from 01/10/2025.
    f.ctx.write('Chuyển đơn vị (kiểm thử)', (tx, log) => {
      const id = (code: string) => f.sql<{ id: number }>('SELECT id FROM units WHERE code = ?', code)[0]!.id
      log.rows.insert(unitMoves, { unitId: id('P1'), parentId: id('TAN'), fromDate: '2025-10-01' })
      log.record('unit_moves', 'P1', 'insert', null, {
        unitCode: 'P1',
        parentCode: 'TAN',
        fromDate: '2025-10-01'
      })
    })
    const rows = await f.call('trips.search', { unitCodes: ['TAN'], offset: 0, limit: 1000 })
    const expected = f
      .sql<{ code: string }>(
        `SELECT DISTINCT t.code FROM trips t JOIN trip_units tu ON tu.trip_id = t.id JOIN units u ON u.id = tu.unit_id
         WHERE u.code IN ('TAN', 'CD-TA2') OR (u.code = 'P1' AND t.start_date >= '2025-10-01')`
      )
      .map((r) => r.code)
      .sort()
    expect(rows.rows.map((r) => r.code).sort()).toEqual(expected)
    // The fixture's P1 trips include some from October (TR005 in December): the move matters.
    expect(expected).toContain('TR005')
    const p1Before = f.sql<{ n: number }>(
      `SELECT count(*) AS n FROM trips t JOIN trip_units tu ON tu.trip_id = t.id JOIN units u ON u.id = tu.unit_id
       WHERE u.code = 'P1' AND t.start_date < '2025-10-01'`
    )[0]!.n
    expect(p1Before).toBeGreaterThan(0)
  })
})

describe('quick actions', () => {
  it('duplicates a trip for another cadre and for other dates, with the next codes', async () => {
    const source = await f.call('trips.get', { code: 'TR002' })
    const a05 = await daysOf('A05')
    const saved = await f.call('trips.duplicate', {
      code: 'TR002',
      copies: [
        {
          startDate: source.startDate,
          startHalf: 'SANG',
          endDate: source.endDate,
          endHalf: 'CHIEU',
          cadreCodes: ['A05']
        },
        {
          startDate: '2025-11-03',
          startHalf: 'SANG',
          endDate: '2025-11-03',
          endHalf: 'SANG',
          cadreCodes: ['A02']
        }
      ]
    })
    expect(saved.value.codes).toEqual(['CD0242', 'CD0243'])
    expect(saved.change.label).toBe('Nhân bản chuyến đi TR002 thành 2 chuyến: CD0242, CD0243')
    const forA05 = await f.call('trips.get', { code: 'CD0242' })
    expect(forA05).toMatchObject({
      startDate: '2025-03-12',
      endDate: '2025-03-14',
      kind: source.kind,
      topic: 'Khảo sát đoàn viên',
      status: 'DA_BAO_CAO',
      reportDate: null
    })
    expect(forA05.cadres.map((c) => c.code)).toEqual(['A05'])
    expect(forA05.units.map((u) => u.code)).toEqual(source.units.map((u) => u.code))
    const later = await f.call('trips.get', { code: 'CD0243' })
    expect([later.startDate, later.days, later.cadres[0]?.code]).toEqual(['2025-11-03', 0.5, 'A02'])
    // A05 only started on 01/06: the trip still counts (RULES: trips outside service count).
    expect(await daysOf('A05')).toBe(a05 + 3)
    expect(logOf(saved.change.batchId).map((l) => [l.entity_key, l.action])).toEqual([
      ['CD0242', 'insert'],
      ['CD0243', 'insert']
    ])
    const refused = await f.refusal('trips.duplicate', {
      code: 'TR002',
      copies: [
        {
          startDate: '2025-11-03',
          startHalf: 'CHIEU',
          endDate: '2025-11-03',
          endHalf: 'SANG',
          cadreCodes: []
        }
      ]
    })
    expect(refused.details).toEqual(
      expect.arrayContaining([
        'copies.0.endHalf: Chuyến đi trong một ngày không thể bắt đầu buổi chiều và kết thúc buổi sáng.',
        'copies.0.cadreCodes: Chọn ít nhất một cán bộ (Cán bộ tham gia).'
      ])
    )
    await f.call('history.undo', { batchId: saved.change.batchId })
    expect((await f.refusal('trips.get', { code: 'CD0242' })).code).toBe('NOT_FOUND')
  })

  it('marks three trips Đã báo cáo with one report date, in one undoable write', async () => {
    const before = tripTables()
    const codes = ['CD0002', 'CD0009', 'CD0010']
    expect(
      f
        .sql<{ status: string }>(`SELECT status FROM trips WHERE code IN ('CD0002','CD0009','CD0010')`)
        .map((r) => r.status)
    ).toContain('DA_THUC_HIEN')
    const saved = await f.call('trips.setStatus', { codes, status: 'DA_BAO_CAO', reportDate: '2025-10-14' })
    expect(saved.value.count).toBe(3)
    expect(saved.change.label).toBe(
      'Đổi trạng thái 3 chuyến đi thành Đã báo cáo, ngày nộp báo cáo 14/10/2025: CD0002, CD0009, CD0010'
    )
    expect(
      f.sql(
        `SELECT code, status, report_date AS reportDate FROM trips WHERE code IN ('CD0002','CD0009','CD0010') ORDER BY code`
      )
    ).toEqual(codes.map((code) => ({ code, status: 'DA_BAO_CAO', reportDate: '2025-10-14' })))
    const log = logOf(saved.change.batchId)
    expect(log.map((l) => l.entity_key)).toEqual(codes)
    expect(JSON.parse(log[0]!.new_value!)).toEqual({ status: 'DA_BAO_CAO', reportDate: '2025-10-14' })
    // None of the three is overdue any more.
    const overdue = await f.call('trips.search', { overdue: true, offset: 0, limit: 1000 })
    expect(overdue.rows.map((r) => r.code)).not.toEqual(expect.arrayContaining(['CD0002']))

    const unknown = await f.refusal('trips.setStatus', { codes: ['CD0002', 'NOPE'], status: 'DA_BAO_CAO' })
    expect(unknown.code).toBe('NOT_FOUND')
    expect(unknown.details).toEqual(['codes: không có chuyến đi mã "NOPE".'])
    expect((await f.refusal('trips.setStatus', { codes: [], status: 'DA_BAO_CAO' })).details).toContain(
      'codes: Chưa chọn chuyến đi nào.'
    )

    await f.call('history.undo', { batchId: saved.change.batchId })
    expect(tripTables()).toEqual(before)
  })

  it('deletes trips with their links, and undo brings them back exactly', async () => {
    const before = tripTables()
    const a01 = await daysOf('A01')
    const saved = await f.call('trips.delete', { codes: ['TR004', 'CD0001'] })
    expect(saved.value.count).toBe(2)
    expect(saved.change.label).toBe('Xóa 2 chuyến đi: TR004, CD0001')
    expect(f.sql(`SELECT * FROM trips WHERE code IN ('TR004', 'CD0001')`)).toEqual([])
    expect(await daysOf('A01')).toBe(a01 - 3)
    expect(logOf(saved.change.batchId).map((l) => [l.entity_key, l.action])).toEqual([
      ['TR004', 'delete'],
      ['CD0001', 'delete']
    ])
    const undone = await f.call('history.undo', { batchId: saved.change.batchId })
    expect(undone.change.label).toBe('Hoàn tác: Xóa 2 chuyến đi: TR004, CD0001')
    expect(tripTables()).toEqual(before)
    expect(await daysOf('A01')).toBe(a01)
    expect((await f.call('trips.get', { code: 'TR004' })).cadres.map((c) => c.code)).toEqual(['A01', 'A06'])
  })
})
