/**
 * Everything the cycle of one year needs, read at once: the unit tree (with moves), the
 * programme period's criteria (stored, or the defaults while the office has not touched them),
 * the deadlines, the registrations with their marks, the decision and the commendations.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import { AppError } from '../../../shared/api/errors'
import type { PeriodView } from '../../../shared/api/three-active'
import type { IsoDate } from '../../../shared/domain/dates'
import {
  defaultCriteria,
  defaultDeadlines,
  periodName,
  periodOfYear,
  type CriterionDef,
  type Pillar
} from '../../../shared/domain/three-active'
import type { UnitRecord } from '../../../shared/domain/units'
import type { AppDatabase } from '../../db/connection'
import {
  cadres,
  threeActiveCriteria,
  threeActiveDecisions,
  threeActivePeriods,
  threeActiveRegistrations,
  threeActiveResults,
  threeActiveYears
} from '../../db/schema'
import type { ChangeRecorder } from '../context'
import { loadUnitState, type UnitState } from '../units/state'

export function refuse(
  field: string,
  message: string,
  code: 'VALIDATION' | 'CONFLICT' | 'NOT_FOUND' = 'VALIDATION'
): never {
  throw new AppError(code, message, [`${field}: ${message}`])
}

export interface StoredPeriod {
  id: number
  startYear: number
  endYear: number
  name: string
  criteria: Array<CriterionDef & { id: number }>
}

export function loadStoredPeriod(db: AppDatabase, year: number): StoredPeriod | null {
  const range = periodOfYear(year)
  const period = db
    .select()
    .from(threeActivePeriods)
    .where(eq(threeActivePeriods.startYear, range.startYear))
    .get()
  if (!period) return null
  const criteria = db
    .select()
    .from(threeActiveCriteria)
    .where(eq(threeActiveCriteria.periodId, period.id))
    .orderBy(asc(threeActiveCriteria.pillar), asc(threeActiveCriteria.position))
    .all()
    .map((c) => ({
      id: c.id,
      code: c.code,
      pillar: c.pillar as Pillar,
      text: c.text,
      mandatory: c.mandatory,
      maxScore: c.maxScore
    }))
  return { ...period, criteria }
}

export function loadPeriodView(db: AppDatabase, year: number): PeriodView {
  const stored = loadStoredPeriod(db, year)
  if (stored) {
    return {
      startYear: stored.startYear,
      endYear: stored.endYear,
      name: stored.name,
      stored: true,
      criteria: stored.criteria.map(({ id: _id, ...c }) => c)
    }
  }
  const range = periodOfYear(year)
  return { ...range, name: periodName(range), stored: false, criteria: defaultCriteria(range) }
}

/** The words the change log keeps for a criterion (the "Tiêu chí" part of the history). */
export function criterionWords(c: CriterionDef): Record<string, unknown> {
  return {
    'Trụ cột': c.pillar,
    'Nội dung': c.text,
    'Bắt buộc': c.mandatory ? 'Có' : 'Không',
    'Điểm tối đa': c.maxScore
  }
}

/**
 * The period of `year` as rows, created from the defaults on the first write that needs
 * criterion ids (an evaluation, an edit of the checklist); inside that write, so "Hoàn tác"
 * removes it with the rest.
 */
export function ensurePeriod(tx: AppDatabase, log: ChangeRecorder, year: number): StoredPeriod {
  const existing = loadStoredPeriod(tx, year)
  if (existing) return existing
  const range = periodOfYear(year)
  const name = periodName(range)
  const period = log.rows.insert(threeActivePeriods, { ...range, name })
  log.record('three_active_periods', name, 'insert', null, { 'Giai đoạn': name })
  defaultCriteria(range).forEach((c, i) => {
    log.rows.insert(threeActiveCriteria, { periodId: period.id, position: i + 1, ...c })
    log.record('three_active_criteria', `${name} – ${c.code}`, 'insert', null, criterionWords(c))
  })
  const stored = loadStoredPeriod(tx, year)
  if (!stored) throw new Error('period not stored')
  return stored
}

