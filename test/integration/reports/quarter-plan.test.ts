/**
 * The quarterly plan of the 2025 fixture, exported through exportDocument on a real SQLite
 * file and read back: the Đoàn layout, the schedule of the quarter's planned trips (never the
 * ones already done or reported) in a landscape Phụ lục, the quarter's figures, the number
 * from the register.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument, type ExportResult } from '../../../electron/reports/export'
import { listIssuedDocuments } from '../../../electron/services/documents'
import { AppError } from '../../../shared/api/errors'
import { eq, inArray } from 'drizzle-orm'
import { cadres, tripParticipants, trips, tripUnits, units } from '../../../electron/db/schema'
import type { ServiceContext } from '../../../electron/services/context'
import type { ContentKind, TripStatus } from '../../../shared/domain/kinds'
import {
  paragraphsOf,
  plainText,
  readDocx,
  sectionBodies,
  sectionsOf,
  tablesOf,
  type DocxParts
} from './docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from './fixture-db'
import {
  borderStyles,
  expectDoanLayout,
  expectFixedWidths,
  expectTableText,
  expectTitle,
  tableStartingWith
} from './layout-expect'

let fixture: FixtureDb
let result: ExportResult
let docx: DocxParts
let text: string

beforeAll(async () => {
  fixture = await openFixtureDb()
  const ctx = fixture.at('2025-12-01')
  enterOrganisation(ctx)
  result = await exportDocument(ctx, { document: 'quarter-plan', year: 2025, quarter: 4 })
  docx = await readDocx(result.buffer)
  text = plainText(docx.document)
}, 60_000)

afterAll(() => fixture?.close())

/** Planned trips touching a period, counted by SQL straight from the rows (independent of the app). */
function plannedCount(from: string, to: string): number {
  const row = fixture.handle.sqlite
    .prepare("SELECT count(*) AS n FROM trips WHERE status = 'DU_KIEN' AND start_date <= ? AND end_date >= ?")
    .get(to, from) as { n: number }
  return row.n
}

interface TripToAdd {
  code: string
  from: string
  to: string
  kind: ContentKind
  status: TripStatus
  cadreCodes: string[]
  unitCodes: string[]
  topic?: string
  note?: string
}

/** Adds trips as a tracked write (the trips logbook is another screen's; these are test data). */
function addTrips(ctx: ServiceContext, list: TripToAdd[]): void {
  ctx.write('Thêm chuyến đi (kiểm thử)', (tx, log) => {
    for (const t of list) {
      const trip = log.rows.insert(trips, {
        code: t.code,
        startDate: t.from,
        endDate: t.to,
        kind: t.kind,
        status: t.status,
        topic: t.topic ?? null,
        note: t.note ?? null,
        createdAt: ctx.clock.now()
      })
      const people = tx.select().from(cadres).where(inArray(cadres.code, t.cadreCodes)).all()
      t.cadreCodes.forEach((code, position) => {
        const cadre = people.find((c) => c.code === code)
        if (cadre) log.rows.insert(tripParticipants, { tripId: trip.id, cadreId: cadre.id, position })
      })
      t.unitCodes.forEach((code, position) => {
        const unit = tx.select().from(units).where(eq(units.code, code)).get()
        if (unit) log.rows.insert(tripUnits, { tripId: trip.id, unitId: unit.id, position })
      })
      log.record('trips', t.code, 'insert', null, t)
    }
  })
}

