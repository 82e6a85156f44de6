/**
 * The "3 chủ động" cycle through the dispatcher on a real SQLite file with the 2025 fixture:
 * register three units for 2026 (one late), assign followers (their trips to the unit are the
 * follow-up visits), evaluate with one failing a mandatory criterion, issue the decision,
 * undo, the evaluator after a move, and the refusals naming their field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers, ApiInput, ApiResult } from '../../../shared/api/contract'
import type { AppErrorPayload } from '../../../shared/api/errors'
import type { ApiMethod } from '../../../shared/api/methods'
import { threeActiveRegistrations, threeActiveResults } from '../../../electron/db/schema'
import type { ServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'
import { enterOrganisation, openFixtureDb, type FixtureDb } from '../reports/fixture-db'

let fixture: FixtureDb
let ctx: ServiceContext
let handlers: ApiHandlers

beforeAll(async () => {
  fixture = await openFixtureDb()
  ctx = fixture.at('2026-12-18')
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
  const envelope = await dispatch(handlers, method, input)
  if (envelope.ok) throw new Error(`${method} should have been refused`)
  return envelope.error
}

const YEAR = 2026

/** The stored marks in key order (an undo puts rows back, not necessarily in their first order). */
function storedMarks() {
  return ctx.db
    .select()
    .from(threeActiveResults)
    .all()
    .sort((a, b) => a.registrationId - b.registrationId || a.criterionId - b.criterionId)
}

async function marks(failing: string[] = []) {
  const view = await call('threeActive.year', { year: YEAR })
  return view.period.criteria.map((c) => ({
    criterionCode: c.code,
    passed: !failing.includes(c.code),
    evidence: `Minh chứng ${c.code}`
  }))
}

