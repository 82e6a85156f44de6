/**
 * What an import would do: each workbook row compared with the database by its code (add,
 * update, unchanged), every changed field in the clerk's words, and the warnings that do not
 * stop an import (an existing code given another name, overlapping trips of one cadre, a trip
 * in an exemption period, a unit not valid on the trip's dates).
 *
 * Warnings look at the database as it would be after the import, but only name situations
 * that involve at least one row of the workbook: old data is not re-reported on every import.
 */
import type { FieldChange, ImportIssue, RowAdded, RowChange, SheetCounts } from '../../../shared/api/workbook'
import { formatDateVi } from '../../../shared/domain/dates'
import {
  CONTENT_KIND_LABELS,
  EXEMPTION_REASON_LABELS,
  HALF_DAY_LABELS,
  type HalfDay
} from '../../../shared/domain/kinds'
import { daySpanSlots, intersect, isEmpty, tripSlots, type SlotRange } from '../../../shared/domain/slots'
import { makeIssue } from './issues'
import type { Snapshot } from './snapshot'
import {
  CADRE_SHEET,
  EXEMPTION_SHEET,
  SHEET_SPECS,
  sheetSpecOf,
  TRIP_SHEET,
  UNIT_SHEET,
  type ColumnSpec
} from './spec'
import { isRename } from './text'
import type {
  CadreRow,
  DepartmentRow,
  ExemptionRow,
  OrganisationRow,
  SignerRow,
  TripRow,
  UnitRow,
  WorkbookData,
  WorkbookEntity
} from './types'
import { WORKBOOK_ENTITIES } from './types'
import { displayValue } from './values'
import { exemptionKey, type AbsentColumns, type RowNumbers } from './validate'

export type RowAction = 'add' | 'update' | 'unchanged'

export interface PlannedRow<T> {
  row: T
  /** Excel row of the workbook; null for a stored row the import changes as a consequence. */
  rowNumber: number | null
  action: RowAction
  /** The database row before the import (null for an added row). */
  old: T | null
}

interface PlannedRows {
  departments: PlannedRow<DepartmentRow>[]
  units: PlannedRow<UnitRow>[]
  cadres: PlannedRow<CadreRow>[]
  exemptions: PlannedRow<ExemptionRow>[]
  trips: PlannedRow<TripRow>[]
  organisation: PlannedRow<OrganisationRow>[]
  signers: PlannedRow<SignerRow>[]
}

export interface ImportPlan extends PlannedRows {
  counts: SheetCounts[]
  added: RowAdded[]
  changes: RowChange[]
  warnings: ImportIssue[]
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
  return (a ?? null) === (b ?? null)
}

/** Field by field, so the key order of rows built in code does not matter. */
export function sameRow(a: object, b: object): boolean {
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = new Set([...Object.keys(left), ...Object.keys(right)])
  return [...keys].every((key) => sameValue(left[key], right[key]))
}

function planRows<T extends object>(
  rows: T[],
  rowNumbers: number[],
  absent: string[],
  existing: T[],
  keyOf: (row: T) => string
): PlannedRow<T>[] {
  const byKey = new Map(existing.map((row) => [keyOf(row), row]))
  return rows.map((given, i) => {
    const old = byKey.get(keyOf(given)) ?? null
    // A column the sheet does not have says nothing about that field: keep what is stored
    // (a cadre list without "Ngày sinh" must not erase birth dates).
    const kept =
      old === null
        ? {}
        : Object.fromEntries(absent.map((key) => [key, (old as Record<string, unknown>)[key]]))
    const row = { ...given, ...kept } as T
    const action: RowAction = old === null ? 'add' : sameRow(old, row) ? 'unchanged' : 'update'
    return { row, rowNumber: rowNumbers[i] ?? i + 2, action, old }
  })
}

/**
 * Signers by name. The one marked "Có" in "Mặc định" becomes the only default: a stored
 * default signer the sheet does not list stops being it (an update of that row too).
 */
function planSigners(snapshot: Snapshot, data: WorkbookData, rowNumbers: RowNumbers, absent: AbsentColumns) {
  const planned = planRows(
    data.signers,
    rowNumbers.signers,
    absent.signers,
    snapshot.data.signers,
    (r) => r.fullName
  )
  if (!planned.some((p) => p.row.isDefault)) return planned
  const listed = new Set(planned.map((p) => p.row.fullName))
  const cleared = snapshot.data.signers
    .filter((s) => s.isDefault && !listed.has(s.fullName))
    .map((old): PlannedRow<SignerRow> => ({
      row: { ...old, isDefault: false },
      rowNumber: null,
      action: 'update',
      old
    }))
  return [...planned, ...cleared]
}

