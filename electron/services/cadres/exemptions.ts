/**
 * Exemption periods ("Miễn giảm") of a cadre: the effect of an unsaved period on each year it
 * touches (subject days and target before → after, decided by shared/domain/subject.ts), and
 * adding, changing or deleting a period as one tracked write each. Overlapping periods are
 * allowed (a day exempted twice counts once) and only warned about.
 */
import { and, eq } from 'drizzle-orm'
import type {
  CadreRecord,
  ExemptionEffect,
  ExemptionPreview,
  ExemptionSaved,
  SubjectFigures
} from '../../../shared/api/cadres'
import type { ApiParsedInput } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/errors'
import type { Saved } from '../../../shared/api/history'
import {
  formatDateVi,
  inclusiveDays,
  maxDate,
  minDate,
  yearOf,
  type IsoDate
} from '../../../shared/domain/dates'
import { EXEMPTION_REASON_LABELS, type ExemptionReason } from '../../../shared/domain/kinds'
import type { YearSettings } from '../../../shared/domain/settings'
import {
  decideSubject,
  serviceClip,
  servesInWindow,
  type CadreSubjectInput,
  type ExemptionPeriod
} from '../../../shared/domain/subject'
import type { AppDatabase } from '../../db/connection'
import { cadres, cadreYearOverrides, exemptions } from '../../db/schema'
import type { ServiceContext } from '../context'
import { getYearSettings } from '../settings'
import {
  cadreLabel,
  exemptionKey,
  readExemptionRows,
  requireCadre,
  toExemptionRecords,
  workbookExemption,
  type ExemptionRow
} from './read'

/** A period as the preview takes it (the note is not needed to see the effect). */
type ExemptionInput = ApiParsedInput<'exemptions.preview'>

/** More years than this in one preview is a typing slip; the first ones are enough to see it. */
const MAX_PREVIEW_YEARS = 10

function periodText(e: { reason: string; from: IsoDate; to: IsoDate }): string {
  const label = EXEMPTION_REASON_LABELS[e.reason as ExemptionReason] ?? e.reason
  return `${label} ${formatDateVi(e.from)} – ${formatDateVi(e.to)}`
}

function asPeriod(e: ExemptionRow): ExemptionPeriod {
  return { reason: e.reason as ExemptionReason, from: e.fromDate, to: e.toDate, note: e.note }
}

/** The period being edited, when `id` is given; it must be this cadre's. */
function editedRow(
  rows: readonly ExemptionRow[],
  cadre: CadreRecord,
  id: number | null | undefined
): ExemptionRow | null {
  if (id === null || id === undefined) return null
  const row = rows.find((e) => e.id === id)
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `Không có kỳ miễn giảm này của cán bộ ${cadreLabel(cadre)} (có thể đã bị xóa).`
    )
  }
  return row
}

function figures(input: CadreSubjectInput, settings: YearSettings): SubjectFigures {
  const decision = decideSubject(input, settings)
  return decision.subject
    ? { subjectDays: decision.subjectDays, target: decision.targetHalfDays / 2, exemptReason: null }
    : { subjectDays: decision.subjectDays, target: null, exemptReason: decision.reason }
}

function yearsBetween(from: IsoDate, to: IsoDate): number[] {
  const years: number[] = []
  for (let y = yearOf(from); y <= yearOf(to); y++) years.push(y)
  return years
}

function overrideOf(db: AppDatabase, cadreId: number, year: number) {
  const found = db
    .select()
    .from(cadreYearOverrides)
    .where(and(eq(cadreYearOverrides.cadreId, cadreId), eq(cadreYearOverrides.year, year)))
    .get()
  return found ? { subject: found.subject, reason: found.reason } : null
}

/** Warnings about the period as it would be saved: overlaps, outside the service period. */
function warningsFor(cadre: CadreRecord, others: readonly ExemptionRow[], input: ExemptionInput): string[] {
  const warnings: string[] = []
  for (const o of others) {
    if (o.fromDate <= input.to && o.toDate >= input.from) {
      const shared = inclusiveDays(maxDate(o.fromDate, input.from), minDate(o.toDate, input.to))
      warnings.push(
        `Trùng ${shared} ngày với kỳ miễn giảm ${periodText({ reason: o.reason, from: o.fromDate, to: o.toDate })}: ngày trùng chỉ tính một lần.`
      )
    }
  }
  if (serviceClip(input.from, input.to, cadre.serviceStart, cadre.serviceEnd) === null) {
    warnings.push(
      'Kỳ miễn giảm nằm ngoài thời gian công tác của cán bộ: không làm thay đổi số ngày thuộc diện.'
    )
  }
  return warnings
}