export interface Deadlines {
  registration: IsoDate
  report: IsoDate
  stored: boolean
}

export function loadDeadlines(db: AppDatabase, year: number): Deadlines {
  const row = db.select().from(threeActiveYears).where(eq(threeActiveYears.year, year)).get()
  if (row) return { registration: row.registrationDeadline, report: row.reportDeadline, stored: true }
  const d = defaultDeadlines(year)
  return { ...d, stored: false }
}

export type RegistrationRow = typeof threeActiveRegistrations.$inferSelect

export interface YearState {
  year: number
  units: UnitState
  deadlines: Deadlines
  period: PeriodView
  /** Criterion ids of the stored period by code (empty while the defaults are shown). */
  registrations: RegistrationRow[]
  /** Marks by registration id, by criterion code. */
  marks: Map<number, Map<string, { passed: boolean; evidence: string | null; score: number | null }>>
  cadresById: Map<number, { code: string; fullName: string }>
  decision: { decidedOn: IsoDate } | null
}

export function loadYearState(db: AppDatabase, year: number): YearState {
  const units = loadUnitState(db)
  const registrations = db
    .select()
    .from(threeActiveRegistrations)
    .where(eq(threeActiveRegistrations.year, year))
    .orderBy(asc(threeActiveRegistrations.id))
    .all()
  const marks: YearState['marks'] = new Map()
  const ids = registrations.map((r) => r.id)
  if (ids.length > 0) {
    const rows = db
      .select({
        registrationId: threeActiveResults.registrationId,
        code: threeActiveCriteria.code,
        passed: threeActiveResults.passed,
        evidence: threeActiveResults.evidence,
        score: threeActiveResults.score
      })
      .from(threeActiveResults)
      .innerJoin(threeActiveCriteria, eq(threeActiveCriteria.id, threeActiveResults.criterionId))
      .where(inArray(threeActiveResults.registrationId, ids))
      .all()
    for (const r of rows) {
      const map = marks.get(r.registrationId) ?? new Map()
      map.set(r.code, { passed: r.passed, evidence: r.evidence, score: r.score })
      marks.set(r.registrationId, map)
    }
  }
  const cadresById = new Map(
    db
      .select({ id: cadres.id, code: cadres.code, fullName: cadres.fullName })
      .from(cadres)
      .all()
      .map((c) => [c.id, { code: c.code, fullName: c.fullName }])
  )
  const decision = db.select().from(threeActiveDecisions).where(eq(threeActiveDecisions.year, year)).get()
  return {
    year,
    units,
    deadlines: loadDeadlines(db, year),
    period: loadPeriodView(db, year),
    registrations,
    marks,
    cadresById,
    decision: decision ? { decidedOn: decision.decidedOn } : null
  }
}

export function requireUnitByCode(state: UnitState, code: string, field = 'unitCode'): UnitRecord {
  const unit = state.byCode.get(code)
  if (!unit) refuse(field, `Không có đơn vị mã "${code}".`, 'NOT_FOUND')
  return unit
}

export function findRegistration(db: AppDatabase, unitId: number, year: number): RegistrationRow | undefined {
  return db
    .select()
    .from(threeActiveRegistrations)
    .where(and(eq(threeActiveRegistrations.unitId, unitId), eq(threeActiveRegistrations.year, year)))
    .get()
}

export function requireRegistration(db: AppDatabase, unit: UnitRecord, year: number): RegistrationRow {
  const row = findRegistration(db, unit.id, year)
  if (!row)
    refuse('unitCode', `${unit.code} ${unit.name} chưa đăng ký "3 chủ động" năm ${year}.`, 'NOT_FOUND')
  return row
}

export function requireNoDecision(db: AppDatabase, year: number, what: string): void {
  const decision = db.select().from(threeActiveDecisions).where(eq(threeActiveDecisions.year, year)).get()
  if (decision) {
    throw new AppError(
      'CONFLICT',
      `Năm ${year} đã có quyết định công nhận: không ${what} được nữa. Muốn sửa, hãy hủy quyết định trước.`
    )
  }
}