function countsOf(plan: PlannedRows): SheetCounts[] {
  return SHEET_SPECS.map((spec) => {
    const rows: PlannedRow<unknown>[] = plan[spec.entity]
    const count = (action: RowAction) => rows.filter((r) => r.action === action).length
    return { sheet: spec.sheet, add: count('add'), update: count('update'), unchanged: count('unchanged') }
  })
}

/** "10/03/2025–13/03/2025", "20/08/2025 (chiều)", "09/09/2025 (chiều)–10/09/2025". */
export function describeTripSpan(
  trip: Pick<TripRow, 'startDate' | 'startHalf' | 'endDate' | 'endHalf'>
): string {
  const half = (h: HalfDay) => HALF_DAY_LABELS[h].toLowerCase()
  if (trip.startDate === trip.endDate) {
    const day = formatDateVi(trip.startDate)
    return trip.startHalf === trip.endHalf ? `${day} (${half(trip.startHalf)})` : day
  }
  const start = formatDateVi(trip.startDate) + (trip.startHalf === 'CHIEU' ? ' (chiều)' : '')
  const end = formatDateVi(trip.endDate) + (trip.endHalf === 'SANG' ? ' (sáng)' : '')
  return `${start}–${end}`
}

function describeValidity(unit: UnitRow): string {
  if (unit.validFrom && unit.validTo)
    return `từ ${formatDateVi(unit.validFrom)} đến ${formatDateVi(unit.validTo)}`
  if (unit.validFrom) return `từ ${formatDateVi(unit.validFrom)}`
  return `đến ${formatDateVi(unit.validTo ?? '')}`
}

interface FinalTrip {
  row: TripRow
  /** Null when the trip is only in the database. */
  rowNumber: number | null
  /** Creation order: database trips in id order, then the workbook's new trips in row order. */
  order: number
  range: SlotRange
}

interface FinalExemption {
  row: ExemptionRow
  rowNumber: number | null
}

/** The trips and exemptions as they will be once the import is written. */
function finalState(snapshot: Snapshot, plan: PlannedRows) {
  const planned = new Map(plan.trips.map((p) => [p.row.code, p]))
  const trips: FinalTrip[] = snapshot.data.trips.map((row, order) => {
    const p = planned.get(row.code)
    const final = p ? p.row : row
    return { row: final, rowNumber: p ? p.rowNumber : null, order, range: rangeOf(final) }
  })
  for (const p of plan.trips) {
    if (p.action === 'add')
      trips.push({ row: p.row, rowNumber: p.rowNumber, order: trips.length, range: rangeOf(p.row) })
  }

  const plannedExemptions = new Set(plan.exemptions.map((p) => exemptionKey(p.row)))
  const exemptions: FinalExemption[] = [
    ...snapshot.data.exemptions
      .filter((e) => !plannedExemptions.has(exemptionKey(e)))
      .map((row) => ({ row, rowNumber: null })),
    ...plan.exemptions.map((p) => ({ row: p.row, rowNumber: p.rowNumber as number | null }))
  ]

  const cadres = new Map(snapshot.data.cadres.map((c) => [c.code, c]))
  for (const p of plan.cadres) cadres.set(p.row.code, p.row)
  const units = new Map(
    snapshot.data.units.map((u) => [u.code, { row: u, rowNumber: null as number | null }])
  )
  for (const p of plan.units) units.set(p.row.code, { row: p.row, rowNumber: p.rowNumber })
  return { trips, exemptions, cadres, units }
}

function rangeOf(trip: TripRow): SlotRange {
  return tripSlots(trip.startDate, trip.startHalf, trip.endDate, trip.endHalf)
}