describe('layout', () => {
  it('follows the Đoàn format: A4, fonts, header with the KH number, page numbers from page 2', () => {
    expectDoanLayout(docx, {
      issuer: 'BCH ĐOÀN TỈNH CÀ MAU\n***',
      numberLine: 'Số: 01-KH/TĐTN-VP',
      dateLine: 'Cà Mau, ngày 01 tháng 12 năm 2025'
    })
    expectTitle(docx, 'KẾ HOẠCH', ['Đi công tác cơ sở của cán bộ Tỉnh đoàn', 'quý IV năm 2025'])
  })

  it('has the outline of §13.2: mục đích – yêu cầu, đối tượng, nội dung and lịch, tổ chức thực hiện', () => {
    const headings = paragraphsOf(docx.document)
      .filter((p) => /^(I|II|III|IV)\. /.test(p.text))
      .map((p) => p.text)
    expect(headings).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      'II. ĐỐI TƯỢNG, THỜI GIAN, ĐỊA BÀN',
      'III. NỘI DUNG, LỊCH ĐI CƠ SỞ',
      'IV. TỔ CHỨC THỰC HIỆN'
    ])
    expect(text).toContain(
      'Sau mỗi chuyến đi, cán bộ báo cáo kết quả chậm nhất 10 ngày kể từ ngày kết thúc chuyến đi.'
    )
  })

  it('signs TM. Ban Thường vụ beside the recipients', () => {
    const t = tablesOf(sectionBodies(docx.document)[0] ?? '').at(-1)
    expect(t?.rows).toHaveLength(1)
    expect(t?.rows[0]?.[0]?.text.split('\n').slice(1)).toEqual([
      'Nơi nhận:',
      '- Thường trực Tỉnh đoàn;',
      '- Các ban, văn phòng Tỉnh đoàn (t/h);',
      '- Các đơn vị cơ sở có liên quan;',
      '- Lưu VP.'
    ])
    expect(t?.rows[0]?.[1]?.text).toBe('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nPHÓ BÍ THƯ\nNguyễn Hồng Thắm')
  })
})

describe('the schedule of Q4 2025', () => {
  const schedule = () => tableStartingWith(docx, 'TT', 'Thời gian', 'Đơn vị cơ sở đến')

  it('is a landscape Phụ lục after the signature, with a repeated header row and 13 pt text', () => {
    const sections = sectionsOf(docx.document)
    expect(sections).toHaveLength(2)
    expect(sections[1]).toMatchObject({ orient: 'landscape', pageStart: 1 })
    const appendix = plainText(sectionBodies(docx.document)[1] ?? '')
    expect(appendix).toContain('Phụ lục')
    expect(appendix).toContain('LỊCH ĐI CÔNG TÁC CƠ SỞ QUÝ IV NĂM 2025')
    expect(appendix).toContain(
      '(Kèm theo Kế hoạch số 01-KH/TĐTN-VP ngày 01/12/2025 của Ban Thường vụ Tỉnh đoàn)'
    )
    const t = schedule()
    expectFixedWidths(t, 14003)
    expect(t.headerRows).toBe(1)
    expect(new Set(borderStyles(t.xml))).toEqual(new Set(['single']))
    expect(t.rows[0]?.map((c) => c.text)).toEqual([
      'TT',
      'Thời gian',
      'Đơn vị cơ sở đến',
      'Nội dung',
      'Cán bộ đi',
      'Số ngày',
      'Ghi chú'
    ])
    expectTableText(docx, t)
    // The plan's body holds no trip list.
    expect(
      tablesOf(sectionBodies(docx.document)[0] ?? '').some((x) => x.rows[0]?.[1]?.text === 'Thời gian')
    ).toBe(false)
  })

  it('lists only the planned trips: TR005, not the chi đoàn meeting of November already reported', () => {
    const rows = schedule()
      .rows.slice(1)
      .map((r) => r.map((c) => c.text))
    expect(rows).toEqual([
      ['Tháng 12/2025'],
      ['1', '22/12 –\n26/12/2025', 'Đoàn phường An Xuyên', 'Đi cơ sở theo chuyên đề', 'Lê Minh Đức', '5', '']
    ])
    expect(rows.filter((r) => r.length > 1)).toHaveLength(plannedCount('2025-10-01', '2025-12-31'))
    expect(text).not.toContain('Đã báo cáo')
    expect(schedule().rows[1]?.[0]?.span).toBe(7)
  })

  it('states the quarter figures: planned trips, cadres, units and the days by kind', () => {
    expect(text).toContain('trong quý có 1 đồng chí đăng ký đi cơ sở.')
    expect(text).toContain('Thời gian: từ ngày 01/10/2025 đến ngày 31/12/2025.')
    expect(text).toContain('Địa bàn: 1 đơn vị (Đoàn phường An Xuyên).')
    expect(text).toContain(
      'Trong quý, cán bộ đăng ký 1 chuyến đi cơ sở, tổng số 5 ngày công tác cơ sở (cộng theo từng cán bộ), trong đó:'
    )
    expect(text).toContain('- Đi cơ sở theo chuyên đề: 5 ngày.')
    expect(text).toContain('Lịch đi cơ sở cụ thể của từng cán bộ tại Phụ lục kèm theo.')
  })
})

