/**
 * Loaders: the plain data each document needs, read through the services. Documents never
 * query the database; they get what these functions return.
 */
import { asc, desc, eq } from 'drizzle-orm'
import type { YearSummaryView } from '../../shared/api/contract'
import type { IsoDate } from '../../shared/domain/dates'
import { signingAuthorityLine } from '../../shared/domain/issuer'
import { reportDueDate, reportOverdueDays } from '../../shared/domain/reports-due'
import { signers } from '../db/schema'
import type { ServiceContext } from '../services/context'
import { getOrganisation, getYearSettings } from '../services/settings/index'
import { loadYearSummaryView } from '../services/summary'
import { listTripsBetween } from '../services/trips-read'
import type { IssuerInfo, SignerInfo } from './documents/common'
import type { OverdueTrip } from './documents/progress-report'

/** Printed when the office has not entered its details yet: visibly a placeholder, never a real name. */
export const PLACEHOLDER = '……………'

export interface IssuerData {
  issuer: IssuerInfo
  signer: SignerInfo
  /** False when the organisation is not set up: no congress term, so no number can be issued. */
  configured: boolean
  /** What the clerk should know about defaults used (Vietnamese). */
  notes: string[]
  /** The same about the signer, apart: documents of a ban or a cadre are not signed by the signer. */
  signerNotes: string[]
}

export function loadIssuer(ctx: ServiceContext): IssuerData {
  const notes: string[] = []
  const org = getOrganisation(ctx)
  const issuer: IssuerInfo = org ?? {
    issuerName: `BCH ĐOÀN TỈNH ${PLACEHOLDER}`,
    placeName: PLACEHOLDER,
    issuerAbbreviation: 'TĐTN',
    issuerLevelName: 'TỈNH ĐOÀN',
    congressTerm: ''
  }
  if (!org) {
    notes.push(
      'Chưa khai báo thông tin đơn vị ban hành (tên, địa danh, nhiệm kỳ): văn bản dùng tên và địa danh để trống ' +
        `"${PLACEHOLDER}", cần điền trước khi trình ký.`
    )
  }
  const row =
    ctx.db
      .select()
      .from(signers)
      .where(eq(signers.active, true))
      .orderBy(desc(signers.isDefault), asc(signers.id))
      .get() ?? null
  const signer: SignerInfo = row
    ? // "TM. BAN THƯỜNG VỤ" as entered (the workbook's default) prints with the level: "… TỈNH ĐOÀN".
      {
        authority: signingAuthorityLine(row.authority, issuer.issuerLevelName),
        position: row.position,
        fullName: row.fullName
      }
    : { authority: `TM. BAN THƯỜNG VỤ ${issuer.issuerLevelName}`, position: 'BÍ THƯ', fullName: PLACEHOLDER }
  const signerNotes: string[] = []
  if (!row) {
    signerNotes.push(
      `Chưa khai báo người ký: văn bản ghi "${signer.authority} / ${signer.position}" và để trống họ tên người ký.`
    )
  }
  return { issuer, signer, configured: org !== null && org.congressTerm.trim() !== '', notes, signerNotes }
}

export function loadYearReportData(
  ctx: ServiceContext,
  year: number,
  asOf?: IsoDate
): { summary: YearSummaryView; legalBasis: string | null } {
  return {
    summary: loadYearSummaryView(ctx, year, asOf),
    legalBasis: getYearSettings(ctx.db, year).legalBasis
  }
}

export interface ProgressReportData {
  summary: YearSummaryView
  behindPaceDays: number
  reportDueDays: number
  overdueTrips: OverdueTrip[]
}

export function loadProgressReportData(
  ctx: ServiceContext,
  year: number,
  asOf?: IsoDate
): ProgressReportData {
  const settings = getYearSettings(ctx.db, year)
  const summary = loadYearSummaryView(ctx, year, asOf)
  const overdueTrips = listTripsBetween(ctx, settings.windowStart, summary.asOf)
    .map((trip) => ({ trip, overdueDays: reportOverdueDays(trip, summary.asOf, settings.reportDueDays) }))
    .filter(({ overdueDays }) => overdueDays > 0)
    .map(({ trip, overdueDays }) => ({
      code: trip.code,
      startDate: trip.startDate,
      endDate: trip.endDate,
      kind: trip.kind,
      cadreNames: trip.cadres.map((c) => c.fullName),
      unitNames: trip.units.map((u) => u.name),
      dueDate: reportDueDate(trip.endDate, settings.reportDueDays),
      overdueDays
    }))
    .sort((a, b) => b.overdueDays - a.overdueDays || a.code.localeCompare(b.code))
  return {
    summary,
    behindPaceDays: settings.behindPaceDays,
    reportDueDays: settings.reportDueDays,
    overdueTrips
  }
}
