/**
 * The unit tree on any day (RULES.md §9). A unit exists on day D when validFrom ≤ D ≤ validTo
 * (null bounds are open); its parent on D is the parent of its latest move dated on or before
 * D, else the parent it was founded under (units.parentId). Since 01/07/2025 commune unions
 * sit directly under the Tỉnh đoàn while in 2024 they sat under their district union: the
 * offices still report on past years, so every day's tree must be rebuilt exactly, and every
 * screen, check and document asks this module instead of reading parentId directly.
 */
import { compareVietnamese } from './collation'
import { addDays, formatDateVi, type IsoDate } from './dates'
import type { UnitKind } from './kinds'

export interface UnitRecord {
  id: number
  code: string
  name: string
  kind: UnitKind
  /** The parent from the unit's start (null: directly under the issuing organisation). */
  parentId: number | null
  validFrom: IsoDate | null
  /** The last day of activity, inclusive; null while the unit still exists. */
  validTo: IsoDate | null
  mergedIntoId: number | null
}

export interface UnitMove {
  unitId: number
  /** Null: directly under the issuing organisation (top level). */
  parentId: number | null
  fromDate: IsoDate
}

/**
 * Stands for "before any recorded date": a unit without a start date has existed since then,
 * and its parent then is the one it was founded under. Lower than any date a clerk enters.
 */
export const BEGINNING: IsoDate = '0001-01-01'

/** The first day a unit exists (BEGINNING when it has no start date). */
export function startOf(unit: Pick<UnitRecord, 'validFrom'>): IsoDate {
  return unit.validFrom ?? BEGINNING
}

export function existsOn(unit: Pick<UnitRecord, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date <= unit.validTo)
  )
}

/** Closed for good before `date` (dissolved or merged; it will not come back). */
export function closedBefore(unit: Pick<UnitRecord, 'validTo'>, date: IsoDate): boolean {
  return unit.validTo !== null && unit.validTo < date
}

/** The unit's moves, oldest first (several units' moves may be passed: others are ignored). */
export function movesOf(unitId: number, moves: readonly UnitMove[]): UnitMove[] {
  return moves.filter((m) => m.unitId === unitId).sort((a, b) => a.fromDate.localeCompare(b.fromDate))
}

/** The parent of `unit` on `date`: its latest move on or before that day, else its founding parent. */
export function parentOn(
  unit: Pick<UnitRecord, 'id' | 'parentId'>,
  moves: readonly UnitMove[],
  date: IsoDate
): number | null {
  let best: UnitMove | null = null
  for (const move of moves) {
    if (move.unitId !== unit.id || move.fromDate > date) continue
    if (best === null || move.fromDate > best.fromDate) best = move
  }
  return best ? best.parentId : unit.parentId
}

export interface ParentPeriod {
  parentId: number | null
  /** First day under this parent (the unit's start, BEGINNING when it has none). */
  from: IsoDate
  /** Last day under this parent (null: still, or up to the unit's open end). */
  to: IsoDate | null
}

/**
 * Who the unit was under, period by period, inside its own validity. Consecutive periods with
 * the same parent are one period; moves outside the validity are ignored.
 */
export function parentPeriods(unit: UnitRecord, moves: readonly UnitMove[]): ParentPeriod[] {
  const start = startOf(unit)
  const periods: ParentPeriod[] = [{ parentId: unit.parentId, from: start, to: unit.validTo }]
  for (const move of movesOf(unit.id, moves)) {
    if (unit.validTo !== null && move.fromDate > unit.validTo) break
    const last = periods[periods.length - 1]!
    if (move.fromDate <= start) {
      // A move on (or before) the first day replaces the founding parent.
      last.parentId = move.parentId
      continue
    }
    if (move.parentId === last.parentId) continue
    last.to = addDays(move.fromDate, -1)
    periods.push({ parentId: move.parentId, from: move.fromDate, to: unit.validTo })
  }
  return periods
}

export interface UnitTreeNode<U extends UnitRecord = UnitRecord> {
  unit: U
  /** The parent on the tree's day (for a closed unit shown greyed: on its last day). */
  parentId: number | null
  /** Not existing on the tree's day any more (shown only when closed units are asked for). */
  closed: boolean
  /** Its parent on that day is not in the tree (data to fix): the unit is shown at the top level. */
  parentMissing: boolean
  children: UnitTreeNode<U>[]
}