describe('3 chủ động cycle', () => {
  it('shows the defaults and every grassroots union as not registered before anything is written', async () => {
    const view = await call('threeActive.year', { year: YEAR })
    expect(view.period).toMatchObject({ startYear: 2023, endYear: 2027, stored: false })
    expect(view.deadlines).toEqual({ registration: '2025-10-10', report: '2025-10-15', stored: false })
    expect(view.notRegistered.map((u) => u.code).sort()).toEqual(['DDT', 'P1', 'TAN'])
    expect(view.notRegistered.every((u) => u.parent?.code === 'TD')).toBe(true)
    expect(view.totals.units).toBe(3)
  })

  it('registers three units, one late, and refuses what is not a grassroots union', async () => {
    const a = await call('threeActive.register', {
      year: YEAR,
      unitCode: 'TAN',
      registeredOn: '2025-10-05',
      planText: 'Kế hoạch 3 chủ động năm 2026 của Đoàn xã Tân Ân',
      hardCriteria: '1.5'
    })
    expect(a.value.late).toBe(false)
    expect(a.change.label).toBe('Đăng ký 3 chủ động năm 2026: TAN Đoàn xã Tân Ân ngày 05/10/2025')
    await call('threeActive.register', {
      year: YEAR,
      unitCode: 'DDT',
      registeredOn: '2025-10-10',
      planText: null,
      planFile: { fileName: 'ke-hoach-ddt.docx', contentBase64: Buffer.from('kế hoạch').toString('base64') },
      hardCriteria: null
    })
    const late = await call('threeActive.register', {
      year: YEAR,
      unitCode: 'P1',
      registeredOn: '2025-10-20',
      planText: 'Kế hoạch',
      hardCriteria: null
    })
    expect(late.value.late).toBe(true)
    expect(late.change.label).toContain('(sau hạn 10/10/2025)')
    const file = await call('threeActive.planFile', { year: YEAR, unitCode: 'DDT' })
    expect(Buffer.from(file.contentBase64, 'base64').toString()).toBe('kế hoạch')
    // A plan must be a file the office can open and save back: a program is refused, by name.
    const program = await refusal('threeActive.register', {
      year: YEAR,
      unitCode: 'P1',
      registeredOn: '2025-10-20',
      planText: null,
      planFile: { fileName: 'ke-hoach.exe', contentBase64: Buffer.from('MZ').toString('base64') },
      hardCriteria: null
    })
    expect(program.code).toBe('VALIDATION')
    expect(program.details).toEqual([
      expect.stringMatching(
        /^planFile\.fileName: Tệp kế hoạch phải là tệp Word, PDF, Excel, OpenDocument hoặc ảnh \(\.docx, .*\.pdf/
      )
    ])
    // Nothing was stored: P1 still has no file.
    expect((await refusal('threeActive.planFile', { year: YEAR, unitCode: 'P1' })).code).toBe('NOT_FOUND')

    const notGrassroots = await refusal('threeActive.register', {
      year: YEAR,
      unitCode: 'DUBND',
      registeredOn: '2025-10-05',
      planText: null,
      hardCriteria: null
    })
    expect(notGrassroots.details).toEqual([
      expect.stringMatching(/^unitCode: DUBND Đoàn UBND tỉnh là đoàn trực thuộc/)
    ])
    const badDate = await refusal('threeActive.register', {
      year: YEAR,
      unitCode: 'TAN',
      registeredOn: '2025-02-30',
      planText: null,
      hardCriteria: null
    })
    expect(badDate.code).toBe('VALIDATION')
    expect(JSON.stringify(badDate.details)).toContain('registeredOn')

    const view = await call('threeActive.year', { year: YEAR })
    expect(view.notRegistered).toEqual([])
    expect(view.totals).toMatchObject({ units: 3, registered: 3, late: 1, followed: 0 })
    expect(view.lateNotes).toContain('1 đơn vị đăng ký sau hạn 10/10/2025.')
  })

  it('assigns followers; their counted trips to the unit are the visits', async () => {
    // A03 went to TAN on a done trip in 2026 (added here: the fixture is 2025).
    await call('trips.create', {
      code: 'TR3CD',
      startDate: '2026-03-10',
      startHalf: 'SANG',
      endDate: '2026-03-11',
      endHalf: 'CHIEU',
      unitCodes: ['TAN'],
      kind: 'KIEM_TRA',
      topic: 'Theo dõi 3 chủ động',
      cadreCodes: ['A03'],
      status: 'DA_THUC_HIEN',
      travelOrderNo: null,
      reportDate: null,
      note: null
    } as never)
    const saved = await call('threeActive.assignFollower', { year: YEAR, unitCode: 'TAN', cadreCode: 'A03' })
    expect(saved.change.label).toBe(
      'Phân công theo dõi 3 chủ động năm 2026: A03 Lê Minh Đức theo dõi TAN Đoàn xã Tân Ân'
    )
    await call('threeActive.assignFollower', { year: YEAR, unitCode: 'DDT', cadreCode: 'A01' })
    await call('threeActive.assignFollower', { year: YEAR, unitCode: 'P1', cadreCode: 'A02' })
    const detail = await call('threeActive.get', { year: YEAR, unitCode: 'TAN' })
    expect(detail.follower?.code).toBe('A03')
    expect(detail.visits).toBe(1)
    expect(detail.visitList.map((v) => v.tripCode)).toEqual(['TR3CD'])
    const unknown = await refusal('threeActive.assignFollower', {
      year: YEAR,
      unitCode: 'TAN',
      cadreCode: 'ZZ9'
    })
    expect(unknown.details).toEqual(['cadreCode: Không có cán bộ mã "ZZ9".'])
  })

  it('evaluates: one mandatory criterion failing fails its pillar; decision lists the results', async () => {
    const pending = await refusal('threeActive.decide', { year: YEAR, decidedOn: '2026-12-20' })
    expect(pending.message).toMatch(/Còn 3 đơn vị chưa đánh giá đủ/)
    for (const code of ['TAN', 'DDT']) {
      await call('threeActive.evaluate', {
        year: YEAR,
        unitCode: code,
        evaluatedOn: '2026-12-15',
        note: null,
        results: await marks(['1.5'])
      })
    }
    const failed = await call('threeActive.evaluate', {
      year: YEAR,
      unitCode: 'P1',
      evaluatedOn: '2026-12-15',
      note: 'Chưa tham mưu cấp ủy',
      results: await marks(['3.1'])
    })
    expect(failed.value).toMatchObject({ result: 'KHONG_DAT', failedPillars: [3], evaluator: { code: 'TD' } })
    expect(failed.change.label).toBe(
      'Đánh giá 3 chủ động năm 2026: P1 Đoàn phường An Xuyên không đạt (15/12/2026)'
    )
    const badCode = await refusal('threeActive.evaluate', {
      year: YEAR,
      unitCode: 'P1',
      evaluatedOn: '2026-12-15',
      note: null,
      results: [{ criterionCode: '9.9', passed: true, evidence: null }]
    })
    expect(badCode.details).toEqual(['results.0.criterionCode: Không có tiêu chí 9.9 trong giai đoạn này.'])

    const decision = await call('threeActive.decide', { year: YEAR, decidedOn: '2026-12-20' })
    expect(decision.value).toEqual({ recognised: 2, notRecognised: 1 })
    const view = await call('threeActive.year', { year: YEAR })
    expect(
      view.registrations
        .filter((l) => l.recognised)
        .map((l) => l.unit.code)
        .sort()
    ).toEqual(['DDT', 'TAN'])
    expect(view.totals).toMatchObject({ evaluated: 3, passed: 2, recognised: 2, followed: 3 })
    const frozen = await refusal('threeActive.evaluate', {
      year: YEAR,
      unitCode: 'P1',
      evaluatedOn: '2026-12-16',
      note: null,
      results: await marks()
    })
    expect(frozen.code).toBe('CONFLICT')
  })

  it('undoes the decision and an evaluation exactly', async () => {
    const withdrawn = await call('threeActive.withdrawDecision', { year: YEAR })
    await call('history.undo', { batchId: withdrawn.change.batchId })
    expect((await call('threeActive.year', { year: YEAR })).decision).toEqual({ decidedOn: '2026-12-20' })
    const again = await call('threeActive.withdrawDecision', { year: YEAR })
    expect(again.change.label).toBe('Hủy quyết định công nhận 3 chủ động năm 2026')

    const before = storedMarks()
    const reEval = await call('threeActive.evaluate', {
      year: YEAR,
      unitCode: 'P1',
      evaluatedOn: '2026-12-16',
      note: null,
      results: await marks()
    })
    expect(reEval.value.result).toBe('DAT')
    await call('history.undo', { batchId: reEval.change.batchId })
    expect(storedMarks()).toEqual(before)
    expect((await call('threeActive.get', { year: YEAR, unitCode: 'P1' })).result).toBe('KHONG_DAT')

    const regs = ctx.db.select().from(threeActiveRegistrations).all()
    const removed = await call('threeActive.unregister', { year: YEAR, unitCode: 'P1' })
    await call('history.undo', { batchId: removed.change.batchId })
    expect(ctx.db.select().from(threeActiveRegistrations).all()).toEqual(regs)
    expect(storedMarks()).toEqual(before)
  })

  it('the evaluator is the parent on the evaluation date after a move', async () => {
    await call('units.move', { code: 'TAN', parentCode: 'DUBND', fromDate: '2026-12-01' })
    const detail = await call('threeActive.get', { year: YEAR, unitCode: 'TAN' })
    expect(detail.evaluator).toEqual({ code: 'DUBND', name: 'Đoàn UBND tỉnh' })
    // Registered under the Tỉnh đoàn (its parent on the deadline).
    expect(detail.parent?.code).toBe('TD')
    const moved = await call('threeActive.evaluate', {
      year: YEAR,
      unitCode: 'TAN',
      evaluatedOn: '2026-11-30',
      note: null,
      results: await marks()
    })
    expect(moved.value.evaluator?.code).toBe('TD')
  })

  it('keeps deadlines per year, edits the checklist, commends twice per term', async () => {
    await call('threeActive.saveSettings', {
      year: 2027,
      registrationDeadline: '2026-10-12',
      reportDeadline: '2026-10-16'
    })
    expect((await call('threeActive.year', { year: 2027 })).deadlines).toEqual({
      registration: '2026-10-12',
      report: '2026-10-16',
      stored: true
    })
    const order = await refusal('threeActive.saveSettings', {
      year: 2027,
      registrationDeadline: '2026-10-12',
      reportDeadline: '2026-10-01'
    })
    expect(JSON.stringify(order.details)).toContain('reportDeadline')

    const view = await call('threeActive.year', { year: YEAR })
    const edited = view.period.criteria.map((c) =>
      c.code === '1.5' ? { ...c, mandatory: true, maxScore: 5 } : c
    )
    const saved = await call('threeActive.saveCriteria', {
      year: YEAR,
      criteria: [...edited, { code: '2.5', text: 'Tiêu chí mới', mandatory: false, maxScore: null }]
    })
    expect(saved.value.criteria.find((c) => c.code === '1.5')).toMatchObject({ mandatory: true, maxScore: 5 })
    const usedRemoved = await refusal('threeActive.saveCriteria', {
      year: YEAR,
      criteria: edited.filter((c) => c.code !== '1.1')
    })
    expect(usedRemoved.code).toBe('CONFLICT')
    await call('history.undo', { batchId: saved.change.batchId })
    expect(
      (await call('threeActive.year', { year: YEAR })).period.criteria.find((c) => c.code === '1.5')!
        .mandatory
    ).toBe(false)

    await call('threeActive.commend', {
      unitCode: 'TAN',
      term: '2025 - 2030',
      round: 1,
      decidedOn: '2027-12-01',
      note: null
    })
    const twice = await refusal('threeActive.commend', {
      unitCode: 'TAN',
      term: '2025–2030',
      round: 1,
      decidedOn: '2027-12-02',
      note: null
    })
    expect(twice.code).toBe('CONFLICT')
    const third = await refusal('threeActive.commend', {
      unitCode: 'TAN',
      term: '2025–2030',
      round: 3,
      decidedOn: '2027-12-02',
      note: null
    })
    expect(third.code).toBe('VALIDATION')
    expect((await call('threeActive.year', { year: YEAR })).commendations).toEqual([
      {
        unit: { code: 'TAN', name: 'Đoàn xã Tân Ân', kind: 'DOAN_XA' },
        term: '2025–2030',
        round: 1,
        decidedOn: '2027-12-01',
        note: null
      }
    ])
  })
})
