/**
 * The entry form's live warnings ('trips.check') on the 2025 fixture, "today" 15/10/2025:
 * overlaps name the other trip and which trip keeps the shared half days (RULES.md §3),
 * exemption periods, service periods, unit validity, chi đoàn meetings at other units, the
 * report deadline, and what a half-typed form gives. Nothing here writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TripDraft, TripWarning } from '../../../shared/api/trips'
import { openTripsFixture, type TripsFixture } from './helpers'

let f: TripsFixture

beforeAll(async () => {
  f = await openTripsFixture()
}, 60_000)

afterAll(() => f?.close())

const BASE: TripDraft = {
  startDate: '2025-10-20',
  startHalf: 'SANG',
  endDate: '2025-10-21',
  endHalf: 'CHIEU',
  unitCodes: ['TAN'],
  kind: 'CHUYEN_DE',
  cadreCodes: ['A03'],
  status: 'DU_KIEN',
  reportDate: null
}

async function warnings(draft: TripDraft): Promise<TripWarning[]> {
  return (await f.call('trips.check', draft)).warnings
}

function kinds(list: TripWarning[]): string[] {
  return list.map((w) => w.kind)
}

describe('trips.check', () => {
  it('gives the length and no warning for a clean planned trip', async () => {
    const result = await f.call('trips.check', BASE)
    expect(result).toEqual({ days: 2, warnings: [] })
  })

  it('names the overlapping trip, the shared days, and which trip keeps them', async () => {
    // A02 has TR001 (10–13/03) and TR002 (12–14/03); a new trip 13/03 chiều–15/03.
    const list = await warnings({
      ...BASE,
      startDate: '2025-03-13',
      startHalf: 'CHIEU',
      endDate: '2025-03-15',
      cadreCodes: ['A02'],
      unitCodes: ['NHI'],
      status: 'DA_BAO_CAO'
    })
    const overlaps = list.filter((w) => w.kind === 'overlap')
    expect(overlaps.map((w) => w.tripCode)).toEqual(['TR001', 'TR002'])
    expect(overlaps[0]!.field).toBe('cadreCodes')
    expect(overlaps[0]!.message).toBe(
      'Trùng thời gian với chuyến TR001 (10/03/2025–13/03/2025, đã báo cáo) của A02 Trần Văn Bé: ' +
        '13/03/2025 (chiều) (0,5 ngày) tính cho chuyến TR001.'
    )
    expect(overlaps[1]!.message).toBe(
      'Trùng thời gian với chuyến TR002 (12/03/2025–14/03/2025, đã báo cáo) của A02 Trần Văn Bé: ' +
        '13/03/2025 (chiều) (0,5 ngày) tính cho chuyến TR001; 14/03/2025 (1 ngày) tính cho chuyến TR002.'
    )
  })

  it('groups cadres sharing one overlap, and says a planned trip takes no day', async () => {
    // TR004 (09–10/09) has A01 and A06.
    const shared = await warnings({
      ...BASE,
      startDate: '2025-09-10',
      endDate: '2025-09-10',
      cadreCodes: ['A01', 'A06'],
      status: 'DA_THUC_HIEN',
      reportDate: '2025-09-12'
    })
    const overlap = shared.find((w) => w.tripCode === 'TR004')
    expect(overlap?.message).toContain(
      'của A01 Nguyễn Hồng Thắm, A06 Huỳnh Thị Ơn: 10/09/2025 (1 ngày) tính cho chuyến TR004.'
    )
    const planned = await warnings({
      ...BASE,
      startDate: '2025-09-10',
      endDate: '2025-09-10',
      cadreCodes: ['A01']
    })
    expect(planned.find((w) => w.tripCode === 'TR004')?.message).toContain(
      ': 10/09/2025: chuyến này là dự kiến, chưa được tính ngày.'
    )
  })

  it('does not count the trip being edited as an overlap with itself', async () => {
    const trip = await f.call('trips.get', { code: 'TR003' })
    const list = await warnings({ ...trip, originalCode: 'TR003' })
    expect(kinds(list)).not.toContain('overlap')
    expect(kinds(await warnings({ ...trip }))).toContain('overlap')
  })

  it('warns about exemption and service periods', async () => {
    const exempt = await warnings({
      ...BASE,
      startDate: '2025-05-05',
      endDate: '2025-05-06',
      cadreCodes: ['A07']
    })
    expect(exempt.find((w) => w.kind === 'exemption')?.message).toBe(
      'Chuyến đi nằm trong kỳ miễn giảm của A07 Đinh Thị Ngân (Nghỉ thai sản, 15/01/2025–14/11/2025); ngày đi vẫn được tính.'
    )
    const early = await warnings({
      ...BASE,
      startDate: '2025-05-30',
      endDate: '2025-06-02',
      cadreCodes: ['A05']
    })
    expect(early.find((w) => w.kind === 'outside-service')?.message).toBe(
      'Chuyến đi có ngày ngoài thời gian công tác của A05 Võ Quang Ánh (công tác từ 01/06/2025).'
    )
  })

  it('warns about a unit not valid on the dates, and a chi đoàn meeting at another unit', async () => {
    const list = await warnings({ ...BASE, unitCodes: ['NHI', 'CD-TA2'], kind: 'DU_SH_CHI_DOAN' })
    expect(list.filter((w) => w.kind === 'unit-validity').map((w) => w.message)).toEqual([
      'Đơn vị NHI – Huyện đoàn Ngọc Hiển chỉ có hiệu lực đến 30/06/2025; chuyến đi diễn ra 20/10/2025–21/10/2025.'
    ])
    expect(list.filter((w) => w.kind === 'chi-doan').map((w) => w.message)).toEqual([
      'Dự sinh hoạt chi đoàn nhưng đơn vị NHI – Huyện đoàn Ngọc Hiển là huyện đoàn, không phải chi đoàn.'
    ])
    expect(kinds(await warnings({ ...BASE, unitCodes: ['CD-TA2'], kind: 'DU_SH_CHI_DOAN' }))).toEqual([])
  })

  it('warns about a late report, a planned trip in the past and a done trip in the future', async () => {
    const late = await warnings({
      ...BASE,
      startDate: '2025-09-01',
      endDate: '2025-09-02',
      status: 'DA_THUC_HIEN'
    })
    expect(late.find((w) => w.kind === 'report-overdue')).toMatchObject({
      field: 'reportDate',
      message: 'Quá hạn báo cáo 33 ngày: hạn nộp báo cáo là 12/09/2025 (10 ngày sau khi kết thúc).'
    })
    expect(
      kinds(
        await warnings({
          ...BASE,
          startDate: '2025-09-01',
          endDate: '2025-09-02',
          status: 'DA_THUC_HIEN',
          reportDate: '2025-09-05'
        })
      )
    ).toEqual([])
    expect(kinds(await warnings({ ...BASE, startDate: '2025-09-01', endDate: '2025-09-02' }))).toEqual([
      'planned-past'
    ])
    expect(kinds(await warnings({ ...BASE, status: 'DA_BAO_CAO' }))).toEqual(['done-future'])
    expect(
      kinds(
        await warnings({
          ...BASE,
          startDate: '2025-09-01',
          endDate: '2025-09-02',
          status: 'DA_BAO_CAO',
          reportDate: '2025-08-30'
        })
      )
    ).toEqual(['report-before-trip'])
  })

  it('warns that a code is taken, and copes with a half-typed form', async () => {
    expect(await warnings({ code: 'TR001' })).toEqual([
      {
        kind: 'code-taken',
        field: 'code',
        tripCode: 'TR001',
        message: 'Mã chuyến "TR001" đã có (chuyến 10/03/2025–13/03/2025); hãy dùng mã khác.'
      }
    ])
    expect(await warnings({ code: 'TR001', originalCode: 'TR001' })).toEqual([])
    expect(
      await f.call('trips.check', { startDate: '31/02', endDate: '2025-10-20', cadreCodes: ['A01'] })
    ).toEqual({
      days: null,
      warnings: []
    })
    expect(await f.call('trips.check', { startDate: '2025-10-21', endDate: '2025-10-20' })).toEqual({
      days: null,
      warnings: []
    })
    expect(
      await f.call('trips.check', {
        startDate: '2025-10-20',
        startHalf: 'CHIEU',
        endDate: '2025-10-20',
        endHalf: 'CHIEU'
      })
    ).toEqual({
      days: 0.5,
      warnings: [expect.objectContaining({ kind: 'done-future' })]
    })
    // Unknown codes in a draft are not errors yet: saving refuses them.
    expect(await warnings({ ...BASE, cadreCodes: ['ZZ'], unitCodes: ['QQ'] })).toEqual([])
  })
})