describe('a quarter with overlapping and cross-quarter planned trips (Q1 2026)', () => {
  let q1: DocxParts

  beforeAll(async () => {
    const ctx = fixture.at('2025-12-15')
    addTrips(ctx, [
      {
        code: 'K1',
        from: '2026-01-05',
        to: '2026-01-07',
        kind: 'CHUYEN_DE',
        status: 'DU_KIEN',
        cadreCodes: ['A03'],
        unitCodes: ['P1'],
        topic: 'Khảo sát đoàn viên'
      },
      {
        code: 'K2',
        from: '2026-01-07',
        to: '2026-01-08',
        kind: 'KIEM_TRA',
        status: 'DU_KIEN',
        cadreCodes: ['A03'],
        unitCodes: ['TAN']
      },
      {
        code: 'K3',
        from: '2026-03-30',
        to: '2026-04-02',
        kind: 'PHOI_HOP',
        status: 'DU_KIEN',
        cadreCodes: ['A04', 'A05'],
        unitCodes: ['DDT'],
        note: 'Cùng Huyện đoàn tổ chức ngày hội'
      },
      {
        code: 'K4',
        from: '2026-01-12',
        to: '2026-01-12',
        kind: 'DU_SH_CHI_DOAN',
        status: 'DA_THUC_HIEN',
        cadreCodes: ['A06'],
        unitCodes: ['CD-TA2']
      }
    ])
    const out = await exportDocument(ctx, { document: 'quarter-plan', year: 2026, quarter: 1, draft: true })
    q1 = await readDocx(out.buffer)
  })

  it("counts each cadre-day once and only the quarter's part of a trip across its edge", () => {
    const q1Text = plainText(q1.document)
    // K1 3 days; K2 1 (07/01 is K1's); K3 30–31/03 for two cadres: 4. The done K4 is no plan.
    expect(q1Text).toContain('Trong quý, cán bộ đăng ký 3 chuyến đi cơ sở, tổng số 8 ngày công tác cơ sở')
    expect(q1Text).toContain('- Đi cơ sở theo chuyên đề: 3 ngày;')
    expect(q1Text).toContain('- Phối hợp chỉ đạo, tổ chức hoạt động: 4 ngày;')
    expect(q1Text).toContain('- Kiểm tra, giám sát: 1 ngày.')
    expect(q1Text).toContain('trong quý có 3 đồng chí đăng ký đi cơ sở.')
    expect(q1Text).not.toContain('Chi đoàn ấp 2 xã Tân Ân')
  })

  it("groups the schedule by month, with each trip's days inside the quarter and its own note", () => {
    const rows = tableStartingWith(q1, 'TT', 'Thời gian')
      .rows.slice(1)
      .map((r) => r.map((c) => c.text))
    expect(rows).toEqual([
      ['Tháng 1/2026'],
      [
        '1',
        '05/01 –\n07/01/2026',
        'Đoàn phường An Xuyên',
        'Chuyên đề: Khảo sát đoàn viên',
        'Lê Minh Đức',
        '3',
        ''
      ],
      ['2', '07/01 –\n08/01/2026', 'Đoàn xã Tân Ân', 'Kiểm tra, giám sát', 'Lê Minh Đức', '2', ''],
      ['Tháng 3/2026'],
      [
        '3',
        '30/03 –\n02/04/2026',
        'Đoàn xã Đất Mũi',
        'Phối hợp chỉ đạo, tổ chức hoạt động',
        'Phạm Thị Ý\nVõ Quang Ánh',
        '2',
        'Cùng Huyện đoàn tổ chức ngày hội'
      ]
    ])
  })

  it('puts the rest of the cross-quarter trip in the next quarter', async () => {
    const ctx = fixture.at('2025-12-15')
    const out = await exportDocument(ctx, { document: 'quarter-plan', year: 2026, quarter: 2, draft: true })
    const q2 = await readDocx(out.buffer)
    expect(plainText(q2.document)).toContain('tổng số 4 ngày công tác cơ sở')
    const rows = tableStartingWith(q2, 'TT', 'Thời gian').rows.slice(1)
    expect(rows.map((r) => r[0]?.text)).toEqual(['Tháng 4/2026', '1'])
    expect(rows[1]?.[5]?.text).toBe('2')
  })

  it('has no Phụ lục when nothing is planned', async () => {
    const out = await exportDocument(fixture.at('2025-12-15'), {
      document: 'quarter-plan',
      year: 2025,
      quarter: 2,
      draft: true
    })
    const docx2 = await readDocx(out.buffer)
    expect(sectionsOf(docx2.document)).toHaveLength(1)
    expect(plainText(docx2.document)).toContain(
      'Chưa có chuyến đi cơ sở dự kiến nào được đăng ký trong quý II năm 2025.'
    )
  })
})

