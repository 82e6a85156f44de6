/**
 * A realistic demo office for trying the app: a Tỉnh đoàn after the 2025 reform (district
 * unions closed on 30/06/2025, merged communes directly under the province), about twenty
 * cadres with the usual exceptions (maternity leave, long study, a mid-year joiner, contract
 * staff), and a year of trips up to "today" plus planned ones after it.
 * Deterministic: the same year and day give the same data (seeded generator).
 */
import { addDays, inclusiveDays, toDayNumber, fromDayNumber, type IsoDate } from '../../shared/domain/dates'
import type { ContentKind } from '../../shared/domain/kinds'
import type { CadreRow, OrganisationRow, SignerRow, TripRow, UnitRow, WorkbookData } from './workbook/types'

/** mulberry32: tiny, fast, good enough for demo data; seeded so runs are repeatable. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DEPARTMENTS = [
  { code: 'VP', name: 'Văn phòng', abbreviation: 'VP' },
  { code: 'XDD', name: 'Ban Xây dựng Đoàn', abbreviation: 'XDĐ' },
  { code: 'TG', name: 'Ban Tuyên giáo', abbreviation: 'TG' },
  { code: 'PT', name: 'Ban Phong trào', abbreviation: 'PT' },
  { code: 'TTN', name: 'Ban Thanh thiếu nhi – Trường học', abbreviation: 'TTNTH' },
  { code: 'UBKT', name: 'Ủy ban Kiểm tra', abbreviation: 'UBKT' }
]

/** The issuing organisation (a Tỉnh đoàn prints its name on one line, DOCUMENT-FORMAT.md). */
const ORGANISATION: OrganisationRow = {
  issuerName: 'BCH ĐOÀN TỈNH LÂM ĐỒNG',
  issuerLevelName: 'TỈNH ĐOÀN',
  placeName: 'Lâm Đồng',
  issuerAbbreviation: 'TĐTN',
  congressTerm: '2022 – 2027',
  congressTermStart: '2022-09-22'
}

const SIGNERS: SignerRow[] = [
  { fullName: 'Nguyễn Thị Thu Hà', position: 'BÍ THƯ', authority: 'TM. BAN THƯỜNG VỤ', isDefault: true },
  {
    fullName: 'Trần Quốc Bảo',
    position: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
    authority: 'TM. BAN THƯỜNG VỤ',
    isDefault: false
  },
  { fullName: 'Lê Hoàng Yến', position: 'PHÓ BÍ THƯ', authority: 'TM. BAN THƯỜNG VỤ', isDefault: false }
]

const OLD_DISTRICTS = ['Đức Trọng', 'Di Linh', 'Bảo Lâm', 'Lâm Hà']
const NEW_COMMUNES = [
  'Đoàn xã Đức Trọng',
  'Đoàn xã Hiệp Thạnh',
  'Đoàn xã Tân Hội',
  'Đoàn xã Di Linh',
  'Đoàn xã Gia Hiệp',
  'Đoàn xã Bảo Lâm 1',
  'Đoàn xã Lộc Thành',
  'Đoàn xã Nam Hà',
  'Đoàn xã Đinh Văn Lâm Hà',
  'Đoàn phường Xuân Hương – Đà Lạt',
  'Đoàn phường Lâm Viên – Đà Lạt',
  'Đoàn phường 1 Bảo Lộc'
]
const ATTACHED = [
  'Đoàn Trường Đại học Đà Lạt',
  'Đoàn Khối các cơ quan và doanh nghiệp tỉnh',
  'Đoàn Bộ đội Biên phòng tỉnh'
]

