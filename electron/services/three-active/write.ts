/**
 * The writes of the cycle: register (or edit a registration), withdraw it, assign the
 * follower, evaluate, the year's deadlines, the period's checklist, the recognition decision
 * and commendations. Each is one tracked write ("Hoàn tác" reverts it) described in the words
 * of the workbook's "3CĐ" sheets, with a label naming the unit and the year.
 */
import { and, eq } from 'drizzle-orm'
import type { ApiParsedInput } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import type { PeriodView, RegistrationLine } from '../../../shared/api/three-active'
import { formatDateVi, yearEnd } from '../../../shared/domain/dates'
import { UNIT_KIND_LABELS } from '../../../shared/domain/kinds'
import {
  evaluateUnit,
  isGrassroots,
  type CriterionDef,
  type Pillar
} from '../../../shared/domain/three-active'
import { existsOn, type UnitRecord } from '../../../shared/domain/units'
import type { AppDatabase } from '../../db/connection'
import {
  cadres,
  threeActiveCommendations,
  threeActiveCriteria,
  threeActiveDecisions,
  threeActiveRegistrations,
  threeActiveResults,
  threeActiveYears
} from '../../db/schema'
import type { ChangeRecorder, ServiceContext } from '../context'
import { loadUnitState } from '../units/state'
import { lineOf } from './read'
import {
  criterionWords,
  ensurePeriod,
  findRegistration,
  loadDeadlines,
  loadPeriodView,
  loadStoredPeriod,
  loadYearState,
  refuse,
  requireNoDecision,
  requireRegistration,
  requireUnitByCode,
  type RegistrationRow
} from './state'

const ENTITY = 'three_active_registrations'

function unitWords(unit: UnitRecord): string {
  return `${unit.code} ${unit.name}`
}

function keyOf(unit: UnitRecord, year: number): string {
  return `${unit.code} – ${year}`
}

/** A registration as the "3CĐ Đăng ký" sheet writes it (for the change log). */
function registrationWords(db: AppDatabase, unit: UnitRecord, row: RegistrationRow): Record<string, unknown> {
  const follower =
    row.followerId === null ? null : db.select().from(cadres).where(eq(cadres.id, row.followerId)).get()
  return {
    Năm: row.year,
    'Mã đơn vị': unit.code,
    'Ngày đăng ký': formatDateVi(row.registeredOn),
    'Kế hoạch thực hiện': row.planText,
    'Tệp kế hoạch': row.planFileName,
    'Tiêu chí khó thực hiện': row.hardCriteria,
    'Cán bộ theo dõi': follower ? `${follower.code} ${follower.fullName}` : null
  }
}

function saved<T>(log: ChangeRecorder, label: string, value: T): Saved<T> {
  return { value, change: { batchId: log.batchId, label } }
}

function lineAfter(tx: AppDatabase, year: number, unitId: number): RegistrationLine {
  const state = loadYearState(tx, year)
  const reg = state.registrations.find((r) => r.unitId === unitId)
  if (!reg) throw new Error('registration missing after write')
  return lineOf(tx, state, reg)
}

type RegisterInput = ApiParsedInput<'threeActive.register'>