describe('numbering, drafts and texts', () => {
  it('recorded the plan as number 01 of the KH sequence', () => {
    const register = listIssuedDocuments(fixture.at('2025-12-01'), { typeCode: 'KH' })
    expect(register).toHaveLength(1)
    expect(register[0]).toMatchObject({
      symbol: '01-KH/TĐTN-VP',
      issuedDate: '2025-12-01',
      title: 'Đi công tác cơ sở của cán bộ Tỉnh đoàn quý IV năm 2025'
    })
    expect(result.fileName).toBe('ke-hoach-di-co-so-quy-4-2025-so-01.docx')
  })

  it("leaves the number blank in a draft and prints the clerk's text", async () => {
    const ctx = fixture.at('2025-12-02')
    const out = await exportDocument(ctx, {
      document: 'quarter-plan',
      year: 2025,
      quarter: 4,
      draft: true,
      texts: { purpose: 'Nắm chắc tình hình đoàn viên sau sắp xếp đơn vị hành chính.' }
    })
    const draftText = plainText((await readDocx(out.buffer)).document)
    expect(out.issued).toBeNull()
    expect(draftText).toMatch(/Số: \u00a0+-KH\/TĐTN-VP/)
    expect(draftText).toContain('Nắm chắc tình hình đoàn viên sau sắp xếp đơn vị hành chính.')
    expect(draftText).not.toContain('Cán bộ bám sát cơ sở')
    expect(listIssuedDocuments(ctx, { typeCode: 'KH' })).toHaveLength(1)
  })

  it('refuses a quarter outside 1–4 or none, in Vietnamese, before taking a number', async () => {
    const ctx = fixture.at('2025-12-02')
    for (const quarter of [0, 5, 2.5]) {
      const error = await exportDocument(ctx, { document: 'quarter-plan', year: 2025, quarter }).catch(
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('VALIDATION')
      expect((error as AppError).message).toBe(`Quý không hợp lệ: "${quarter}" (chỉ có quý 1, 2, 3 hoặc 4).`)
    }
    const none = await exportDocument(ctx, { document: 'quarter-plan', year: 2025 }).catch((e: unknown) => e)
    expect((none as AppError).message).toBe('Chưa chọn quý (1, 2, 3 hoặc 4).')
    expect(listIssuedDocuments(ctx, { typeCode: 'KH' })).toHaveLength(1)
  })
})
