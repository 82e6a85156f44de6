/**
 * The units domain: the unit tree of any day, a unit's record with its history, and the
 * writes that change the tree (add, edit, close, merge, move). Fields are labelled as in the
 * workbook's "Đơn vị" sheet; every message is Vietnamese and names its field.
 */
import { z } from 'zod'
import type { IsoDate } from '../domain/dates'
import { UNIT_KINDS, type UnitKind } from '../domain/kinds'
import type { HistoryLine, UnitRef } from '../domain/units'
import type { Saved } from './history'
import { returns } from './returns'
import { code, isoDate } from './schemas'

export type { HistoryLine, HistoryWords, UnitRef } from '../domain/units'

export const unitCodeSchema = code('đơn vị')

const unitKindSchema = z.enum(UNIT_KINDS, { message: 'Loại: hãy chọn một loại đơn vị trong danh sách.' })

/** A unit chosen in a list, or none: the form's empty choice ("") means none (null). */
const optionalUnitCode = (what: string) =>
  z.union([z.literal('').transform(() => null), code(what)]).nullable()

const unitName = z
  .string({ message: 'Tên đơn vị phải là chữ.' })
  .trim()
  .min(1, 'Thiếu tên đơn vị.')
  .max(200, 'Tên đơn vị quá dài (tối đa 200 ký tự).')
  .normalize('NFC')

const unitFields = z.object({
  code: unitCodeSchema,
  name: unitName,
  kind: unitKindSchema,
  /** "Mã đơn vị cấp trên": the parent from the unit's start (Hiệu lực từ). */
  parentCode: optionalUnitCode('đơn vị cấp trên'),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable()
})

const validRange = (u: { validFrom: string | null; validTo: string | null }) =>
  u.validFrom === null || u.validTo === null || u.validFrom <= u.validTo
const validRangeMessage = {
  message: 'Hiệu lực đến không được trước Hiệu lực từ.',
  path: ['validTo']
}

/** "Thêm đơn vị": the columns of the workbook's "Đơn vị" sheet. */
export const unitCreateSchema = unitFields.refine(validRange, validRangeMessage)

/** "Sửa đơn vị": the same fields; `originalCode` says which unit (the code itself may be corrected). */
export const unitUpdateSchema = unitFields
  .extend({ originalCode: unitCodeSchema })
  .refine(validRange, validRangeMessage)

/** "Ngừng hoạt động": the last day the unit works (inclusive, like Hiệu lực đến). */
export const unitCloseSchema = z.object({ code: unitCodeSchema, lastDay: isoDate })

/** "Chuyển đơn vị cấp trên": from `fromDate` on, the unit sits under `parentCode` (null: top level). */
export const unitMoveSchema = z.object({
  code: unitCodeSchema,
  parentCode: optionalUnitCode('đơn vị cấp trên mới'),
  fromDate: isoDate
})

export const unitMoveDeleteSchema = z.object({ code: unitCodeSchema, fromDate: isoDate })

export const MERGE_TARGETS = ['existing', 'new'] as const
export type MergeTarget = (typeof MERGE_TARGETS)[number]

/**
 * "Sáp nhập đơn vị": from `fromDate` the sources end (their last day is the day before) and
 * point to the target, an existing unit or a new one created in the same write.
 */
export const unitMergeSchema = z
  .object({
    sourceCodes: z
      .array(code('đơn vị bị sáp nhập'), { message: 'Chọn các đơn vị bị sáp nhập.' })
      .min(1, 'Chọn ít nhất một đơn vị bị sáp nhập.')
      .max(200, 'Sáp nhập tối đa 200 đơn vị một lần.'),
    fromDate: isoDate,
    target: z.enum(MERGE_TARGETS, { message: 'Chọn sáp nhập vào đơn vị có sẵn hay đơn vị mới.' }),
    /** The existing unit, or the new unit's code. */
    targetCode: code('đơn vị nhận sáp nhập'),
    newName: z
      .string({ message: 'Tên đơn vị mới phải là chữ.' })
      .trim()
      .normalize('NFC')
      .max(200, 'Tên đơn vị mới quá dài (tối đa 200 ký tự).')
      .optional(),
    newKind: z.union([z.literal('').transform(() => undefined), unitKindSchema]).optional(),
    newParentCode: optionalUnitCode('đơn vị cấp trên của đơn vị mới').optional()
  })
  .superRefine((m, ctx) => {
    if (new Set(m.sourceCodes).size !== m.sourceCodes.length) {
      ctx.addIssue({ code: 'custom', path: ['sourceCodes'], message: 'Một đơn vị bị chọn hai lần.' })
    }
    if (m.sourceCodes.includes(m.targetCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['targetCode'],
        message: 'Đơn vị nhận sáp nhập không được là một trong các đơn vị bị sáp nhập.'
      })
    }
    if (m.target === 'new') {
      if (!m.newName) ctx.addIssue({ code: 'custom', path: ['newName'], message: 'Thiếu tên đơn vị mới.' })
      if (!m.newKind)
        ctx.addIssue({ code: 'custom', path: ['newKind'], message: 'Chưa chọn loại của đơn vị mới.' })
    }
  })

