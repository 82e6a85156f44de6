/**
 * Per-year rules: a stored row when the office changed something, RULES.md defaults
 * otherwise (shared/domain/settings.ts). Ratio rules are stored as JSON and validated on the
 * way out; the legal basis is the "Căn cứ …" text the year's documents print.
 */
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Saved } from '../../../shared/api/history'
import { ratioRuleSchema, type YearRules, type YearRulesView } from '../../../shared/api/settings'
import { formatDateVi } from '../../../shared/domain/dates'
import { formatDays } from '../../../shared/domain/format'
import { defaultYearSettings, type YearSettings } from '../../../shared/domain/settings'
import type { AppDatabase } from '../../db/connection'
import { yearSettings } from '../../db/schema'
import type { ServiceContext } from '../context'
import { cleanLine, cleanLines } from './text'

/** Stored rules are re-validated on read: a hand-edited database must not reach the rules. */
const ratioRulesSchema = z.array(ratioRuleSchema)

type YearRow = typeof yearSettings.$inferSelect

function fromRow(row: YearRow): YearRules {
  return {
    year: row.year,
    targetDays: row.targetDays,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    minSubjectDays: row.minSubjectDays,
    behindPaceDays: row.behindPaceDays,
    reportDueDays: row.reportDueDays,
    yearReportDeadline: row.yearReportDeadline,
    ratioRules: ratioRulesSchema.parse(JSON.parse(row.ratioRules)),
    legalBasis: row.legalBasis
  }
}

/** The rules the summary and the documents use for a year (defaults when none are stored). */
export function getYearSettings(db: AppDatabase, year: number): YearRules {
  const row = db.select().from(yearSettings).where(eq(yearSettings.year, year)).get()
  return row ? fromRow(row) : { ...defaultYearSettings(year), legalBasis: null }
}

export function getYearRulesView(db: AppDatabase, year: number): YearRulesView {
  const row = db.select().from(yearSettings).where(eq(yearSettings.year, year)).get()
  return row
    ? { ...fromRow(row), stored: true }
    : { ...defaultYearSettings(year), legalBasis: null, stored: false }
}

/** What the form sends, as stored: texts cleaned, an empty legal basis is none. */
export interface YearRulesInput extends YearSettings {
  /** Undefined: keep the stored text. */
  legalBasis?: string | null | undefined
}

function normalised(input: YearRulesInput, stored: YearRules): YearRules {
  const legalBasis =
    input.legalBasis === undefined
      ? stored.legalBasis
      : input.legalBasis === null
        ? null
        : cleanLines(input.legalBasis)
  return {
    year: input.year,
    targetDays: input.targetDays,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    minSubjectDays: input.minSubjectDays,
    behindPaceDays: input.behindPaceDays,
    reportDueDays: input.reportDueDays,
    yearReportDeadline: input.yearReportDeadline,
    ratioRules: input.ratioRules.map((r) => ({
      ...r,
      id: r.id.trim(),
      label: cleanLine(r.label),
      kinds: [...r.kinds]
    })),
    legalBasis: legalBasis === '' ? null : legalBasis
  }
}

/** The changes in words, for the label of the write ("chỉ tiêu 60 → 70 ngày"). */
function describeChanges(before: YearRules, after: YearRules): string[] {
  const out: string[] = []
  const date = (d: string | null) => (d ? formatDateVi(d) : 'không có')
  if (before.targetDays !== after.targetDays) {
    out.push(`chỉ tiêu ${formatDays(before.targetDays)} → ${formatDays(after.targetDays)} ngày`)
  }
  if (before.windowStart !== after.windowStart || before.windowEnd !== after.windowEnd) {
    out.push(`thời gian tính ${formatDateVi(after.windowStart)} – ${formatDateVi(after.windowEnd)}`)
  }
  if (before.minSubjectDays !== after.minSubjectDays) {
    out.push(`tối thiểu ${before.minSubjectDays} → ${after.minSubjectDays} ngày thuộc đối tượng`)
  }
  if (JSON.stringify(before.ratioRules) !== JSON.stringify(after.ratioRules)) out.push('tỉ lệ cơ cấu')
  if (before.behindPaceDays !== after.behindPaceDays) {
    out.push(`ngưỡng chậm tiến độ ${formatDays(after.behindPaceDays)} ngày`)
  }
  if (before.reportDueDays !== after.reportDueDays) out.push(`hạn báo cáo ${after.reportDueDays} ngày`)
  if (before.yearReportDeadline !== after.yearReportDeadline) {
    out.push(`hạn báo cáo năm ${date(after.yearReportDeadline)}`)
  }
  if (before.legalBasis !== after.legalBasis) out.push('căn cứ pháp lý')
  return out
}

/** Saves a year's rules: one transaction, undoable, logged with old and new values. */
export function saveYearRules(ctx: ServiceContext, input: YearRulesInput): Saved<YearRules> {
  const year = input.year
  const storedRow = ctx.db.select().from(yearSettings).where(eq(yearSettings.year, year)).get()
  const before = storedRow ? fromRow(storedRow) : { ...defaultYearSettings(year), legalBasis: null }
  const after = normalised(input, before)
  const changes = describeChanges(before, after)
  const what =
    changes.length === 0
      ? 'không đổi số liệu'
      : changes.slice(0, 3).join(', ') + (changes.length > 3 ? ', …' : '')
  const label = `${storedRow ? 'Sửa' : 'Đặt'} quy định năm ${year}: ${what}`
  return ctx.write(label, (tx, log) => {
    const values = {
      year,
      targetDays: after.targetDays,
      windowStart: after.windowStart,
      windowEnd: after.windowEnd,
      minSubjectDays: after.minSubjectDays,
      behindPaceDays: after.behindPaceDays,
      reportDueDays: after.reportDueDays,
      yearReportDeadline: after.yearReportDeadline,
      ratioRules: JSON.stringify(after.ratioRules),
      legalBasis: after.legalBasis
    }
    if (storedRow) log.rows.update(yearSettings, eq(yearSettings.year, year), values)
    else log.rows.insert(yearSettings, values)
    log.record(
      'year_settings',
      String(year),
      storedRow ? 'update' : 'insert',
      storedRow ? before : null,
      after
    )
    return { value: getYearSettings(tx, year), change: { batchId: log.batchId, label } }
  })
}