function warningsOf(snapshot: Snapshot, plan: PlannedRows): ImportIssue[] {
  const state = finalState(snapshot, plan)
  const warnings: ImportIssue[] = []
  const cadreName = (code: string) => {
    const cadre = state.cadres.get(code)
    return cadre ? `${code} – ${cadre.fullName}` : code
  }

  // Overlapping trips of one cadre: sweep each cadre's trips in (start, creation) order, the
  // order in which RULES.md §3 gives the shared slots to the earlier trip.
  const tripsByCadre = new Map<string, FinalTrip[]>()
  for (const trip of state.trips) {
    for (const code of trip.row.cadreCodes) {
      const list = tripsByCadre.get(code)
      if (list) list.push(trip)
      else tripsByCadre.set(code, [trip])
    }
  }
  const overlaps = new Map<string, { earlier: FinalTrip; later: FinalTrip; cadres: string[] }>()
  for (const [cadreCode, list] of tripsByCadre) {
    list.sort((a, b) => a.range.from - b.range.from || a.order - b.order)
    let active: FinalTrip[] = []
    for (const trip of list) {
      active = active.filter((a) => a.range.to >= trip.range.from)
      for (const earlier of active) {
        if (earlier.rowNumber === null && trip.rowNumber === null) continue
        const key = `${earlier.row.code}\u0000${trip.row.code}`
        const entry = overlaps.get(key)
        if (entry) entry.cadres.push(cadreCode)
        else overlaps.set(key, { earlier, later: trip, cadres: [cadreCode] })
      }
      active.push(trip)
    }
  }
  for (const { earlier, later, cadres } of overlaps.values()) {
    const row = later.rowNumber ?? earlier.rowNumber
    const message =
      `cán bộ ${cadres.map(cadreName).join(', ')} có chuyến ${later.row.code} (${describeTripSpan(later.row)}) ` +
      `trùng thời gian với chuyến ${earlier.row.code} (${describeTripSpan(earlier.row)}); ` +
      `phần trùng chỉ được tính một lần, cho chuyến ${earlier.row.code}`
    warnings.push(makeIssue(TRIP_SHEET.sheet, row, null, message, 'overlap'))
  }

  // A trip during an exemption period of one of its participants.
  const exemptionsByCadre = new Map<string, FinalExemption[]>()
  for (const e of state.exemptions) {
    const list = exemptionsByCadre.get(e.row.cadreCode)
    if (list) list.push(e)
    else exemptionsByCadre.set(e.row.cadreCode, [e])
  }
  for (const trip of state.trips) {
    for (const code of trip.row.cadreCodes) {
      for (const exemption of exemptionsByCadre.get(code) ?? []) {
        if (trip.rowNumber === null && exemption.rowNumber === null) continue
        if (isEmpty(intersect(trip.range, daySpanSlots(exemption.row.from, exemption.row.to)))) continue
        const period = `${formatDateVi(exemption.row.from)}–${formatDateVi(exemption.row.to)}`
        const message =
          `chuyến ${trip.row.code} (${describeTripSpan(trip.row)}) diễn ra trong kỳ miễn giảm của cán bộ ` +
          `${cadreName(code)} (${EXEMPTION_REASON_LABELS[exemption.row.reason]}, ${period})`
        warnings.push(
          trip.rowNumber !== null
            ? makeIssue(TRIP_SHEET.sheet, trip.rowNumber, 'Cán bộ tham gia', message, 'exemption')
            : makeIssue(EXEMPTION_SHEET.sheet, exemption.rowNumber, null, message, 'exemption')
        )
      }
    }
  }

  // A unit visited outside its validity dates (a district union after it closed ...).
  for (const trip of state.trips) {
    for (const code of trip.row.unitCodes) {
      const unit = state.units.get(code)
      if (!unit || (trip.rowNumber === null && unit.rowNumber === null)) continue
      const { validFrom, validTo } = unit.row
      const valid =
        (validFrom === null || trip.row.startDate >= validFrom) &&
        (validTo === null || trip.row.endDate <= validTo)
      if (valid) continue
      const subject = `đơn vị ${code} – ${unit.row.name} chỉ có hiệu lực ${describeValidity(unit.row)}`
      const message = `${subject}, chuyến ${trip.row.code} diễn ra ${describeTripSpan(trip.row)}`
      const issue =
        trip.rowNumber !== null
          ? makeIssue(TRIP_SHEET.sheet, trip.rowNumber, 'Mã đơn vị', message, 'unit-validity')
          : makeIssue(UNIT_SHEET.sheet, unit.rowNumber, null, message, 'unit-validity')
      warnings.push({ ...issue, subject })
    }
  }
  return [...renameWarnings(plan), ...warnings]
}

/**
 * An update that gives an existing code another name: a workbook of another office, or a
 * shifted column, shows up here before it overwrites anything (text.ts isRename says what a
 * different name is).
 */
function renameWarnings(plan: PlannedRows): ImportIssue[] {
  const warnings: ImportIssue[] = []
  for (const p of plan.cadres) {
    if (p.action !== 'update' || !p.old || !isRename(p.old.fullName, p.row.fullName)) continue
    warnings.push(
      makeIssue(
        CADRE_SHEET.sheet,
        p.rowNumber,
        'Họ và tên',
        `mã ${p.row.code} đang là cán bộ "${p.old.fullName}", tệp ghi "${p.row.fullName}"`,
        'rename'
      )
    )
  }
  for (const p of plan.units) {
    if (p.action !== 'update' || !p.old || !isRename(p.old.name, p.row.name)) continue
    warnings.push(
      makeIssue(
        UNIT_SHEET.sheet,
        p.rowNumber,
        'Tên đơn vị',
        `mã ${p.row.code} đang là đơn vị "${p.old.name}", tệp ghi "${p.row.name}"`,
        'rename'
      )
    )
  }
  return warnings
}

