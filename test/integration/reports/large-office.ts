/**
 * A large office for the document checks and the docx benchmark: by default 200 cadres and
 * 6,000 trips in one year, with what makes documents hard to lay out: a long issuer name and
 * place ("BCH ĐOÀN TỈNH BÀ RỊA - VŨNG TÀU"), three-digit order numbers, totals over 1.000
 * days, hyphenated trip codes, long unit and ban names, hundreds of overdue reports, a
 * quarter with hundreds of planned trips, district unions closed on 30/06/2025, leaders filed
 * under the Văn phòng, chi đoàn meetings recorded against a district union, exemptions,
 * part-time staff and a mid-year joiner.
 *
 * Deterministic (seeded): the same options give the same office. Written straight into the
 * tables in one transaction (test data, not a clerk's change: no change log), on a database
 * opened by the caller.
 */
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'
import {
  cadres,
  departments,
  exemptions,
  organisation,
  signers,
  tripParticipants,
  trips,
  tripUnits,
  unitMoves,
  units
} from '../../../electron/db/schema'
import { createServiceContext, type ServiceContext } from '../../../electron/services/context'
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../../../shared/domain/dates'
import { CONTENT_KINDS, type ContentKind } from '../../../shared/domain/kinds'

export interface LargeOfficeOptions {
  /** 200 by default. */
  cadres?: number
  /** Trips of the year, 6,000 by default. */
  trips?: number
  year?: number
  /** Trips ending by this day are done (most reported), later ones planned. */
  today?: IsoDate
  seed?: number
}

export const LARGE_OFFICE = {
  issuerName: 'BCH ĐOÀN TỈNH BÀ RỊA - VŨNG TÀU',
  placeName: 'Bà Rịa - Vũng Tàu',
  year: 2025,
  today: '2025-11-20',
  signer: { fullName: 'Nguyễn Thị Phương Thảo', position: 'PHÓ BÍ THƯ THƯỜNG TRỰC' }
} as const

/** mulberry32: small and seeded, so every run builds the same office. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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
const MIDDLE = [
  'Thị',
  'Văn',
  'Minh',
  'Ngọc',
  'Thanh',
  'Hoàng',
  'Quốc',
  'Thị Thu',
  'Đức',
  'Hữu',
  'Thị Phương',
  'Công'
]
const GIVEN = [
  'Anh',
  'Bảo',
  'Châu',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hoa',
  'Huy',
  'Khoa',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Ngân',
  'Nghĩa',
  'Ngọc',
  'Nhung',
  'Phúc',
  'Phương',
  'Quân',
  'Quyên',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thủy',
  'Trang',
  'Trinh',
  'Trung',
  'Tuấn',
  'Uyên',
  'Việt',
  'Xuân',
  'Yến'
]

const DEPARTMENTS = [
  { code: 'VP', name: 'Văn phòng', abbreviation: 'VP' },
  { code: 'XDD', name: 'Ban Xây dựng Đoàn', abbreviation: 'XDĐ' },
  { code: 'TG', name: 'Ban Tuyên giáo', abbreviation: 'TG' },
  { code: 'CTTN', name: 'Ban Công tác Đoàn và Phong trào thanh niên', abbreviation: 'CTĐ&TTN' },
  { code: 'TTNTH', name: 'Ban Thanh thiếu nhi – Trường học', abbreviation: 'TTNTH' },
  { code: 'UBKT', name: 'Ủy ban Kiểm tra', abbreviation: 'UBKT' },
  { code: 'MT', name: 'Ban Mặt trận - Hội Liên hiệp Thanh niên', abbreviation: 'MT' },
  { code: 'KT', name: 'Ban Kinh tế - Xã hội và Đoàn khối doanh nghiệp', abbreviation: 'KTXH' }
]

const DISTRICTS = [
  'Châu Đức',
  'Xuyên Mộc',
  'Long Điền',
  'Đất Đỏ',
  'Tân Thành',
  'Côn Đảo',
  'Bà Rịa',
  'Vũng Tàu'
]

const TOPICS: Record<ContentKind, string[]> = {
  CHUYEN_DE: [
    'Khảo sát tình hình đoàn viên, thanh niên sau sắp xếp đơn vị hành chính cấp xã',
    'Nắm tình hình thanh niên công nhân tại các khu công nghiệp Phú Mỹ',
    'Khảo sát mô hình thanh niên khởi nghiệp'
  ],
  PHOI_HOP: [
    'Phối hợp tổ chức Ngày hội thanh niên với chuyển đổi số và thực hiện Đề án 06',
    'Chỉ đạo Chiến dịch Thanh niên tình nguyện hè',
    'Phối hợp tổ chức hiến máu tình nguyện'
  ],
  KIEM_TRA: [
    'Kiểm tra công tác đoàn viên theo kế hoạch của Ban Thường vụ',
    'Giám sát việc thu, nộp đoàn phí'
  ],
  DU_SH_BCH_BTV: ['Dự hội nghị Ban Chấp hành chuyên đề', 'Dự sinh hoạt chuyên đề Ban Thường vụ Đoàn xã'],
  DU_SH_CHI_DOAN: ['Dự sinh hoạt chi đoàn theo chủ điểm tháng', 'Dự sinh hoạt chi đoàn khu phố', '']
}

const NOTES = [
  'Đi cùng đoàn công tác của Ban Thường vụ Tỉnh đoàn',
  'Kết hợp kiểm tra công trình thanh niên',
  'Lùi lịch do mưa bão'
]

/** Inserts rows in slices: SQLite limits the parameters of one statement. */
function insertAll<T>(rows: readonly T[], insert: (slice: T[]) => void, size = 200): void {
  for (let i = 0; i < rows.length; i += size) insert(rows.slice(i, i + size))
}

