/**
 * Properties of overlap attribution and clipping, checked against a slot-by-slot reference:
 * each slot goes to the covering trip with the earliest (start, creation order).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromDayNumber, inclusiveDays, toDayNumber, type IsoDate } from '../../../shared/domain/dates'
import {
  CONTENT_KINDS,
  TRIP_STATUSES,
  isCountedStatus,
  type ContentKind,
  type HalfDay
} from '../../../shared/domain/kinds'
import { defaultYearSettings } from '../../../shared/domain/settings'
import {
  attributeSlots,
  daySpanSlots,
  slotCount,
  type OrderedTrip,
  type SlotRange
} from '../../../shared/domain/slots'
import { targetHalfDays } from '../../../shared/domain/subject'
import type { SummaryTrip } from '../../../shared/domain/summary'
import { cadre, resultOf, summarize } from './helpers'

const RUNS = { numRuns: 400 }

/** Trips of one cadre as slot ranges (some empty: end before start), with unique creation orders. */
const tripsArb = fc
  .array(
    fc.record({
      from: fc.integer({ min: 0, max: 80 }),
      length: fc.integer({ min: 0, max: 24 }),
      order: fc.integer({ min: 0, max: 1_000_000 })
    }),
    { maxLength: 12 }
  )
  .map((rows) => {
    const seen = new Set<number>()
    return rows
      .filter((r) => (seen.has(r.order) ? false : (seen.add(r.order), true)))
      .map((r, i): OrderedTrip => ({
        key: i + 1,
        order: r.order,
        range: { from: r.from, to: r.from + r.length - 1 }
      }))
  })

function slotsOf(range: SlotRange): number[] {
  const out: number[] = []
  for (let s = range.from; s <= range.to; s++) out.push(s)
  return out
}

/** Reference owner of every slot covered by some trip. */
function referenceOwners(trips: readonly OrderedTrip[]): Map<number, number> {
  const owners = new Map<number, OrderedTrip>()
  for (const trip of trips) {
    for (const s of slotsOf(trip.range)) {
      const current = owners.get(s)
      const earlier =
        !current ||
        trip.range.from < current.range.from ||
        (trip.range.from === current.range.from && trip.order < current.order)
      if (earlier) owners.set(s, trip)
    }
  }
  return new Map([...owners].map(([s, trip]) => [s, trip.key]))
}

function creditedOwners(owned: Map<number, SlotRange>): Map<number, number> {
  const out = new Map<number, number>()
  for (const [key, range] of owned) {
    for (const s of slotsOf(range)) {
      expect(out.has(s), `slot ${s} credited twice`).toBe(false)
      out.set(s, key)
    }
  }
  return out
}

describe('attributeSlots properties', () => {
  it('credits disjoint slots whose union is the union of the trips, each to the reference owner', () => {
    fc.assert(
      fc.property(tripsArb, (trips) => {
        const credited = creditedOwners(attributeSlots(trips))
        const reference = referenceOwners(trips)
        expect([...credited.keys()].sort((a, b) => a - b)).toEqual(
          [...reference.keys()].sort((a, b) => a - b)
        )
        for (const [s, key] of reference) expect(credited.get(s)).toBe(key)
      }),
      RUNS
    )
  })

  it('never credits more than the sum of the trip lengths', () => {
    fc.assert(
      fc.property(tripsArb, (trips) => {
        const owned = attributeSlots(trips)
        const credited = [...owned.values()].reduce((sum, r) => sum + slotCount(r), 0)
        const lengths = trips.reduce((sum, t) => sum + slotCount(t.range), 0)
        expect(credited).toBeLessThanOrEqual(lengths)
      }),
      RUNS
    )
  })

  it('keeps each credited range inside its own trip', () => {
    fc.assert(
      fc.property(tripsArb, (trips) => {
        const owned = attributeSlots(trips)
        expect(owned.size).toBe(trips.length)
        for (const trip of trips) {
          const range = owned.get(trip.key)
          expect(range).toBeDefined()
          if (!range || slotCount(range) === 0) continue
          expect(range.from).toBeGreaterThanOrEqual(trip.range.from)
          expect(range.to).toBeLessThanOrEqual(trip.range.to)
        }
      }),
      RUNS
    )
  })

  it('does not depend on the order the trips are given in', () => {
    fc.assert(
      fc.property(
        tripsArb.chain((trips) =>
          fc.tuple(fc.constant(trips), fc.shuffledSubarray(trips, { minLength: trips.length }))
        ),
        ([trips, shuffled]) => {
          expect(creditedOwners(attributeSlots(shuffled))).toEqual(creditedOwners(attributeSlots(trips)))
        }
      ),
      RUNS
    )
  })

  it('stays deterministic when two trips share a start and a creation order', () => {
    const a: OrderedTrip = { key: 1, order: 5, range: { from: 10, to: 13 } }
    const b: OrderedTrip = { key: 2, order: 5, range: { from: 10, to: 17 } }
    expect(creditedOwners(attributeSlots([a, b]))).toEqual(creditedOwners(attributeSlots([b, a])))
  })
})

