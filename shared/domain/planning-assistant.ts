/**
 * The planning assistant (trợ lý lập kế hoạch, issue 9): for a quarter and an as-of date, it
 * proposes registrations that bring every subject cadre to the year's pace by the quarter's end
 * (the whole target in the last quarter) and to every enabled ratio rule, placed in the rounds
 * first, then on other working days of the quarter, never on a weekend, a public holiday, a day
 * of an exemption period, outside the cadre's service, or on a half day the cadre already has
 * a trip or a pending registration. Units: the cadre's oversight area first, then units nobody
 * has visited this year, then this quarter, spread so that one unit is not proposed over and
 * over. Each proposal says why in one line.
 *
 * Every figure comes from the regime's own rules: who is subject and the target
 * (subject.ts decideSubject, subjectDaysBetween), days done and planned and the ratio checks
 * (summary.ts computeYearSummary, run on the projected trips). The only arithmetic here is the
 * inverse question "how many days of which kind are still missing", and the result is checked
 * again with computeYearSummary before it is reported.
 */
import { compareVietnameseNames } from './collation'
import {
  addDays,
  formatDateVi,
  fromDayNumber,
  maxDate,
  minDate,
  quarterRange,
  toDayNumber,
  type IsoDate
} from './dates'
import {
  CONTENT_KIND_SHORT_LABELS,
  CONTENT_KINDS,
  type ContentKind,
  type HalfDay,
  type UnitKind
} from './kinds'
import { formatDays, formatPercent } from './format'
import { isWeekend } from './holidays'
import type { Quarter } from './planning'
import type { RatioRule, YearSettings } from './settings'
import { tripSlots } from './slots'
import { decideSubject, serviceClip, subjectDaysBetween } from './subject'
import {
  computeYearSummary,
  type CadreYearResult,
  type RatioCheck,
  type SummaryCadre,
  type SummaryTrip
} from './summary'

export interface AssistantUnit {
  id: number
  code: string
  name: string
  kind: UnitKind
  validFrom: IsoDate | null
  validTo: IsoDate | null
}

export interface AssistantRound {
  id: number
  number: number
  startDate: IsoDate
  endDate: IsoDate
}

/** A registration still waiting for a decision: it holds the cadre's days like a planned trip. */
export interface PendingRegistration {
  cadreId: number
  kind: ContentKind
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  unitIds: readonly number[]
}

export interface AssistantInput {
  settings: YearSettings
  year: number
  quarter: Quarter
  /** Days up to this date are history; proposals start the day after. */
  asOf: IsoDate
  cadres: readonly SummaryCadre[]
  /** The year's trips, every status (planned ones hold their days too). */
  trips: readonly SummaryTrip[]
  pending: readonly PendingRegistration[]
  rounds: readonly AssistantRound[]
  units: readonly AssistantUnit[]
  /** Units each leader oversees during the quarter (directly or through a cluster), by cadre id. */
  oversight: ReadonlyMap<number, ReadonlySet<number>>
  /** Public holidays (Tết included) are never proposed. */
  isHoliday: (date: IsoDate) => boolean
  /** Longest proposed trip in days (default 3). */
  maxTripDays?: number
}

export interface Proposal {
  cadreId: number
  cadreCode: string
  cadreName: string
  /** The round the dates lie in; null for a working day outside the rounds. */
  roundId: number | null
  roundNumber: number | null
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  days: number
  kind: ContentKind
  unitIds: number[]
  reason: string
}

export interface CadreOutlook {
  cadreId: number
  code: string
  name: string
  departmentName: string
  /** The year's target (days). */
  target: number
  /** What the quarter aims at: the target's share up to the quarter's end (all of it in the last quarter). */
  goal: number
  /** Done as of the as-of date (the year summary's days). */
  doneDays: number
  /** Done + planned (trips of any status and pending registrations) before the proposal. */
  projectedDays: number
  proposedDays: number
  /** Done + planned + proposed, after overlap attribution. */
  finalDays: number
  /** The ratio rules on the final days. */
  finalRatios: RatioCheck[]
  reachesGoal: boolean
  meetsRatios: boolean
  /** Working half days still free in the quarter after the as-of date. */
  freeDays: number
  /** One line: what was missing and what the proposal does. */
  summary: string
}

export interface ImpossibleCadre {
  cadreId: number
  code: string
  name: string
  reason: string
}

