/**
 * The document API on a real SQLite file with the 2025 fixture, called through the same
 * dispatcher as IPC and the test bridge (so zod validation runs): the catalog covers every
 * kind and its slots are the ones the documents print, previews never touch the register,
 * issuing numbers in sequence, and unknown codes are refused naming the code.
 */
import { count, eq, max } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers, ApiInput, ApiResult } from '../../shared/api/contract'
import type { ApiEnvelope, AppErrorPayload } from '../../shared/api/errors'
import type { ApiMethod } from '../../shared/api/methods'
import { compareVietnameseNames } from '../../shared/domain/collation'
import { changeLog, issuedDocuments } from '../../electron/db/schema'
import { DOCUMENT_CATALOG } from '../../electron/reports/catalog'
import { DOCUMENT_KINDS, type DocumentKind } from '../../electron/reports/export'
import type { ServiceContext } from '../../electron/services/context'
import { dispatch } from '../../electron/services/dispatch'
import { createHandlers } from '../../electron/services/index'
import { plainText, readDocx } from './reports/docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from './reports/fixture-db'

let fixture: FixtureDb
let ctx: ServiceContext
let handlers: ApiHandlers

beforeAll(async () => {
  fixture = await openFixtureDb()
  ctx = fixture.at('2025-12-20')
  enterOrganisation(ctx)
  handlers = createHandlers(ctx)
}, 60_000)

afterAll(() => fixture?.close())

async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const envelope = await dispatch(handlers, method, input)
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.value as ApiResult<M>
}

async function refusal(method: ApiMethod, input: unknown): Promise<AppErrorPayload> {
  const envelope: ApiEnvelope<unknown> = await dispatch(handlers, method, input)
  if (envelope.ok) throw new Error(`${method} should have been refused`)
  return envelope.error
}

async function docxText(contentBase64: string): Promise<string> {
  return plainText((await readDocx(Buffer.from(contentBase64, 'base64'))).document)
}

function registerRows(): number {
  return ctx.db.select({ n: count() }).from(issuedDocuments).get()?.n ?? 0
}

/** The number the register gives next for a type (its highest so far, plus one). */
function registerNext(typeCode: string): number {
  const row = ctx.db
    .select({ n: max(issuedDocuments.number) })
    .from(issuedDocuments)
    .where(eq(issuedDocuments.typeCode, typeCode))
    .get()
  return (row?.n ?? 0) + 1
}

function changeLogRows(): number {
  return ctx.db.select({ n: count() }).from(changeLog).get()?.n ?? 0
}

/** A request the fixture can answer for every kind (a new kind fails to compile until it has one). */
async function sampleRequests(): Promise<Record<DocumentKind, ApiInput<'documents.preview'>>> {
  const chiDoan = await call('trips.list', { year: 2025, quarter: 3, kind: 'DU_SH_CHI_DOAN' })
  const done = chiDoan.find((t) => t.status !== 'DU_KIEN')
  if (!done) throw new Error('the fixture has no chi đoàn trip done in Q3 2025')
  await seedThreeActive()
  return {
    'year-report': { document: 'year-report', year: 2025, asOf: '2025-12-31' },
    'progress-report': { document: 'progress-report', year: 2025, asOf: '2025-06-30' },
    'quarter-plan': { document: 'quarter-plan', year: 2025, quarter: 4 },
    'registration-form': { document: 'registration-form', year: 2025, quarter: 3, cadreCode: 'A05' },
    'registration-summary': { document: 'registration-summary', year: 2025, quarter: 3 },
    'trip-report': { document: 'trip-report', year: 2025, tripCode: 'TR001' },
    'chi-doan-report': { document: 'chi-doan-report', year: 2025, tripCode: done.code },
    'three-active-form': { document: 'three-active-form', year: 2026, unitCode: 'TAN' },
    'three-active-record': { document: 'three-active-record', year: 2026 },
    'three-active-decision': { document: 'three-active-decision', year: 2026 },
    'three-active-report': { document: 'three-active-report', year: 2026 }
  }
}

