/**
 * The sheets and columns of the exchange workbook (IMPORT-TEMPLATE.md), in spec order. The
 * parser reads by these definitions and the writer writes by them, so the two cannot drift.
 */
import type { WorkbookSheet } from '../../../shared/api/workbook'
import { DEFAULT_AUTHORITY } from '../../../shared/domain/issuer'
import type {
  CadreRow,
  DepartmentRow,
  ExemptionRow,
  OrganisationRow,
  SignerRow,
  TripRow,
  UnitRow,
  WorkbookData
} from './types'

/** How a column's cell is read and written. */
export type ColumnType =
  | 'text'
  /** Text whose line breaks (Alt+Enter in the cell) are kept. */
  | 'lines'
  | 'date'
  /** Several codes in one cell, separated by ";". */
  | 'codes'
  | 'yesNo'
  | 'gender'
  | 'halfDay'
  | 'contentKind'
  | 'tripStatus'
  | 'exemptionReason'
  | 'unitKind'
  | 'issuerLevel'

export interface ColumnSpec<Row> {
  key: keyof Row & string
  header: string
  type: ColumnType
  required: boolean
  /** Value when the cell is empty (optional columns only). */
  fallback?: unknown
  /** Not in the spec's table: read when present, written only when some row has a value. */
  extra?: boolean
  /** Column width in characters for the writer. */
  width: number
}

export interface SheetSpec<Row> {
  sheet: WorkbookSheet
  entity: keyof WorkbookData
  columns: ColumnSpec<Row>[]
  /** At most one data row, and what a further row is told (the organisation is one row). */
  singleRow?: (firstRow: number) => string
}

export const DEPARTMENT_SHEET: SheetSpec<DepartmentRow> = {
  sheet: 'Ban',
  entity: 'departments',
  columns: [
    { key: 'code', header: 'Mã ban', type: 'text', required: true, width: 12 },
    { key: 'name', header: 'Tên ban', type: 'text', required: true, width: 36 },
    { key: 'abbreviation', header: 'Viết tắt', type: 'text', required: true, width: 12 }
  ]
}

export const UNIT_SHEET: SheetSpec<UnitRow> = {
  sheet: 'Đơn vị',
  entity: 'units',
  columns: [
    { key: 'code', header: 'Mã đơn vị', type: 'text', required: true, width: 14 },
    { key: 'name', header: 'Tên đơn vị', type: 'text', required: true, width: 36 },
    { key: 'kind', header: 'Loại', type: 'unitKind', required: true, width: 18 },
    { key: 'parentCode', header: 'Mã đơn vị cấp trên', type: 'text', required: false, width: 20 },
    { key: 'validFrom', header: 'Hiệu lực từ', type: 'date', required: false, width: 14 },
    { key: 'validTo', header: 'Hiệu lực đến', type: 'date', required: false, width: 14 },
    {
      key: 'mergedIntoCode',
      header: 'Mã đơn vị sáp nhập vào',
      type: 'text',
      required: false,
      extra: true,
      width: 24
    }
  ]
}

export const CADRE_SHEET: SheetSpec<CadreRow> = {
  sheet: 'Cán bộ',
  entity: 'cadres',
  columns: [
    { key: 'code', header: 'Mã cán bộ', type: 'text', required: true, width: 12 },
    { key: 'fullName', header: 'Họ và tên', type: 'text', required: true, width: 28 },
    { key: 'gender', header: 'Giới tính', type: 'gender', required: false, width: 10 },
    { key: 'birthDate', header: 'Ngày sinh', type: 'date', required: false, width: 14 },
    { key: 'position', header: 'Chức vụ', type: 'text', required: true, width: 22 },
    { key: 'departmentCode', header: 'Mã ban', type: 'text', required: true, width: 10 },
    { key: 'fullTime', header: 'Chuyên trách', type: 'yesNo', required: false, fallback: true, width: 13 },
    { key: 'serviceStart', header: 'Ngày bắt đầu công tác', type: 'date', required: false, width: 22 },
    { key: 'serviceEnd', header: 'Ngày kết thúc công tác', type: 'date', required: false, width: 22 }
  ]
}

export const EXEMPTION_SHEET: SheetSpec<ExemptionRow> = {
  sheet: 'Miễn giảm',
  entity: 'exemptions',
  columns: [
    { key: 'cadreCode', header: 'Mã cán bộ', type: 'text', required: true, width: 12 },
    { key: 'reason', header: 'Lý do', type: 'exemptionReason', required: true, width: 18 },
    { key: 'from', header: 'Từ ngày', type: 'date', required: true, width: 14 },
    { key: 'to', header: 'Đến ngày', type: 'date', required: true, width: 14 },
    { key: 'note', header: 'Ghi chú', type: 'text', required: false, width: 30 }
  ]
}