const oneLine = (text: string) => text.replace(/\n/g, ' ')

/** The code and the name a row is shown with in the preview (`names` resolves cadre codes). */
function describeRow(
  entity: WorkbookEntity,
  row: unknown,
  cadreNames: ReadonlyMap<string, string>
): { key: string; label: string } {
  switch (entity) {
    case 'departments':
    case 'units': {
      const r = row as DepartmentRow | UnitRow
      return { key: r.code, label: r.name }
    }
    case 'cadres': {
      const r = row as CadreRow
      return { key: r.code, label: r.fullName }
    }
    case 'exemptions': {
      const r = row as ExemptionRow
      const name = cadreNames.get(r.cadreCode)
      return {
        key: `${r.cadreCode} từ ${formatDateVi(r.from)}`,
        label: [name, EXEMPTION_REASON_LABELS[r.reason]].filter(Boolean).join(', ')
      }
    }
    case 'trips': {
      const r = row as TripRow
      return { key: r.code, label: `${describeTripSpan(r)}, ${CONTENT_KIND_LABELS[r.kind]}` }
    }
    case 'organisation': {
      const r = row as OrganisationRow
      return { key: oneLine(r.issuerName), label: `nhiệm kỳ ${r.congressTerm}` }
    }
    case 'signers': {
      const r = row as SignerRow
      return { key: r.fullName, label: r.position }
    }
  }
}

/** Every column whose value differs, in sheet order, as the sheet shows it. */
function fieldChanges(entity: WorkbookEntity, old: object, row: object): FieldChange[] {
  const before = old as Record<string, unknown>
  const after = row as Record<string, unknown>
  const columns = sheetSpecOf(entity).columns as ColumnSpec<unknown>[]
  return columns
    .filter((c) => !sameValue(before[c.key], after[c.key]))
    .map((c) => ({
      column: c.header,
      old: displayValue(c, before[c.key]),
      new: displayValue(c, after[c.key])
    }))
}

function describeChanges(snapshot: Snapshot, plan: PlannedRows): { added: RowAdded[]; changes: RowChange[] } {
  const cadreNames = new Map(snapshot.data.cadres.map((c) => [c.code, c.fullName]))
  for (const p of plan.cadres) cadreNames.set(p.row.code, p.row.fullName)
  const added: RowAdded[] = []
  const changes: RowChange[] = []
  for (const entity of WORKBOOK_ENTITIES) {
    const sheet = sheetSpecOf(entity).sheet
    const rows: PlannedRow<object>[] = plan[entity]
    for (const p of rows) {
      if (p.action === 'add') {
        added.push({ sheet, ...describeRow(entity, p.row, cadreNames), row: p.rowNumber })
      } else if (p.action === 'update' && p.old) {
        // An update is named as the database knows it (a rename shows its old name first).
        const { key, label } = describeRow(entity, p.old, cadreNames)
        changes.push({ sheet, key, label, row: p.rowNumber, fields: fieldChanges(entity, p.old, p.row) })
      }
    }
  }
  return { added, changes }
}

export function planImport(
  snapshot: Snapshot,
  data: WorkbookData,
  rowNumbers: RowNumbers,
  absent: AbsentColumns
): ImportPlan {
  const existing = snapshot.data
  const rows: PlannedRows = {
    departments: planRows(
      data.departments,
      rowNumbers.departments,
      absent.departments,
      existing.departments,
      (r) => r.code
    ),
    units: planRows(data.units, rowNumbers.units, absent.units, existing.units, (r) => r.code),
    cadres: planRows(data.cadres, rowNumbers.cadres, absent.cadres, existing.cadres, (r) => r.code),
    exemptions: planRows(
      data.exemptions,
      rowNumbers.exemptions,
      absent.exemptions,
      existing.exemptions,
      exemptionKey
    ),
    trips: planRows(data.trips, rowNumbers.trips, absent.trips, existing.trips, (r) => r.code),
    // One organisation: the sheet's row replaces the stored one, whatever its name.
    organisation: planRows(
      data.organisation.slice(0, 1),
      rowNumbers.organisation,
      absent.organisation,
      existing.organisation,
      () => 'organisation'
    ),
    signers: planSigners(snapshot, data, rowNumbers, absent)
  }
  return {
    ...rows,
    counts: countsOf(rows),
    ...describeChanges(snapshot, rows),
    warnings: warningsOf(snapshot, rows)
  }
}

/** Number of rows the import would insert or update. */
export function changeCount(plan: ImportPlan): number {
  return plan.counts.reduce((sum, c) => sum + c.add + c.update, 0)
}