/** A 3 chủ động cycle for 2026 (the fixture has none): two units registered, evaluated, decided. */
async function seedThreeActive(): Promise<void> {
  if ((await call('threeActive.year', { year: 2026 })).registrations.length > 0) return
  const { period } = await call('threeActive.year', { year: 2026 })
  for (const unitCode of ['TAN', 'P1']) {
    await call('threeActive.register', {
      year: 2026,
      unitCode,
      registeredOn: '2025-10-05',
      planText: 'Kế hoạch',
      hardCriteria: null
    })
    await call('threeActive.evaluate', {
      year: 2026,
      unitCode,
      evaluatedOn: '2026-12-15',
      note: null,
      results: period.criteria.map((c) => ({
        criterionCode: c.code,
        passed: unitCode === 'TAN' || c.code !== '2.1',
        evidence: null
      }))
    })
  }
  await call('threeActive.decide', { year: 2026, decidedOn: '2026-12-20' })
}

/** The first words of a slot's text as the document prints them (bullets lose their "- "). */
function opening(text: string): string {
  const first = (text.split('\n')[0] ?? '').replace(/^- /, '')
  return first.slice(0, 40)
}

describe('documents.catalog', () => {
  it('has one entry per document kind, in the order of DOCUMENT_KINDS, each with its slots', async () => {
    const catalog = await call('documents.catalog', {})
    expect(catalog.map((c) => c.kind)).toEqual([...DOCUMENT_KINDS])
    for (const entry of catalog) {
      expect(entry.label, entry.kind).toMatch(/^(Báo cáo|Kế hoạch|Phiếu|Danh sách|Biên bản|Quyết định)/)
      expect(entry.texts.length, entry.kind).toBeGreaterThan(0)
      expect(new Set(entry.texts.map((t) => t.key)).size, entry.kind).toBe(entry.texts.length)
      expect(entry.texts.map((t) => t.key)).toEqual(
        DOCUMENT_CATALOG[entry.kind as DocumentKind].texts.map((t) => t.key)
      )
    }
    const chiDoan = catalog.find((c) => c.kind === 'chi-doan-report')
    expect(chiDoan?.parameters).toMatchObject({
      trip: 'required',
      tripKind: 'DU_SH_CHI_DOAN',
      cadreOfTrip: true
    })
    expect(catalog.find((c) => c.kind === 'registration-summary')?.parameters.departmentRole).toBe('covered')
    expect(catalog.find((c) => c.kind === 'year-report')?.parameters).toMatchObject({
      quarter: 'none',
      asOf: 'optional',
      department: 'optional',
      departmentRole: 'drafting'
    })
  })

  it("gives defaults the document prints, and every slot's text reaches the document", async () => {
    const samples = await sampleRequests()
    for (const kind of DOCUMENT_KINDS) {
      const plain = await call('documents.preview', samples[kind])
      const text = await docxText(plain.contentBase64)
      expect(
        plain.texts.map((t) => t.key),
        kind
      ).toEqual(DOCUMENT_CATALOG[kind].texts.map((t) => t.key))
      for (const slot of plain.texts) {
        expect(slot.defaultText.trim(), `${kind}.${slot.key}`).not.toBe('')
        expect(text, `${kind}.${slot.key} default`).toContain(opening(slot.defaultText))
      }
      // A marker in every slot: each one must show up, so no slot of the catalog is dead.
      const texts = Object.fromEntries(plain.texts.map((t) => [t.key, `Nội dung sửa ${kind} ${t.key}.`]))
      const marked = await docxText(
        (await call('documents.preview', { ...samples[kind], texts })).contentBase64
      )
      for (const [key, value] of Object.entries(texts)) expect(marked, `${kind}.${key}`).toContain(value)
    }
  }, 60_000)

  it('fills the year report defaults with the year and the figures', async () => {
    const preview = await call('documents.preview', {
      document: 'year-report',
      year: 2025,
      asOf: '2025-12-31'
    })
    const byKey = Object.fromEntries(preview.texts.map((t) => [t.key, t.defaultText]))
    expect(byKey['strengths']).toContain('3/6 đồng chí hoàn thành chỉ tiêu')
    expect(byKey['nextYear']).toContain('năm 2026')
    expect(await docxText(preview.contentBase64)).toContain('339,5')
  })
})