export function register(ctx: ServiceContext, input: RegisterInput): Saved<RegistrationLine> {
  const { year } = input
  const state = loadUnitState(ctx.db)
  const unit = requireUnitByCode(state, input.unitCode)
  if (!isGrassroots(unit.kind)) {
    refuse(
      'unitCode',
      `${unitWords(unit)} là ${UNIT_KIND_LABELS[unit.kind].toLowerCase()}: chỉ đoàn xã, phường và đoàn cơ sở đăng ký "3 chủ động".`
    )
  }
  if (input.registeredOn < `${year - 1}-01-01` || input.registeredOn > yearEnd(year)) {
    refuse('registeredOn', `Ngày đăng ký cho năm ${year} phải trong năm ${year - 1} hoặc năm ${year}.`)
  }
  if (!existsOn(unit, input.registeredOn)) {
    refuse('registeredOn', `${unitWords(unit)} không hoạt động ngày ${formatDateVi(input.registeredOn)}.`)
  }
  requireNoDecision(ctx.db, year, 'sửa đăng ký')
  const existing = findRegistration(ctx.db, unit.id, year)
  const file =
    input.planFile === undefined
      ? { planFileName: existing?.planFileName ?? null, planFileContent: existing?.planFileContent ?? null }
      : {
          planFileName: input.planFile?.fileName ?? null,
          planFileContent: input.planFile?.contentBase64 ?? null
        }
  const values = {
    registeredOn: input.registeredOn,
    planText: input.planText,
    hardCriteria: input.hardCriteria,
    ...file
  }
  const deadline = loadDeadlines(ctx.db, year).registration
  const lateWords = input.registeredOn > deadline ? ` (sau hạn ${formatDateVi(deadline)})` : ''
  const label = existing
    ? `Sửa đăng ký 3 chủ động năm ${year}: ${unitWords(unit)}`
    : `Đăng ký 3 chủ động năm ${year}: ${unitWords(unit)} ngày ${formatDateVi(input.registeredOn)}${lateWords}`
  return ctx.write(label, (tx, log) => {
    if (existing) {
      const [after] = log.rows.update(
        threeActiveRegistrations,
        eq(threeActiveRegistrations.id, existing.id),
        values
      )
      log.record(
        ENTITY,
        keyOf(unit, year),
        'update',
        registrationWords(tx, unit, existing),
        registrationWords(tx, unit, after!)
      )
    } else {
      const row = log.rows.insert(threeActiveRegistrations, { unitId: unit.id, year, ...values })
      log.record(ENTITY, keyOf(unit, year), 'insert', null, registrationWords(tx, unit, row))
    }
    return saved(log, label, lineAfter(tx, year, unit.id))
  })
}

export function unregister(ctx: ServiceContext, year: number, unitCode: string): Saved<null> {
  const unit = requireUnitByCode(loadUnitState(ctx.db), unitCode)
  const reg = requireRegistration(ctx.db, unit, year)
  requireNoDecision(ctx.db, year, 'xóa đăng ký')
  const label = `Xóa đăng ký 3 chủ động năm ${year}: ${unitWords(unit)}`
  return ctx.write(label, (tx, log) => {
    const words = registrationWords(tx, unit, reg)
    // The marks go first (their rows are kept for "Hoàn tác", which puts them back after the registration).
    log.rows.delete(threeActiveResults, eq(threeActiveResults.registrationId, reg.id))
    log.rows.delete(threeActiveRegistrations, eq(threeActiveRegistrations.id, reg.id))
    log.record(ENTITY, keyOf(unit, year), 'delete', words, null)
    return saved(log, label, null)
  })
}

export function assignFollower(
  ctx: ServiceContext,
  input: ApiParsedInput<'threeActive.assignFollower'>
): Saved<null> {
  const { year } = input
  const unit = requireUnitByCode(loadUnitState(ctx.db), input.unitCode)
  const reg = requireRegistration(ctx.db, unit, year)
  const cadre =
    input.cadreCode === null
      ? null
      : ctx.db.select().from(cadres).where(eq(cadres.code, input.cadreCode)).get()
  if (input.cadreCode !== null && !cadre)
    refuse('cadreCode', `Không có cán bộ mã "${input.cadreCode}".`, 'NOT_FOUND')
  if (cadre && cadre.serviceEnd !== null && cadre.serviceEnd < `${year}-01-01`) {
    refuse(
      'cadreCode',
      `${cadre.code} ${cadre.fullName} đã kết thúc công tác ngày ${formatDateVi(cadre.serviceEnd)}.`
    )
  }
  const label = cadre
    ? `Phân công theo dõi 3 chủ động năm ${year}: ${cadre.code} ${cadre.fullName} theo dõi ${unitWords(unit)}`
    : `Bỏ phân công theo dõi 3 chủ động năm ${year}: ${unitWords(unit)}`
  return ctx.write(label, (tx, log) => {
    const [after] = log.rows.update(threeActiveRegistrations, eq(threeActiveRegistrations.id, reg.id), {
      followerId: cadre?.id ?? null
    })
    log.record(
      ENTITY,
      keyOf(unit, year),
      'update',
      registrationWords(tx, unit, reg),
      registrationWords(tx, unit, after!)
    )
    return saved(log, label, null)
  })
}