/** Fills an empty database with the large office. */
export function seedLargeOffice(ctx: ServiceContext, options: LargeOfficeOptions = {}): void {
  const cadreCount = options.cadres ?? 200
  const tripCount = options.trips ?? 6000
  const year = options.year ?? LARGE_OFFICE.year
  const today = options.today ?? LARGE_OFFICE.today
  const random = seeded(options.seed ?? 7)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const db = ctx.db
  const now = `${today}T08:00:00.000Z`

  db.transaction((tx) => {
    tx.insert(organisation)
      .values({
        id: 1,
        issuerName: LARGE_OFFICE.issuerName,
        placeName: LARGE_OFFICE.placeName,
        issuerAbbreviation: 'TĐTN',
        issuerLevelName: 'TỈNH ĐOÀN',
        congressTerm: '2022 – 2027',
        congressTermStart: '2022-08-25',
        updatedAt: now
      })
      .run()
    tx.insert(signers)
      .values([
        {
          fullName: 'Trần Quốc Hùng',
          position: 'BÍ THƯ',
          authority: 'TM. BAN THƯỜNG VỤ',
          isDefault: false,
          active: true
        },
        { ...LARGE_OFFICE.signer, authority: 'TM. BAN THƯỜNG VỤ', isDefault: true, active: true }
      ])
      .run()
    const departmentIds = DEPARTMENTS.map(
      (d) => tx.insert(departments).values(d).returning({ id: departments.id }).get().id
    )

    // The tree: districts until 30/06/2025; communes under them, moved under the Tỉnh đoàn
    // from 01/07/2025; chi đoàn under the communes; attached unions.
    const root = tx
      .insert(units)
      .values({ code: 'TD', name: 'Tỉnh đoàn Bà Rịa - Vũng Tàu', kind: 'TINH_DOAN' })
      .returning({ id: units.id })
      .get().id
    const districtIds: number[] = []
    const communeIds: number[] = []
    const chiDoanIds: number[] = []
    DISTRICTS.forEach((name, d) => {
      const district = tx
        .insert(units)
        .values({
          code: `HD${d + 1}`,
          name: `${name === 'Vũng Tàu' || name === 'Bà Rịa' ? 'Thành đoàn' : 'Huyện đoàn'} ${name}`,
          kind: name === 'Vũng Tàu' || name === 'Bà Rịa' ? 'THANH_DOAN' : 'HUYEN_DOAN',
          parentId: root,
          validTo: '2025-06-30'
        })
        .returning({ id: units.id })
        .get().id
      districtIds.push(district)
      for (let c = 1; c <= 8; c += 1) {
        const ward = name === 'Vũng Tàu' || name === 'Bà Rịa'
        const commune = tx
          .insert(units)
          .values({
            code: `X${d + 1}-${c}`,
            name: ward
              ? `Đoàn phường ${c} ${name}`
              : `Đoàn xã ${pick(['Long', 'Phước', 'Hòa', 'Bình', 'Xuân', 'Tân'])} ${pick(['Hải', 'Hưng', 'Thạnh', 'An', 'Sơn', 'Phú', 'Hội'])} ${c}`,
            kind: ward ? 'DOAN_PHUONG' : 'DOAN_XA',
            parentId: district
          })
          .returning({ id: units.id })
          .get().id
        communeIds.push(commune)
        tx.insert(unitMoves).values({ unitId: commune, parentId: root, fromDate: '2025-07-01' }).run()
        for (let k = 1; k <= 2; k += 1) {
          chiDoanIds.push(
            tx
              .insert(units)
              .values({
                code: `CD${d + 1}-${c}-${k}`,
                name: `Chi đoàn khu phố ${10 + k} ${ward ? `phường ${c} ${name}` : `xã số ${c} ${name}`}`,
                kind: 'CHI_DOAN',
                parentId: commune
              })
              .returning({ id: units.id })
              .get().id
          )
        }
      }
    })
    const attached = [
      'Đoàn Trường Cao đẳng Kỹ thuật Công nghệ Bà Rịa - Vũng Tàu',
      'Đoàn Khối các cơ quan và doanh nghiệp tỉnh',
      'Đoàn Bộ đội Biên phòng tỉnh'
    ].map(
      (name, i) =>
        tx
          .insert(units)
          .values({ code: `TT${i + 1}`, name, kind: 'DOAN_TRUC_THUOC', parentId: root })
          .returning({ id: units.id })
          .get().id
    )

    // Cadres: the Thường trực and the BTV under the Văn phòng, a head and a deputy per ban, staff.
    const cadreRows: Array<typeof cadres.$inferInsert> = []
    const usedNames = new Set<string>()
    for (let i = 0; i < cadreCount; i += 1) {
      let fullName = ''
      do fullName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`
      while (usedNames.has(fullName) && usedNames.size < FAMILY.length * MIDDLE.length * GIVEN.length)
      usedNames.add(fullName)
      const department = i < 6 ? 0 : i % DEPARTMENTS.length
      const position =
        i === 0
          ? 'Bí thư'
          : i < 4
            ? 'Phó Bí thư'
            : i < 6
              ? 'Ủy viên Ban Thường vụ'
              : i < 6 + DEPARTMENTS.length
                ? department === 0
                  ? 'Chánh Văn phòng'
                  : 'Trưởng ban'
                : i < 6 + 2 * DEPARTMENTS.length
                  ? department === 0
                    ? 'Phó Chánh Văn phòng'
                    : 'Phó Trưởng ban'
                  : i % 23 === 0
                    ? 'Nhân viên hợp đồng'
                    : 'Chuyên viên'
      cadreRows.push({
        code: `CB${String(i + 1).padStart(3, '0')}`,
        fullName,
        gender: random() < 0.5 ? 'NAM' : 'NU',
        position,
        departmentId: departmentIds[department] ?? 0,
        fullTime: position !== 'Nhân viên hợp đồng',
        serviceStart: i % 37 === 5 ? `${year}-05-04` : null,
        serviceEnd: i % 53 === 7 && i % 37 !== 5 ? `${year}-03-31` : null
      })
    }
    const cadreIds: number[] = []
    insertAll(cadreRows, (slice) => {
      cadreIds.push(
        ...tx
          .insert(cadres)
          .values(slice)
          .returning({ id: cadres.id })
          .all()
          .map((r) => r.id)
      )
    })
    const exemptionRows: Array<typeof exemptions.$inferInsert> = []
    cadreIds.forEach((id, i) => {
      if (i % 19 === 3)
        exemptionRows.push({
          cadreId: id,
          reason: 'THAI_SAN',
          fromDate: `${year}-02-01`,
          toDate: `${year}-07-31`,
          note: 'Nghỉ thai sản 6 tháng'
        })
      if (i % 29 === 11)
        exemptionRows.push({
          cadreId: id,
          reason: 'HOC_TAP_DAI_HAN',
          fromDate: `${year - 1}-09-01`,
          toDate: `${year}-10-31`,
          note: 'Học cao cấp lý luận chính trị'
        })
    })
    if (exemptionRows.length) insertAll(exemptionRows, (slice) => tx.insert(exemptions).values(slice).run())

    // Trips across the year; done by `today` (one in ten without a report), planned after it.
    const first = toDayNumber(`${year}-01-02`)
    const last = toDayNumber(`${year}-12-29`)
    const todayDay = toDayNumber(today)
    const tripRows: Array<typeof trips.$inferInsert> = []
    const people: number[][] = []
    const places: number[][] = []
    for (let n = 1; n <= tripCount; n += 1) {
      const kind = pick(CONTENT_KINDS)
      const start = first + Math.floor(random() * (last - first))
      const evening = kind === 'DU_SH_CHI_DOAN' && random() < 0.6
      const length = evening || kind === 'DU_SH_CHI_DOAN' ? 0 : Math.floor(random() * 3)
      const end = start + length
      const startDate = fromDayNumber(start)
      const endDate = fromDayNumber(end)
      const done = end <= todayDay
      const reported = done && random() < 0.9
      tripRows.push({
        code: `CĐCS-${year}-${String(n).padStart(4, '0')}`,
        startDate,
        startHalf: evening ? 'CHIEU' : 'SANG',
        endDate,
        endHalf: 'CHIEU',
        kind,
        topic: pick(TOPICS[kind]) || null,
        status: !done ? 'DU_KIEN' : reported ? 'DA_BAO_CAO' : 'DA_THUC_HIEN',
        travelOrderNo: evening ? null : `${String(n).padStart(4, '0')}/CL-TĐTN`,
        reportDate: reported ? addDays(endDate, 1 + Math.floor(random() * 9)) : null,
        note: random() < 0.08 ? pick(NOTES) : null,
        createdAt: now
      })
      const team = new Set<number>([Math.floor(random() * cadreCount)])
      while (random() < 0.3 && team.size < 3) team.add(Math.floor(random() * cadreCount))
      people.push([...team].map((i) => cadreIds[i] ?? 0))
      // Chi đoàn meetings mostly at a chi đoàn; one in five recorded against its district union.
      const unit =
        kind === 'DU_SH_CHI_DOAN'
          ? random() < 0.2 && start < toDayNumber('2025-07-01')
            ? pick(districtIds)
            : pick(chiDoanIds)
          : random() < 0.1
            ? pick(attached)
            : start < toDayNumber('2025-07-01') && random() < 0.3
              ? pick(districtIds)
              : pick(communeIds)
      places.push(
        random() < 0.1 ? [unit, pick(communeIds)].filter((u, i, all) => all.indexOf(u) === i) : [unit]
      )
    }
    const tripIds: number[] = []
    insertAll(tripRows, (slice) => {
      tripIds.push(
        ...tx
          .insert(trips)
          .values(slice)
          .returning({ id: trips.id })
          .all()
          .map((r) => r.id)
      )
    })
    const participantRows = tripIds.flatMap((tripId, i) =>
      (people[i] ?? []).map((cadreId, position) => ({ tripId, cadreId, position }))
    )
    insertAll(participantRows, (slice) => tx.insert(tripParticipants).values(slice).run(), 300)
    const unitRows = tripIds.flatMap((tripId, i) =>
      (places[i] ?? []).map((unitId, position) => ({ tripId, unitId, position }))
    )
    insertAll(unitRows, (slice) => tx.insert(tripUnits).values(slice).run(), 300)
  })
}

/** A database file holding the large office, with a context whose "today" is fixed. */
export function openLargeOffice(
  file: string,
  options: LargeOfficeOptions = {}
): { handle: DatabaseHandle; at(today: string): ServiceContext } {
  const handle = openDatabase(file)
  const at = (today: string) =>
    createServiceContext(handle, { today: () => today, now: () => `${today}T08:00:00.000Z` })
  seedLargeOffice(at(options.today ?? LARGE_OFFICE.today), options)
  return { handle, at }
}
