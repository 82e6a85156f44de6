/**
 * The cycle of a year at a glance (registered, followed, evaluated, recognised, per unit
 * kind, what is late, who has not registered) and one registration's page.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import type {
  KindCounts,
  PlanFile,
  RegistrationDetail,
  RegistrationLine,
  ThreeActiveYearView,
  VisitLine
} from '../../../shared/api/three-active'
import { compareVietnamese } from '../../../shared/domain/collation'
import { formatDateVi, yearEnd, yearStart } from '../../../shared/domain/dates'
import { isCountedStatus, type TripStatus } from '../../../shared/domain/kinds'
import {
  evaluateUnit,
  evaluatorOn,
  GRASSROOTS_KINDS,
  isGrassroots,
  isLate,
  type CriterionResult
} from '../../../shared/domain/three-active'
import { existsOn, parentOn, type UnitRecord } from '../../../shared/domain/units'
import type { AppDatabase } from '../../db/connection'
import { organisation, threeActiveCommendations, tripParticipants, trips, tripUnits } from '../../db/schema'
import type { ServiceContext } from '../context'
import {
  loadYearState,
  refuse,
  requireRegistration,
  requireUnitByCode,
  type RegistrationRow,
  type YearState
} from './state'

function brief(unit: UnitRecord) {
  return { code: unit.code, name: unit.name, kind: unit.kind }
}

function unitRef(state: YearState, id: number | null) {
  if (id === null) return null
  const u = state.units.byId.get(id)
  return u ? { code: u.code, name: u.name } : null
}

/** The follower's trips to the unit in the year, oldest first (every status; counted ones are visits). */
export function followerTrips(db: AppDatabase, year: number, unitId: number, cadreId: number): VisitLine[] {
  return db
    .select({
      tripCode: trips.code,
      startDate: trips.startDate,
      endDate: trips.endDate,
      kind: trips.kind,
      topic: trips.topic,
      status: trips.status
    })
    .from(trips)
    .innerJoin(tripParticipants, eq(tripParticipants.tripId, trips.id))
    .innerJoin(tripUnits, eq(tripUnits.tripId, trips.id))
    .where(
      and(
        eq(tripParticipants.cadreId, cadreId),
        eq(tripUnits.unitId, unitId),
        lte(trips.startDate, yearEnd(year)),
        gte(trips.endDate, yearStart(year))
      )
    )
    .orderBy(asc(trips.startDate), asc(trips.id))
    .all()
}

export function marksOf(state: YearState, reg: RegistrationRow): CriterionResult[] | null {
  const marks = state.marks.get(reg.id)
  if (!marks || reg.evaluatedOn === null) return null
  return [...marks.entries()].map(([code, m]) => ({ code, passed: m.passed, score: m.score }))
}

export function lineOf(db: AppDatabase, state: YearState, reg: RegistrationRow): RegistrationLine {
  const unit = state.units.byId.get(reg.unitId)
  if (!unit) throw new Error(`unit ${reg.unitId} missing`)
  const outcome = evaluateUnit(state.period.criteria, marksOf(state, reg))
  const visits =
    reg.followerId === null
      ? 0
      : followerTrips(db, state.year, reg.unitId, reg.followerId).filter((t) =>
          isCountedStatus(t.status as TripStatus)
        ).length
  return {
    unit: brief(unit),
    parent: unitRef(state, parentOn(unit, state.units.moves, state.deadlines.registration)),
    registeredOn: reg.registeredOn,
    late: isLate(reg.registeredOn, state.deadlines.registration),
    hasPlan: Boolean(reg.planText) || reg.planFileName !== null,
    hardCriteria: reg.hardCriteria,
    follower: reg.followerId === null ? null : (state.cadresById.get(reg.followerId) ?? null),
    visits,
    evaluatedOn: reg.evaluatedOn,
    evaluator:
      reg.evaluatedOn === null ? null : unitRef(state, evaluatorOn(unit, state.units.moves, reg.evaluatedOn)),
    result: outcome.result,
    failedPillars: outcome.failedPillars,
    score: outcome.score,
    recognised: state.decision !== null && outcome.result === 'DAT'
  }
}

function sortLines(lines: RegistrationLine[]): RegistrationLine[] {
  return lines.sort(
    (a, b) => compareVietnamese(a.unit.name, b.unit.name) || compareVietnamese(a.unit.code, b.unit.code)
  )
}

export function readYearLines(
  ctx: ServiceContext,
  year: number
): { state: YearState; lines: RegistrationLine[] } {
  const state = loadYearState(ctx.db, year)
  return { state, lines: sortLines(state.registrations.map((r) => lineOf(ctx.db, state, r))) }
}