describe('documents.preview', () => {
  it('never takes a number nor writes anything, whatever the document', async () => {
    const samples = await sampleRequests()
    const register = registerRows()
    const log = changeLogRows()
    for (const kind of DOCUMENT_KINDS) {
      const preview = await call('documents.preview', samples[kind])
      expect(preview.fileName, kind).toMatch(/\.docx$/)
      expect(preview.fileName, kind).not.toMatch(/-so-\d+\.docx$/)
    }
    const year = await call('documents.preview', samples['year-report'])
    expect(year.fileName).toMatch(/chua-cap-so\.docx$/)
    expect(await docxText(year.contentBase64)).toMatch(/Số:\s+-BC\/TĐTN-VP/)
    expect(registerRows()).toBe(register)
    expect(changeLogRows()).toBe(log)
  })
})

describe('documents.issue and documents.register', () => {
  it('numbers in sequence per type, drafts and dated documents take no number', async () => {
    const start = registerRows()
    const first = await call('documents.issue', { document: 'year-report', year: 2025, draft: false })
    expect(first.outcome).toBe('numbered')
    expect(first.issued).toMatchObject({ symbol: '01-BC/TĐTN-VP', number: 1, issuedDate: '2025-12-20' })
    expect(first.fileName).toMatch(/-so-01\.docx$/)
    expect(await docxText(first.contentBase64)).toContain('Số: 01-BC/TĐTN-VP')

    // The drafting ban chosen: its abbreviation ends the symbol.
    const second = await call('documents.issue', {
      document: 'progress-report',
      year: 2025,
      departmentCode: 'PT',
      draft: false,
      texts: { opening: 'Văn phòng báo cáo tiến độ như sau:' }
    })
    expect(second.issued?.symbol).toBe('02-BC/TĐTN-PT')
    const secondText = await docxText(second.contentBase64)
    expect(secondText).toContain('Văn phòng báo cáo tiến độ như sau:')
    expect(secondText).toContain('Lưu VP, PT')

    const draft = await call('documents.issue', { document: 'year-report', year: 2025, draft: true })
    expect(draft.outcome).toBe('draft')
    expect(draft.issued).toBeNull()

    const plan = await call('documents.issue', {
      document: 'quarter-plan',
      year: 2025,
      quarter: 4,
      draft: false
    })
    expect(plan.issued?.symbol).toBe('01-KH/TĐTN-VP')

    const form = await call('documents.issue', {
      document: 'registration-form',
      year: 2025,
      quarter: 3,
      cadreCode: 'A05',
      draft: false
    })
    expect(form.outcome).toBe('dated')
    const banList = await call('documents.issue', {
      document: 'registration-summary',
      year: 2025,
      quarter: 3,
      departmentCode: 'PT',
      draft: false
    })
    expect(banList.outcome).toBe('dated')
    expect(banList.issued).toBeNull()

    expect(registerRows()).toBe(start + 3)
    const register = await call('documents.register', {})
    expect(register.map((d) => d.symbol)).toEqual(['01-KH/TĐTN-VP', '02-BC/TĐTN-PT', '01-BC/TĐTN-VP'])
    expect(register[2]?.title).toBe(
      'Kết quả thực hiện chế độ đi công tác cơ sở của cán bộ Tỉnh đoàn năm 2025'
    )
    expect(await call('documents.register', { year: 2025 })).toHaveLength(3)
    expect(await call('documents.register', { year: 2024 })).toEqual([])

    const third = await call('documents.issue', { document: 'year-report', year: 2025, draft: false })
    expect(third.issued?.symbol).toBe('03-BC/TĐTN-VP')

    // Taken by mistake: undoing the issue gives the number back, and the next export takes it.
    const undone = await call('history.undo', { batchId: third.change?.batchId ?? '' })
    expect(undone.change.label).toContain('03-BC/TĐTN-VP')
    expect((await call('documents.register', { year: 2025 })).map((d) => d.symbol)).not.toContain(
      '03-BC/TĐTN-VP'
    )
    const again = await call('documents.issue', { document: 'year-report', year: 2025, draft: false })
    expect(again.issued?.symbol).toBe('03-BC/TĐTN-VP')
  })

  it('gives a draft, with the reason, while the office has no congress term', async () => {
    const bare = await openFixtureDb()
    try {
      const bareHandlers = createHandlers(bare.at('2025-12-20'))
      const envelope = await dispatch(bareHandlers, 'documents.issue', {
        document: 'year-report',
        year: 2025,
        draft: false
      })
      if (!envelope.ok) throw new Error(envelope.error.message)
      const file = envelope.value as ApiResult<'documents.issue'>
      expect(file.outcome).toBe('draft')
      expect(file.issued).toBeNull()
      expect(file.notes.join('\n')).toContain('Chưa khai báo nhiệm kỳ đại hội')
      expect(await bareHandlers['documents.register']({})).toEqual([])
    } finally {
      bare.close()
    }
  })
})

