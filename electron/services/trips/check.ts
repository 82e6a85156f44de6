/**
 * The live warnings of the entry form, on the unsaved trip (and on a saved one, for its
 * record page). Warnings never block saving (RULES.md §5: "rules warn"); the code already
 * taken is the one the save itself refuses. Every rule comes from shared/domain: slots and
 * overlap attribution (slots.ts), report due dates (reports-due.ts), counted statuses
 * (kinds.ts), the service period (subject.ts).
 */
import { and, eq, gte, inArray, lte, ne } from 'drizzle-orm'
import { formatTripSpan, type TripCheck, type TripDraft, type TripWarning } from '../../../shared/api/trips'
import {
  formatDateVi,
  fromDayNumber,
  isValidIsoDate,
  yearOf,
  type IsoDate
} from '../../../shared/domain/dates'
import { formatDays } from '../../../shared/domain/format'
import {
  EXEMPTION_REASON_LABELS,
  TRIP_STATUS_LABELS,
  UNIT_KIND_LABELS,
  isCountedStatus,
  type ContentKind,
  type ExemptionReason,
  type HalfDay,
  type TripStatus,
  type UnitKind
} from '../../../shared/domain/kinds'
import { reportDueDate, reportOverdueDays } from '../../../shared/domain/reports-due'
import {
  attributeSlots,
  daySpanSlots,
  intersect,
  isEmpty,
  isValidTripRange,
  slotCount,
  tripSlots,
  type SlotRange
} from '../../../shared/domain/slots'
import { serviceClip } from '../../../shared/domain/subject'
import { cadres, exemptions, tripParticipants, trips, units } from '../../db/schema'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings/year'

interface Span {
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
}

/** The draft's dates when they are complete, real and in order; null otherwise. */
export function draftSpan(draft: TripDraft): Span | null {
  const { startDate, endDate } = draft
  if (!startDate || !endDate || !isValidIsoDate(startDate) || !isValidIsoDate(endDate)) return null
  const span = { startDate, startHalf: draft.startHalf ?? 'SANG', endDate, endHalf: draft.endHalf ?? 'CHIEU' }
  return isValidTripRange(span.startDate, span.startHalf, span.endDate, span.endHalf) ? span : null
}

/** The date and half day of a slot (slots.ts: day number × 2 + 0 sáng / 1 chiều). */
function slotDate(slot: number): { date: IsoDate; half: HalfDay } {
  return { date: fromDayNumber(Math.floor(slot / 2)), half: slot % 2 === 0 ? 'SANG' : 'CHIEU' }
}

/** A range of slots as the office writes dates ("12/03/2025 (chiều)–13/03/2025"). */
export function slotRangeWords(range: SlotRange): string {
  const from = slotDate(range.from)
  const to = slotDate(range.to)
  return formatTripSpan({ startDate: from.date, startHalf: from.half, endDate: to.date, endHalf: to.half })
}

interface OtherTrip {
  id: number
  code: string
  status: TripStatus
  range: SlotRange
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
}