function resultWords(c: CriterionDef, m: { passed: boolean; evidence: string | null; score: number | null }) {
  return {
    'Tiêu chí': `${c.code} ${c.text}`,
    'Kết quả': m.passed ? 'Đạt' : 'Không đạt',
    'Minh chứng': m.evidence,
    Điểm: m.score
  }
}

export function evaluate(
  ctx: ServiceContext,
  input: ApiParsedInput<'threeActive.evaluate'>
): Saved<RegistrationLine> {
  const { year } = input
  const unit = requireUnitByCode(loadUnitState(ctx.db), input.unitCode)
  const reg = requireRegistration(ctx.db, unit, year)
  requireNoDecision(ctx.db, year, 'sửa đánh giá')
  if (input.evaluatedOn < `${year}-01-01` || input.evaluatedOn > yearEnd(year + 1)) {
    refuse('evaluatedOn', `Ngày đánh giá năm ${year} phải từ 01/01/${year} đến 31/12/${year + 1}.`)
  }
  if (input.evaluatedOn < reg.registeredOn) {
    refuse('evaluatedOn', `Ngày đánh giá không được trước ngày đăng ký (${formatDateVi(reg.registeredOn)}).`)
  }
  const criteria = loadPeriodView(ctx.db, year).criteria
  const byCode = new Map(criteria.map((c) => [c.code, c]))
  const errors: string[] = []
  const seen = new Set<string>()
  input.results.forEach((r, i) => {
    const c = byCode.get(r.criterionCode)
    if (!c)
      errors.push(`results.${i}.criterionCode: Không có tiêu chí ${r.criterionCode} trong giai đoạn này.`)
    else if (seen.has(c.code))
      errors.push(`results.${i}.criterionCode: Tiêu chí ${c.code} được chấm hai lần.`)
    else if (r.score != null && c.maxScore === null)
      errors.push(`results.${i}.score: Tiêu chí ${c.code} không tính điểm.`)
    else if (r.score != null && c.maxScore !== null && r.score > c.maxScore)
      errors.push(`results.${i}.score: Điểm tiêu chí ${c.code} tối đa ${c.maxScore}.`)
    seen.add(r.criterionCode)
  })
  if (errors.length > 0) throw new AppError('VALIDATION', 'Kết quả đánh giá có chỗ chưa đúng.', errors)
  const outcome = evaluateUnit(
    criteria,
    input.results.map((r) => ({ code: r.criterionCode, passed: r.passed, score: r.score ?? null }))
  )
  const resultWordsVi = {
    DAT: 'đạt',
    KHONG_DAT: 'không đạt',
    CHUA_DU: 'chưa đánh giá đủ',
    CHUA_DANH_GIA: 'chưa đánh giá'
  }
  const label = `Đánh giá 3 chủ động năm ${year}: ${unitWords(unit)} ${resultWordsVi[outcome.result]} (${formatDateVi(input.evaluatedOn)})`
  return ctx.write(label, (tx, log) => {
    const period = ensurePeriod(tx, log, year)
    const ids = new Map(period.criteria.map((c) => [c.code, c]))
    const before = tx
      .select()
      .from(threeActiveResults)
      .where(eq(threeActiveResults.registrationId, reg.id))
      .all()
    const beforeByCriterion = new Map(before.map((b) => [b.criterionId, b]))
    const wanted = new Set<number>()
    for (const r of input.results) {
      const c = ids.get(r.criterionCode)!
      wanted.add(c.id)
      const m = { passed: r.passed, evidence: r.evidence, score: r.score ?? null }
      const old = beforeByCriterion.get(c.id)
      const key = `${keyOf(unit, year)} – ${c.code}`
      if (!old) {
        log.rows.insert(threeActiveResults, { registrationId: reg.id, criterionId: c.id, ...m })
        log.record('three_active_results', key, 'insert', null, resultWords(c, m))
      } else if (old.passed !== m.passed || old.evidence !== m.evidence || old.score !== m.score) {
        log.rows.update(
          threeActiveResults,
          and(eq(threeActiveResults.registrationId, reg.id), eq(threeActiveResults.criterionId, c.id)),
          m
        )
        log.record('three_active_results', key, 'update', resultWords(c, old), resultWords(c, m))
      }
    }
    for (const old of before) {
      if (wanted.has(old.criterionId)) continue
      const c = period.criteria.find((x) => x.id === old.criterionId)!
      log.rows.delete(
        threeActiveResults,
        and(
          eq(threeActiveResults.registrationId, reg.id),
          eq(threeActiveResults.criterionId, old.criterionId)
        )
      )
      log.record(
        'three_active_results',
        `${keyOf(unit, year)} – ${c.code}`,
        'delete',
        resultWords(c, old),
        null
      )
    }
    if (reg.evaluatedOn !== input.evaluatedOn || reg.evaluationNote !== input.note) {
      log.rows.update(threeActiveRegistrations, eq(threeActiveRegistrations.id, reg.id), {
        evaluatedOn: input.evaluatedOn,
        evaluationNote: input.note
      })
      log.record(
        ENTITY,
        keyOf(unit, year),
        'update',
        {
          'Ngày đánh giá': reg.evaluatedOn ? formatDateVi(reg.evaluatedOn) : null,
          'Ghi chú đánh giá': reg.evaluationNote
        },
        { 'Ngày đánh giá': formatDateVi(input.evaluatedOn), 'Ghi chú đánh giá': input.note }
      )
    }
    return saved(log, label, lineAfter(tx, year, unit.id))
  })
}