const CADRES: Array<Omit<CadreRow, 'serviceStart' | 'serviceEnd' | 'birthDate'> & { birthYear: number }> = [
  {
    code: 'CB01',
    fullName: 'Nguyễn Thị Thu Hà',
    gender: 'NU',
    position: 'Bí thư',
    departmentCode: 'VP',
    fullTime: true,
    birthYear: 1984
  },
  {
    code: 'CB02',
    fullName: 'Trần Quốc Bảo',
    gender: 'NAM',
    position: 'Phó Bí thư',
    departmentCode: 'VP',
    fullTime: true,
    birthYear: 1987
  },
  {
    code: 'CB03',
    fullName: 'Lê Hoàng Yến',
    gender: 'NU',
    position: 'Phó Bí thư',
    departmentCode: 'VP',
    fullTime: true,
    birthYear: 1989
  },
  {
    code: 'CB04',
    fullName: 'Phạm Văn Đức',
    gender: 'NAM',
    position: 'Chánh Văn phòng',
    departmentCode: 'VP',
    fullTime: true,
    birthYear: 1986
  },
  {
    code: 'CB05',
    fullName: 'Hoàng Thị Ánh',
    gender: 'NU',
    position: 'Chuyên viên',
    departmentCode: 'VP',
    fullTime: true,
    birthYear: 1995
  },
  {
    code: 'CB06',
    fullName: 'Võ Minh Khôi',
    gender: 'NAM',
    position: 'Trưởng ban',
    departmentCode: 'XDD',
    fullTime: true,
    birthYear: 1988
  },
  {
    code: 'CB07',
    fullName: 'Đặng Thị Ngọc Lan',
    gender: 'NU',
    position: 'Phó Trưởng ban',
    departmentCode: 'XDD',
    fullTime: true,
    birthYear: 1991
  },
  {
    code: 'CB08',
    fullName: 'Bùi Thanh Tùng',
    gender: 'NAM',
    position: 'Chuyên viên',
    departmentCode: 'XDD',
    fullTime: true,
    birthYear: 1996
  },
  {
    code: 'CB09',
    fullName: 'Đỗ Thị Mỹ Duyên',
    gender: 'NU',
    position: 'Trưởng ban',
    departmentCode: 'TG',
    fullTime: true,
    birthYear: 1990
  },
  {
    code: 'CB10',
    fullName: 'Huỳnh Gia Huy',
    gender: 'NAM',
    position: 'Chuyên viên',
    departmentCode: 'TG',
    fullTime: true,
    birthYear: 1997
  },
  {
    code: 'CB11',
    fullName: 'Ngô Thị Ơn',
    gender: 'NU',
    position: 'Chuyên viên',
    departmentCode: 'TG',
    fullTime: true,
    birthYear: 1994
  },
  {
    code: 'CB12',
    fullName: 'Dương Văn Sơn',
    gender: 'NAM',
    position: 'Trưởng ban',
    departmentCode: 'PT',
    fullTime: true,
    birthYear: 1985
  },
  {
    code: 'CB13',
    fullName: 'Lý Thị Kim Chi',
    gender: 'NU',
    position: 'Phó Trưởng ban',
    departmentCode: 'PT',
    fullTime: true,
    birthYear: 1992
  },
  {
    code: 'CB14',
    fullName: 'Trịnh Công Ý',
    gender: 'NAM',
    position: 'Chuyên viên',
    departmentCode: 'PT',
    fullTime: true,
    birthYear: 1998
  },
  {
    code: 'CB15',
    fullName: 'Mai Thị Ngân',
    gender: 'NU',
    position: 'Trưởng ban',
    departmentCode: 'TTN',
    fullTime: true,
    birthYear: 1989
  },
  {
    code: 'CB16',
    fullName: 'Vũ Đình Phúc',
    gender: 'NAM',
    position: 'Chuyên viên',
    departmentCode: 'TTN',
    fullTime: true,
    birthYear: 1999
  },
  {
    code: 'CB17',
    fullName: 'Tạ Quang Út',
    gender: 'NAM',
    position: 'Chủ nhiệm Ủy ban Kiểm tra',
    departmentCode: 'UBKT',
    fullTime: true,
    birthYear: 1983
  },
  {
    code: 'CB18',
    fullName: 'Châu Ngọc Ân',
    gender: 'NU',
    position: 'Chuyên viên',
    departmentCode: 'UBKT',
    fullTime: true,
    birthYear: 2000
  },
  {
    code: 'CB19',
    fullName: 'Lâm Thị Bé',
    gender: 'NU',
    position: 'Nhân viên hợp đồng',
    departmentCode: 'VP',
    fullTime: false,
    birthYear: 1993
  },
  {
    code: 'CB20',
    fullName: 'Phan Anh Tuấn',
    gender: 'NAM',
    position: 'Chuyên viên',
    departmentCode: 'XDD',
    fullTime: true,
    birthYear: 2001
  }
]