export interface AssistantResult {
  year: number
  quarter: Quarter
  asOf: IsoDate
  /** First and last day proposals may use. */
  from: IsoDate
  to: IsoDate
  proposals: Proposal[]
  cadres: CadreOutlook[]
  impossible: ImpossibleCadre[]
}

function inExemption(cadre: SummaryCadre, date: IsoDate): boolean {
  return cadre.exemptions.some((e) => e.from <= date && date <= e.to)
}

/**
 * The working days a proposal may use for a cadre: from `from` to `to`, inside the service
 * period, outside every exemption period, not a weekend, not a public holiday.
 */
export function workingDaysFor(
  cadre: SummaryCadre,
  from: IsoDate,
  to: IsoDate,
  isHoliday: (date: IsoDate) => boolean
): IsoDate[] {
  const served = serviceClip(from, to, cadre.serviceStart, cadre.serviceEnd)
  if (!served) return []
  const days: IsoDate[] = []
  for (let d = served.from; d <= served.to; d = addDays(d, 1)) {
    if (!isWeekend(d) && !isHoliday(d) && !inExemption(cadre, d)) days.push(d)
  }
  return days
}

/** "15" for 15%, "17,5" for 17.5% (the unit is written by the caller). */
function percent(share: number): string {
  return formatPercent(share).replace('%', '')
}

/** Half days of `kinds` needed on top of `kindHalves` so the rule holds on `total` half days. */
function ruleNeed(rule: RatioRule, kindHalves: number, total: number): number {
  return Math.max(0, Math.ceil((rule.minPercent * total - 100 * kindHalves) / 100))
}

/** The kind a proposal for a rule uses: its first kind (the rule's own order). */
function kindForRule(rule: RatioRule): ContentKind {
  return rule.kinds[0]!
}

/** Kinds no enabled rule asks for, used for the days the target still needs beyond the ratios. */
function fillerKinds(rules: readonly RatioRule[]): ContentKind[] {
  const ruled = new Set(rules.flatMap((r) => r.kinds))
  const free = (['PHOI_HOP', 'KIEM_TRA'] as ContentKind[]).filter((k) => !ruled.has(k))
  if (free.length > 0) return free
  return CONTENT_KINDS.filter((k) => !ruled.has(k)).length > 0
    ? CONTENT_KINDS.filter((k) => !ruled.has(k))
    : [rules[0]?.kinds[0] ?? 'CHUYEN_DE']
}

interface KindNeed {
  kind: ContentKind
  halves: number
  /** Why this kind (the rule's shortfall), or null for days the target still needs. */
  ruleText: string | null
  /** The rule holds now; these days only keep it from falling under its minimum. */
  keep: boolean
  minPercent: number
}

/**
 * How many half days of which kinds to add to `projected` so the goal and every enabled rule
 * hold, using at most `capacity` half days: the smallest total that satisfies both, or, when
 * it does not fit, the capacity shared out rules first.
 */
function planKinds(
  rules: readonly RatioRule[],
  projected: CadreYearResult,
  goalHalves: number,
  capacity: number
): { needs: KindNeed[]; wanted: number; fits: boolean } {
  const projectedHalves = projected.days * 2
  const kindHalves = (rule: RatioRule) => rule.kinds.reduce((s, k) => s + projected.daysByKind[k] * 2, 0)
  const short = Math.max(0, goalHalves - projectedHalves)
  const ruleNeeds = (added: number) => rules.map((r) => ruleNeed(r, kindHalves(r), projectedHalves + added))
  // The smallest total added that covers the goal and the rules' own needs at that total.
  let wanted = short
  while (ruleNeeds(wanted).reduce((a, b) => a + b, 0) > wanted && wanted <= capacity + 1) wanted += 1
  const fits = wanted <= capacity
  const total = Math.min(wanted, capacity)
  let left = total
  const needs: KindNeed[] = []
  ruleNeeds(total).forEach((halves, i) => {
    const rule = rules[i]!
    const take = Math.min(halves, left)
    if (take <= 0) return
    left -= take
    const share = projectedHalves === 0 ? 0 : kindHalves(rule) / projectedHalves
    const name = lowerFirst(rule.label)
    // Met now, but the added days would dilute it: that is "keep", not "only 45% (40% needed)".
    const keep = projectedHalves > 0 && kindHalves(rule) * 100 >= rule.minPercent * projectedHalves
    needs.push({
      kind: kindForRule(rule),
      halves: take,
      ruleText: `${name} mới đạt ${percent(share)}%`,
      keep,
      minPercent: rule.minPercent
    })
  })
  const fillers = fillerKinds(rules)
  // The rest alternates between the kinds no rule asks for, in whole days where it can.
  let i = 0
  while (left > 0) {
    const take = Math.min(left, 4)
    const kind = fillers[i % fillers.length]!
    const existing = needs.find((n) => n.kind === kind && n.ruleText === null)
    if (existing) existing.halves += take
    else needs.push({ kind, halves: take, ruleText: null, keep: false, minPercent: 0 })
    left -= take
    i += 1
  }
  return { needs, wanted, fits }
}

