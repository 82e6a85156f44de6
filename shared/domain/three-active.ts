/**
 * Đoàn cơ sở "3 chủ động" (RULES.md §10): the pure rules of the yearly cycle. Three pillars,
 * each a checklist of criteria per programme period; a pillar passes when all its mandatory
 * criteria pass, the unit passes when all three pillars pass; a unit registers for year N by
 * the deadline of year N − 1; the evaluator is the unit's parent on the evaluation date.
 */
import type { IsoDate } from './dates'
import type { UnitKind } from './kinds'
import { parentOn, type UnitMove, type UnitRecord } from './units'

export const PILLARS = [1, 2, 3] as const
export type Pillar = (typeof PILLARS)[number]

/** RULES.md §10, the three pillars as the guidance names them. */
export const PILLAR_LABELS: Record<Pillar, string> = {
  1: 'Chủ động quản lý đoàn viên, chăm lo, nắm bắt tình hình thanh niên',
  2: 'Chủ động xây dựng và thực hiện kế hoạch công tác',
  3: 'Chủ động tham mưu với cấp ủy, phối hợp với các tổ chức liên quan'
}

/** Short names for table columns ("Trụ cột 1"). */
export const PILLAR_SHORT_LABELS: Record<Pillar, string> = {
  1: 'Quản lý đoàn viên',
  2: 'Kế hoạch công tác',
  3: 'Tham mưu, phối hợp'
}

/** The unit kinds that register (grassroots unions); higher levels oversee them. */
export const GRASSROOTS_KINDS: readonly UnitKind[] = ['DOAN_XA', 'DOAN_PHUONG', 'DOAN_CO_SO']

export function isGrassroots(kind: UnitKind): boolean {
  return GRASSROOTS_KINDS.includes(kind)
}

export interface CriterionDef {
  /** "1.2": pillar, then order inside the pillar. */
  code: string
  pillar: Pillar
  text: string
  mandatory: boolean
  /** Points for provinces that score; null where pass/fail is enough. */
  maxScore: number | null
}

/** Programme periods run five years from 2018 (HD 08-HD/TWĐTN-BTC: 2018–2022; then 2023–2027 …). */
export const FIRST_PERIOD_START = 2018
export const PERIOD_LENGTH = 5

export interface PeriodRange {
  startYear: number
  endYear: number
}

export function periodOfYear(year: number): PeriodRange {
  const startYear =
    FIRST_PERIOD_START + PERIOD_LENGTH * Math.floor((year - FIRST_PERIOD_START) / PERIOD_LENGTH)
  return { startYear, endYear: startYear + PERIOD_LENGTH - 1 }
}

export function periodName(range: PeriodRange): string {
  return `Giai đoạn ${range.startYear}–${range.endYear}`
}

function criterion(code: string, text: string, mandatory = true): CriterionDef {
  return { code, pillar: Number(code.split('.')[0]) as Pillar, text, mandatory, maxScore: null }
}

/** 2018–2022 (HD 08-HD/TWĐTN-BTC, 16/5/2018; pillar 1 items as in Khánh Hòa's guidance). */
const CRITERIA_2018: CriterionDef[] = [
  criterion(
    '1.1',
    'Nắm bắt tư tưởng, nhu cầu, nguyện vọng của đoàn viên, thanh niên, kể cả trên mạng xã hội (Zalo, Facebook)'
  ),
  criterion('1.2', 'Lập và cập nhật thường xuyên danh sách đoàn viên'),
  criterion('1.3', 'Nhận xét, đánh giá đoàn viên hằng năm, ghi vào sổ đoàn viên'),
  criterion(
    '1.4',
    'Thực hiện đúng quy trình kết nạp đoàn viên, chương trình rèn luyện đoàn viên, chuyển sinh hoạt Đoàn, trưởng thành Đoàn và kỷ luật'
  ),
  criterion(
    '1.5',
    'Lập danh sách đoàn viên, thanh niên có hoàn cảnh khó khăn (nhất là thanh niên dân tộc thiểu số, tôn giáo) để có kế hoạch hỗ trợ',
    false
  ),
  criterion(
    '2.1',
    'Xây dựng kế hoạch công tác năm, quý sát với nhiệm vụ chính trị của địa phương, cơ quan, đơn vị'
  ),
  criterion('2.2', 'Tổ chức thực hiện đầy đủ các nội dung của kế hoạch đã đề ra'),
  criterion('2.3', 'Sơ kết, tổng kết, đánh giá kết quả thực hiện kế hoạch'),
  criterion('2.4', 'Có mô hình, cách làm mới, hiệu quả', false),
  criterion(
    '3.1',
    'Chủ động tham mưu cấp ủy ban hành nghị quyết, chỉ thị, kế hoạch về công tác Đoàn và phong trào thanh niên'
  ),
  criterion('3.2', 'Định kỳ báo cáo, xin ý kiến cấp ủy về hoạt động của Đoàn'),
  criterion('3.3', 'Phối hợp với các tổ chức liên quan trong thực hiện nhiệm vụ'),
  criterion('3.4', 'Huy động được nguồn lực cho hoạt động của Đoàn', false)
]