export const TRIP_SHEET: SheetSpec<TripRow> = {
  sheet: 'Chuyến đi',
  entity: 'trips',
  columns: [
    { key: 'code', header: 'Mã chuyến', type: 'text', required: true, width: 12 },
    { key: 'startDate', header: 'Từ ngày', type: 'date', required: true, width: 12 },
    {
      key: 'startHalf',
      header: 'Buổi bắt đầu',
      type: 'halfDay',
      required: false,
      fallback: 'SANG',
      width: 13
    },
    { key: 'endDate', header: 'Đến ngày', type: 'date', required: true, width: 12 },
    {
      key: 'endHalf',
      header: 'Buổi kết thúc',
      type: 'halfDay',
      required: false,
      fallback: 'CHIEU',
      width: 13
    },
    { key: 'unitCodes', header: 'Mã đơn vị', type: 'codes', required: true, width: 16 },
    { key: 'kind', header: 'Loại nội dung', type: 'contentKind', required: true, width: 34 },
    { key: 'topic', header: 'Nội dung', type: 'text', required: false, width: 36 },
    { key: 'cadreCodes', header: 'Cán bộ tham gia', type: 'codes', required: true, width: 18 },
    {
      key: 'status',
      header: 'Trạng thái',
      type: 'tripStatus',
      required: false,
      fallback: 'DA_THUC_HIEN',
      width: 14
    },
    { key: 'travelOrderNo', header: 'Số công lệnh', type: 'text', required: false, width: 14 },
    { key: 'reportDate', header: 'Ngày nộp báo cáo', type: 'date', required: false, width: 17 },
    { key: 'note', header: 'Ghi chú', type: 'text', required: false, width: 30 }
  ]
}

export const ORGANISATION_SHEET: SheetSpec<OrganisationRow> = {
  sheet: 'Cơ quan',
  entity: 'organisation',
  singleRow: (firstRow) =>
    `trang Cơ quan chỉ có một dòng thông tin cơ quan ban hành (đã có ở dòng ${firstRow})`,
  columns: [
    { key: 'issuerName', header: 'Tên cơ quan ban hành', type: 'lines', required: true, width: 34 },
    { key: 'issuerLevelName', header: 'Cấp', type: 'issuerLevel', required: true, width: 13 },
    { key: 'placeName', header: 'Địa danh', type: 'text', required: true, width: 16 },
    { key: 'issuerAbbreviation', header: 'Viết tắt', type: 'text', required: true, width: 10 },
    { key: 'congressTerm', header: 'Nhiệm kỳ', type: 'text', required: true, width: 14 },
    { key: 'congressTermStart', header: 'Ngày bắt đầu nhiệm kỳ', type: 'date', required: false, width: 22 }
  ]
}

/** Default "Thẩm quyền ký" of a signer. */
export const DEFAULT_SIGNING_AUTHORITY = DEFAULT_AUTHORITY

export const SIGNER_SHEET: SheetSpec<SignerRow> = {
  sheet: 'Người ký',
  entity: 'signers',
  columns: [
    { key: 'fullName', header: 'Họ và tên', type: 'text', required: true, width: 26 },
    { key: 'position', header: 'Chức vụ', type: 'text', required: true, width: 28 },
    {
      key: 'authority',
      header: 'Thẩm quyền ký',
      type: 'text',
      required: false,
      fallback: DEFAULT_SIGNING_AUTHORITY,
      width: 22
    },
    { key: 'isDefault', header: 'Mặc định', type: 'yesNo', required: false, fallback: false, width: 11 }
  ]
}

/** Every sheet in spec order (the order of the exported workbook). */
export const SHEET_SPECS = [
  DEPARTMENT_SHEET,
  UNIT_SHEET,
  CADRE_SHEET,
  EXEMPTION_SHEET,
  TRIP_SHEET,
  ORGANISATION_SHEET,
  SIGNER_SHEET
] as const

/** The hidden sheet holding the drop-down lists of the written workbook; the parser skips it. */
export const LISTS_SHEET_NAME = 'Danh mục'

export function sheetSpecOf(entity: keyof WorkbookData): SheetSpec<unknown> {
  const spec = SHEET_SPECS.find((s) => s.entity === entity)
  if (!spec) throw new Error(`No sheet for ${entity}`)
  return spec as unknown as SheetSpec<unknown>
}

/** The canonical header of a field, for messages about code-built data. */
export function headerOf(entity: keyof WorkbookData, key: string): string | null {
  return sheetSpecOf(entity).columns.find((c) => c.key === key)?.header ?? null
}
