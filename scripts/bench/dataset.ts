/**
 * Realistic benchmark data, seeded: provinces of ≈ 60 cadres each (34 provinces is the whole
 * country since 12/06/2025), several years of trips written straight into the tables of a
 * migrated database (test data, not a clerk's change: no change log).
 *
 * What real logbooks have and the summary must cope with:
 * - trips of 0.5 day (an evening chi đoàn meeting), half-day starts and ends, 1–5 days;
 * - shared trips (a quarter of them take 2–4 cadres of the same province);
 * - overlaps (dates drawn independently, plus a few trips entered twice on the same dates);
 * - trips across the new year; planned (dự kiến) trips after "today", a few never done;
 * - exemption periods (maternity, long study, long sick leave, other; a few overlapping),
 *   per-year overrides, part-time staff, cadres joining and leaving during the period;
 * - one or more units visited, from the province's ≈ 100 units.
 */
import type Database from 'better-sqlite3'
import { fromDayNumber, toDayNumber, type IsoDate } from '../../shared/domain/dates'
import { CONTENT_KINDS, EXEMPTION_REASONS, type ContentKind } from '../../shared/domain/kinds'
import { createRandom, type Random } from './random'

export interface DatasetOptions {
  provinces: number
  cadresPerProvince: number
  /** Trip rows in all (each with 1–4 participants, ≈ 1.5 on average). */
  trips: number
  firstYear: number
  lastYear: number
  /** Trips ending after this day are planned (DU_KIEN). */
  today: IsoDate
  seed: number
}

export interface DatasetCounts {
  cadres: number
  trips: number
  participations: number
  tripUnits: number
  exemptions: number
  overrides: number
  units: number
}

/** ≈ 400,000 participations: 34 provinces × 60 cadres × 5 years. */
export const NATIONAL: DatasetOptions = {
  provinces: 34,
  cadresPerProvince: 60,
  trips: 285_000,
  firstYear: 2022,
  lastYear: 2026,
  today: '2026-11-20',
  seed: 20260612
}

/** Trips per cadre over the national dataset's five years (≈ 26 trip starts a year). */
export const TRIPS_PER_CADRE = NATIONAL.trips / (NATIONAL.provinces * NATIONAL.cadresPerProvince)

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý'
]
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Hồng', 'Quang', 'Thanh', 'Ngọc', 'Thị Thu', 'Đức', 'Hữu', 'Kim']
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hùng',
  'Lan',
  'Minh',
  'Ngọc',
  'Phúc',
  'Quân',
  'Thắm',
  'Uyên',
  'Ý',
  'Ánh',
  'Ân',
  'Tâm',
  'Trí'
]
const POSITIONS = [
  'Bí thư',
  'Phó Bí thư',
  'Trưởng ban',
  'Phó Trưởng ban',
  'Chuyên viên',
  'Chuyên viên',
  'Chuyên viên'
]
const DEPARTMENTS = [
  ['VP', 'Văn phòng'],
  ['TC', 'Ban Tổ chức - Kiểm tra'],
  ['TG', 'Ban Tuyên giáo'],
  ['PT', 'Ban Phong trào']
] as const
/** Kinds drawn with these weights (chi đoàn meetings are the most frequent). */
const KIND_WEIGHTS: Record<ContentKind, number> = {
  CHUYEN_DE: 22,
  PHOI_HOP: 20,
  KIEM_TRA: 15,
  DU_SH_BCH_BTV: 18,
  DU_SH_CHI_DOAN: 25
}

function pad(n: number, width: number): string {
  return n.toString().padStart(width, '0')
}

function weightedKind(random: Random): ContentKind {
  let x = random.int(100)
  for (const kind of CONTENT_KINDS) {
    x -= KIND_WEIGHTS[kind]
    if (x < 0) return kind
  }
  return 'DU_SH_CHI_DOAN'
}

interface GeneratedCadre {
  id: number
  province: number
  /** Day numbers of the service period clipped to the dataset's years. */
  from: number
  to: number
}

