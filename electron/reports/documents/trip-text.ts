/**
 * What the quarterly plan, the registration forms and the trip reports share: how a trip's
 * time is written (dates dd/mm/yyyy with the half day when it is not the whole day), the
 * quarter in Roman numerals, and the header of documents a ban or a cadre issues (the ban
 * under the BCH, no number: they are not văn bản đi of the Ban Thường vụ).
 */
import type { Table } from 'docx'
import { formatDateVi, type IsoDate } from '../../../shared/domain/dates'
import { formatDays } from './format'
import type { ContentKind, HalfDay, TripStatus, UnitKind } from '../../../shared/domain/kinds'
import { headerBlock, placeDateLine, signatureBlock, toRoman } from '../blocks'
import type { DocumentMeta } from './common'

export interface TripPeriod {
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
}

/** A trip as the plan and the forms list it. */
export interface ScheduledTrip extends TripPeriod {
  code: string
  kind: ContentKind
  topic: string | null
  status: TripStatus
  note: string | null
  cadreNames: string[]
  unitNames: string[]
  /** Days of the trip inside the quarter. */
  days: number
}

/** A cadre as the reports introduce them. */
export interface CadreLine {
  code: string
  name: string
  position: string
  departmentName: string
}

export type Quarter = 1 | 2 | 3 | 4

/** "IV" */
export function quarterNumeral(quarter: Quarter): string {
  return toRoman(quarter)
}

/** "quý IV năm 2025" */
export function quarterWords(quarter: Quarter, year: number): string {
  return `quý ${quarterNumeral(quarter)} năm ${year}`
}

function startWords(p: TripPeriod): string {
  return p.startHalf === 'SANG' ? `ngày ${formatDateVi(p.startDate)}` : `chiều ${formatDateVi(p.startDate)}`
}

function endWords(p: TripPeriod): string {
  return p.endHalf === 'CHIEU' ? `ngày ${formatDateVi(p.endDate)}` : `sáng ${formatDateVi(p.endDate)}`
}

/**
 * Inside a sentence: "ngày 05/01/2025", "chiều 20/08/2025", "từ ngày 12/03/2025 đến ngày
 * 14/03/2025", "từ chiều 12/03/2025 đến sáng 14/03/2025".
 */
export function periodWords(p: TripPeriod): string {
  if (p.startDate === p.endDate) {
    if (p.startHalf === p.endHalf)
      return `${p.startHalf === 'SANG' ? 'sáng' : 'chiều'} ${formatDateVi(p.startDate)}`
    return `ngày ${formatDateVi(p.startDate)}`
  }
  return `từ ${startWords(p)} đến ${endWords(p)}`
}

/**
 * In a table cell, one or two lines: "20/08/2025", "Chiều 20/08/2025", "22/12 –" + "26/12/2025"
 * (the year once when both days share it), so the column stays narrow and no date breaks.
 */
export function periodCell(p: TripPeriod): string[] {
  if (p.startDate === p.endDate) {
    if (p.startHalf === p.endHalf)
      return [`${p.startHalf === 'SANG' ? 'Sáng' : 'Chiều'} ${formatDateVi(p.startDate)}`]
    return [formatDateVi(p.startDate)]
  }
  const sameYear = p.startDate.slice(0, 4) === p.endDate.slice(0, 4)
  const first = sameYear ? formatDateVi(p.startDate).slice(0, 5) : formatDateVi(p.startDate)
  const start = p.startHalf === 'SANG' ? first : `Chiều ${first}`
  const end = p.endHalf === 'CHIEU' ? formatDateVi(p.endDate) : `sáng ${formatDateVi(p.endDate)}`
  return [`${start} –`, end]
}

/**
 * "đồng chí Lê Minh Đức, Chuyên viên Ban Tổ chức - Kiểm tra"; a title that already names the
 * ban stays alone ("Chánh Văn phòng"), a secretary's title names the Tỉnh đoàn ("Phó Bí thư
 * Tỉnh đoàn", `union`), not the ban the office files them under.
 */
