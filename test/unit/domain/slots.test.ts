import { describe, expect, it } from 'vitest'
import { toDayNumber } from '../../../shared/domain/dates'
import {
  attributeSlots,
  daySpanSlots,
  halfDaysToDays,
  intersect,
  isEmpty,
  isValidTripRange,
  slotCount,
  slotOf,
  tripSlots,
  type OrderedTrip
} from '../../../shared/domain/slots'
import { cadre, resultOf, summarize, trip } from './helpers'

function days(range: { from: number; to: number }): number {
  return halfDaysToDays(slotCount(range))
}

describe('half-day slots', () => {
  it('numbers a morning and an afternoon slot per date', () => {
    const day = toDayNumber('2025-03-10')
    expect(slotOf('2025-03-10', 'SANG')).toBe(day * 2)
    expect(slotOf('2025-03-10', 'CHIEU')).toBe(day * 2 + 1)
    expect(slotOf('2025-03-11', 'SANG')).toBe(day * 2 + 2)
  })

  it('counts a default trip from the morning of the start to the afternoon of the end', () => {
    expect(days(tripSlots('2025-03-10', 'SANG', '2025-03-10', 'CHIEU'))).toBe(1)
    expect(days(tripSlots('2025-03-10', 'SANG', '2025-03-12', 'CHIEU'))).toBe(3)
    expect(days(daySpanSlots('2025-01-01', '2025-12-31'))).toBe(365)
  })

  it('counts a single evening chi đoàn meeting as one slot, half a day', () => {
    const evening = tripSlots('2025-03-10', 'CHIEU', '2025-03-10', 'CHIEU')
    expect(slotCount(evening)).toBe(1)
    expect(days(evening)).toBe(0.5)
    expect(days(tripSlots('2025-03-10', 'CHIEU', '2025-03-11', 'SANG'))).toBe(1)
    expect(days(tripSlots('2025-03-10', 'CHIEU', '2025-03-12', 'CHIEU'))).toBe(2.5)
  })

  it('counts weekends like any other day', () => {
    // 2025-03-07 is a Friday, 2025-03-10 the next Monday.
    expect(new Date('2025-03-08T00:00:00Z').getUTCDay()).toBe(6)
    expect(days(tripSlots('2025-03-07', 'SANG', '2025-03-10', 'CHIEU'))).toBe(4)
    const r = resultOf(summarize({ trips: [trip({ from: '2025-03-07', to: '2025-03-10' })] }))
    expect(r.days).toBe(4)
  })

  it('rejects an end before the start, including Chiều → Sáng on the same date', () => {
    expect(isValidTripRange('2025-03-10', 'CHIEU', '2025-03-10', 'SANG')).toBe(false)
    expect(isValidTripRange('2025-03-10', 'SANG', '2025-03-09', 'CHIEU')).toBe(false)
    expect(isValidTripRange('2025-03-10', 'SANG', '2025-03-10', 'SANG')).toBe(true)
    expect(isValidTripRange('2025-03-10', 'CHIEU', '2025-03-10', 'CHIEU')).toBe(true)
    expect(isValidTripRange('2025-03-10', 'CHIEU', '2025-03-11', 'SANG')).toBe(true)
    expect(isEmpty(tripSlots('2025-03-10', 'CHIEU', '2025-03-10', 'SANG'))).toBe(true)
    expect(slotCount(tripSlots('2025-03-10', 'CHIEU', '2025-03-10', 'SANG'))).toBe(0)
  })

  it('intersects ranges, an empty intersection counting 0', () => {
    expect(intersect({ from: 0, to: 9 }, { from: 5, to: 20 })).toEqual({ from: 5, to: 9 })
    expect(slotCount(intersect({ from: 0, to: 4 }, { from: 5, to: 20 }))).toBe(0)
  })

  it('credits every participant the whole trip', () => {
    const s = summarize({
      cadres: [cadre(1), cadre(2)],
      trips: [trip({ from: '2025-04-01', to: '2025-04-03', cadres: [1, 2] })]
    })
    expect(resultOf(s, 1).days).toBe(3)
    expect(resultOf(s, 2).days).toBe(3)
  })
})