/** How keen each cadre is: the share of the 60 days they reach by year end (before rounding noise). */
const DILIGENCE: Record<string, number> = {
  CB01: 1.12,
  CB02: 1.05,
  CB03: 1.02,
  CB04: 0.92,
  CB05: 1.08,
  CB06: 1.15,
  CB07: 0.85,
  CB08: 1.1,
  CB09: 1.0,
  CB10: 0.75,
  CB11: 1.06,
  CB12: 1.2,
  CB13: 0.97,
  CB14: 0.9,
  CB15: 1.04,
  CB16: 0.6,
  CB17: 1.03,
  CB18: 1.1,
  CB19: 0.3,
  CB20: 1.0
}

/** Content mix: cumulative weights over the five kinds, close to the default ratio rules. */
const KIND_WEIGHTS: Array<[ContentKind, number]> = [
  ['CHUYEN_DE', 0.24],
  ['PHOI_HOP', 0.2],
  ['KIEM_TRA', 0.12],
  ['DU_SH_BCH_BTV', 0.16],
  ['DU_SH_CHI_DOAN', 0.28]
]

const TOPICS: Record<ContentKind, string[]> = {
  CHUYEN_DE: [
    'Khảo sát tình hình đoàn viên, thanh niên sau sắp xếp đơn vị hành chính',
    'Nắm tình hình thanh niên công nhân tại khu công nghiệp',
    'Khảo sát mô hình thanh niên khởi nghiệp nông nghiệp công nghệ cao'
  ],
  PHOI_HOP: [
    'Phối hợp tổ chức Ngày hội thanh niên với chuyển đổi số',
    'Chỉ đạo Chiến dịch Thanh niên tình nguyện hè',
    'Phối hợp tổ chức hiến máu tình nguyện'
  ],
  KIEM_TRA: [
    'Kiểm tra công tác đoàn viên theo kế hoạch của Ban Thường vụ',
    'Giám sát việc thu, nộp đoàn phí'
  ],
  DU_SH_BCH_BTV: ['Dự hội nghị Ban Chấp hành chuyên đề', 'Dự sinh hoạt chuyên đề Ban Thường vụ Đoàn xã'],
  DU_SH_CHI_DOAN: [
    'Dự sinh hoạt chi đoàn thôn',
    'Dự sinh hoạt chi đoàn theo chủ điểm tháng',
    'Dự sinh hoạt chi đoàn trường học'
  ]
}

/** The day shares a cadre aims for: safely above the default ratio rules (20% and 40%). */
const TARGET_MIX: Record<ContentKind, number> = {
  CHUYEN_DE: 0.25,
  PHOI_HOP: 0.17,
  KIEM_TRA: 0.12,
  DU_SH_BCH_BTV: 0.18,
  DU_SH_CHI_DOAN: 0.28
}
/** Two cadres who favour activities over chi đoàn meetings: "đủ ngày, chưa đạt cơ cấu". */
const SKEWED_MIX: Record<ContentKind, number> = {
  CHUYEN_DE: 0.22,
  PHOI_HOP: 0.38,
  KIEM_TRA: 0.12,
  DU_SH_BCH_BTV: 0.1,
  DU_SH_CHI_DOAN: 0.18
}

function emptyKindHalves(): Record<ContentKind, number> {
  return { CHUYEN_DE: 0, PHOI_HOP: 0, KIEM_TRA: 0, DU_SH_BCH_BTV: 0, DU_SH_CHI_DOAN: 0 }
}

function totalHalves(byKind: Record<ContentKind, number> | undefined): number {
  return byKind ? Object.values(byKind).reduce((a, b) => a + b, 0) : 0
}