export function checkTrip(ctx: ServiceContext, draft: TripDraft): TripCheck {
  const warnings: TripWarning[] = []
  const { db } = ctx
  const today = ctx.clock.today()
  const self = draft.originalCode
    ? db.select({ id: trips.id }).from(trips).where(eq(trips.code, draft.originalCode)).get()
    : undefined
  const code = draft.code?.trim().normalize('NFC')
  if (code && code !== draft.originalCode) {
    const taken = db
      .select({
        startDate: trips.startDate,
        endDate: trips.endDate,
        startHalf: trips.startHalf,
        endHalf: trips.endHalf
      })
      .from(trips)
      .where(eq(trips.code, code))
      .get()
    if (taken) {
      warnings.push({
        kind: 'code-taken',
        field: 'code',
        message: `Mã chuyến "${code}" đã có (chuyến ${formatTripSpan({ ...taken, startHalf: taken.startHalf as HalfDay, endHalf: taken.endHalf as HalfDay })}); hãy dùng mã khác.`,
        tripCode: code
      })
    }
  }

  const span = draftSpan(draft)
  if (!span) return { days: null, warnings }
  const range = tripSlots(span.startDate, span.startHalf, span.endDate, span.endHalf)
  const status = draft.status ?? 'DA_THUC_HIEN'

  const cadreCodes = (draft.cadreCodes ?? []).filter(Boolean)
  const people = cadreCodes.length
    ? db
        .select({
          id: cadres.id,
          code: cadres.code,
          fullName: cadres.fullName,
          serviceStart: cadres.serviceStart,
          serviceEnd: cadres.serviceEnd
        })
        .from(cadres)
        .where(inArray(cadres.code, cadreCodes))
        .all()
        .sort((a, b) => cadreCodes.indexOf(a.code) - cadreCodes.indexOf(b.code))
    : []

  warnings.push(...overlapWarnings(ctx, people, range, status, self?.id ?? null))

  for (const person of people) {
    const who = `${person.code} ${person.fullName}`
    const periods = db.select().from(exemptions).where(eq(exemptions.cadreId, person.id)).all()
    for (const period of periods) {
      if (isEmpty(intersect(range, daySpanSlots(period.fromDate, period.toDate)))) continue
      warnings.push({
        kind: 'exemption',
        field: 'cadreCodes',
        message:
          `Chuyến đi nằm trong kỳ miễn giảm của ${who} (${EXEMPTION_REASON_LABELS[period.reason as ExemptionReason]}, ` +
          `${formatDateVi(period.fromDate)}–${formatDateVi(period.toDate)}); ngày đi vẫn được tính.`
      })
    }
    const served = serviceClip(span.startDate, span.endDate, person.serviceStart, person.serviceEnd)
    if (!served || served.from !== span.startDate || served.to !== span.endDate) {
      const period =
        person.serviceStart && person.serviceEnd
          ? `từ ${formatDateVi(person.serviceStart)} đến ${formatDateVi(person.serviceEnd)}`
          : person.serviceStart
            ? `từ ${formatDateVi(person.serviceStart)}`
            : `đến ${formatDateVi(person.serviceEnd ?? '')}`
      warnings.push({
        kind: 'outside-service',
        field: 'cadreCodes',
        message: `Chuyến đi có ngày ngoài thời gian công tác của ${who} (công tác ${period}).`
      })
    }
  }

  const unitCodes = (draft.unitCodes ?? []).filter(Boolean)
  const places = unitCodes.length
    ? db
        .select({
          code: units.code,
          name: units.name,
          kind: units.kind,
          validFrom: units.validFrom,
          validTo: units.validTo
        })
        .from(units)
        .where(inArray(units.code, unitCodes))
        .all()
        .sort((a, b) => unitCodes.indexOf(a.code) - unitCodes.indexOf(b.code))
    : []
  for (const unit of places) {
    const valid =
      (unit.validFrom === null || span.startDate >= unit.validFrom) &&
      (unit.validTo === null || span.endDate <= unit.validTo)
    if (!valid) {
      const validity =
        unit.validFrom && unit.validTo
          ? `từ ${formatDateVi(unit.validFrom)} đến ${formatDateVi(unit.validTo)}`
          : unit.validFrom
            ? `từ ${formatDateVi(unit.validFrom)}`
            : `đến ${formatDateVi(unit.validTo ?? '')}`
      warnings.push({
        kind: 'unit-validity',
        field: 'unitCodes',
        message: `Đơn vị ${unit.code} – ${unit.name} chỉ có hiệu lực ${validity}; chuyến đi diễn ra ${formatTripSpan(span)}.`
      })
    }
    if (
      draft.kind === ('DU_SH_CHI_DOAN' satisfies ContentKind) &&
      unit.kind !== ('CHI_DOAN' satisfies UnitKind)
    ) {
      warnings.push({
        kind: 'chi-doan',
        field: 'kind',
        message: `Dự sinh hoạt chi đoàn nhưng đơn vị ${unit.code} – ${unit.name} là ${UNIT_KIND_LABELS[unit.kind as UnitKind].toLowerCase()}, không phải chi đoàn.`
      })
    }
  }

  const reportDate = draft.reportDate && isValidIsoDate(draft.reportDate) ? draft.reportDate : null
  const dueDays = getYearSettings(db, yearOf(span.endDate)).reportDueDays
  const late = reportOverdueDays({ status, endDate: span.endDate, reportDate }, today, dueDays)
  if (late > 0) {
    warnings.push({
      kind: 'report-overdue',
      field: 'reportDate',
      message: `Quá hạn báo cáo ${late} ngày: hạn nộp báo cáo là ${formatDateVi(reportDueDate(span.endDate, dueDays))} (${dueDays} ngày sau khi kết thúc).`
    })
  }
  if (reportDate && reportDate < span.startDate) {
    warnings.push({
      kind: 'report-before-trip',
      field: 'reportDate',
      message: `Ngày nộp báo cáo ${formatDateVi(reportDate)} trước ngày bắt đầu chuyến đi.`
    })
  }
  if (status === 'DU_KIEN' && span.endDate < today) {
    warnings.push({
      kind: 'planned-past',
      field: 'status',
      message: `Chuyến đi đã qua (kết thúc ${formatDateVi(span.endDate)}) mà vẫn là "Dự kiến": chưa được tính ngày.`
    })
  }
  if (isCountedStatus(status) && span.startDate > today) {
    warnings.push({
      kind: 'done-future',
      field: 'status',
      message: `Chuyến đi chưa diễn ra (bắt đầu ${formatDateVi(span.startDate)}) mà đã ghi "${TRIP_STATUS_LABELS[status]}".`
    })
  }
  return { days: slotCount(range) / 2, warnings }
}

