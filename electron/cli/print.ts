/**
 * Human-readable CLI output in Vietnamese (the JSON output is in summary-json.ts).
 */
import type { YearSummaryView } from '../../shared/api/contract'
import type { ImportResult } from '../../shared/api/workbook'
import { formatDateVi } from '../../shared/domain/dates'
import { formatDays, formatPercent } from '../../shared/domain/format'
import { STATUS_LABELS } from '../../shared/domain/summary'

export function printImportResult(result: ImportResult): void {
  const out = result.committed ? process.stdout : process.stderr
  if (result.errors.length > 0) {
    out.write(`Tệp "${result.fileName}" có ${result.errors.length} lỗi, không có dữ liệu nào được ghi:\n`)
    for (const issue of result.errors) out.write(`  ✗ ${issue.text}\n`)
  }
  if (result.committed) {
    out.write(`Đã nhập tệp "${result.fileName}":\n`)
    for (const c of result.counts) {
      out.write(`  ${c.sheet.padEnd(12)} thêm ${c.add}, cập nhật ${c.update}, không đổi ${c.unchanged}\n`)
    }
  }
  if (result.warnings.length > 0) {
    out.write(`Cảnh báo (${result.warnings.length}):\n`)
    for (const issue of result.warnings) out.write(`  ! ${issue.text}\n`)
  }
}

export function printSummaryTable(view: YearSummaryView): void {
  const t = view.totals
  const lines = [
    `Tổng hợp năm ${view.year}, tính đến ngày ${formatDateVi(view.asOf)}`,
    `Tổng số cán bộ: ${t.cadres}; thuộc đối tượng: ${t.subject}; miễn: ${t.exempt}; ` +
      `hoàn thành: ${t.completed} (${formatPercent(t.completionRate)})`,
    `Tổng số ngày: ${formatDays(t.totalDays)}; bình quân: ${formatDays(t.averageDays)} ngày/người`,
    ''
  ]
  for (const c of view.cadres) {
    const target = c.target === null ? '—' : formatDays(c.target)
    const status = STATUS_LABELS[c.status] + (c.reason ? ` (${c.reason})` : '') + (c.pace?.behind ? ', chậm tiến độ' : '')
    lines.push(`${c.code.padEnd(8)} ${c.name.padEnd(26)} ${formatDays(c.days).padStart(6)} / ${target.padStart(5)}  ${status}`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}