export function readYear(ctx: ServiceContext, year: number): ThreeActiveYearView {
  const { state, lines } = readYearLines(ctx, year)
  const day = yearStart(year)
  const deadline = state.deadlines.registration
  const registeredIds = new Set(state.registrations.map((r) => r.unitId))
  // The units expected to register: grassroots unions existing on 1 January of the year, and
  // those that registered anyway (a union founded during the year).
  const expected = state.units.units.filter((u) => isGrassroots(u.kind) && existsOn(u, day))
  const empty = (): Omit<KindCounts, 'kind'> => ({
    units: 0,
    registered: 0,
    late: 0,
    followed: 0,
    evaluated: 0,
    passed: 0,
    recognised: 0
  })
  const byKind = new Map<string, KindCounts>(GRASSROOTS_KINDS.map((kind) => [kind, { kind, ...empty() }]))
  const countFor = (kind: UnitRecord['kind']) => {
    let c = byKind.get(kind)
    if (!c) {
      c = { kind, ...empty() }
      byKind.set(kind, c)
    }
    return c
  }
  for (const u of expected) countFor(u.kind).units++
  for (const line of lines) {
    const c = countFor(line.unit.kind)
    if (!expected.some((u) => u.code === line.unit.code)) c.units++
    c.registered++
    if (line.late) c.late++
    if (line.follower) c.followed++
    if (line.result === 'DAT' || line.result === 'KHONG_DAT') c.evaluated++
    if (line.result === 'DAT') c.passed++
    if (line.recognised) c.recognised++
  }
  const kinds = [...byKind.values()].filter((c) => c.units > 0 || GRASSROOTS_KINDS.includes(c.kind))
  const totals = kinds.reduce((t, c) => {
    for (const key of Object.keys(t) as Array<keyof typeof t>) t[key] += c[key]
    return t
  }, empty())
  const notRegistered = state.units.units
    .filter((u) => isGrassroots(u.kind) && existsOn(u, deadline) && !registeredIds.has(u.id))
    .map((u) => ({ ...brief(u), parent: unitRef(state, parentOn(u, state.units.moves, deadline)) }))
    .sort((a, b) => compareVietnamese(a.name, b.name) || compareVietnamese(a.code, b.code))
  const today = ctx.clock.today()
  const lateNotes: string[] = []
  const lateCount = lines.filter((l) => l.late).length
  if (lateCount > 0) lateNotes.push(`${lateCount} đơn vị đăng ký sau hạn ${formatDateVi(deadline)}.`)
  if (today > deadline && notRegistered.length > 0)
    lateNotes.push(`${notRegistered.length} đơn vị chưa đăng ký, đã quá hạn ${formatDateVi(deadline)}.`)
  const unfollowed = lines.filter((l) => !l.follower).length
  if (unfollowed > 0) lateNotes.push(`${unfollowed} đơn vị đã đăng ký chưa có cán bộ theo dõi.`)
  if (today > yearEnd(year)) {
    const pending = lines.filter((l) => l.result === 'CHUA_DANH_GIA' || l.result === 'CHUA_DU').length
    if (pending > 0) lateNotes.push(`Năm ${year} đã hết: ${pending} đơn vị chưa đánh giá đủ.`)
    if (!state.decision && lines.length > 0) lateNotes.push(`Chưa ban hành quyết định công nhận năm ${year}.`)
  }
  const commendations = ctx.db
    .select()
    .from(threeActiveCommendations)
    .orderBy(
      asc(threeActiveCommendations.term),
      asc(threeActiveCommendations.round),
      asc(threeActiveCommendations.id)
    )
    .all()
    .map((c) => {
      const unit = state.units.byId.get(c.unitId)!
      return {
        unit: brief(unit),
        term: c.term,
        round: c.round as 1 | 2,
        decidedOn: c.decidedOn,
        note: c.note
      }
    })
  const org = ctx.db.select({ term: organisation.congressTerm }).from(organisation).get()
  return {
    year,
    deadlines: state.deadlines,
    period: state.period,
    registrations: lines,
    byKind: kinds,
    totals,
    notRegistered,
    lateNotes,
    decision: state.decision,
    commendations,
    congressTerm: org?.term ?? null
  }
}

export function readDetail(ctx: ServiceContext, year: number, unitCode: string): RegistrationDetail {
  const state = loadYearState(ctx.db, year)
  const unit = requireUnitByCode(state.units, unitCode)
  const reg = requireRegistration(ctx.db, unit, year)
  const line = lineOf(ctx.db, state, reg)
  const marks = state.marks.get(reg.id)
  const outcome = evaluateUnit(state.period.criteria, marksOf(state, reg))
  return {
    ...line,
    year,
    planText: reg.planText,
    planFileName: reg.planFileName,
    evaluationNote: reg.evaluationNote,
    marks: state.period.criteria.map((criterion) => {
      const m = reg.evaluatedOn === null ? undefined : marks?.get(criterion.code)
      return { criterion, passed: m?.passed ?? null, evidence: m?.evidence ?? null, score: m?.score ?? null }
    }),
    pillars: outcome.pillars.map(({ pillar, status, failedMandatory }) => ({
      pillar,
      status,
      failedMandatory
    })),
    visitList: reg.followerId === null ? [] : followerTrips(ctx.db, year, reg.unitId, reg.followerId),
    decided: state.decision !== null
  }
}

export function readPlanFile(ctx: ServiceContext, year: number, unitCode: string): PlanFile {
  const state = loadYearState(ctx.db, year)
  const unit = requireUnitByCode(state.units, unitCode)
  const reg = requireRegistration(ctx.db, unit, year)
  if (reg.planFileName === null || reg.planFileContent === null)
    refuse('planFile', `${unit.code} ${unit.name} không gửi kèm tệp kế hoạch.`, 'NOT_FOUND')
  return { fileName: reg.planFileName, contentBase64: reg.planFileContent }
}