/** Fills an empty, migrated database. Returns what it wrote. */
export function seedDataset(sqlite: Database.Database, options: DatasetOptions): DatasetCounts {
  const random = createRandom(options.seed)
  const first = toDayNumber(`${options.firstYear}-01-01`)
  const last = toDayNumber(`${options.lastYear}-12-31`)
  const today = toDayNumber(options.today)
  const counts: DatasetCounts = {
    cadres: 0,
    trips: 0,
    participations: 0,
    tripUnits: 0,
    exemptions: 0,
    overrides: 0,
    units: 0
  }

  sqlite.transaction(() => {
    const department = sqlite.prepare('INSERT INTO departments (code, name, abbreviation) VALUES (?, ?, ?)')
    const unit = sqlite.prepare('INSERT INTO units (code, name, kind, parent_id) VALUES (?, ?, ?, ?)')
    const cadre = sqlite.prepare(
      `INSERT INTO cadres (code, full_name, gender, position, department_id, full_time, service_start, service_end)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const exemption = sqlite.prepare(
      'INSERT INTO exemptions (cadre_id, reason, from_date, to_date, note) VALUES (?, ?, ?, ?, ?)'
    )
    const override = sqlite.prepare(
      'INSERT INTO cadre_year_overrides (cadre_id, year, subject, reason) VALUES (?, ?, ?, ?)'
    )
    const trip = sqlite.prepare(
      `INSERT INTO trips (code, start_date, start_half, end_date, end_half, kind, topic, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const participant = sqlite.prepare(
      'INSERT INTO trip_participants (trip_id, cadre_id, position) VALUES (?, ?, ?)'
    )
    const visit = sqlite.prepare('INSERT INTO trip_units (trip_id, unit_id, position) VALUES (?, ?, ?)')

    const unitsByProvince: number[][] = []
    const cadresByProvince: GeneratedCadre[][] = []
    const allCadres: GeneratedCadre[] = []
    for (let p = 1; p <= options.provinces; p++) {
      const prefix = `T${pad(p, 2)}`
      const departmentIds = DEPARTMENTS.map(([code, name]) =>
        Number(department.run(`${prefix}-${code}`, `${name} (tỉnh ${p})`, code).lastInsertRowid)
      )
      const top = Number(unit.run(`${prefix}-TD`, `Tỉnh đoàn ${p}`, 'TINH_DOAN', null).lastInsertRowid)
      const unitIds: number[] = []
      const unitCount = random.between(80, 120)
      for (let u = 1; u <= unitCount; u++) {
        const kind = u % 10 === 0 ? 'DOAN_CO_SO' : u % 3 === 0 ? 'DOAN_PHUONG' : 'DOAN_XA'
        const label =
          kind === 'DOAN_CO_SO' ? 'Đoàn cơ sở' : kind === 'DOAN_PHUONG' ? 'Đoàn phường' : 'Đoàn xã'
        unitIds.push(
          Number(unit.run(`${prefix}-X${pad(u, 3)}`, `${label} ${u} (tỉnh ${p})`, kind, top).lastInsertRowid)
        )
      }
      counts.units += unitCount + 1
      unitsByProvince.push(unitIds)

      const provinceCadres: GeneratedCadre[] = []
      for (let c = 1; c <= options.cadresPerProvince; c++) {
        const female = random.chance(0.45)
        const name = `${random.pick(FAMILY)} ${female ? random.pick(['Thị', 'Ngọc', 'Thị Thu', 'Hồng']) : random.pick(MIDDLE)} ${random.pick(GIVEN)}`
        // Most serve the whole period; some join or leave during it.
        const joins = random.chance(0.15) ? first + random.int(last - first - 120) : null
        const leaves = random.chance(0.08)
          ? (joins ?? first) + 120 + random.int(Math.max(1, last - (joins ?? first) - 120))
          : null
        const fullTime = !random.chance(0.08)
        const id = Number(
          cadre.run(
            `${prefix}-CB${pad(c, 3)}`,
            name,
            female ? 'NU' : 'NAM',
            c === 1 ? 'Bí thư' : random.pick(POSITIONS),
            departmentIds[c % departmentIds.length],
            fullTime ? 1 : 0,
            joins === null ? (random.chance(0.5) ? '2015-08-01' : null) : fromDayNumber(joins),
            leaves === null ? null : fromDayNumber(Math.min(leaves, last))
          ).lastInsertRowid
        )
        const generated: GeneratedCadre = {
          id,
          province: p - 1,
          from: joins ?? first,
          to: leaves === null ? last : Math.min(leaves, last)
        }
        provinceCadres.push(generated)
        allCadres.push(generated)
        counts.cadres++

        for (let y = options.firstYear; y <= options.lastYear; y++) {
          const yearStart = toDayNumber(`${y}-01-01`)
          if (random.chance(female ? 0.07 : 0.04)) {
            const reason = female && random.chance(0.6) ? 'THAI_SAN' : random.pick(EXEMPTION_REASONS)
            const length =
              reason === 'THAI_SAN'
                ? 180
                : reason === 'HOC_TAP_DAI_HAN'
                  ? random.between(180, 365)
                  : reason === 'OM_DAU_DAI_HAN'
                    ? random.between(30, 150)
                    : random.between(10, 60)
            const from = yearStart + random.int(330)
            exemption.run(
              id,
              reason,
              fromDayNumber(from),
              fromDayNumber(from + length - 1),
              reason === 'KHAC' ? 'Biệt phái' : null
            )
            counts.exemptions++
            // The same leave entered twice, shifted: overlapping periods count once.
            if (random.chance(0.1)) {
              exemption.run(id, reason, fromDayNumber(from + 10), fromDayNumber(from + length + 9), null)
              counts.exemptions++
            }
          }
          if (random.chance(0.01)) {
            const subject = random.chance(0.5)
            override.run(
              id,
              y,
              subject ? 1 : 0,
              subject ? 'Thường trực quyết định đánh giá' : 'Biệt phái sang đơn vị khác'
            )
            counts.overrides++
          }
        }
      }
      cadresByProvince.push(provinceCadres)
    }

    // Each cadre leads trips in proportion to an activity level (some go out far more than others).
    const cumulative: number[] = []
    let total = 0
    for (const c of allCadres) {
      total += (0.5 + random.next()) * (c.to - c.from + 1)
      cumulative.push(total)
    }
    const pickLeader = (): GeneratedCadre => {
      const x = random.next() * total
      let lo = 0
      let hi = cumulative.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if ((cumulative[mid] ?? 0) <= x) lo = mid + 1
        else hi = mid
      }
      return allCadres[lo] as GeneratedCadre
    }

    const lastTrip = new Map<number, { start: number; startHalf: string; end: number; endHalf: string }>()
    for (let i = 1; i <= options.trips; i++) {
      const leader = pickLeader()
      let start = leader.from + random.int(leader.to - leader.from + 1)
      let startHalf = 'SANG'
      let endHalf = 'CHIEU'
      let length: number // whole days after the start date
      let kind = weightedKind(random)
      const shape = random.int(100)
      if (shape < 14) {
        // An evening chi đoàn meeting: one slot.
        kind = 'DU_SH_CHI_DOAN'
        startHalf = 'CHIEU'
        length = 0
      } else if (shape < 18) {
        startHalf = random.chance(0.5) ? 'SANG' : 'CHIEU'
        endHalf = startHalf
        length = 0
      } else if (shape < 55) length = 0
      else if (shape < 62) {
        startHalf = 'CHIEU'
        length = 1
      } else if (shape < 82) length = 1
      else if (shape < 86) {
        endHalf = 'SANG'
        length = 2
      } else if (shape < 96) length = 2
      else length = random.between(3, 4)
      let end = Math.min(start + length, leader.to)
      if (end === start && startHalf === 'CHIEU' && endHalf === 'SANG') endHalf = 'CHIEU'
      // Entered twice: the same dates as this cadre's previous trip (overlap attribution, warnings).
      const previous = lastTrip.get(leader.id)
      if (previous && random.chance(0.03)) {
        start = previous.start
        startHalf = previous.startHalf
        end = previous.end
        endHalf = previous.endHalf
      }
      const status =
        end >= today
          ? 'DU_KIEN'
          : random.chance(0.01)
            ? 'DU_KIEN'
            : random.chance(0.8)
              ? 'DA_BAO_CAO'
              : 'DA_THUC_HIEN'
      const year = fromDayNumber(start).slice(0, 4)
      const tripId = Number(
        trip.run(
          `CT${year}-${pad(i, 6)}`,
          fromDayNumber(start),
          startHalf,
          fromDayNumber(end),
          endHalf,
          kind,
          random.chance(0.3) ? null : `Nội dung chuyến ${i}`,
          status,
          `${year}-01-01T00:00:${pad(i % 60, 2)}Z`
        ).lastInsertRowid
      )
      counts.trips++
      participant.run(tripId, leader.id, 0)
      counts.participations++
      if (random.chance(0.25)) {
        const colleagues = cadresByProvince[leader.province] ?? []
        const extra = random.between(1, 3)
        const taken = new Set([leader.id])
        for (let k = 0; k < extra; k++) {
          const other = random.pick(colleagues)
          if (taken.has(other.id) || other.from > start || other.to < end) continue
          taken.add(other.id)
          participant.run(tripId, other.id, taken.size - 1)
          counts.participations++
        }
      }
      const provinceUnits = unitsByProvince[leader.province] ?? []
      const visits = random.chance(0.85) ? 1 : random.chance(0.8) ? 2 : 3
      const seen = new Set<number>()
      for (let k = 0; k < visits; k++) {
        const unitId = random.pick(provinceUnits)
        if (seen.has(unitId)) continue
        seen.add(unitId)
        visit.run(tripId, unitId, seen.size - 1)
        counts.tripUnits++
      }
      lastTrip.set(leader.id, { start, startHalf, end, endHalf })
    }
  })()
  return counts
}

/** The national dataset scaled to `cadres` (same density of trips per cadre). */
export function scaledDataset(cadres: number, seed = NATIONAL.seed): DatasetOptions {
  const provinces = Math.max(1, Math.round(cadres / NATIONAL.cadresPerProvince))
  return {
    ...NATIONAL,
    provinces,
    cadresPerProvince: Math.round(cadres / provinces),
    trips: Math.round(cadres * TRIPS_PER_CADRE),
    seed
  }
}