describe('what the văn thư decides per document: signer, date, number, trích yếu, recipients', () => {
  let other: number
  let stopped: number

  beforeAll(async () => {
    other = (
      await call('signers.save', {
        fullName: 'Lê Văn Tâm',
        position: 'Bí thư',
        authority: 'TM. BAN THƯỜNG VỤ',
        isDefault: false
      })
    ).value.id
    stopped = (
      await call('signers.save', {
        fullName: 'Phan Thị Hoa',
        position: 'Phó Bí thư',
        authority: 'TM. BAN THƯỜNG VỤ',
        isDefault: false
      })
    ).value.id
    await call('signers.setActive', { id: stopped, active: false })
  })

  it('previews with the chosen signer, date and a typed number, and says which number the register would give', async () => {
    const preview = await call('documents.preview', {
      document: 'year-report',
      year: 2025,
      signerId: other,
      date: '2025-12-28',
      number: 77
    })
    const text = await docxText(preview.contentBase64)
    expect(text).toContain('Số: 77-BC/TĐTN-VP')
    expect(text).toContain('Cà Mau, ngày 28 tháng 12 năm 2025')
    expect(text).toContain('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nBÍ THƯ\nLê Văn Tâm')
    expect(preview.numbering).toEqual({
      numbered: true,
      nextNumber: registerNext('BC'),
      symbolSuffix: '-BC/TĐTN-VP'
    })
    // A draft preview leaves number and day blank whatever was typed for the date.
    const draft = await call('documents.preview', {
      document: 'year-report',
      year: 2025,
      date: '2025-12-28',
      draft: true
    })
    expect(await docxText(draft.contentBase64)).toMatch(/Cà Mau, ngày\u00a0+tháng\u00a0+năm 2025/)
    // A dated document is never numbered.
    const form = await call('documents.preview', {
      document: 'registration-form',
      year: 2025,
      quarter: 3,
      cadreCode: 'A05'
    })
    expect(form.numbering).toEqual({ numbered: false, nextNumber: null, symbolSuffix: null })
  })

  it('issues with them, records the trích yếu as typed, and answers with the register write', async () => {
    const before = registerRows()
    const file = await call('documents.issue', {
      document: 'year-report',
      year: 2025,
      signerId: other,
      date: '2025-12-29',
      number: 88,
      draft: false,
      texts: {
        summary: 'Tổng kết chế độ đi công tác cơ sở\nnăm 2025',
        recipients: 'Ban Tổ chức Trung ương Đoàn (b/c)\nLưu VP'
      }
    })
    expect(file.outcome).toBe('numbered')
    expect(file.issued).toMatchObject({
      symbol: '88-BC/TĐTN-VP',
      number: 88,
      issuedDate: '2025-12-29',
      title: 'Tổng kết chế độ đi công tác cơ sở năm 2025'
    })
    expect(file.change?.label).toBe(
      'Cấp số văn bản 88-BC/TĐTN-VP: Tổng kết chế độ đi công tác cơ sở năm 2025'
    )
    const text = await docxText(file.contentBase64)
    expect(text).toContain('Tổng kết chế độ đi công tác cơ sở\nnăm 2025')
    expect(text).toContain('- Ban Tổ chức Trung ương Đoàn (b/c);\n- Lưu VP.')
    expect(text).toContain('Lê Văn Tâm')
    expect(registerRows()).toBe(before + 1)
    const draft = await call('documents.issue', { document: 'year-report', year: 2025, draft: true })
    expect(draft.change).toBeNull()
  })

  it('refuses a stopped or unknown signer, a number already given, a number on a dated document or a draft', async () => {
    const before = registerRows()
    const stop = await refusal('documents.issue', {
      document: 'year-report',
      year: 2025,
      signerId: stopped,
      draft: false
    })
    expect(stop).toMatchObject({ code: 'VALIDATION' })
    expect(stop.details).toEqual([
      'signerId: Phan Thị Hoa đã ngừng ký (Cài đặt › Người ký); hãy chọn người ký khác.'
    ])
    expect(
      await refusal('documents.preview', { document: 'year-report', year: 2025, signerId: 9999 })
    ).toMatchObject({
      code: 'NOT_FOUND'
    })
    const taken = await refusal('documents.issue', {
      document: 'year-report',
      year: 2025,
      number: 88,
      draft: false
    })
    expect(taken.code).toBe('CONFLICT')
    expect(taken.details[0]).toMatch(/^number: Số 88-BC\/TĐTN-VP đã cấp ngày 29\/12\/2025/)
    const dated = await refusal('documents.issue', {
      document: 'trip-report',
      year: 2025,
      tripCode: 'TR002',
      number: 3,
      draft: false
    })
    expect(dated.details).toEqual([
      'number: Văn bản của ban, của cá nhân không lấy số văn bản đi: để trống ô số văn bản.'
    ])
    const draft = await refusal('documents.issue', {
      document: 'year-report',
      year: 2025,
      number: 5,
      draft: true
    })
    expect(draft.details[0]).toMatch(/^number: Bản nháp để trống số/)
    expect(registerRows()).toBe(before)
  })
})

