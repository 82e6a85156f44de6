import { describe, expect, it } from 'vitest'
import {
  departmentHeadTitle,
  isDepartmentHead,
  registeredDays,
  tripDays,
  tripDaysWithin,
  type RegisteredTrip
} from '../../../shared/domain/registration'

function trip(key: number, patch: Partial<RegisteredTrip>): RegisteredTrip {
  return {
    key,
    kind: 'CHUYEN_DE',
    status: 'DU_KIEN',
    startDate: '2025-10-06',
    startHalf: 'SANG',
    endDate: '2025-10-06',
    endHalf: 'CHIEU',
    order: key,
    ...patch
  }
}

const Q4 = ['2025-10-01', '2025-12-31'] as const

describe('tripDays and tripDaysWithin', () => {
  it('count half days: a whole day is 1, one afternoon 0,5, sáng 12 → chiều 14 is 3', () => {
    expect(tripDays(trip(1, {}))).toBe(1)
    expect(tripDays(trip(1, { startHalf: 'CHIEU' }))).toBe(0.5)
    expect(tripDays(trip(1, { startDate: '2025-03-12', endDate: '2025-03-14' }))).toBe(3)
    expect(
      tripDays(
        trip(1, { startDate: '2025-03-12', startHalf: 'CHIEU', endDate: '2025-03-14', endHalf: 'SANG' })
      )
    ).toBe(2)
  })

  it('clip a trip to the period: 30/06–01/07 has one day in Q2 and one in Q3', () => {
    const t = trip(1, { startDate: '2025-06-30', endDate: '2025-07-01' })
    expect(tripDaysWithin(t, '2025-04-01', '2025-06-30')).toBe(1)
    expect(tripDaysWithin(t, '2025-07-01', '2025-09-30')).toBe(1)
    expect(tripDaysWithin(t, ...Q4)).toBe(0)
  })
})

describe('registeredDays', () => {
  it('adds planned and done trips by kind, and tells the done days apart', () => {
    const r = registeredDays(
      [
        trip(1, { startDate: '2025-10-06', endDate: '2025-10-08', status: 'DA_BAO_CAO' }),
        trip(2, {
          startDate: '2025-11-03',
          startHalf: 'CHIEU',
          endDate: '2025-11-03',
          kind: 'DU_SH_CHI_DOAN'
        }),
        trip(3, { startDate: '2025-12-22', endDate: '2025-12-26', kind: 'KIEM_TRA', status: 'DA_THUC_HIEN' })
      ],
      ...Q4
    )
    expect(r.totalDays).toBe(8.5)
    expect(r.doneDays).toBe(8)
    expect(r.daysByKind).toEqual({
      CHUYEN_DE: 3,
      PHOI_HOP: 0,
      KIEM_TRA: 5,
      DU_SH_BCH_BTV: 0,
      DU_SH_CHI_DOAN: 0.5
    })
    expect([...r.byTrip.entries()]).toEqual([
      [1, 3],
      [2, 0.5],
      [3, 5]
    ])
  })

  it('counts a slot once where trips overlap, for the trip that starts first (ties: created first)', () => {
    // TR001 10–13/03 and TR002 12–14/03 of the fixture: the later trip keeps only 14/03.
    const r = registeredDays(
      [
        trip(2, { startDate: '2025-03-12', endDate: '2025-03-14', order: 2 }),
        trip(1, { startDate: '2025-03-10', endDate: '2025-03-13', kind: 'PHOI_HOP', order: 1 })
      ],
      '2025-01-01',
      '2025-03-31'
    )
    expect(r.byTrip.get(1)).toBe(4)
    expect(r.byTrip.get(2)).toBe(1)
    expect(r.totalDays).toBe(5)
    expect(r.daysByKind.PHOI_HOP).toBe(4)
    const tie = registeredDays([trip(7, { order: 2, kind: 'KIEM_TRA' }), trip(8, { order: 1 })], ...Q4)
    expect(tie.byTrip.get(8)).toBe(1)
    expect(tie.byTrip.get(7)).toBe(0)
    expect(tie.daysByKind.KIEM_TRA).toBe(0)
  })

  it('counts only the slots inside the period', () => {
    const r = registeredDays([trip(1, { startDate: '2025-09-29', endDate: '2025-10-02' })], ...Q4)
    expect(r.totalDays).toBe(2)
  })
})

describe('the head of a ban', () => {
  it('is the Trưởng ban or the Chánh Văn phòng, however the position is typed', () => {
    expect(isDepartmentHead('Trưởng ban')).toBe(true)
    expect(isDepartmentHead('  trưởng  ban ')).toBe(true)
    expect(isDepartmentHead('Trưởng ban Tổ chức - Kiểm tra')).toBe(true)
    expect(isDepartmentHead('Chánh Văn phòng')).toBe(true)
    expect(isDepartmentHead('Chánh Văn phòng'.normalize('NFD'))).toBe(true)
    expect(isDepartmentHead('Phó Trưởng ban')).toBe(false)
    expect(isDepartmentHead('Phó Chánh Văn phòng')).toBe(false)
    expect(isDepartmentHead('Chuyên viên')).toBe(false)
  })

  it('is titled after the kind of department', () => {
    expect(departmentHeadTitle('Văn phòng')).toBe('Chánh Văn phòng')
    expect(departmentHeadTitle('Ban Phong trào')).toBe('Trưởng ban')
  })
})
