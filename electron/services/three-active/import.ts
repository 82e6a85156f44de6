/**
 * Bringing a year's 3 chủ động results in at once from the exchange workbook's two sheets
 * ("3CĐ Đăng ký", "3CĐ Đánh giá"): checked as the forms check (unit, dates, follower,
 * criteria of the period, years already decided), then written all or nothing in one
 * change-log batch of origin 'import' ("Hoàn tác" reverts the whole file).
 */
import { and, eq } from 'drizzle-orm'
import type { ThreeActiveImportResult } from '../../../shared/api/three-active'
import { formatDateVi, yearEnd } from '../../../shared/domain/dates'
import { isGrassroots } from '../../../shared/domain/three-active'
import { existsOn } from '../../../shared/domain/units'
import { cadres, threeActiveDecisions, threeActiveRegistrations, threeActiveResults } from '../../db/schema'
import type { ServiceContext } from '../context'
import { loadUnitState } from '../units/state'
import {
  EVALUATION_SHEET,
  readThreeActiveSheets,
  REGISTRATION_SHEET,
  type EvaluationSheetRow
} from '../workbook/three-active-sheets'
import { ensurePeriod, findRegistration, loadPeriodView } from './state'

function where(sheet: string, row: number, column: string | null): string {
  return `${sheet}, dòng ${row}${column ? `, cột "${column}"` : ''}`
}