export interface TreeOptions {
  /** Also show the units closed before the day, each under its parent on its last day. */
  includeClosed?: boolean
}

/** Units of one level: by name in Vietnamese order, then by code (two units may share a name). */
export function compareUnits(
  a: Pick<UnitRecord, 'name' | 'code'>,
  b: Pick<UnitRecord, 'name' | 'code'>
): number {
  return compareVietnamese(a.name, b.name) || compareVietnamese(a.code, b.code)
}

/**
 * The tree on `date`: the units existing that day, each under its parent that day, children in
 * Vietnamese name order; the top level (no parent) first in the returned list's order. Units
 * not founded yet never appear. A parent chain that loops (bad data) is cut where it loops,
 * so the tree is always a tree.
 */
export function unitTreeOn<U extends UnitRecord>(
  units: readonly U[],
  moves: readonly UnitMove[],
  date: IsoDate,
  options: TreeOptions = {}
): UnitTreeNode<U>[] {
  const nodes = new Map<number, UnitTreeNode<U>>()
  const index = indexMoves(moves)
  for (const unit of units) {
    const exists = existsOn(unit, date)
    if (!exists && !(options.includeClosed && closedBefore(unit, date))) continue
    // A closed unit sits where it was on its last day.
    const day = exists ? date : (unit.validTo as IsoDate)
    nodes.set(unit.id, {
      unit,
      parentId: parentFrom(index, unit, day),
      closed: !exists,
      parentMissing: false,
      children: []
    })
  }
  const roots: UnitTreeNode<U>[] = []
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId)
    if (node.parentId !== null && (!parent || loopsBack(nodes, node))) {
      node.parentMissing = true
      roots.push(node)
    } else if (parent) parent.children.push(node)
    else roots.push(node)
  }
  const sort = (list: UnitTreeNode<U>[]) => {
    list.sort((a, b) => compareUnits(a.unit, b.unit))
    for (const n of list) sort(n.children)
  }
  sort(roots)
  return roots
}

/** True when following parents from `node` comes back to it (only the first node of a loop is cut). */
function loopsBack<U extends UnitRecord>(
  nodes: Map<number, UnitTreeNode<U>>,
  node: UnitTreeNode<U>
): boolean {
  const seen = new Set<number>([node.unit.id])
  let current = node.parentId
  while (current !== null) {
    if (seen.has(current)) return current === node.unit.id
    seen.add(current)
    const next = nodes.get(current)
    if (!next || next.parentMissing) return false
    current = next.parentId
  }
  return false
}

export interface FlatTreeRow<N> {
  node: N
  depth: number
}

/**
 * Depth-first rows for a list screen; the children of a node `isCollapsed` accepts are left
 * out. Works on the domain's nodes and on the API's tree alike.
 */
export function flattenTree<N extends { children: readonly N[] }>(
  roots: readonly N[],
  isCollapsed: (node: N) => boolean = () => false
): FlatTreeRow<N>[] {
  const rows: FlatTreeRow<N>[] = []
  const walk = (list: readonly N[], depth: number) => {
    for (const node of list) {
      rows.push({ node, depth })
      if (!isCollapsed(node)) walk(node.children, depth + 1)
    }
  }
  walk(roots, 0)
  return rows
}

/**
 * The tree cut down to the units `keep` accepts and their ancestors (so a match is always
 * shown where it sits). A kept unit keeps only its kept descendants.
 */
export function pruneTree<N extends { children: readonly N[] }>(
  roots: readonly N[],
  keep: (node: N) => boolean
): N[] {
  const out: N[] = []
  for (const node of roots) {
    const children = pruneTree(node.children, keep)
    if (children.length > 0 || keep(node)) out.push({ ...node, children })
  }
  return out
}

/** The parent chain from `unitId` on `date` (nearest first), or the loop when it comes back. */
export function ancestorsOn(
  units: readonly UnitRecord[],
  moves: readonly UnitMove[],
  unitId: number,
  date: IsoDate
): { chain: UnitRecord[]; loop: boolean } {
  const byId = new Map(units.map((u) => [u.id, u]))
  const chain: UnitRecord[] = []
  const seen = new Set<number>([unitId])
  const self = byId.get(unitId)
  let current = self ? parentOn(self, moves, date) : null
  while (current !== null) {
    const parent = byId.get(current)
    if (!parent) break
    chain.push(parent)
    if (seen.has(current)) return { chain, loop: true }
    seen.add(current)
    current = parentOn(parent, moves, date)
  }
  return { chain, loop: false }
}