export function saveSettings(
  ctx: ServiceContext,
  input: ApiParsedInput<'threeActive.saveSettings'>
): Saved<null> {
  const { year } = input
  if (input.registrationDeadline > yearEnd(year)) {
    refuse('registrationDeadline', `Hạn đăng ký cho năm ${year} không được sau 31/12/${year}.`)
  }
  const old = loadDeadlines(ctx.db, year)
  const label = `Hạn 3 chủ động năm ${year}: đăng ký ${formatDateVi(input.registrationDeadline)}, báo cáo ${formatDateVi(input.reportDeadline)}`
  const words = (d: { registration: string; report: string }) => ({
    'Hạn đăng ký': formatDateVi(d.registration),
    'Hạn báo cáo cấp trên': formatDateVi(d.report)
  })
  return ctx.write(label, (_tx, log) => {
    const values = { registrationDeadline: input.registrationDeadline, reportDeadline: input.reportDeadline }
    if (old.stored) log.rows.update(threeActiveYears, eq(threeActiveYears.year, year), values)
    else log.rows.insert(threeActiveYears, { year, ...values })
    log.record(
      'three_active_years',
      String(year),
      old.stored ? 'update' : 'insert',
      old.stored ? words(old) : null,
      words({ registration: input.registrationDeadline, report: input.reportDeadline })
    )
    return saved(log, label, null)
  })
}