export function cadreWords(c: CadreLine, union: string): string {
  const position = c.position.trim()
  const lower = position.toLowerCase()
  let title: string
  if (!position) title = c.departmentName
  else if (lower.includes(c.departmentName.trim().toLowerCase())) title = position
  else if (lower.includes('bí thư')) title = `${position} ${union}`
  else title = `${position} ${c.departmentName}`
  return `đồng chí ${c.name}, ${title}`
}

/**
 * Header of a document of a ban or of one cadre: the BCH as the body above (not bold), the
 * ban in bold, no number (S1's two-line form for an advisory department).
 */
export function departmentHeader(meta: DocumentMeta, departmentName: string): Table {
  return headerBlock({
    superiorName: meta.issuer.issuerName,
    issuerName: departmentName.toUpperCase(),
    numberLine: '',
    dateLine: placeDateLine(meta.issuer.placeName, meta.date ?? { draftYear: meta.draftYear })
  })
}

/**
 * A member of the Thường trực or the Ban Thường vụ (Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ):
 * the office files them under the Văn phòng, but they do not report as the Văn phòng does.
 */
export function isOfficeLeader(position: string): boolean {
  const p = position.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')
  return /(^|\s)bí thư/.test(p) || p.includes('ban thường vụ') || /(^|\s)uv ?btv(\s|$)/.test(p)
}

/**
 * Header of a cadre's own document: the cadre's ban; a leader's under the BCH itself (one
 * line, no number), never the Văn phòng they are filed under.
 */
export function personalHeader(meta: DocumentMeta, cadre: CadreLine): Table {
  if (!isOfficeLeader(cadre.position)) return departmentHeader(meta, cadre.departmentName)
  return headerBlock({
    issuerName: meta.issuer.issuerName,
    numberLine: '',
    dateLine: placeDateLine(meta.issuer.placeName, meta.date ?? { draftYear: meta.draftYear })
  })
}

/**
 * Where a cadre's trip report goes: the Thường trực, the head of the cadre's ban, the file.
 * A leader has no ban head above them: the Văn phòng files it for the Thường trực.
 */
export function personalRecipients(reporter: CadreLine, union: string): string[] {
  return [
    `Thường trực ${union} (b/c)`,
    isOfficeLeader(reporter.position) ? `Văn phòng ${union} (t/h)` : `Lãnh đạo ${reporter.departmentName}`,
    'Lưu hồ sơ đi cơ sở'
  ]
}

/** One trip as a report after it describes it (trip reports, chi đoàn reports). */
export interface ReportedTrip extends TripPeriod {
  code: string
  kind: ContentKind
  topic: string | null
  travelOrderNo: string | null
  /** The whole trip's length in days. */
  days: number
  units: Array<{ name: string; kind: UnitKind; parentName: string | null }>
}

/** "Chi đoàn ấp 2 xã Tân Ân (trực thuộc Đoàn xã Tân Ân)" */
export function unitWords(unit: { name: string; parentName: string | null }): string {
  return unit.parentName ? `${unit.name} (trực thuộc ${unit.parentName})` : unit.name
}

/** A personal report's signature: "NGƯỜI BÁO CÁO" and the cadre's name, the recipients beside it. */
export function reporterSignature(reporter: CadreLine, recipients: readonly string[]): Table {
  return signatureBlock({ authority: 'Người báo cáo', position: '', signerName: reporter.name, recipients })
}

/**
 * Bullets of section I of the trip reports: reporter, companions, time, then the report's own
 * lines (where, what), then the travel order when there is one.
 */
export function tripFacts(
  trip: ReportedTrip,
  people: { reporter: CadreLine; companions: readonly CadreLine[]; union: string },
  own: readonly string[]
): string[] {
  const who = (c: CadreLine) => cadreWords(c, people.union)
  const facts = [`Cán bộ báo cáo: ${who(people.reporter)}.`]
  if (people.companions.length) facts.push(`Cán bộ cùng đi: ${people.companions.map(who).join('; ')}.`)
  facts.push(`Thời gian: ${periodWords(trip)} (${formatDays(trip.days)} ngày).`, ...own)
  if (trip.travelOrderNo?.trim()) facts.push(`Công lệnh (quyết định cử đi) số: ${trip.travelOrderNo.trim()}.`)
  return facts
}