/** Each unit's moves, oldest first: what tree-wide walks use instead of scanning every move. */
function indexMoves(moves: readonly UnitMove[]): Map<number, UnitMove[]> {
  const index = new Map<number, UnitMove[]>()
  for (const move of moves) {
    const list = index.get(move.unitId)
    if (list) list.push(move)
    else index.set(move.unitId, [move])
  }
  for (const list of index.values()) list.sort((a, b) => a.fromDate.localeCompare(b.fromDate))
  return index
}

/** parentOn with the moves indexed by unit (same answer, without scanning every move). */
function parentFrom(
  index: ReadonlyMap<number, UnitMove[]>,
  unit: Pick<UnitRecord, 'id' | 'parentId'>,
  date: IsoDate
): number | null {
  let parent = unit.parentId
  for (const move of index.get(unit.id) ?? []) {
    if (move.fromDate > date) break
    parent = move.parentId
  }
  return parent
}

/**
 * The first day from `from` on (at a day where some parent changes) on which a parent chain
 * loops, with the loop (its first unit repeated at the end); null when the tree stays a tree.
 * Checked on every day the tree can change shape, so a move dated later cannot make a loop
 * unseen. Linear in the units per day checked, so a thousand units stay instant.
 */
export function firstLoop(
  units: readonly UnitRecord[],
  moves: readonly UnitMove[],
  from: IsoDate = BEGINNING
): { date: IsoDate; units: UnitRecord[] } | null {
  const byId = new Map(units.map((u) => [u.id, u]))
  const index = indexMoves(moves)
  const days = new Set<IsoDate>([from])
  for (const m of moves) if (m.fromDate >= from) days.add(m.fromDate)
  for (const u of units) if (u.validFrom !== null && u.validFrom >= from) days.add(u.validFrom)
  for (const date of [...days].sort()) {
    const parent = new Map(units.map((u) => [u.id, parentFrom(index, u, date)]))
    // Walk each chain once: 'open' while on the current path, 'done' once known loop-free.
    const state = new Map<number, 'open' | 'done'>()
    for (const unit of units) {
      if (!existsOn(unit, date) || state.has(unit.id)) continue
      const path: number[] = []
      let current: number | null = unit.id
      while (current !== null && byId.has(current) && !state.has(current)) {
        state.set(current, 'open')
        path.push(current)
        current = parent.get(current) ?? null
      }
      if (current !== null && state.get(current) === 'open') {
        const loop = path.slice(path.indexOf(current)).map((id) => byId.get(id)!)
        return { date, units: [...loop, loop[0]!] }
      }
      for (const id of path) state.set(id, 'done')
    }
  }
  return null
}

export interface ChildPeriod {
  child: UnitRecord
  /** The part of the child's life under the parent that falls outside the checked range. */
  from: IsoDate
  to: IsoDate | null
}

/**
 * Units that would sit under `parentId` on a day it does not exist if it lived only from
 * `from` to `to` (inclusive; null = open): what closing, merging or shortening a unit must
 * not leave behind. Each child is named once, with its first such stretch.
 */
export function childrenOutside(
  units: readonly UnitRecord[],
  moves: readonly UnitMove[],
  parentId: number,
  from: IsoDate,
  to: IsoDate | null
): ChildPeriod[] {
  const out: ChildPeriod[] = []
  for (const child of units) {
    if (child.id === parentId) continue
    for (const period of parentPeriods(child, moves)) {
      if (period.parentId !== parentId) continue
      if (period.from < from) {
        out.push({
          child,
          from: period.from,
          to: period.to !== null && period.to < from ? period.to : addDays(from, -1)
        })
        break
      }
      if (to !== null && (period.to === null || period.to > to)) {
        out.push({ child, from: period.from > to ? period.from : addDays(to, 1), to: period.to })
        break
      }
    }
  }
  return out.sort((a, b) => compareUnits(a.child, b.child))
}

/** A unit named in words, so a screen can link it. */
export interface UnitRef {
  code: string
  name: string
}

/** A sentence of the unit's history: text with unit names a screen may turn into links. */
export type HistoryWords = Array<string | UnitRef>

export interface HistoryLine {
  /** The day the line is about (for ordering and the date column); null when unknown. */
  date: IsoDate | null
  words: HistoryWords
}

export interface HistoryInput {
  unit: UnitRecord
  moves: readonly UnitMove[]
  /** Every unit the history may name (parents, the unit merged into, the ones merged in). */
  units: readonly UnitRecord[]
}