function slotDate(slot: number): IsoDate {
  return fromDayNumber(Math.floor(slot / 2))
}

function slotHalf(slot: number): HalfDay {
  return slot % 2 === 0 ? 'SANG' : 'CHIEU'
}

export function proposePlan(input: AssistantInput): AssistantResult {
  const { settings, asOf, year, quarter } = input
  const maxSlots = Math.max(1, input.maxTripDays ?? 3) * 2
  const range = quarterRange(year, quarter)
  const from = maxDate(addDays(asOf, 1), maxDate(range.from, settings.windowStart))
  const to = minDate(range.to, settings.windowEnd)
  const rules = settings.ratioRules.filter((r) => r.enabled && r.kinds.length > 0)

  // Pending registrations hold days like planned trips (negative ids keep them apart).
  const pendingTrips: SummaryTrip[] = input.pending.map((p, i) => ({
    id: -1 - i,
    code: `pending-${i}`,
    kind: p.kind,
    status: 'DU_KIEN',
    startDate: p.startDate,
    startHalf: p.startHalf,
    endDate: p.endDate,
    endHalf: p.endHalf,
    order: Number.MAX_SAFE_INTEGER - input.pending.length + i,
    cadreIds: [p.cadreId],
    unitIds: p.unitIds
  }))
  const allTrips = [...input.trips, ...pendingTrips]
  const asCounted = (trips: readonly SummaryTrip[]) =>
    trips.map((t): SummaryTrip => (t.status === 'DU_KIEN' ? { ...t, status: 'DA_THUC_HIEN' } : t))
  const now = computeYearSummary({ settings, asOf, cadres: input.cadres, trips: input.trips })
  const projected = computeYearSummary({
    settings,
    asOf: settings.windowEnd,
    cadres: input.cadres,
    trips: asCounted(allTrips)
  })
  const projectedById = new Map(projected.cadres.map((c) => [c.cadreId, c]))
  const nowById = new Map(now.cadres.map((c) => [c.cadreId, c]))

  // Units visited (counted trips) this year and this quarter before the proposal.
  const visitedYear = new Set<number>()
  const visitedQuarter = new Set<number>()
  for (const t of allTrips) {
    if (t.startDate > settings.windowEnd || t.endDate < settings.windowStart) continue
    for (const u of t.unitIds) {
      visitedYear.add(u)
      if (t.startDate <= range.to && t.endDate >= range.from) visitedQuarter.add(u)
    }
  }
  const chosenCount = new Map<number, number>()

  const roundOfDay = (date: IsoDate) =>
    input.rounds.find((r) => r.startDate <= date && date <= r.endDate) ?? null

  const proposals: Proposal[] = []
  const outlooks: CadreOutlook[] = []
  const impossible: ImpossibleCadre[] = []
  const cadres = [...input.cadres].sort(
    (a, b) => compareVietnameseNames(a.fullName, b.fullName) || a.code.localeCompare(b.code)
  )

  for (const cadre of cadres) {
    const decision = decideSubject(cadre, settings)
    const proj = projectedById.get(cadre.id)
    const done = nowById.get(cadre.id)
    if (!decision.subject || !proj || !done) continue
    const targetHalves = decision.targetHalfDays
    // On pace by the quarter's end: the target's share of the subject days up to then.
    const upTo = minDate(range.to, settings.windowEnd)
    const elapsed = upTo < settings.windowStart ? 0 : subjectDaysBetween(cadre, settings.windowStart, upTo)
    const goalHalves =
      decision.subjectDays === 0 ? 0 : Math.ceil((targetHalves * elapsed) / decision.subjectDays)

    // Free half days: working days of the rest of the quarter the cadre has no trip on.
    const taken = allTrips
      .filter((t) => t.cadreIds.includes(cadre.id))
      .map((t) => tripSlots(t.startDate, t.startHalf, t.endDate, t.endHalf))
    const days = from <= to ? workingDaysFor(cadre, from, to, input.isHoliday) : []
    const roundSlots: number[] = []
    const otherSlots: number[] = []
    for (const d of days) {
      for (const half of ['SANG', 'CHIEU'] as const) {
        const slot = toDayNumber(d) * 2 + (half === 'SANG' ? 0 : 1)
        if (taken.some((r) => r.from <= slot && slot <= r.to)) continue
        ;(roundOfDay(d) ? roundSlots : otherSlots).push(slot)
      }
    }
    const free = [...roundSlots, ...otherSlots]
    const plan = planKinds(rules, proj, goalHalves, free.length)

    const shortText = (() => {
      const parts: string[] = []
      const missing = Math.max(0, goalHalves - proj.days * 2) / 2
      if (missing > 0) {
        parts.push(
          goalHalves === targetHalves
            ? `còn thiếu ${formatDays(missing)} ngày`
            : `còn thiếu ${formatDays(missing)} ngày cho tiến độ hết quý`
        )
      }
      for (const need of plan.needs) if (need.ruleText && !need.keep) parts.push(need.ruleText)
      return parts.join(', ')
    })()

    // Carve the free half days into trips: contiguous runs inside one round (or outside all),
    // at most maxSlots long, each for the kind that still needs the most.
    const needs = plan.needs.map((n) => ({ ...n }))
    let i = 0
    const mine: Proposal[] = []
    while (i < free.length && needs.some((n) => n.halves > 0)) {
      const need = needs.filter((n) => n.halves > 0).sort((a, b) => b.halves - a.halves)[0]!
      const startSlot = free[i]!
      const round = roundOfDay(slotDate(startSlot))
      let j = i
      while (
        j + 1 < free.length &&
        free[j + 1] === free[j]! + 1 &&
        j + 1 - i < Math.min(maxSlots, need.halves) &&
        roundOfDay(slotDate(free[j + 1]!))?.id === round?.id
      ) {
        j += 1
      }
      const endSlot = free[j]!
      const length = j - i + 1
      need.halves -= length
      i = j + 1
      const startDate = slotDate(startSlot)
      const endDate = slotDate(endSlot)
      const unit = pickUnit(
        input,
        cadre.id,
        need.kind,
        startDate,
        endDate,
        visitedYear,
        visitedQuarter,
        chosenCount
      )
      if (!unit) continue
      chosenCount.set(unit.unit.id, (chosenCount.get(unit.unit.id) ?? 0) + 1)
      const kindName = lowerFirst(CONTENT_KIND_SHORT_LABELS[need.kind])
      const why = !need.ruleText
        ? goalHalves === targetHalves
          ? 'thêm ngày cho đủ chỉ tiêu'
          : 'thêm ngày cho đúng tiến độ'
        : need.keep
          ? `thêm ${kindName} để giữ tỉ lệ ≥ ${need.minPercent}%`
          : `thêm ${kindName} cho đạt ${need.minPercent}%`
      mine.push({
        cadreId: cadre.id,
        cadreCode: cadre.code,
        cadreName: cadre.fullName,
        roundId: round?.id ?? null,
        roundNumber: round?.number ?? null,
        startDate,
        startHalf: slotHalf(startSlot),
        endDate,
        endHalf: slotHalf(endSlot),
        days: length / 2,
        kind: need.kind,
        unitIds: [unit.unit.id],
        reason: `${capitalise(shortText || 'giữ cơ cấu')}: ${why}; ${unit.why}.`
      })
    }
    proposals.push(...mine)

    // Check the outcome with the year summary's own rules.
    const proposedTrips: SummaryTrip[] = mine.map((p, k) => ({
      id: -1_000_000 - k,
      code: `proposal-${k}`,
      kind: p.kind,
      status: 'DA_THUC_HIEN',
      startDate: p.startDate,
      startHalf: p.startHalf,
      endDate: p.endDate,
      endHalf: p.endHalf,
      order: Number.MAX_SAFE_INTEGER - 1_000 + k,
      cadreIds: [cadre.id],
      unitIds: p.unitIds
    }))
    const after = computeYearSummary({
      settings,
      asOf: settings.windowEnd,
      cadres: [cadre],
      trips: [...asCounted(allTrips.filter((t) => t.cadreIds.includes(cadre.id))), ...proposedTrips]
    }).cadres[0]!
    const enabledChecks = after.ratioChecks.filter((c) => rules.some((r) => r.id === c.ruleId))
    const reachesGoal = after.days * 2 >= goalHalves
    const meetsRatios = enabledChecks.every((c) => c.met)
    const proposedDays = mine.reduce((s, p) => s + p.days, 0)
    outlooks.push({
      cadreId: cadre.id,
      code: cadre.code,
      name: cadre.fullName,
      departmentName: cadre.departmentName,
      target: targetHalves / 2,
      goal: goalHalves / 2,
      doneDays: done.days,
      projectedDays: proj.days,
      proposedDays,
      finalDays: after.days,
      finalRatios: enabledChecks,
      reachesGoal,
      meetsRatios,
      freeDays: free.length / 2,
      summary:
        mine.length === 0 && reachesGoal && meetsRatios
          ? 'Đã đủ ngày và cơ cấu với những chuyến đã có và đã đăng ký.'
          : `${capitalise(shortText || 'giữ cơ cấu')}: đề xuất ${mine.length} chuyến, ${formatDays(proposedDays)} ngày.`
    })
    if (!reachesGoal || !meetsRatios) {
      const freeText =
        from > to
          ? `quý đã qua (tính đến ${formatDateVi(asOf)})`
          : `từ ${formatDateVi(from)} đến ${formatDateVi(to)} chỉ còn ${formatDays(free.length / 2)} ngày làm việc trống (trừ thứ Bảy, Chủ nhật, ngày lễ, kỳ miễn và ngày đã có chuyến)`
      const reason = !reachesGoal
        ? `Cần thêm ${formatDays(Math.max(0, goalHalves - proj.days * 2) / 2)} ngày để đạt ${formatDays(goalHalves / 2)} ngày, nhưng ${freeText}.`
        : `Đủ ngày nhưng không đạt cơ cấu (${enabledChecks
            .filter((c) => !c.met)
            .map((c) => `${lowerFirst(c.label)} ${percent(c.share)}%, cần ${c.minPercent}%`)
            .join('; ')}): ${freeText}.`
      impossible.push({ cadreId: cadre.id, code: cadre.code, name: cadre.fullName, reason })
    }
  }

  proposals.sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || compareVietnameseNames(a.cadreName, b.cadreName)
  )
  return { year, quarter, asOf, from, to, proposals, cadres: outlooks, impossible }
}