export async function importThreeActive(
  ctx: ServiceContext,
  buffer: Buffer,
  fileName: string,
  commit: boolean
): Promise<ThreeActiveImportResult> {
  const sheets = await readThreeActiveSheets(buffer)
  const errors = sheets.errors.map((e) => e.text)
  if (!sheets.found && errors.length === 0) {
    errors.push(`Tệp không có trang "${REGISTRATION_SHEET}" hay "${EVALUATION_SHEET}".`)
  }
  const state = loadUnitState(ctx.db)
  const cadreByCode = new Map(
    ctx.db
      .select()
      .from(cadres)
      .all()
      .map((c) => [c.code, c])
  )
  const decided = new Set(
    ctx.db
      .select()
      .from(threeActiveDecisions)
      .all()
      .map((d) => d.year)
  )
  const registered = new Set<string>()

  for (const r of sheets.registrations) {
    const unit = state.byCode.get(r.unitCode)
    registered.add(`${r.year}|${r.unitCode}`)
    if (!unit) {
      errors.push(`${where(REGISTRATION_SHEET, r.row, 'Mã đơn vị')}: không có đơn vị mã "${r.unitCode}".`)
      continue
    }
    if (!isGrassroots(unit.kind))
      errors.push(
        `${where(REGISTRATION_SHEET, r.row, 'Mã đơn vị')}: ${unit.code} ${unit.name} không phải đoàn xã, phường hay đoàn cơ sở.`
      )
    if (r.registeredOn < `${r.year - 1}-01-01` || r.registeredOn > yearEnd(r.year))
      errors.push(
        `${where(REGISTRATION_SHEET, r.row, 'Ngày đăng ký')}: ngày đăng ký cho năm ${r.year} phải trong năm ${r.year - 1} hoặc ${r.year}.`
      )
    else if (!existsOn(unit, r.registeredOn))
      errors.push(
        `${where(REGISTRATION_SHEET, r.row, 'Ngày đăng ký')}: ${unit.code} không hoạt động ngày ${formatDateVi(r.registeredOn)}.`
      )
    if (r.followerCode && !cadreByCode.has(r.followerCode))
      errors.push(
        `${where(REGISTRATION_SHEET, r.row, 'Mã cán bộ theo dõi')}: không có cán bộ mã "${r.followerCode}".`
      )
    if (decided.has(r.year))
      errors.push(`${where(REGISTRATION_SHEET, r.row, 'Năm')}: năm ${r.year} đã có quyết định công nhận.`)
  }
  const seenReg = new Map<string, number>()
  for (const r of sheets.registrations) {
    const key = `${r.year}|${r.unitCode}`
    const first = seenReg.get(key)
    if (first !== undefined)
      errors.push(
        `${where(REGISTRATION_SHEET, r.row, 'Mã đơn vị')}: ${r.unitCode} năm ${r.year} đã có ở dòng ${first}.`
      )
    else seenReg.set(key, r.row)
  }

  const groups = new Map<string, Array<EvaluationSheetRow & { row: number }>>()
  for (const e of sheets.evaluations) {
    const key = `${e.year}|${e.unitCode}`
    groups.set(key, [...(groups.get(key) ?? []), e])
  }
  for (const [key, rows] of groups) {
    const first = rows[0]!
    const unit = state.byCode.get(first.unitCode)
    if (!unit) {
      errors.push(
        `${where(EVALUATION_SHEET, first.row, 'Mã đơn vị')}: không có đơn vị mã "${first.unitCode}".`
      )
      continue
    }
    if (!registered.has(key) && !findRegistration(ctx.db, unit.id, first.year))
      errors.push(
        `${where(EVALUATION_SHEET, first.row, 'Mã đơn vị')}: ${unit.code} chưa đăng ký năm ${first.year}.`
      )
    if (decided.has(first.year))
      errors.push(
        `${where(EVALUATION_SHEET, first.row, 'Năm')}: năm ${first.year} đã có quyết định công nhận.`
      )
    const criteria = new Map(loadPeriodView(ctx.db, first.year).criteria.map((c) => [c.code, c]))
    const seen = new Set<string>()
    for (const e of rows) {
      if (e.evaluatedOn !== first.evaluatedOn)
        errors.push(
          `${where(EVALUATION_SHEET, e.row, 'Ngày đánh giá')}: các dòng của ${unit.code} năm ${e.year} phải cùng một ngày đánh giá.`
        )
      if (e.evaluatedOn < `${e.year}-01-01` || e.evaluatedOn > yearEnd(e.year + 1))
        errors.push(
          `${where(EVALUATION_SHEET, e.row, 'Ngày đánh giá')}: ngày đánh giá năm ${e.year} phải từ 01/01/${e.year} đến 31/12/${e.year + 1}.`
        )
      const c = criteria.get(e.criterionCode)
      if (!c)
        errors.push(
          `${where(EVALUATION_SHEET, e.row, 'Mã tiêu chí')}: không có tiêu chí ${e.criterionCode} trong giai đoạn của năm ${e.year}.`
        )
      else if (e.score !== null && (c.maxScore === null || e.score > c.maxScore))
        errors.push(
          `${where(EVALUATION_SHEET, e.row, 'Điểm')}: ${c.maxScore === null ? `tiêu chí ${c.code} không tính điểm` : `tối đa ${c.maxScore} điểm`}.`
        )
      if (seen.has(e.criterionCode))
        errors.push(
          `${where(EVALUATION_SHEET, e.row, 'Mã tiêu chí')}: tiêu chí ${e.criterionCode} của ${unit.code} bị ghi hai lần.`
        )
      seen.add(e.criterionCode)
    }
  }

  const base: ThreeActiveImportResult = {
    fileName,
    registrations: sheets.registrations.length,
    evaluatedUnits: groups.size,
    marks: sheets.evaluations.length,
    errors,
    committed: false,
    change: null
  }
  if (!commit || errors.length > 0) return base
  const label = `Nhập 3 chủ động từ tệp ${fileName}`
  return ctx.write(
    label,
    (tx, log) => {
      for (const r of sheets.registrations) {
        const unit = state.byCode.get(r.unitCode)!
        const follower = r.followerCode ? cadreByCode.get(r.followerCode)! : null
        const values = {
          registeredOn: r.registeredOn,
          planText: r.planText,
          hardCriteria: r.hardCriteria,
          followerId: follower?.id ?? null
        }
        const words = {
          Năm: r.year,
          'Mã đơn vị': r.unitCode,
          'Ngày đăng ký': formatDateVi(r.registeredOn),
          'Kế hoạch thực hiện': r.planText,
          'Tiêu chí khó thực hiện': r.hardCriteria,
          'Cán bộ theo dõi': r.followerCode
        }
        const old = findRegistration(tx, unit.id, r.year)
        if (!old) {
          log.rows.insert(threeActiveRegistrations, { unitId: unit.id, year: r.year, ...values })
          log.record('three_active_registrations', `${unit.code} – ${r.year}`, 'insert', null, words)
        } else if (
          old.registeredOn !== values.registeredOn ||
          old.planText !== values.planText ||
          old.hardCriteria !== values.hardCriteria ||
          old.followerId !== values.followerId
        ) {
          log.rows.update(threeActiveRegistrations, eq(threeActiveRegistrations.id, old.id), values)
          const oldFollower =
            old.followerId === null
              ? null
              : ([...cadreByCode.values()].find((c) => c.id === old.followerId)?.code ?? null)
          log.record(
            'three_active_registrations',
            `${unit.code} – ${r.year}`,
            'update',
            {
              ...words,
              'Ngày đăng ký': formatDateVi(old.registeredOn),
              'Kế hoạch thực hiện': old.planText,
              'Tiêu chí khó thực hiện': old.hardCriteria,
              'Cán bộ theo dõi': oldFollower
            },
            words
          )
        }
      }
      for (const rows of groups.values()) {
        const first = rows[0]!
        const unit = state.byCode.get(first.unitCode)!
        const reg = findRegistration(tx, unit.id, first.year)!
        const period = ensurePeriod(tx, log, first.year)
        const ids = new Map(period.criteria.map((c) => [c.code, c.id]))
        const before = new Map(
          tx
            .select()
            .from(threeActiveResults)
            .where(eq(threeActiveResults.registrationId, reg.id))
            .all()
            .map((b) => [b.criterionId, b])
        )
        const keep = new Set<number>()
        for (const e of rows) {
          const criterionId = ids.get(e.criterionCode)!
          keep.add(criterionId)
          const m = { passed: e.passed, evidence: e.evidence, score: e.score }
          const old = before.get(criterionId)
          const key = `${unit.code} – ${first.year} – ${e.criterionCode}`
          const words = (x: typeof m) => ({
            'Kết quả': x.passed ? 'Đạt' : 'Không đạt',
            'Minh chứng': x.evidence,
            Điểm: x.score
          })
          if (!old) {
            log.rows.insert(threeActiveResults, { registrationId: reg.id, criterionId, ...m })
            log.record('three_active_results', key, 'insert', null, words(m))
          } else if (old.passed !== m.passed || old.evidence !== m.evidence || old.score !== m.score) {
            log.rows.update(
              threeActiveResults,
              and(
                eq(threeActiveResults.registrationId, reg.id),
                eq(threeActiveResults.criterionId, criterionId)
              ),
              m
            )
            log.record('three_active_results', key, 'update', words(old), words(m))
          }
        }
        for (const [criterionId, old] of before) {
          if (keep.has(criterionId)) continue
          log.rows.delete(
            threeActiveResults,
            and(
              eq(threeActiveResults.registrationId, reg.id),
              eq(threeActiveResults.criterionId, criterionId)
            )
          )
          log.record(
            'three_active_results',
            `${unit.code} – ${first.year} – ${criterionId}`,
            'delete',
            { 'Kết quả': old.passed ? 'Đạt' : 'Không đạt' },
            null
          )
        }
        if (reg.evaluatedOn !== first.evaluatedOn) {
          log.rows.update(threeActiveRegistrations, eq(threeActiveRegistrations.id, reg.id), {
            evaluatedOn: first.evaluatedOn
          })
          log.record(
            'three_active_registrations',
            `${unit.code} – ${first.year}`,
            'update',
            { 'Ngày đánh giá': reg.evaluatedOn ? formatDateVi(reg.evaluatedOn) : null },
            { 'Ngày đánh giá': formatDateVi(first.evaluatedOn) }
          )
        }
      }
      return { ...base, committed: true, change: { batchId: log.batchId, label } }
    },
    'import'
  )
}
