/**
 * The four "3 chủ động" documents from a real cycle (fixture + 2026 registrations): each is
 * exported, parsed back and checked for what it must say; the decision is numbered from the
 * register and lists the recognised units and the failing one with its pillar. With
 * THREE_ACTIVE_DOCS_OUT set, the .docx files are also written there (for the rendered pages).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { ApiMethod } from '../../../shared/api/methods'
import { exportDocument, type ExportOptions } from '../../../electron/reports/export'
import type { ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { plainText, readDocx } from '../reports/docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from '../reports/fixture-db'

let fixture: FixtureDb
let ctx: ServiceContext
let handlers: ApiHandlers

async function call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const envelope = await dispatch(handlers, method, input)
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`)
  return envelope.value as ApiResult<M>
}

beforeAll(async () => {
  fixture = await openFixtureDb()
  ctx = fixture.at('2026-12-22')
  enterOrganisation(ctx)
  handlers = createHandlers(ctx)
  const { period } = await call('threeActive.year', { year: 2026 })
  const plan = 'Rà soát danh sách đoàn viên, cập nhật sổ đoàn viên.\nXây dựng kế hoạch công tác năm, quý.'
  const units: Array<[string, string, string, string | null]> = [
    ['TAN', '2025-10-05', 'A03', null],
    ['DDT', '2025-10-09', 'A01', null],
    ['P1', '2025-10-20', 'A02', '3.1']
  ]
  for (const [unitCode, registeredOn, follower, failing] of units) {
    await call('threeActive.register', {
      year: 2026,
      unitCode,
      registeredOn,
      planText: plan,
      hardCriteria: unitCode === 'P1' ? 'Tiêu chí 3.1: cấp ủy chưa có nghị quyết chuyên đề.' : null
    })
    await call('threeActive.assignFollower', { year: 2026, unitCode, cadreCode: follower })
    await call('threeActive.evaluate', {
      year: 2026,
      unitCode,
      evaluatedOn: '2026-12-15',
      note: null,
      results: period.criteria.map((c) => ({
        criterionCode: c.code,
        passed: c.code !== failing,
        evidence: c.code === failing ? 'Chưa có văn bản tham mưu' : 'Có hồ sơ'
      }))
    })
  }
  await call('threeActive.decide', { year: 2026, decidedOn: '2026-12-20' })
}, 60_000)

afterAll(() => fixture?.close())

async function exported(
  options: Omit<ExportOptions, 'year'>
): Promise<{ text: string; fileName: string; symbol: string | null }> {
  const result = await exportDocument(ctx, { year: 2026, date: '2026-12-22', ...options })
  const out = process.env.THREE_ACTIVE_DOCS_OUT
  if (out) {
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, `3cd-${options.document.replace('three-active-', '')}.docx`), result.buffer)
  }
  return {
    text: plainText((await readDocx(result.buffer)).document),
    fileName: result.fileName,
    symbol: result.issued?.symbol ?? null
  }
}

describe('3 chủ động documents', () => {
  it('the registration form of one unit: its plan, checklist, hard criteria, signed for its BCH', async () => {
    const { text, fileName, symbol } = await exported({ document: 'three-active-form', unitCode: 'P1' })
    expect(symbol).toBeNull()
    expect(fileName).toBe('phieu-dang-ky-3-chu-dong-2026-P1.docx')
    expect(text).toContain('PHIẾU ĐĂNG KÝ')
    expect(text).toContain('Xây dựng Đoàn cơ sở "3 chủ động" năm 2026')
    expect(text).toMatch(/TỈNH ĐOÀN CÀ MAU\nBCH ĐOÀN PHƯỜNG\s+AN XUYÊN/)
    expect(text).toContain('Ngày đăng ký: 20/10/2025.')
    expect(text).toContain('Rà soát danh sách đoàn viên')
    expect(text).toContain('Tiêu chí 3.1: cấp ủy chưa có nghị quyết chuyên đề.')
    expect(text).toContain('TM. BAN CHẤP HÀNH')
    expect(text).toContain('Ban Thường vụ Tỉnh đoàn Cà Mau (b/c);')
  })

  it('the evaluation records: one per evaluated unit, results per criterion and the conclusion', async () => {
    const { text } = await exported({ document: 'three-active-record' })
    expect(text.match(/BIÊN BẢN/g)).toHaveLength(3)
    expect(text).toContain(
      'Đoàn phường An Xuyên KHÔNG ĐẠT Đoàn cơ sở "3 chủ động" năm 2026; chưa đạt: Trụ cột 3'
    )
    expect(text).toContain('Đoàn xã Tân Ân ĐẠT Đoàn cơ sở "3 chủ động" năm 2026')
    expect(text).toContain('Chưa có văn bản tham mưu')
    expect(text).toContain('Cán bộ theo dõi: đồng chí Lê Minh Đức')
    expect(text).toMatch(/THƯ KÝ[\s\S]*CHỦ TRÌ/)
  })

  it('the recognition decision: numbered, two recognised, the failing unit listed with its pillar', async () => {
    const { text, symbol } = await exported({ document: 'three-active-decision' })
    expect(symbol).toMatch(/^\d+-QĐ\/TĐTN-VP$/)
    expect(text).toContain('QUYẾT ĐỊNH')
    expect(text).toContain('Về việc công nhận Đoàn cơ sở đạt "3 chủ động"')
    expect(text).toContain('Điều 1. Công nhận 2 đơn vị đạt Đoàn cơ sở "3 chủ động" năm 2026')
    const recognised = text.slice(
      text.indexOf('I. ĐƠN VỊ ĐƯỢC CÔNG NHẬN'),
      text.indexOf('II. ĐƠN VỊ CHƯA ĐƯỢC CÔNG NHẬN')
    )
    expect(recognised).toContain('Đoàn xã Tân Ân')
    expect(recognised).toContain('Đoàn xã Đất Mũi')
    expect(recognised).not.toContain('An Xuyên')
    const failing = text.slice(text.indexOf('II. ĐƠN VỊ CHƯA ĐƯỢC CÔNG NHẬN'))
    expect(failing).toContain('Đoàn phường An Xuyên')
    expect(failing).toContain('Trụ cột 3 (tham mưu, phối hợp)')
    expect(text).toContain(`(Kèm theo Quyết định số ${symbol} ngày 22/12/2026 của Ban Thường vụ Tỉnh đoàn)`)
  })

  it('the summary report: registered against recognised by unit kind, with rates', async () => {
    const { text, symbol } = await exported({ document: 'three-active-report' })
    expect(symbol).toMatch(/^\d+-BC\/TĐTN-VP$/)
    expect(text).toContain('Có 3/3 đơn vị đăng ký xây dựng Đoàn cơ sở "3 chủ động" năm 2026 (100%)')
    expect(text).toContain('Đơn vị đăng ký sau hạn (1): Đoàn phường An Xuyên (20/10/2025).')
    expect(text).toContain('quyết định công nhận 2/3 đơn vị')
    expect(text).toContain('66,7%')
    expect(text).toContain('Đoàn phường An Xuyên: chưa đạt trụ cột 3.')
  })

  it('refuses a decision that was not issued, and a unit that did not register', async () => {
    await expect(exportDocument(ctx, { document: 'three-active-decision', year: 2027 })).rejects.toThrow(
      /chưa có quyết định công nhận/
    )
    await expect(
      exportDocument(ctx, { document: 'three-active-form', year: 2026, unitCode: 'DUBND' })
    ).rejects.toThrow(/chưa đăng ký/)
  })
})