export function saveCriteria(
  ctx: ServiceContext,
  input: ApiParsedInput<'threeActive.saveCriteria'>
): Saved<PeriodView> {
  const view = loadPeriodView(ctx.db, input.year)
  const label = `Sửa tiêu chí 3 chủ động ${view.name.toLowerCase()}`
  return ctx.write(label, (tx, log) => {
    const period = ensurePeriod(tx, log, input.year)
    const wanted = new Map(input.criteria.map((c, i) => [c.code, { ...c, position: i + 1 }]))
    for (const old of period.criteria) {
      const key = `${period.name} – ${old.code}`
      const next = wanted.get(old.code)
      if (!next) {
        const used = tx
          .select()
          .from(threeActiveResults)
          .where(eq(threeActiveResults.criterionId, old.id))
          .get()
        if (used) {
          refuse(
            'criteria',
            `Tiêu chí ${old.code} đã được dùng khi đánh giá đơn vị: không xóa được (có thể sửa nội dung hoặc bỏ bắt buộc).`,
            'CONFLICT'
          )
        }
        log.rows.delete(threeActiveCriteria, eq(threeActiveCriteria.id, old.id))
        log.record('three_active_criteria', key, 'delete', criterionWords(old), null)
        continue
      }
      const pillar = Number(next.code.split('.')[0]) as Pillar
      const changed =
        old.text !== next.text ||
        old.mandatory !== next.mandatory ||
        old.maxScore !== next.maxScore ||
        old.pillar !== pillar
      const position = tx
        .select({ p: threeActiveCriteria.position })
        .from(threeActiveCriteria)
        .where(eq(threeActiveCriteria.id, old.id))
        .get()?.p
      if (changed || position !== next.position) {
        log.rows.update(threeActiveCriteria, eq(threeActiveCriteria.id, old.id), {
          text: next.text,
          mandatory: next.mandatory,
          maxScore: next.maxScore,
          pillar,
          position: next.position
        })
      }
      if (changed)
        log.record(
          'three_active_criteria',
          key,
          'update',
          criterionWords(old),
          criterionWords({ ...next, pillar })
        )
    }
    const existing = new Set(period.criteria.map((c) => c.code))
    for (const next of wanted.values()) {
      if (existing.has(next.code)) continue
      const pillar = Number(next.code.split('.')[0]) as Pillar
      log.rows.insert(threeActiveCriteria, {
        periodId: period.id,
        code: next.code,
        pillar,
        position: next.position,
        text: next.text,
        mandatory: next.mandatory,
        maxScore: next.maxScore
      })
      log.record(
        'three_active_criteria',
        `${period.name} – ${next.code}`,
        'insert',
        null,
        criterionWords({ ...next, pillar })
      )
    }
    const stored = loadStoredPeriod(tx, input.year)!
    return saved(log, label, {
      startYear: stored.startYear,
      endYear: stored.endYear,
      name: stored.name,
      stored: true,
      criteria: stored.criteria.map(({ id: _id, ...c }) => c)
    })
  })
}

export function decide(
  ctx: ServiceContext,
  input: ApiParsedInput<'threeActive.decide'>
): Saved<{ recognised: number; notRecognised: number }> {
  const { year } = input
  requireNoDecision(ctx.db, year, 'ban hành thêm quyết định')
  const state = loadYearState(ctx.db, year)
  if (state.registrations.length === 0) {
    refuse('year', `Năm ${year} chưa có đơn vị nào đăng ký "3 chủ động".`)
  }
  const lines = state.registrations.map((r) => lineOf(ctx.db, state, r))
  const pending = lines.filter((l) => l.result === 'CHUA_DANH_GIA' || l.result === 'CHUA_DU')
  if (pending.length > 0) {
    refuse(
      'year',
      `Còn ${pending.length} đơn vị chưa đánh giá đủ các tiêu chí bắt buộc: ${pending.map((l) => `${l.unit.code} ${l.unit.name}`).join(', ')}.`
    )
  }
  const lastEvaluation = lines.reduce(
    (max, l) => (l.evaluatedOn && l.evaluatedOn > max ? l.evaluatedOn : max),
    ''
  )
  if (input.decidedOn < lastEvaluation) {
    refuse(
      'decidedOn',
      `Ngày quyết định không được trước ngày đánh giá cuối cùng (${formatDateVi(lastEvaluation)}).`
    )
  }
  const recognised = lines.filter((l) => l.result === 'DAT').length
  const notRecognised = lines.length - recognised
  const label = `Quyết định công nhận 3 chủ động năm ${year} (${formatDateVi(input.decidedOn)}): ${recognised} đơn vị đạt, ${notRecognised} không đạt`
  return ctx.write(label, (_tx, log) => {
    log.rows.insert(threeActiveDecisions, { year, decidedOn: input.decidedOn })
    log.record('three_active_decisions', String(year), 'insert', null, {
      'Ngày quyết định': formatDateVi(input.decidedOn),
      'Đơn vị được công nhận': lines
        .filter((l) => l.result === 'DAT')
        .map((l) => l.unit.code)
        .join('; ')
    })
    return saved(log, label, { recognised, notRecognised })
  })
}