function t(key: number, from: number, to: number, order = key): OrderedTrip {
  return { key, range: { from, to }, order }
}

describe('overlap attribution', () => {
  it('gives a shared slot to the trip that starts earlier', () => {
    const owned = attributeSlots([t(1, 10, 19, 2), t(2, 6, 13, 1)])
    // Trip 2 starts earlier, so it keeps all of its slots although created later.
    expect(owned.get(2)).toEqual({ from: 6, to: 13 })
    expect(owned.get(1)).toEqual({ from: 14, to: 19 })
  })

  it('breaks a tie on the start by the trip created first', () => {
    const owned = attributeSlots([t(7, 10, 13, 2), t(8, 10, 17, 1)])
    expect(owned.get(8)).toEqual({ from: 10, to: 17 })
    expect(slotCount(owned.get(7) ?? { from: 0, to: -1 })).toBe(0)
    const swapped = attributeSlots([t(7, 10, 13, 1), t(8, 10, 17, 2)])
    expect(swapped.get(7)).toEqual({ from: 10, to: 13 })
    expect(swapped.get(8)).toEqual({ from: 14, to: 17 })
  })

  it('gives a nested trip nothing, and the outer trip keeps its slots after it', () => {
    const owned = attributeSlots([t(1, 0, 19), t(2, 4, 7), t(3, 20, 21)])
    expect(owned.get(1)).toEqual({ from: 0, to: 19 })
    expect(slotCount(owned.get(2) ?? { from: 0, to: -1 })).toBe(0)
    expect(owned.get(3)).toEqual({ from: 20, to: 21 })
  })

  it('chains overlaps: each trip owns what earlier trips did not cover', () => {
    const owned = attributeSlots([t(3, 8, 13), t(1, 0, 5), t(2, 4, 9)])
    expect(owned.get(1)).toEqual({ from: 0, to: 5 })
    expect(owned.get(2)).toEqual({ from: 6, to: 9 })
    expect(owned.get(3)).toEqual({ from: 10, to: 13 })
  })

  it('does not let a trip nested in an earlier one shorten the owner of later slots', () => {
    // 1: [0,19] contains 2: [2,3]; trip 3 [10,25] must start owning after 19, not after 3.
    const owned = attributeSlots([t(1, 0, 19), t(2, 2, 3), t(3, 10, 25)])
    expect(owned.get(3)).toEqual({ from: 20, to: 25 })
  })

  it('never credits a cadre the same slot twice, and credits kinds by the owning trip', () => {
    const s = summarize({
      trips: [
        trip({ from: '2025-05-05', to: '2025-05-07', kind: 'KIEM_TRA' }),
        trip({ from: '2025-05-06', to: '2025-05-09', kind: 'CHUYEN_DE' }),
        trip({ from: '2025-05-06', fromHalf: 'CHIEU', to: '2025-05-06', kind: 'DU_SH_CHI_DOAN' })
      ]
    })
    const r = resultOf(s)
    expect(r.days).toBe(5)
    expect(r.daysByKind.KIEM_TRA).toBe(3)
    expect(r.daysByKind.CHUYEN_DE).toBe(2)
    expect(r.daysByKind.DU_SH_CHI_DOAN).toBe(0)
    // The evening meeting is inside the inspection trip: it contributes nothing.
    expect(r.tripCount).toBe(2)
  })

  it('attributes per cadre: a slot taken for one cadre is still free for another', () => {
    const s = summarize({
      cadres: [cadre(1), cadre(2)],
      trips: [
        trip({ from: '2025-05-05', to: '2025-05-06', kind: 'KIEM_TRA', cadres: [1] }),
        trip({ from: '2025-05-06', to: '2025-05-06', kind: 'CHUYEN_DE', cadres: [1, 2] })
      ]
    })
    expect(resultOf(s, 1).daysByKind).toMatchObject({ KIEM_TRA: 2, CHUYEN_DE: 0 })
    expect(resultOf(s, 2).daysByKind).toMatchObject({ KIEM_TRA: 0, CHUYEN_DE: 1 })
  })
})
