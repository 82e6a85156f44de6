/** The pass rules of "3 chủ động" (RULES.md §10) and the evaluator after a unit moves. */
import { describe, expect, it } from 'vitest'
import {
  defaultCriteria,
  defaultDeadlines,
  evaluateUnit,
  evaluatorOn,
  isLate,
  periodOfYear,
  type CriterionDef
} from '../../../shared/domain/three-active'

const criteria: CriterionDef[] = [
  { code: '1.1', pillar: 1, text: 'a', mandatory: true, maxScore: null },
  { code: '1.2', pillar: 1, text: 'b', mandatory: false, maxScore: null },
  { code: '2.1', pillar: 2, text: 'c', mandatory: true, maxScore: null },
  { code: '3.1', pillar: 3, text: 'd', mandatory: true, maxScore: null },
  { code: '3.2', pillar: 3, text: 'e', mandatory: true, maxScore: null }
]
const all = (passed: boolean) => criteria.map((c) => ({ code: c.code, passed }))

describe('evaluateUnit', () => {
  it('passes when every mandatory criterion of all three pillars passes', () => {
    const outcome = evaluateUnit(criteria, all(true))
    expect(outcome.result).toBe('DAT')
    expect(outcome.failedPillars).toEqual([])
  })
  it('an optional criterion failing does not fail its pillar', () => {
    const results = all(true).map((r) => (r.code === '1.2' ? { ...r, passed: false } : r))
    expect(evaluateUnit(criteria, results).result).toBe('DAT')
  })
  it('one mandatory criterion failing fails its pillar and the unit', () => {
    const results = all(true).map((r) => (r.code === '3.2' ? { ...r, passed: false } : r))
    const outcome = evaluateUnit(criteria, results)
    expect(outcome.result).toBe('KHONG_DAT')
    expect(outcome.failedPillars).toEqual([3])
    expect(outcome.pillars.map((p) => p.status)).toEqual(['DAT', 'DAT', 'KHONG_DAT'])
    expect(outcome.pillars[2]!.failedMandatory).toEqual(['3.2'])
  })
  it('every pillar counts: two passing pillars are not enough', () => {
    const results = all(true).map((r) => (r.code === '2.1' ? { ...r, passed: false } : r))
    expect(evaluateUnit(criteria, results).failedPillars).toEqual([2])
  })
  it('a missing mandatory mark leaves the unit not fully evaluated, a missing optional one does not', () => {
    expect(
      evaluateUnit(
        criteria,
        all(true).filter((r) => r.code !== '2.1')
      ).result
    ).toBe('CHUA_DU')
    expect(
      evaluateUnit(
        criteria,
        all(true).filter((r) => r.code !== '1.2')
      ).result
    ).toBe('DAT')
    expect(evaluateUnit(criteria, null).result).toBe('CHUA_DANH_GIA')
  })
  it('a failure decides even while other marks are missing', () => {
    expect(evaluateUnit(criteria, [{ code: '1.1', passed: false }]).result).toBe('KHONG_DAT')
  })
  it('sums scores only when the period scores', () => {
    expect(evaluateUnit(criteria, all(true)).score).toBeNull()
    const scored = criteria.map((c) => ({ ...c, maxScore: 10 }))
    expect(
      evaluateUnit(
        scored,
        all(true).map((r) => ({ ...r, score: 7 }))
      ).score
    ).toBe(35)
  })
})

describe('periods, deadlines', () => {
  it('five-year periods from 2018', () => {
    expect(periodOfYear(2022)).toEqual({ startYear: 2018, endYear: 2022 })
    expect(periodOfYear(2023)).toEqual({ startYear: 2023, endYear: 2027 })
    expect(periodOfYear(2028)).toEqual({ startYear: 2028, endYear: 2032 })
  })
  it('default checklist: three pillars, each with mandatory criteria; 2023 wording names chính quyền', () => {
    for (const start of [2018, 2023]) {
      const list = defaultCriteria({ startYear: start, endYear: start + 4 })
      for (const pillar of [1, 2, 3]) expect(list.some((c) => c.pillar === pillar && c.mandatory)).toBe(true)
    }
    expect(defaultCriteria({ startYear: 2023, endYear: 2027 }).find((c) => c.code === '3.3')!.text).toMatch(
      /chính quyền/
    )
    expect(
      defaultCriteria({ startYear: 2018, endYear: 2022 }).find((c) => c.code === '3.3')!.text
    ).not.toMatch(/chính quyền/)
  })
  it('registration for N is due 10/10 of N − 1; the deadline day is on time', () => {
    expect(defaultDeadlines(2026)).toEqual({ registration: '2025-10-10', report: '2025-10-15' })
    expect(isLate('2025-10-10', '2025-10-10')).toBe(false)
    expect(isLate('2025-10-11', '2025-10-10')).toBe(true)
  })
})

describe('evaluatorOn', () => {
  it('is the parent on the evaluation date, following moves', () => {
    const unit = { id: 5, parentId: 2 }
    const moves = [{ unitId: 5, parentId: 1, fromDate: '2025-07-01' }]
    expect(evaluatorOn(unit, moves, '2024-12-20')).toBe(2)
    expect(evaluatorOn(unit, moves, '2025-12-20')).toBe(1)
    expect(
      evaluatorOn(unit, [{ unitId: 5, parentId: null, fromDate: '2025-07-01' }], '2025-12-20')
    ).toBeNull()
  })
})
