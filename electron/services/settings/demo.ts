/**
 * The demo office's year rules: the regime's defaults with a legal basis for the demo year
 * and the year before, so the demo's reports and plans open with their "Căn cứ …" lines.
 * The organisation and the signers of the demo come through the demo workbook ("Cơ quan",
 * "Người ký" sheets). Each year is one tracked write, like a clerk saving the form.
 */
import type { YearRules } from '../../../shared/api/settings'
import type { ServiceContext } from '../context'
import { getYearSettings, saveYearRules } from './year'

function demoLegalBasis(year: number): string {
  return [
    'Căn cứ Hướng dẫn số 25-HD/TWĐTN-BTC ngày 01/3/2019 của Ban Bí thư Trung ương Đoàn về chế độ đi công tác ' +
      'cơ sở của cán bộ Đoàn cấp tỉnh (chủ trương “1+2”)',
    `Căn cứ Kế hoạch số ${String(2 * (year % 100)).padStart(2, '0')}-KH/TĐTN-XDĐ ngày 15/01/${year} ` +
      `của Ban Thường vụ Tỉnh đoàn về thực hiện chế độ đi công tác cơ sở của cán bộ cơ quan Tỉnh đoàn năm ${year}`
  ].join('\n')
}

/** Fills the rules of `year` and `year - 1` (what was stored stays; only the legal basis and deadline are set). */
export function seedDemoSettings(ctx: ServiceContext, year: number): YearRules[] {
  return [year - 1, year].map((y) => {
    const current = getYearSettings(ctx.db, y)
    return saveYearRules(ctx, {
      ...current,
      yearReportDeadline: current.yearReportDeadline ?? `${y}-12-15`,
      legalBasis: demoLegalBasis(y)
    }).value
  })
}