/**
 * Other trips of the same cadres on the same half days: which days, and which trip keeps
 * them (attributeSlots over the cadre's counted trips, the unsaved one created last). Cadres
 * who share the same overlap with the same trip get one warning together.
 */
function overlapWarnings(
  ctx: ServiceContext,
  people: Array<{ id: number; code: string; fullName: string }>,
  range: SlotRange,
  status: TripStatus,
  selfId: number | null
): TripWarning[] {
  const draftKey = -1
  const grouped = new Map<string, { trip: OtherTrip; names: string[]; text: string }>()
  for (const person of people) {
    const others = cadreTripsAround(ctx, person.id, range, selfId)
    const overlapping = others.filter((o) => !isEmpty(intersect(o.range, range)))
    if (overlapping.length === 0) continue
    const competing = others.filter((o) => isCountedStatus(o.status))
    const owned = attributeSlots([
      ...competing.map((o) => ({ key: o.id, range: o.range, order: o.id })),
      ...(isCountedStatus(status) ? [{ key: draftKey, range, order: selfId ?? Number.MAX_SAFE_INTEGER }] : [])
    ])
    const codeOf = new Map(others.map((o) => [o.id, o.code]))
    for (const other of overlapping) {
      const shared = intersect(other.range, range)
      const text =
        isCountedStatus(status) && isCountedStatus(other.status)
          ? keeperWords(shared, owned, codeOf, draftKey)
          : `${slotRangeWords(shared)}: ${status === 'DU_KIEN' ? 'chuyến này' : `chuyến ${other.code}`} là dự kiến, chưa được tính ngày`
      const key = `${other.code}\u0000${text}`
      const entry = grouped.get(key)
      if (entry) entry.names.push(`${person.code} ${person.fullName}`)
      else grouped.set(key, { trip: other, names: [`${person.code} ${person.fullName}`], text })
    }
  }
  return [...grouped.values()].map(({ trip, names, text }) => ({
    kind: 'overlap' as const,
    field: 'cadreCodes' as const,
    tripCode: trip.code,
    message:
      `Trùng thời gian với chuyến ${trip.code} (${formatTripSpan(trip)}, ${TRIP_STATUS_LABELS[trip.status].toLowerCase()}) ` +
      `của ${names.join(', ')}: ${text}.`
  }))
}

/** "12/03/2025–13/03/2025 tính cho chuyến CD0012" for each run of shared slots with one keeper. */
function keeperWords(
  shared: SlotRange,
  owned: Map<number, SlotRange>,
  codeOf: Map<number, string>,
  draftKey: number
): string {
  const ownerOf = (slot: number): number | null => {
    for (const [key, r] of owned) if (slot >= r.from && slot <= r.to) return key
    return null
  }
  const runs: Array<{ range: SlotRange; owner: number | null }> = []
  for (let slot = shared.from; slot <= shared.to; slot++) {
    const owner = ownerOf(slot)
    const last = runs[runs.length - 1]
    if (last && last.owner === owner) last.range.to = slot
    else runs.push({ range: { from: slot, to: slot }, owner })
  }
  return runs
    .map(({ range, owner }) => {
      const keeper =
        owner === draftKey
          ? 'chuyến này'
          : owner === null
            ? 'không chuyến nào'
            : `chuyến ${codeOf.get(owner)}`
      return `${slotRangeWords(range)} (${formatDays(slotCount(range) / 2)} ngày) tính cho ${keeper}`
    })
    .join('; ')
}

/**
 * The cadre's trips that can decide who keeps the draft's slots: those touching its dates.
 * (The keeper of a slot is the first trip, by start then creation, containing it; trips that
 * do not contain any of the draft's slots cannot change that.)
 */
function cadreTripsAround(
  ctx: ServiceContext,
  cadreId: number,
  range: SlotRange,
  selfId: number | null
): OtherTrip[] {
  const from = fromDayNumber(Math.floor(range.from / 2))
  const to = fromDayNumber(Math.floor(range.to / 2))
  const conditions = [
    eq(tripParticipants.cadreId, cadreId),
    lte(trips.startDate, to),
    gte(trips.endDate, from)
  ]
  if (selfId !== null) conditions.push(ne(trips.id, selfId))
  return ctx.db
    .select({
      id: trips.id,
      code: trips.code,
      status: trips.status,
      startDate: trips.startDate,
      startHalf: trips.startHalf,
      endDate: trips.endDate,
      endHalf: trips.endHalf
    })
    .from(tripParticipants)
    .innerJoin(trips, eq(trips.id, tripParticipants.tripId))
    .where(and(...conditions))
    .all()
    .map((t) => {
      const startHalf = t.startHalf as HalfDay
      const endHalf = t.endHalf as HalfDay
      return {
        ...t,
        status: t.status as TripStatus,
        startHalf,
        endHalf,
        range: tripSlots(t.startDate, startHalf, t.endDate, endHalf)
      }
    })
}