/** 2023–2027 and later: unit-focused wording, pillar 3 adds chính quyền and the đoàn thể (research §2.7). */
const CRITERIA_2023: CriterionDef[] = CRITERIA_2018.map((c) => {
  if (c.code === '2.1')
    return {
      ...c,
      text: 'Xây dựng kế hoạch công tác năm, quý sát với nhiệm vụ chính trị ở cơ quan, đơn vị, địa phương'
    }
  if (c.code === '3.3')
    return {
      ...c,
      text: 'Phối hợp với chính quyền, các đoàn thể và tổ chức liên quan trong thực hiện nhiệm vụ'
    }
  return c
})

/** The default checklist of a programme period (the office edits it in the app). */
export function defaultCriteria(range: PeriodRange): CriterionDef[] {
  return (range.startYear < 2023 ? CRITERIA_2018 : CRITERIA_2023).map((c) => ({ ...c }))
}

export interface Deadlines {
  /** Registration for year N: 10/10 of year N − 1. */
  registration: IsoDate
  /** The overseeing union reports the registrations upward: 15/10 of year N − 1. */
  report: IsoDate
}

export function defaultDeadlines(year: number): Deadlines {
  return { registration: `${year - 1}-10-10`, report: `${year - 1}-10-15` }
}

/** Registered after the deadline day (the deadline day itself is on time). */
export function isLate(registeredOn: IsoDate, deadline: IsoDate): boolean {
  return registeredOn > deadline
}

export interface CriterionResult {
  code: string
  passed: boolean
  score?: number | null
}

export type PillarStatus = 'DAT' | 'KHONG_DAT' | 'CHUA_DU'
export type UnitResult = 'DAT' | 'KHONG_DAT' | 'CHUA_DU' | 'CHUA_DANH_GIA'

export const RESULT_LABELS: Record<UnitResult, string> = {
  DAT: 'Đạt',
  KHONG_DAT: 'Không đạt',
  CHUA_DU: 'Chưa đánh giá đủ',
  CHUA_DANH_GIA: 'Chưa đánh giá'
}

export interface PillarOutcome {
  pillar: Pillar
  status: PillarStatus
  /** Mandatory criteria marked không đạt (their codes, in checklist order). */
  failedMandatory: string[]
  /** Mandatory criteria without a mark yet. */
  missingMandatory: string[]
}

export interface EvaluationOutcome {
  result: UnitResult
  pillars: PillarOutcome[]
  /** Pillars that failed, in order (what the decision's list names). */
  failedPillars: Pillar[]
  /** Sum of the scores given (null when no criterion of the period has a score). */
  score: number | null
}

/**
 * A pillar passes when every mandatory criterion of it is marked đạt (optional ones never make
 * it fail); a pillar without mandatory criteria passes. A failed mandatory criterion fails the
 * pillar even while others are unmarked. The unit passes when all three pillars pass; it fails
 * as soon as one pillar fails; otherwise, with marks missing, it is not fully evaluated.
 */
export function evaluateUnit(
  criteria: readonly CriterionDef[],
  results: readonly CriterionResult[] | null
): EvaluationOutcome {
  const scored = criteria.some((c) => c.maxScore !== null)
  if (results === null) {
    return {
      result: 'CHUA_DANH_GIA',
      pillars: PILLARS.map((pillar) => ({
        pillar,
        status: 'CHUA_DU',
        failedMandatory: [],
        missingMandatory: criteria.filter((c) => c.pillar === pillar && c.mandatory).map((c) => c.code)
      })),
      failedPillars: [],
      score: null
    }
  }
  const byCode = new Map(results.map((r) => [r.code, r]))
  const pillars = PILLARS.map((pillar): PillarOutcome => {
    const mandatory = criteria.filter((c) => c.pillar === pillar && c.mandatory)
    const failedMandatory = mandatory.filter((c) => byCode.get(c.code)?.passed === false).map((c) => c.code)
    const missingMandatory = mandatory.filter((c) => !byCode.has(c.code)).map((c) => c.code)
    const status: PillarStatus =
      failedMandatory.length > 0 ? 'KHONG_DAT' : missingMandatory.length > 0 ? 'CHUA_DU' : 'DAT'
    return { pillar, status, failedMandatory, missingMandatory }
  })
  const failedPillars = pillars.filter((p) => p.status === 'KHONG_DAT').map((p) => p.pillar)
  const result: UnitResult =
    failedPillars.length > 0 ? 'KHONG_DAT' : pillars.every((p) => p.status === 'DAT') ? 'DAT' : 'CHUA_DU'
  const score = scored ? results.reduce((sum, r) => sum + (r.score ?? 0), 0) : null
  return { result, pillars, failedPillars, score }
}

/** "trụ cột 1 (Chủ động quản lý …)", for the decision's list and the screens. */
export function failedPillarsText(pillars: readonly Pillar[]): string {
  return pillars.map((p) => `Trụ cột ${p}: ${PILLAR_LABELS[p]}`).join('; ')
}

/** The evaluating union: the unit's parent on the evaluation date (null: the issuing organisation itself). */
export function evaluatorOn(
  unit: Pick<UnitRecord, 'id' | 'parentId'>,
  moves: readonly UnitMove[],
  date: IsoDate
): number | null {
  return parentOn(unit, moves, date)
}

/** A rate "a/b" as a share (0 when nothing to divide). */
export function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole
}

/** The province commends outstanding units twice per congress term (RULES.md §10). */
export const COMMENDATION_ROUNDS = [1, 2] as const
export type CommendationRound = (typeof COMMENDATION_ROUNDS)[number]
