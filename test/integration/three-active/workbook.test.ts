/**
 * The two 3CĐ sheets of the exchange workbook: a cycle exported from one database is brought
 * into another (with the same office) by the 3 chủ động import, giving the same year; the
 * preview writes nothing, bad rows are refused naming sheet, row and column, and the whole
 * import is one batch that "Hoàn tác" reverts. The general import passes over the sheets.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { ApiMethod } from '../../../shared/api/methods'
import { openDatabase, type DatabaseHandle } from '../../../electron/db/connection'
import { createServiceContext, type ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { exportWorkbook, importWorkbook } from '../../../electron/services/workbook'
import { root } from '../reports/fixture-db'

interface Office {
  ctx: ServiceContext
  handlers: ApiHandlers
  handle: DatabaseHandle
}

const dir = mkdtempSync(join(tmpdir(), 'sdcs-3cd-wb-'))
const fixture = readFileSync(join(root, 'test/fixtures/office-2025.xlsx'))

async function office(name: string): Promise<Office> {
  const handle = openDatabase(join(dir, `${name}.sqlite`))
  const ctx = createServiceContext(handle, {
    today: () => '2026-12-20',
    now: () => '2026-12-20T08:00:00.000Z'
  })
  await importWorkbook(ctx, fixture, 'office-2025.xlsx')
  return { ctx, handle, handlers: createHandlers(ctx) }
}

async function call<M extends ApiMethod>(o: Office, method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const envelope = await dispatch(o.handlers, method, input)
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.value as ApiResult<M>
}

let a: Office
let b: Office

beforeAll(async () => {
  a = await office('a')
  b = await office('b')
  const { period } = await call(a, 'threeActive.year', { year: 2026 })
  for (const [unitCode, day, follower, failing] of [
    ['TAN', '2025-10-05', 'A03', null],
    ['P1', '2025-10-20', 'A02', '2.2']
  ] as const) {
    await call(a, 'threeActive.register', {
      year: 2026,
      unitCode,
      registeredOn: day,
      planText: `Kế hoạch ${unitCode}\ndòng hai`,
      hardCriteria: failing ? `Khó: ${failing}` : null
    })
    await call(a, 'threeActive.assignFollower', { year: 2026, unitCode, cadreCode: follower })
    await call(a, 'threeActive.evaluate', {
      year: 2026,
      unitCode,
      evaluatedOn: '2026-12-15',
      note: null,
      results: period.criteria.map((c) => ({
        criterionCode: c.code,
        passed: c.code !== failing,
        evidence: c.code === failing ? 'Thiếu sơ kết' : null
      }))
    })
  }
}, 60_000)

afterAll(() => {
  a?.handle.close()
  b?.handle.close()
  rmSync(dir, { recursive: true, force: true })
})

function strip(view: ApiResult<'threeActive.year'>) {
  return view.registrations
}

describe('3CĐ sheets', () => {
  it('round-trips a year through the exported workbook', async () => {
    const exported = await exportWorkbook(a.ctx)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(exported as unknown as Parameters<typeof book.xlsx.load>[0])
    expect(book.getWorksheet('3CĐ Đăng ký')!.actualRowCount).toBe(3)
    expect(book.getWorksheet('3CĐ Đánh giá')!.actualRowCount).toBe(1 + 2 * 13)

    // The general import passes over the sheets without a word.
    const general = await importWorkbook(b.ctx, exported, 'so-di-co-so.xlsx')
    expect(general.warnings.filter((w) => w.sheet.startsWith('3CĐ'))).toEqual([])

    const contentBase64 = exported.toString('base64')
    const preview = await call(b, 'threeActive.importWorkbook', {
      fileName: 'so-di-co-so.xlsx',
      contentBase64,
      commit: false
    })
    expect(preview).toMatchObject({
      registrations: 2,
      evaluatedUnits: 2,
      marks: 26,
      errors: [],
      committed: false
    })
    expect((await call(b, 'threeActive.year', { year: 2026 })).registrations).toEqual([])

    const done = await call(b, 'threeActive.importWorkbook', {
      fileName: 'so-di-co-so.xlsx',
      contentBase64,
      commit: true
    })
    expect(done.committed).toBe(true)
    expect(done.change?.label).toBe('Nhập 3 chủ động từ tệp so-di-co-so.xlsx')
    expect(strip(await call(b, 'threeActive.year', { year: 2026 }))).toEqual(
      strip(await call(a, 'threeActive.year', { year: 2026 }))
    )
    const detail = await call(b, 'threeActive.get', { year: 2026, unitCode: 'P1' })
    expect(detail).toMatchObject({
      planText: 'Kế hoạch P1\ndòng hai',
      hardCriteria: 'Khó: 2.2',
      result: 'KHONG_DAT',
      failedPillars: [2]
    })

    // Again: nothing changes; then the whole import is undone at once.
    const again = await call(b, 'threeActive.importWorkbook', {
      fileName: 'so-di-co-so.xlsx',
      contentBase64,
      commit: true
    })
    expect(again.committed).toBe(true)
    await call(b, 'history.undo', { batchId: done.change!.batchId })
    expect((await call(b, 'threeActive.year', { year: 2026 })).registrations).toEqual([])
  })

  it('refuses bad rows, naming sheet, row and column, and writes nothing', async () => {
    const book = new ExcelJS.Workbook()
    const reg = book.addWorksheet('3CĐ Đăng ký')
    reg.addRow([
      'Năm',
      'Mã đơn vị',
      'Ngày đăng ký',
      'Kế hoạch thực hiện',
      'Tiêu chí khó thực hiện',
      'Mã cán bộ theo dõi'
    ])
    reg.addRow([2026, 'DUBND', '05/10/2025', null, null, null])
    reg.addRow([2026, 'TAN', '31/02/2025', null, null, 'ZZ9'])
    const ev = book.addWorksheet('3CĐ Đánh giá')
    ev.addRow(['Năm', 'Mã đơn vị', 'Ngày đánh giá', 'Mã tiêu chí', 'Kết quả', 'Minh chứng', 'Điểm'])
    ev.addRow([2026, 'DDT', '15/12/2026', '1.1', 'Đạt', null, null])
    ev.addRow([2026, 'TAN', '15/12/2026', '9.9', 'Có', null, null])
    const buffer = Buffer.from(await book.xlsx.writeBuffer())
    const result = await call(b, 'threeActive.importWorkbook', {
      fileName: 'x.xlsx',
      contentBase64: buffer.toString('base64'),
      commit: true
    })
    expect(result.committed).toBe(false)
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3CĐ Đăng ký, dòng 2, cột "Mã đơn vị": DUBND Đoàn UBND tỉnh không phải/),
        '3CĐ Đăng ký, dòng 3, cột "Ngày đăng ký": ngày không hợp lệ, nhập dạng dd/mm/yyyy',
        '3CĐ Đánh giá, dòng 3, cột "Kết quả": ghi "Đạt" hoặc "Không đạt"',
        '3CĐ Đánh giá, dòng 2, cột "Mã đơn vị": DDT chưa đăng ký năm 2026.'
      ])
    )
    expect((await call(b, 'threeActive.year', { year: 2026 })).registrations).toEqual([])
  })
})
