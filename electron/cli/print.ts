/**
 * Human-readable CLI output in Vietnamese (the JSON output is in summary-json.ts).
 */
import type { YearSummaryView } from '../../shared/api/contract'
import {
  WARNING_GROUPS,
  type ImportIssue,
  type ImportPreview,
  type ImportResult,
  type RowAdded
} from '../../shared/api/workbook'
import { formatDateVi } from '../../shared/domain/dates'
import { formatDays, formatPercent } from '../../shared/domain/format'
import { STATUS_LABELS } from '../../shared/domain/summary'

type Out = Pick<NodeJS.WriteStream, 'write'>

/** A cell's line break (the issuer name) on one terminal line. */
const oneLine = (text: string) => text.replace(/\n/g, ' / ')
const shown = (value: string) => (value === '' ? '(trống)' : oneLine(value))
const where = (row: RowAdded) => (row.row === null ? '' : ` (dòng ${row.row})`)

function printCounts(out: Out, preview: ImportPreview): void {
  const header = `  ${'Trang'.padEnd(12)} ${'Thêm'.padStart(6)} ${'Cập nhật'.padStart(9)} ${'Không đổi'.padStart(10)}`
  out.write(`${header}\n`)
  for (const c of preview.counts) {
    out.write(
      `  ${c.sheet.padEnd(12)} ${String(c.add).padStart(6)} ${String(c.update).padStart(9)} ${String(c.unchanged).padStart(10)}\n`
    )
  }
}

function printRows(out: Out, preview: ImportPreview, { added }: { added: boolean }): void {
  if (added && preview.added.length > 0) {
    out.write(`Thêm mới (${preview.added.length}):\n`)
    for (const a of preview.added)
      out.write(`  + ${a.sheet} ${oneLine(a.key)} – ${oneLine(a.label)}${where(a)}\n`)
  }
  if (preview.changes.length > 0) {
    out.write(`Cập nhật (${preview.changes.length}):\n`)
    for (const c of preview.changes) {
      out.write(`  ~ ${c.sheet} ${oneLine(c.key)} – ${oneLine(c.label)}${where(c)}\n`)
      for (const f of c.fields) out.write(`      ${f.column}: ${shown(f.old)} → ${shown(f.new)}\n`)
    }
  }
}

function printErrors(out: Out, fileName: string, errors: ImportIssue[]): void {
  if (errors.length === 0) return
  out.write(`Tệp "${fileName}" có ${errors.length} lỗi, không có dữ liệu nào được ghi:\n`)
  for (const issue of errors) out.write(`  ✗ ${issue.text}\n`)
}

/** Warnings in the groups the import page shows, renames first. */
export function printWarnings(out: Out, warnings: ImportIssue[]): void {
  if (warnings.length === 0) return
  out.write(`Cảnh báo (${warnings.length}): vẫn nhập được, nên xem lại\n`)
  for (const group of WARNING_GROUPS) {
    const issues = warnings.filter((w) => (group.kinds as readonly string[]).includes(w.kind))
    if (issues.length === 0) continue
    out.write(`  ${group.title} (${issues.length})${group.hint ? `: ${group.hint}` : ''}\n`)
    for (const issue of issues) out.write(`    ! ${issue.text}\n`)
  }
}

/** `import --dry-run`: what the import would do, nothing written. */
export function printImportPreview(preview: ImportPreview): void {
  const out = preview.errors.length > 0 ? process.stderr : process.stdout
  out.write(`Xem trước tệp "${preview.fileName}" (chạy thử, không ghi gì vào cơ sở dữ liệu):\n`)
  printCounts(out, preview)
  if (preview.message) out.write(`${preview.message}\n`)
  printRows(out, preview, { added: true })
  printErrors(out, preview.fileName, preview.errors)
  printWarnings(out, preview.warnings)
  if (preview.canCommit) out.write('Để nhập thật, chạy lại lệnh mà không có --dry-run.\n')
}

export function printImportResult(result: ImportResult): void {
  const out = result.committed || result.nothingNew ? process.stdout : process.stderr
  printErrors(out, result.fileName, result.errors)
  if (result.nothingNew && result.message) out.write(`${result.message}\n`)
  if (result.committed) {
    out.write(`Đã nhập tệp "${result.fileName}":\n`)
    printCounts(out, result)
    // The added rows are in the counts; what changed in existing rows is worth reading again.
    printRows(out, result, { added: false })
  }
  printWarnings(out, result.warnings)
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
    const status =
      STATUS_LABELS[c.status] + (c.reason ? ` (${c.reason})` : '') + (c.pace?.behind ? ', chậm tiến độ' : '')
    lines.push(
      `${c.code.padEnd(8)} ${c.name.padEnd(26)} ${formatDays(c.days).padStart(6)} / ${target.padStart(5)}  ${status}`
    )
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}