describe('refusals', () => {
  it('names the unknown trip, cadre or ban (NOT_FOUND), even where the document would ignore it', async () => {
    const trip = await refusal('documents.preview', {
      document: 'trip-report',
      year: 2025,
      tripCode: 'TR999'
    })
    expect(trip).toMatchObject({ code: 'NOT_FOUND', message: 'Không có chuyến đi mã "TR999".' })
    const cadre = await refusal('documents.issue', {
      document: 'registration-form',
      year: 2025,
      quarter: 3,
      cadreCode: 'X99',
      draft: false
    })
    expect(cadre).toMatchObject({ code: 'NOT_FOUND', message: 'Không có cán bộ mã "X99".' })
    const ban = await refusal('documents.preview', {
      document: 'year-report',
      year: 2025,
      departmentCode: 'KHONG'
    })
    expect(ban).toMatchObject({ code: 'NOT_FOUND', message: 'Không có ban mã "KHONG".' })
    const ignored = await refusal('documents.preview', {
      document: 'year-report',
      year: 2025,
      tripCode: 'TR999'
    })
    expect(ignored.code).toBe('NOT_FOUND')
    expect(ignored.message).toContain('TR999')
  })

  it('lists what is missing, rejects unknown kinds, texts and bad input in Vietnamese', async () => {
    const before = registerRows()
    const missing = await refusal('documents.issue', {
      document: 'registration-form',
      year: 2025,
      draft: false
    })
    expect(missing.code).toBe('VALIDATION')
    expect(missing.details).toEqual(['Chưa chọn quý.', 'Chưa chọn cán bộ.'])
    expect(await refusal('documents.preview', { document: 'bao-cao-la', year: 2025 })).toMatchObject({
      code: 'VALIDATION',
      message: 'Không có mẫu văn bản "bao-cao-la".'
    })
    const text = await refusal('documents.preview', {
      document: 'year-report',
      year: 2025,
      texts: { loiChao: 'x' }
    })
    expect(text.details).toEqual(['Phần nội dung "loiChao" không thuộc mẫu văn bản.'])
    const quarter = await refusal('documents.preview', { document: 'quarter-plan', year: 2025, quarter: 5 })
    expect(quarter).toMatchObject({ code: 'VALIDATION', details: ['quarter: Quý từ 1 đến 4.'] })
    const draftFlag = await refusal('documents.issue', { document: 'year-report', year: 2025 })
    expect(draftFlag.details).toEqual(['draft: Bản nháp: chọn có hoặc không.'])
    // Each field's message names the field, in Vietnamese.
    const bad = await refusal('documents.preview', {
      document: 'year-report',
      year: 2025,
      signerId: 'a',
      date: '2025-02-30',
      number: 0
    })
    expect(bad.details).toEqual([
      'signerId: Người ký: chọn một người trong danh sách người ký.',
      'date: Ngày ký không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 05/01/2026).',
      'number: Số văn bản từ 1 trở lên.'
    ])
    const wrongKind = await refusal('documents.preview', {
      document: 'chi-doan-report',
      year: 2025,
      tripCode: 'TR001'
    })
    expect(wrongKind.code).toBe('VALIDATION')
    expect(wrongKind.message).toContain('không phải "Dự sinh hoạt chi đoàn"')
    expect(registerRows()).toBe(before)
  })
})