export function previewExemption(ctx: ServiceContext, input: ExemptionInput): ExemptionPreview {
  const cadre = requireCadre(ctx.db, input.cadreCode)
  const rows = readExemptionRows(ctx.db, cadre.id)
  const edited = editedRow(rows, cadre, input.id)
  const others = rows.filter((e) => e.id !== edited?.id)
  const base = {
    fullTime: cadre.fullTime,
    serviceStart: cadre.serviceStart,
    serviceEnd: cadre.serviceEnd
  }
  const before = rows.map(asPeriod)
  const after = [
    ...others.map(asPeriod),
    { reason: input.reason, from: input.from, to: input.to, note: input.note }
  ]

  // Moving a period out of a year changes that year too, so the old dates' years count.
  const touched = new Set(yearsBetween(input.from, input.to))
  if (edited) for (const y of yearsBetween(edited.fromDate, edited.toDate)) touched.add(y)
  const years = [...touched].sort((a, b) => a - b)

  const effects: ExemptionEffect[] = []
  for (const year of years.slice(0, MAX_PREVIEW_YEARS)) {
    const settings = getYearSettings(ctx.db, year)
    const override = overrideOf(ctx.db, cadre.id, year)
    const withBefore = { ...base, exemptions: before, override }
    if (!servesInWindow(withBefore, settings)) continue
    effects.push({
      year,
      before: figures(withBefore, settings),
      after: figures({ ...base, exemptions: after, override }, settings)
    })
  }
  const warnings = warningsFor(cadre, others, input)
  if (years.length > MAX_PREVIEW_YEARS) {
    warnings.push(
      `Kỳ miễn giảm kéo dài ${years.length} năm; chỉ hiện ${MAX_PREVIEW_YEARS} năm đầu. Hãy kiểm tra lại ngày.`
    )
  }
  return { effects, warnings }
}

export function saveExemption(ctx: ServiceContext, input: ExemptionInput): Saved<ExemptionSaved> {
  const cadre = requireCadre(ctx.db, input.cadreCode)
  const adding = input.id === null || input.id === undefined
  const label = `${adding ? 'Thêm' : 'Sửa'} kỳ miễn giảm: ${cadreLabel(cadre)}, ${periodText(input)}`
  return ctx.write(label, (tx, log) => {
    const rows = readExemptionRows(tx, cadre.id)
    const edited = editedRow(rows, cadre, input.id)
    const others = rows.filter((e) => e.id !== edited?.id)
    // The workbook keys a period by cadre code and start date: two periods starting the same
    // day could not be exported and imported back.
    const sameStart = others.find((e) => e.fromDate === input.from)
    if (sameStart) {
      const message = `Cán bộ ${cadreLabel(cadre)} đã có kỳ miễn giảm bắt đầu ngày ${formatDateVi(input.from)} (${periodText({ reason: sameStart.reason, from: sameStart.fromDate, to: sameStart.toDate })}).`
      throw new AppError('CONFLICT', message, [`from: ${message} Hãy sửa kỳ đó thay vì thêm kỳ mới.`])
    }
    const values = { reason: input.reason, fromDate: input.from, toDate: input.to, note: input.note }
    const saved = edited
      ? log.rows.update(exemptions, eq(exemptions.id, edited.id), values)[0]!
      : log.rows.insert(exemptions, { cadreId: cadre.id, ...values })
    log.record(
      'exemptions',
      exemptionKey(cadre.code, saved.fromDate),
      edited ? 'update' : 'insert',
      edited ? workbookExemption(cadre.code, edited) : null,
      workbookExemption(cadre.code, saved)
    )
    const record = toExemptionRecords(readExemptionRows(tx, cadre.id)).find((e) => e.id === saved.id)!
    return {
      value: { exemption: record, warnings: warningsFor(cadre, others, input) },
      change: { batchId: log.batchId, label }
    }
  })
}

export function deleteExemption(ctx: ServiceContext, id: number): Saved<null> {
  const row = ctx.db.select().from(exemptions).where(eq(exemptions.id, id)).get()
  if (!row) throw new AppError('NOT_FOUND', 'Không có kỳ miễn giảm này (có thể đã bị xóa).')
  const cadre = readCadreById(ctx.db, row.cadreId)
  const label = `Xóa kỳ miễn giảm: ${cadreLabel(cadre)}, ${periodText({ reason: row.reason, from: row.fromDate, to: row.toDate })}`
  return ctx.write(label, (tx, log) => {
    const gone = log.rows.delete(exemptions, eq(exemptions.id, id))
    if (gone.length === 0) throw new AppError('NOT_FOUND', 'Không có kỳ miễn giảm này (có thể đã bị xóa).')
    log.record(
      'exemptions',
      exemptionKey(cadre.code, row.fromDate),
      'delete',
      workbookExemption(cadre.code, row),
      null
    )
    return { value: null, change: { batchId: log.batchId, label } }
  })
}

function readCadreById(db: AppDatabase, cadreId: number): { code: string; fullName: string } {
  const found = db
    .select({ code: cadres.code, fullName: cadres.fullName })
    .from(cadres)
    .where(eq(cadres.id, cadreId))
    .get()
  if (!found) throw new AppError('NOT_FOUND', 'Không tìm thấy cán bộ của kỳ miễn giảm này.')
  return found
}
