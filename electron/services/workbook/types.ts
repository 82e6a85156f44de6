/**
 * The exchange workbook as typed rows (IMPORT-TEMPLATE.md), independent of Excel: the parser
 * produces it from a .xlsx, the writer turns it into one, and the demo generator builds it
 * directly. Codes link rows across sheets.
 */
import type { IsoDate } from '../../../shared/domain/dates'
import type { IssuerLevel } from '../../../shared/domain/issuer'
import type {
  ContentKind,
  ExemptionReason,
  Gender,
  HalfDay,
  TripStatus,
  UnitKind
} from '../../../shared/domain/kinds'

export interface DepartmentRow {
  code: string
  name: string
  abbreviation: string
}

export interface UnitRow {
  code: string
  name: string
  kind: UnitKind
  parentCode: string | null
  validFrom: IsoDate | null
  validTo: IsoDate | null
  /** Optional extra column "Mã đơn vị sáp nhập vào": where a closed unit went. */
  mergedIntoCode: string | null
}

export interface CadreRow {
  code: string
  fullName: string
  gender: Gender | null
  birthDate: IsoDate | null
  position: string
  departmentCode: string
  fullTime: boolean
  serviceStart: IsoDate | null
  serviceEnd: IsoDate | null
}

export interface ExemptionRow {
  cadreCode: string
  reason: ExemptionReason
  from: IsoDate
  to: IsoDate
  note: string | null
}

export interface TripRow {
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  unitCodes: string[]
  kind: ContentKind
  topic: string | null
  cadreCodes: string[]
  status: TripStatus
  travelOrderNo: string | null
  reportDate: IsoDate | null
  note: string | null
}

/** "TỈNH ĐOÀN" or "THÀNH ĐOÀN": the level words of the signing authority. */
export type { IssuerLevel }

/** The issuing organisation (sheet "Cơ quan", at most one row). */
export interface OrganisationRow {
  /** "BCH ĐOÀN TỈNH LÂM ĐỒNG"; a line break of the cell stays as "\n". */
  issuerName: string
  issuerLevelName: IssuerLevel
  placeName: string
  issuerAbbreviation: string
  congressTerm: string
  congressTermStart: IsoDate | null
}

/** A person who signs the office's documents (sheet "Người ký"); the name is the key. */
export interface SignerRow {
  fullName: string
  position: string
  /** "TM. BAN THƯỜNG VỤ" (default), "TM. BAN CHẤP HÀNH", "TL. BAN THƯỜNG VỤ" ... */
  authority: string
  isDefault: boolean
}

export interface WorkbookData {
  departments: DepartmentRow[]
  units: UnitRow[]
  cadres: CadreRow[]
  exemptions: ExemptionRow[]
  /** In workbook order: that order is the creation order for overlap ties. */
  trips: TripRow[]
  /** Empty when the sheet is absent or has no data row: the stored organisation stays. */
  organisation: OrganisationRow[]
  signers: SignerRow[]
}

export type WorkbookEntity = keyof WorkbookData

/** Every entity in sheet order. */
export const WORKBOOK_ENTITIES: readonly WorkbookEntity[] = [
  'departments',
  'units',
  'cadres',
  'exemptions',
  'trips',
  'organisation',
  'signers'
]

export function emptyWorkbookData(): WorkbookData {
  return { departments: [], units: [], cadres: [], exemptions: [], trips: [], organisation: [], signers: [] }
}