/** The kind furthest below its share in the mix. */
function neediestKind(
  mix: Record<ContentKind, number>,
  byKind: Record<ContentKind, number> | undefined
): ContentKind {
  const total = Math.max(1, totalHalves(byKind))
  let best: ContentKind = 'CHUYEN_DE'
  let bestGap = Number.NEGATIVE_INFINITY
  for (const kind of Object.keys(mix) as ContentKind[]) {
    const gap = mix[kind] - (byKind?.[kind] ?? 0) / total
    if (gap > bestGap) {
      best = kind
      bestGap = gap
    }
  }
  return best
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

function pickKind(random: () => number): ContentKind {
  let r = random()
  for (const [kind, weight] of KIND_WEIGHTS) {
    if (r < weight) return kind
    r -= weight
  }
  return 'DU_SH_CHI_DOAN'
}

/** City unions before the reform: they closed with the district unions on 30/06/2025. */
const OLD_CITIES = [
  { code: 'TP1', name: 'Thành đoàn Đà Lạt' },
  { code: 'TP2', name: 'Thành đoàn Bảo Lộc' }
]

/**
 * The communes and wards of 2022–2025 under their district (or city) union, each merged on
 * 01/07/2025 into one of the new communes (X01…X12): the tree of a past year shows them, the
 * tree of 2026 shows only the new ones directly under the Tỉnh đoàn.
 */
const OLD_COMMUNES: Array<{ code: string; name: string; parentCode: string; mergedIntoCode: string }> = [
  { code: 'XC01', name: 'Đoàn xã Liên Nghĩa', parentCode: 'HD1', mergedIntoCode: 'X01' },
  { code: 'XC02', name: 'Đoàn xã Hiệp An', parentCode: 'HD1', mergedIntoCode: 'X02' },
  { code: 'XC03', name: 'Đoàn xã Phú Hội', parentCode: 'HD1', mergedIntoCode: 'X01' },
  { code: 'XC04', name: 'Đoàn xã Liên Hiệp', parentCode: 'HD1', mergedIntoCode: 'X02' },
  { code: 'XC05', name: 'Đoàn xã Tân Hội', parentCode: 'HD1', mergedIntoCode: 'X03' },
  { code: 'XC06', name: 'Đoàn xã Tân Thành', parentCode: 'HD1', mergedIntoCode: 'X03' },
  { code: 'XC07', name: 'Đoàn xã Tân Châu', parentCode: 'HD2', mergedIntoCode: 'X04' },
  { code: 'XC08', name: 'Đoàn xã Gia Hiệp', parentCode: 'HD2', mergedIntoCode: 'X05' },
  { code: 'XC09', name: 'Đoàn xã Tam Bố', parentCode: 'HD2', mergedIntoCode: 'X05' },
  { code: 'XC10', name: 'Đoàn xã Lộc Thắng', parentCode: 'HD3', mergedIntoCode: 'X06' },
  { code: 'XC11', name: 'Đoàn xã Lộc Quảng', parentCode: 'HD3', mergedIntoCode: 'X06' },
  { code: 'XC12', name: 'Đoàn xã Lộc Thành', parentCode: 'HD3', mergedIntoCode: 'X07' },
  { code: 'XC13', name: 'Đoàn xã Lộc Nam', parentCode: 'HD3', mergedIntoCode: 'X07' },
  { code: 'XC14', name: 'Đoàn xã Nam Hà', parentCode: 'HD4', mergedIntoCode: 'X08' },
  { code: 'XC15', name: 'Đoàn xã Đạ Đờn', parentCode: 'HD4', mergedIntoCode: 'X08' },
  { code: 'XC16', name: 'Đoàn xã Đinh Văn', parentCode: 'HD4', mergedIntoCode: 'X09' },
  { code: 'XC17', name: 'Đoàn xã Tân Văn', parentCode: 'HD4', mergedIntoCode: 'X09' },
  { code: 'XC18', name: 'Đoàn phường 1 Đà Lạt', parentCode: 'TP1', mergedIntoCode: 'X10' },
  { code: 'XC19', name: 'Đoàn phường 2 Đà Lạt', parentCode: 'TP1', mergedIntoCode: 'X10' },
  { code: 'XC20', name: 'Đoàn phường 8 Đà Lạt', parentCode: 'TP1', mergedIntoCode: 'X11' },
  { code: 'XC21', name: 'Đoàn phường 9 Đà Lạt', parentCode: 'TP1', mergedIntoCode: 'X11' },
  { code: 'XC22', name: 'Đoàn phường 1 Bảo Lộc', parentCode: 'TP2', mergedIntoCode: 'X12' },
  { code: 'XC23', name: 'Đoàn phường Lộc Phát', parentCode: 'TP2', mergedIntoCode: 'X12' }
]

function buildUnits(): UnitRow[] {
  const units: UnitRow[] = [
    {
      code: 'TD',
      name: 'Tỉnh đoàn Lâm Đồng',
      kind: 'TINH_DOAN',
      parentCode: null,
      validFrom: null,
      validTo: null,
      mergedIntoCode: null
    }
  ]
  OLD_DISTRICTS.forEach((name, i) => {
    units.push({
      code: `HD${i + 1}`,
      name: `Huyện đoàn ${name}`,
      kind: 'HUYEN_DOAN',
      parentCode: 'TD',
      validFrom: null,
      validTo: '2025-06-30',
      mergedIntoCode: null
    })
  })
  NEW_COMMUNES.forEach((name, i) => {
    units.push({
      code: `X${(i + 1).toString().padStart(2, '0')}`,
      name,
      kind: name.startsWith('Đoàn phường') ? 'DOAN_PHUONG' : 'DOAN_XA',
      parentCode: 'TD',
      validFrom: '2025-07-01',
      validTo: null,
      mergedIntoCode: null
    })
  })
  ATTACHED.forEach((name, i) => {
    units.push({
      code: `TT${i + 1}`,
      name,
      kind: 'DOAN_TRUC_THUOC',
      parentCode: 'TD',
      validFrom: null,
      validTo: null,
      mergedIntoCode: null
    })
  })
  // After the open units, so the units trips are drawn from (and so the trips) stay the same.
  for (const city of OLD_CITIES) {
    units.push({
      ...city,
      kind: 'THANH_DOAN',
      parentCode: 'TD',
      validFrom: null,
      validTo: '2025-06-30',
      mergedIntoCode: null
    })
  }
  for (const commune of OLD_COMMUNES) {
    units.push({
      ...commune,
      kind: commune.name.startsWith('Đoàn phường') ? 'DOAN_PHUONG' : 'DOAN_XA',
      validFrom: null,
      validTo: '2025-06-30'
    })
  }
  return units
}

export interface DemoOptions {
  year: number
  /** Trips up to this day are done (most reported); later ones are planned. */
  today: IsoDate
  seed?: number
}

export function buildDemoWorkbook({ year, today, seed = 2026 }: DemoOptions): WorkbookData {
  const random = seededRandom(seed)
  const units = buildUnits()
  const visitable = units.filter((u) => u.validTo === null && u.kind !== 'TINH_DOAN').map((u) => u.code)
  const yearStartDay = toDayNumber(`${year}-01-01`)
  const yearDays = inclusiveDays(`${year}-01-01`, `${year}-12-31`)

  const cadres: CadreRow[] = CADRES.map(({ birthYear, ...c }) => ({
    ...c,
    birthDate: `${birthYear}-0${1 + (birthYear % 9)}-1${birthYear % 9}`,
    serviceStart: c.code === 'CB20' ? `${year}-05-04` : null,
    serviceEnd: null
  }))
  const exemptions = [
    {
      cadreCode: 'CB11',
      reason: 'THAI_SAN' as const,
      from: `${year}-03-02`,
      to: `${year}-08-31`,
      note: 'Nghỉ thai sản 6 tháng'
    },
    {
      cadreCode: 'CB16',
      reason: 'HOC_TAP_DAI_HAN' as const,
      from: `${year - 1}-09-05`,
      to: `${year}-09-30`,
      note: 'Học thạc sĩ tập trung'
    }
  ]

  const trips: TripRow[] = []
  const todayDay = toDayNumber(today)
  const yearEndDay = yearStartDay + yearDays - 1
  const busy = new Map(cadres.map((c) => [c.code, new Set<number>()]))
  const halvesByKind = new Map(cadres.map((c) => [c.code, emptyKindHalves()]))
  const canGo = (code: string, days: number[]): boolean => {
    const cadre = cadres.find((c) => c.code === code)
    if (!cadre) return false
    const start = cadre.serviceStart ? toDayNumber(cadre.serviceStart) : yearStartDay
    const exemption = exemptions.find((e) => e.cadreCode === code)
    return days.every(
      (d) =>
        d >= start &&
        !busy.get(code)?.has(d) &&
        !(exemption && d >= toDayNumber(exemption.from) && d <= toDayNumber(exemption.to))
    )
  }
  for (const cadre of cadres) {
    const mix = cadre.code === 'CB12' || cadre.code === 'CB09' ? SKEWED_MIX : TARGET_MIX
    const start = cadre.serviceStart ? toDayNumber(cadre.serviceStart) : yearStartDay
    // Aim for the cadre's share of 60 days over the days they can go out this year
    // (service period minus exemption), like the target itself.
    const available = Array.from({ length: yearEndDay - start + 1 }, (_, i) => start + i).filter((d) =>
      canGo(cadre.code, [d])
    ).length
    const goal = Math.round((120 * (DILIGENCE[cadre.code] ?? 1) * available) / yearDays)
    let guard = 0
    while (totalHalves(halvesByKind.get(cadre.code)) < goal && guard++ < 2000) {
      const day = start + Math.floor(random() * (yearEndDay - start - 2))
      const kind = random() < 0.75 ? neediestKind(mix, halvesByKind.get(cadre.code)) : pickKind(random)
      // Chi đoàn meetings are often one evening (half a day); other kinds take 1–3 days.
      const evening = kind === 'DU_SH_CHI_DOAN' && random() < 0.55
      const length = evening || kind === 'DU_SH_CHI_DOAN' ? 1 : 1 + Math.floor(random() * 3)
      const days = Array.from({ length }, (_, i) => day + i)
      if (!canGo(cadre.code, days)) continue
      const companion =
        random() < 0.15
          ? pick(
              random,
              cadres.filter((c) => c.fullTime && c.code !== cadre.code)
            )
          : null
      const team = [cadre.code, ...(companion && canGo(companion.code, days) ? [companion.code] : [])]
      const halves = evening ? 1 : days.length * 2
      for (const code of team) {
        days.forEach((d) => busy.get(code)?.add(d))
        const byKind = halvesByKind.get(code)
        if (byKind) byKind[kind] += halves
      }
      const endDay = days[days.length - 1] ?? day
      const done = endDay <= todayDay
      const reported = done && (endDay < todayDay - 12 ? random() < 0.93 : random() < 0.5)
      const endDate = fromDayNumber(endDay)
      trips.push({
        code: '',
        startDate: fromDayNumber(day),
        startHalf: evening ? 'CHIEU' : 'SANG',
        endDate,
        endHalf: 'CHIEU',
        unitCodes: [pick(random, visitable)],
        kind,
        topic: pick(random, TOPICS[kind]),
        cadreCodes: team,
        status: !done ? 'DU_KIEN' : reported ? 'DA_BAO_CAO' : 'DA_THUC_HIEN',
        travelOrderNo: evening ? null : 'x',
        reportDate: reported ? addDays(endDate, 2 + Math.floor(random() * 8)) : null,
        note: null
      })
    }
  }
  // Number trips in date order, as an office register would.
  trips.sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.cadreCodes[0]!.localeCompare(b.cadreCodes[0]!)
  )
  trips.forEach((trip, i) => {
    trip.code = `CD${year}-${(i + 1).toString().padStart(4, '0')}`
    if (trip.travelOrderNo) trip.travelOrderNo = `${(i + 1).toString().padStart(3, '0')}/CL-TĐTN`
  })
  return {
    departments: DEPARTMENTS.map((d) => ({ ...d })),
    units,
    cadres,
    exemptions,
    trips,
    organisation: [{ ...ORGANISATION }],
    signers: SIGNERS.map((s) => ({ ...s }))
  }
}