describe('the pickers', () => {
  it('lists cadres in Vietnamese name order with their ban', async () => {
    const cadres = await call('cadres.list', {})
    expect(cadres).toHaveLength(8)
    const names = cadres.map((c) => c.fullName)
    expect(names).toEqual([...names].sort(compareVietnameseNames))
    expect(cadres[0]).toMatchObject({
      fullName: 'Võ Quang Ánh',
      code: 'A05',
      departmentName: 'Ban Phong trào'
    })
  })

  it('lists the bans in the office order', async () => {
    const departments = await call('departments.list', {})
    expect(departments.map((d) => d.code)).toEqual(['VP', 'TCKT', 'PT'])
    expect(departments[0]).toMatchObject({ name: 'Văn phòng', abbreviation: 'VP' })
  })

  it("lists a year's or a quarter's trips, optionally of one kind", async () => {
    const year = await call('trips.list', { year: 2025 })
    const q2 = await call('trips.list', { year: 2025, quarter: 2 })
    const q2ChiDoan = await call('trips.list', { year: 2025, quarter: 2, kind: 'DU_SH_CHI_DOAN' })
    expect(year.length).toBe(247)
    expect(q2.length).toBeGreaterThan(0)
    expect(q2.length).toBeLessThan(year.length)
    for (const t of q2) expect(t.startDate <= '2025-06-30' && t.endDate >= '2025-04-01', t.code).toBe(true)
    expect(q2ChiDoan.length).toBeGreaterThan(0)
    expect(q2ChiDoan.every((t) => t.kind === 'DU_SH_CHI_DOAN')).toBe(true)
    expect(q2ChiDoan).toEqual(q2.filter((t) => t.kind === 'DU_SH_CHI_DOAN'))
    const tr001 = year.find((t) => t.code === 'TR001')
    expect(tr001?.cadres).toEqual([{ code: 'A02', fullName: 'Trần Văn Bé' }])
    expect(await call('trips.list', { year: 2024 })).toEqual([])
  })
})