function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1)
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1)
}

const LOWER_LEVEL_KINDS: readonly UnitKind[] = [
  'DOAN_XA',
  'DOAN_PHUONG',
  'DOAN_CO_SO',
  'DOAN_TRUC_THUOC',
  'HUYEN_DOAN',
  'THI_DOAN',
  'THANH_DOAN'
]

/**
 * The unit a proposal visits: valid over its dates, not the provincial union itself; the
 * leader's oversight area first, then units nobody visited this year, then this quarter, a
 * unit of the level the kind is about, and the least proposed so far (visits spread out).
 */
function pickUnit(
  input: AssistantInput,
  cadreId: number,
  kind: ContentKind,
  start: IsoDate,
  end: IsoDate,
  visitedYear: ReadonlySet<number>,
  visitedQuarter: ReadonlySet<number>,
  chosen: ReadonlyMap<number, number>
): { unit: AssistantUnit; why: string } | null {
  const area = input.oversight.get(cadreId)
  let best: { unit: AssistantUnit; score: number } | null = null
  for (const unit of input.units) {
    if (unit.kind === 'TINH_DOAN') continue
    if ((unit.validFrom && unit.validFrom > start) || (unit.validTo && unit.validTo < end)) continue
    let score = 0
    if (area?.has(unit.id)) score += 100
    if (!visitedYear.has(unit.id)) score += 40
    if (!visitedQuarter.has(unit.id)) score += 20
    if (kind === 'DU_SH_CHI_DOAN' && unit.kind === 'CHI_DOAN') score += 10
    if (kind === 'DU_SH_BCH_BTV' && LOWER_LEVEL_KINDS.includes(unit.kind)) score += 10
    score -= 15 * (chosen.get(unit.id) ?? 0)
    if (!best || score > best.score || (score === best.score && unit.code < best.unit.code))
      best = { unit, score }
  }
  if (!best) return null
  const parts = [best.unit.name]
  if (area?.has(best.unit.id)) parts.push('thuộc địa bàn phụ trách')
  if (!visitedYear.has(best.unit.id)) parts.push('chưa có ai đến trong năm')
  else if (!visitedQuarter.has(best.unit.id)) parts.push('chưa có ai đến trong quý')
  return { unit: best.unit, why: parts.join(', ') }
}