const TOP_LEVEL = 'ở cấp cao nhất (không có đơn vị cấp trên)'

/**
 * The unit's life in the clerk's words, oldest first:
 * "Thành lập 01/07/2025"; "Trực thuộc Huyện đoàn Đức Trọng đến 30/06/2025, từ 01/07/2025
 * trực thuộc Tỉnh đoàn Lâm Đồng"; "Các đơn vị đã sáp nhập vào: …"; "Sáp nhập vào Đoàn xã
 * Đức Trọng từ 01/07/2025" or "Ngừng hoạt động, ngày cuối hoạt động 30/06/2025".
 */
export function unitHistory({ unit, moves, units }: HistoryInput): HistoryLine[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  const lines: HistoryLine[] = []
  lines.push(
    unit.validFrom
      ? { date: unit.validFrom, words: [`Thành lập ${formatDateVi(unit.validFrom)}`] }
      : { date: null, words: ['Hoạt động từ trước khi có dữ liệu (không ghi ngày thành lập)'] }
  )

  const periods = parentPeriods(unit, moves)
  const words: HistoryWords = []
  periods.forEach((p, i) => {
    const parent = p.parentId === null ? null : byId.get(p.parentId)
    const under: HistoryWords =
      p.parentId === null
        ? [TOP_LEVEL]
        : [
            'trực thuộc ',
            parent ? { code: parent.code, name: parent.name } : 'một đơn vị không còn trong dữ liệu'
          ]
    if (i > 0) words.push(`, từ ${formatDateVi(p.from)} `)
    words.push(...under)
    if (i < periods.length - 1 && p.to !== null) words.push(` đến ${formatDateVi(p.to)}`)
  })
  const first = words[0]
  if (typeof first === 'string') words[0] = first.charAt(0).toUpperCase() + first.slice(1)
  lines.push({ date: unit.validFrom, words: mergeText(words) })

  const absorbed = units
    .filter((u) => u.mergedIntoId === unit.id && u.id !== unit.id)
    .sort((a, b) => (a.validTo ?? '').localeCompare(b.validTo ?? '') || compareUnits(a, b))
  if (absorbed.length > 0) {
    const list: HistoryWords = ['Các đơn vị đã sáp nhập vào: ']
    absorbed.forEach((u, i) => {
      if (i > 0) list.push(', ')
      list.push({ code: u.code, name: u.name })
      if (u.validTo) list.push(` (từ ${formatDateVi(addDays(u.validTo, 1))})`)
    })
    const firstDay = absorbed[0]?.validTo ? addDays(absorbed[0].validTo, 1) : null
    lines.push({ date: firstDay, words: mergeText(list) })
  }

  if (unit.validTo !== null) {
    const target = unit.mergedIntoId === null ? undefined : byId.get(unit.mergedIntoId)
    lines.push(
      target
        ? {
            date: addDays(unit.validTo, 1),
            words: [
              'Sáp nhập vào ',
              { code: target.code, name: target.name },
              ` từ ${formatDateVi(addDays(unit.validTo, 1))}`
            ]
          }
        : {
            date: unit.validTo,
            words: [`Ngừng hoạt động, ngày cuối hoạt động ${formatDateVi(unit.validTo)}`]
          }
    )
  }
  return lines
}

/** Adjacent text pieces joined, so a sentence reads (and compares) as one string between links. */
function mergeText(words: HistoryWords): HistoryWords {
  const out: HistoryWords = []
  for (const w of words) {
    const last = out[out.length - 1]
    if (typeof w === 'string' && typeof last === 'string') out[out.length - 1] = last + w
    else out.push(w)
  }
  return out
}

/** A history line as plain text ("Trực thuộc Huyện đoàn Đức Trọng đến 30/06/2025, …"). */
export function historyText(words: HistoryWords): string {
  return words.map((w) => (typeof w === 'string' ? w : w.name)).join('')
}

/** "01/07/2025 – 30/06/2026", "từ 01/07/2025", "đến 30/06/2025", or "" when both are open. */
export function validityText(validFrom: IsoDate | null, validTo: IsoDate | null): string {
  if (validFrom && validTo) return `${formatDateVi(validFrom)} – ${formatDateVi(validTo)}`
  if (validFrom) return `từ ${formatDateVi(validFrom)}`
  if (validTo) return `đến ${formatDateVi(validTo)}`
  return ''
}