// Summary-level: trips around a window that starts 2025-01-01, so they cross its edges.
const BASE_DAY = toDayNumber('2024-12-20')

function dateOfSlot(slot: number): { date: IsoDate; half: HalfDay } {
  return { date: fromDayNumber(BASE_DAY + Math.floor(slot / 2)), half: slot % 2 === 0 ? 'SANG' : 'CHIEU' }
}

const summaryCaseArb = fc.record({
  trips: fc.array(
    fc.record({
      from: fc.integer({ min: 0, max: 120 }),
      length: fc.integer({ min: 1, max: 30 }),
      kind: fc.constantFrom<ContentKind>(...CONTENT_KINDS),
      status: fc.constantFrom(...TRIP_STATUSES)
    }),
    { maxLength: 10 }
  ),
  // Window end and as-of, in days after 2025-01-01.
  windowEnd: fc.integer({ min: 0, max: 60 }),
  asOf: fc.integer({ min: -15, max: 75 })
})

describe('window and as-of clipping properties', () => {
  it('credits exactly the union of done trips inside the window up to as-of, by owning kind', () => {
    fc.assert(
      fc.property(summaryCaseArb, (c) => {
        const windowStart = '2025-01-01'
        const windowEnd = fromDayNumber(toDayNumber(windowStart) + c.windowEnd)
        const asOf = fromDayNumber(toDayNumber(windowStart) + c.asOf)
        const settings = { ...defaultYearSettings(2025), windowStart, windowEnd }
        const trips: SummaryTrip[] = c.trips.map((row, i) => {
          const start = dateOfSlot(row.from)
          const end = dateOfSlot(row.from + row.length - 1)
          return {
            id: i + 1,
            code: `T${i + 1}`,
            kind: row.kind,
            status: row.status,
            startDate: start.date,
            startHalf: start.half,
            endDate: end.date,
            endHalf: end.half,
            order: i + 1,
            cadreIds: [1],
            unitIds: [1]
          }
        })
        const r = resultOf(summarize({ settings, asOf, cadres: [cadre(1)], trips }))

        const baseSlot = BASE_DAY * 2
        const counted = c.trips
          .map((row, i) => ({
            row,
            ordered: {
              key: i + 1,
              order: i + 1,
              range: { from: baseSlot + row.from, to: baseSlot + row.from + row.length - 1 }
            }
          }))
          .filter(({ row }) => isCountedStatus(row.status))
        const owners = referenceOwners(counted.map((x) => x.ordered))
        const span = daySpanSlots(windowStart, asOf < windowEnd ? asOf : windowEnd)
        const halvesByKind = Object.fromEntries(CONTENT_KINDS.map((k) => [k, 0])) as Record<
          ContentKind,
          number
        >
        let total = 0
        for (const [slot, key] of owners) {
          if (slot < span.from || slot > span.to) continue
          const kind = counted.find((x) => x.ordered.key === key)?.row.kind
          if (kind) halvesByKind[kind] += 1
          total += 1
        }
        expect(r.days * 2).toBe(total)
        for (const k of CONTENT_KINDS) expect(r.daysByKind[k] * 2).toBe(halvesByKind[k])
        // Forecast: the credited slots plus planned slots in the window, each slot once.
        const forecast = new Set([...owners.keys()].filter((slot) => slot >= span.from && slot <= span.to))
        const window = daySpanSlots(windowStart, windowEnd)
        c.trips.forEach((row) => {
          if (row.status !== 'DU_KIEN') return
          for (let s = baseSlot + row.from; s < baseSlot + row.from + row.length; s++) {
            if (s >= window.from && s <= window.to) forecast.add(s)
          }
        })
        expect(r.forecastDays * 2).toBe(forecast.size)
      }),
      RUNS
    )
  })
})

describe('target rounding properties', () => {
  it('is a multiple of 0.5, at least the exact proration and less than it + 0.5', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 0, max: 366 }),
        fc.integer({ min: 1, max: 200 }),
        (year, rawSubject, targetHalves) => {
          const targetDays = targetHalves / 2
          const settings = { ...defaultYearSettings(year), targetDays }
          const windowDays = inclusiveDays(settings.windowStart, settings.windowEnd)
          const subjectDays = Math.min(rawSubject, windowDays)
          const halves = targetHalfDays(settings, subjectDays)
          expect(Number.isInteger(halves)).toBe(true)
          // exact = targetDays × subjectDays ÷ windowDays; compared in integers (× 2 × windowDays).
          const exactTimes2W = targetHalves * subjectDays
          expect(halves * windowDays).toBeGreaterThanOrEqual(exactTimes2W)
          expect((halves - 1) * windowDays).toBeLessThan(exactTimes2W)
          expect(halves / 2 - (targetDays * subjectDays) / windowDays).toBeLessThan(0.5)
        }
      ),
      RUNS
    )
  })
})