export function withdrawDecision(ctx: ServiceContext, year: number): Saved<null> {
  const row = ctx.db.select().from(threeActiveDecisions).where(eq(threeActiveDecisions.year, year)).get()
  if (!row) refuse('year', `Năm ${year} chưa có quyết định công nhận.`, 'NOT_FOUND')
  const label = `Hủy quyết định công nhận 3 chủ động năm ${year}`
  return ctx.write(label, (_tx, log) => {
    log.rows.delete(threeActiveDecisions, eq(threeActiveDecisions.year, year))
    log.record(
      'three_active_decisions',
      String(year),
      'delete',
      { 'Ngày quyết định': formatDateVi(row.decidedOn) },
      null
    )
    return saved(log, label, null)
  })
}

export function commend(ctx: ServiceContext, input: ApiParsedInput<'threeActive.commend'>): Saved<null> {
  const unit = requireUnitByCode(loadUnitState(ctx.db), input.unitCode)
  if (!isGrassroots(unit.kind)) refuse('unitCode', `${unitWords(unit)} không phải đoàn cơ sở.`)
  const existing = ctx.db
    .select()
    .from(threeActiveCommendations)
    .where(
      and(
        eq(threeActiveCommendations.unitId, unit.id),
        eq(threeActiveCommendations.term, input.term),
        eq(threeActiveCommendations.round, input.round)
      )
    )
    .get()
  if (existing)
    refuse(
      'unitCode',
      `${unitWords(unit)} đã được khen thưởng đợt ${input.round} nhiệm kỳ ${input.term}.`,
      'CONFLICT'
    )
  const label = `Khen thưởng 3 chủ động đợt ${input.round} nhiệm kỳ ${input.term}: ${unitWords(unit)}`
  return ctx.write(label, (_tx, log) => {
    log.rows.insert(threeActiveCommendations, {
      unitId: unit.id,
      term: input.term,
      round: input.round,
      decidedOn: input.decidedOn,
      note: input.note
    })
    log.record(
      'three_active_commendations',
      `${unit.code} – ${input.term} – đợt ${input.round}`,
      'insert',
      null,
      {
        'Mã đơn vị': unit.code,
        'Nhiệm kỳ': input.term,
        Đợt: input.round,
        'Ngày quyết định': formatDateVi(input.decidedOn),
        'Ghi chú': input.note
      }
    )
    return saved(log, label, null)
  })
}

export function removeCommendation(
  ctx: ServiceContext,
  input: ApiParsedInput<'threeActive.removeCommendation'>
): Saved<null> {
  const unit = requireUnitByCode(loadUnitState(ctx.db), input.unitCode)
  const where = and(
    eq(threeActiveCommendations.unitId, unit.id),
    eq(threeActiveCommendations.term, input.term),
    eq(threeActiveCommendations.round, input.round)
  )
  const row = ctx.db.select().from(threeActiveCommendations).where(where).get()
  if (!row)
    refuse(
      'unitCode',
      `${unitWords(unit)} không có khen thưởng đợt ${input.round} nhiệm kỳ ${input.term}.`,
      'NOT_FOUND'
    )
  const label = `Xóa khen thưởng 3 chủ động đợt ${input.round} nhiệm kỳ ${input.term}: ${unitWords(unit)}`
  return ctx.write(label, (_tx, log) => {
    log.rows.delete(threeActiveCommendations, where)
    log.record(
      'three_active_commendations',
      `${unit.code} – ${input.term} – đợt ${input.round}`,
      'delete',
      {
        'Mã đơn vị': unit.code,
        'Ngày quyết định': formatDateVi(row.decidedOn)
      },
      null
    )
    return saved(log, label, null)
  })
}
