/**
 * What the "Văn bản" screen sees of the Word documents: the catalog of document kinds with
 * the parameters each needs and its free-text parts, previews, issued files, the register,
 * and the lists the parameter pickers offer (cadres, trips, departments).
 */
import type { IsoDate } from '../domain/dates'
import type { ContentKind, HalfDay, TripStatus } from '../domain/kinds'

/** How a document uses a parameter: not at all, if given, or only with it. */
export type ParameterUse = 'none' | 'optional' | 'required'

export interface DocumentParameters {
  /** Quarter 1–4 of the year. */
  quarter: ParameterUse
  /** A trip of the year (and quarter, when the document has one). */
  trip: ParameterUse
  /** Only trips of this content kind fit (a chi đoàn report needs a DU_SH_CHI_DOAN trip). */
  tripKind: ContentKind | null
  cadre: ParameterUse
  /** The cadre is one of the chosen trip's (who reports on it; the trip's first cadre when omitted). */
  cadreOfTrip: boolean
  department: ParameterUse
  /**
   * 'drafting': the ban that drafts it, whose abbreviation ends the symbol (Văn phòng, "VP", when
   * omitted); 'covered': the ban the document is about (the whole office when omitted).
   */
  departmentRole: 'drafting' | 'covered'
  /** "Tính đến ngày": the day the figures are computed for. */
  asOf: ParameterUse
}

/** A free-text part the clerk may rewrite; its default depends on the data, see DocumentPreview. */
export interface TextSlotInfo {
  key: string
  label: string
}

export interface DocumentCatalogEntry {
  kind: string
  /** "Báo cáo kết quả thực hiện chế độ đi công tác cơ sở năm" */
  label: string
  /** Where the list shows it: "Cả năm", "Theo quý", "Theo chuyến đi". */
  group: string
  parameters: DocumentParameters
  texts: TextSlotInfo[]
}

export interface DocumentPreview {
  fileName: string
  contentBase64: string
  /** The default text of every slot for these parameters (figures and year filled in). */
  texts: Array<TextSlotInfo & { defaultText: string }>
  /** Defaults the document fell back to, for the clerk. */
  notes: string[]
}

export interface IssuedDocumentInfo {
  id: number
  /** "01-BC/TĐTN-VP" */
  symbol: string
  number: number
  typeCode: string
  /** The trích yếu. */
  title: string
  issuedDate: IsoDate
  congressTerm: string
}

export interface IssuedFile {
  fileName: string
  contentBase64: string
  /**
   * 'numbered': a number from the register; 'draft': number and day left blank (asked for, or
   * the office has no congress term yet: see notes); 'dated': a ban's or a cadre's document,
   * dated today and never numbered.
   */
  outcome: 'numbered' | 'draft' | 'dated'
  /** The register entry when numbered. */
  issued: IssuedDocumentInfo | null
  notes: string[]
}

export interface CadreChoice {
  id: number
  code: string
  fullName: string
  position: string
  departmentCode: string
  departmentName: string
}

export interface DepartmentChoice {
  id: number
  code: string
  name: string
  abbreviation: string
}

export interface TripChoice {
  id: number
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  kind: ContentKind
  status: TripStatus
  topic: string | null
  units: Array<{ code: string; name: string }>
  cadres: Array<{ code: string; fullName: string }>
}