/** A unit as a line of a list. */
export interface UnitListItem extends UnitRef {
  kind: UnitKind
  validFrom: IsoDate | null
  validTo: IsoDate | null
}

/** A node of the tree of one day. */
export interface UnitTreeItem extends UnitListItem {
  /** Closed before the day (shown greyed when asked for). */
  closed: boolean
  /** Where it went, for a merged unit. */
  mergedInto: UnitRef | null
  /** Its parent that day is not in the tree (data to fix): shown at the top level. */
  parentMissing: boolean
  children: UnitTreeItem[]
}

export interface UnitTreeView {
  date: IsoDate
  roots: UnitTreeItem[]
  /** Units existing that day. */
  existing: number
  /** Closed units shown as well (0 unless asked for). */
  closedShown: number
  /** Every unit on record, whatever its dates (0: no unit entered yet). */
  totalUnits: number
}

/** A unit to choose (parent, merge target): existing on the day asked, in tree order. */
export interface UnitChoice extends UnitRef {
  kind: UnitKind
  depth: number
  validTo: IsoDate | null
}

export type UnitStatus = 'active' | 'closed' | 'merged' | 'future'

export interface UnitDetail extends UnitListItem {
  status: UnitStatus
  /** The day the parent and children below are shown for: today, else the unit's last or first day. */
  referenceDate: IsoDate
  /** "Đơn vị cấp trên" at the unit's start (the workbook's column; edited in the form). */
  founderParent: UnitRef | null
  /** The parent on the reference day. */
  parent: UnitRef | null
  mergedInto: UnitRef | null
  absorbed: UnitRef[]
  children: Array<UnitRef & { kind: UnitKind }>
  moves: Array<{ fromDate: IsoDate; parent: UnitRef | null }>
  history: HistoryLine[]
  /** Trips that went there (trip_units rows). */
  tripCount: number
}

export interface TripAfter {
  code: string
  startDate: IsoDate
  endDate: IsoDate
  unit: UnitRef
}

/** What ending units on a day would leave behind: shown before the clerk confirms. */
export interface UnitImpact {
  /** Units still under one of them after that day: closing refuses, merging moves them. */
  openChildren: Array<{ child: UnitRef; parent: UnitRef }>
  /** Trips to them that end after that day (kept as they are; the clerk is warned). */
  tripsAfter: TripAfter[]
}

export interface ClosedUnit extends UnitRef {
  tripsAfter: TripAfter[]
}

export interface MergedUnits extends UnitRef {
  /** Children of the merged units moved under the target from the merge day. */
  movedChildren: UnitRef[]
  tripsAfter: TripAfter[]
}

export const unitsContract = {
  'units.tree': returns<UnitTreeView>()(
    z.object({
      date: isoDate,
      includeClosed: z.boolean({ message: 'Lựa chọn hiện đơn vị đã giải thể phải là có/không.' }).optional()
    })
  ),
  'units.get': returns<UnitDetail>()(z.object({ code: unitCodeSchema })),
  'units.choices': returns<UnitChoice[]>()(
    /** null: "from the beginning" (a unit with no start date needs a parent with none either). */
    z.object({ date: isoDate.nullable() })
  ),
  'units.impact': returns<UnitImpact>()(
    z.object({
      codes: z.array(unitCodeSchema, { message: 'Thiếu danh sách đơn vị.' }).max(200, 'Tối đa 200 đơn vị.'),
      lastDay: isoDate
    })
  ),
  'units.create': returns<Saved<UnitRef>>()(unitCreateSchema),
  'units.update': returns<Saved<UnitRef>>()(unitUpdateSchema),
  'units.close': returns<Saved<ClosedUnit>>()(unitCloseSchema),
  'units.merge': returns<Saved<MergedUnits>>()(unitMergeSchema),
  'units.move': returns<Saved<UnitRef>>()(unitMoveSchema),
  'units.deleteMove': returns<Saved<UnitRef>>()(unitMoveDeleteSchema)
}
