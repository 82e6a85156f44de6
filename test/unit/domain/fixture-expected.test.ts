/**
 * Pure-domain check of test/fixtures/office-2025.expected.json (the .xlsx needs the importer and
 * is checked end to end elsewhere). For each cadre, synthetic trips give the expected days by
 * kind and a synthetic service/exemption period gives the expected subject days; the domain
 * must then reach the same target, ratios, status, MIEN reason and year totals as the
 * independent implementation that wrote the file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addDays, inclusiveDays } from '../../../shared/domain/dates'
import { CONTENT_KINDS, EXEMPTION_REASON_LABELS, EXEMPTION_REASONS } from '../../../shared/domain/kinds'
import { defaultYearSettings } from '../../../shared/domain/settings'
import { REASON_NOT_ENOUGH_TIME } from '../../../shared/domain/subject'
import type { CadreStatus, DaysByKind, SummaryCadre, SummaryTrip } from '../../../shared/domain/summary'
import { cadre, summarize, tripsWith } from './helpers'

interface ExpectedCadre {
  code: string
  name: string
  status: CadreStatus
  subjectDays: number
  target: number | null
  days: number
  daysByKind: DaysByKind
  ratios: { CHUYEN_DE: number; SINH_HOAT: number }
  reason: string | null
}

interface ExpectedSummary {
  year: number
  asOf: string
  totals: {
    cadres: number
    subject: number
    exempt: number
    completed: number
    totalDays: number
    averageDays: number
    daysByKind: DaysByKind
  }
  cadres: ExpectedCadre[]
}

const expected = JSON.parse(
  readFileSync(join(__dirname, '../../fixtures/office-2025.expected.json'), 'utf8')
) as Record<'yearEnd' | 'midYear', ExpectedSummary>

const exemptionByLabel = new Map(EXEMPTION_REASONS.map((r) => [EXEMPTION_REASON_LABELS[r], r]))

/** A cadre of 2025 with exactly `subjectDays`: a later service start, or an exemption for a MIEN reason. */
function syntheticCadre(id: number, e: ExpectedCadre): SummaryCadre {
  const base = cadre(id, { code: e.code, fullName: e.name })
  const missing = 365 - e.subjectDays
  if (missing === 0) return base
  const reason = e.reason ? exemptionByLabel.get(e.reason) : undefined
  if (reason) {
    return { ...base, exemptions: [{ reason, from: '2025-01-01', to: addDays('2025-01-01', missing - 1) }] }
  }
  return { ...base, serviceStart: addDays('2025-01-01', missing) }
}

for (const [name, summary] of Object.entries(expected)) {
  describe(`office-2025 expected figures, ${name} (as of ${summary.asOf})`, () => {
    const settings = defaultYearSettings(summary.year)
    const cadres = summary.cadres.map((e, i) => syntheticCadre(i + 1, e))
    const trips: SummaryTrip[] = summary.cadres.flatMap((e, i) => {
      const c = cadres[i]
      return c ? tripsWith(e.daysByKind, c.id, c.serviceStart ?? '2025-01-02') : []
    })
    const result = summarize({ settings, cadres, trips, asOf: summary.asOf })

    it('is internally consistent: days are the sum of days by kind, ratios their shares', () => {
      for (const e of summary.cadres) {
        const sum = CONTENT_KINDS.reduce((s, k) => s + e.daysByKind[k], 0)
        expect(sum, e.code).toBe(e.days)
        const sh = e.daysByKind.DU_SH_CHI_DOAN + e.daysByKind.DU_SH_BCH_BTV
        expect(e.ratios.CHUYEN_DE, e.code).toBeCloseTo(e.days === 0 ? 0 : e.daysByKind.CHUYEN_DE / e.days, 12)
        expect(e.ratios.SINH_HOAT, e.code).toBeCloseTo(e.days === 0 ? 0 : sh / e.days, 12)
      }
    })

    it('gives every cadre the expected subject days, target, days, ratios, status and reason', () => {
      for (const e of summary.cadres) {
        const r = result.cadres.find((c) => c.code === e.code)
        expect(r, e.code).toBeDefined()
        if (!r) continue
        expect(
          {
            subjectDays: r.subjectDays,
            target: r.target,
            days: r.days,
            daysByKind: r.daysByKind,
            status: r.status,
            reason: r.reason
          },
          e.code
        ).toEqual({
          subjectDays: e.subjectDays,
          target: e.target,
          days: e.days,
          daysByKind: e.daysByKind,
          status: e.status,
          reason: e.reason
        })
        expect(r.ratios.CHUYEN_DE, e.code).toBeCloseTo(e.ratios.CHUYEN_DE, 12)
        expect(r.ratios.SINH_HOAT, e.code).toBeCloseTo(e.ratios.SINH_HOAT, 12)
      }
    })

    it('uses only reasons the rules define for MIEN', () => {
      for (const e of summary.cadres.filter((c) => c.status === 'MIEN')) {
        expect(e.subjectDays).toBeLessThan(settings.minSubjectDays)
        expect([REASON_NOT_ENOUGH_TIME, ...exemptionByLabel.keys()]).toContain(e.reason)
      }
      expect(inclusiveDays(settings.windowStart, settings.windowEnd)).toBe(365)
    })

    it('gives the expected year totals', () => {
      expect({
        cadres: result.totals.cadres,
        subject: result.totals.subject,
        exempt: result.totals.exempt,
        completed: result.totals.completed,
        totalDays: result.totals.totalDays,
        averageDays: result.totals.averageDays,
        daysByKind: result.totals.daysByKind
      }).toEqual(summary.totals)
    })
  })
}
