/**
 * Tổng hợp năm's two service rules: the year list says which years have data and which one a
 * screen opens on, and a summary "as of" a day outside its year is refused (VALIDATION), for
 * the app and the CLI alike.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../shared/api/errors'
import { dispatch } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/index'
import { importWorkbook, importWorkbookData } from '../../electron/services/workbook'
import { emptyWorkbookData } from '../../electron/services/workbook/types'
import { fixtureBuffer, freshDatabase, type TestDatabase } from './workbook-helpers'

const open: TestDatabase[] = []
function database(): TestDatabase {
  const db = freshDatabase()
  open.push(db)
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

describe('years.list', () => {
  it('keeps the current year, and opens on last year when this one has no trips yet', async () => {
    const db = database()
    const handlers = createHandlers(db.ctx)
    // Nothing at all: the current year (the test clock says 15/01/2026).
    expect(await handlers['years.list']({})).toEqual({
      years: [2026],
      dataYears: [],
      defaultYear: 2026,
      currentYear: 2026,
      today: '2026-01-15'
    })
    await importWorkbook(db.ctx, fixtureBuffer(), 'office-2025.xlsx')
    const listing = await handlers['years.list']({})
    expect(listing).toMatchObject({ dataYears: [2025], defaultYear: 2025, currentYear: 2026 })
    expect(listing.years).toEqual([2026, 2025])
  })

  it('prefers the current year once it has a trip, and a later year only when nothing came before', async () => {
    const db = database()
    await importWorkbook(db.ctx, fixtureBuffer(), 'office-2025.xlsx')
    const trip = {
      startHalf: 'SANG' as const,
      endHalf: 'CHIEU' as const,
      unitCodes: ['TD'],
      kind: 'CHUYEN_DE' as const,
      topic: null,
      cadreCodes: ['A01'],
      status: 'DU_KIEN' as const,
      travelOrderNo: null,
      reportDate: null,
      note: null
    }
    const add = (code: string, startDate: string, endDate: string) =>
      importWorkbookData(
        db.ctx,
        { ...emptyWorkbookData(), trips: [{ ...trip, code, startDate, endDate }] },
        code
      )
    expect(add('N1', '2027-03-02', '2027-03-03').committed).toBe(true)
    const handlers = createHandlers(db.ctx)
    expect(await handlers['years.list']({})).toMatchObject({ dataYears: [2027, 2025], defaultYear: 2025 })
    expect(add('N2', '2025-12-31', '2026-01-02').committed).toBe(true)
    expect(await handlers['years.list']({})).toMatchObject({
      dataYears: [2027, 2026, 2025],
      defaultYear: 2026
    })

    // Only a planned year ahead: that one.
    const fresh = database()
    const only = importWorkbookData(
      fresh.ctx,
      {
        ...emptyWorkbookData(),
        departments: [{ code: 'VP', name: 'Văn phòng', abbreviation: 'VP' }],
        units: [
          {
            code: 'TD',
            name: 'Tỉnh đoàn',
            kind: 'TINH_DOAN',
            parentCode: null,
            validFrom: null,
            validTo: null,
            mergedIntoCode: null
          }
        ],
        cadres: [
          {
            code: 'A01',
            fullName: 'Nguyễn Hồng Thắm',
            gender: null,
            birthDate: null,
            position: 'Phó Bí thư',
            departmentCode: 'VP',
            fullTime: true,
            serviceStart: null,
            serviceEnd: null
          }
        ],
        trips: [{ ...trip, code: 'K1', startDate: '2028-05-05', endDate: '2028-05-05' }]
      },
      'kế hoạch'
    )
    expect(only.committed).toBe(true)
    expect(await createHandlers(fresh.ctx)['years.list']({})).toMatchObject({
      dataYears: [2028],
      defaultYear: 2028
    })
  })
})

describe('summary.year as of a day outside the year', () => {
  it('is refused with VALIDATION and a Vietnamese sentence, through the dispatcher too', async () => {
    const db = database()
    await importWorkbook(db.ctx, fixtureBuffer(), 'office-2025.xlsx')
    const handlers = createHandlers(db.ctx)
    let refused: unknown = null
    try {
      await handlers['summary.year']({ year: 2025, asOf: '2024-12-31' })
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({
      code: 'VALIDATION',
      message:
        'Ngày tính đến 31/12/2024 không thuộc năm 2025: hãy chọn một ngày từ 01/01/2025 đến 31/12/2025.'
    })
    const envelope = await dispatch(handlers, 'summary.year', { year: 2025, asOf: '2026-01-01' })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    // Inside the year, and without a date, it answers.
    expect((await handlers['summary.year']({ year: 2025, asOf: '2025-12-31' })).asOf).toBe('2025-12-31')
    expect((await handlers['summary.year']({ year: 2025 })).asOf).toBe('2025-12-31')
  })
})
