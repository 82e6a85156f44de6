/**
 * Import warnings grouped by what they are about, so a file with a hundred trips to a unit
 * that closed mid-year reads as one group (and one line per unit) instead of a wall of text.
 * The groups follow the sentences electron/services/workbook writes; anything else lands in
 * "Cảnh báo khác", so no warning is ever hidden.
 */
import type { ImportIssue } from '../../../../shared/api/workbook'

export type WarningGroupId = 'overlap' | 'exemption' | 'unit-validity' | 'unknown-column' | 'other'

interface GroupSpec {
  id: WarningGroupId
  title: string
  hint: string
  matches: (issue: ImportIssue) => boolean
  /** Splits a large group by its subject (the unit, for validity warnings). */
  subject?: (issue: ImportIssue) => string | null
}

const SPECS: readonly GroupSpec[] = [
  {
    id: 'overlap',
    title: 'Chuyến đi trùng thời gian',
    hint: 'Phần trùng chỉ được tính một lần, cho chuyến ghi trước.',
    matches: (i) => i.message.includes('trùng thời gian với chuyến')
  },
  {
    id: 'exemption',
    title: 'Chuyến đi trong thời gian miễn giảm',
    hint: 'Cán bộ đi cơ sở trong thời gian được miễn giảm; xem lại ngày đi hoặc kỳ miễn giảm.',
    matches: (i) => i.message.includes('trong kỳ miễn giảm')
  },
  {
    id: 'unit-validity',
    title: 'Đơn vị không có hiệu lực vào ngày đi',
    hint: 'Đơn vị chưa thành lập hoặc đã giải thể, sáp nhập vào ngày của chuyến đi.',
    matches: (i) => i.message.includes('chỉ có hiệu lực'),
    // "đơn vị TAN – Đoàn xã Tân Ân chỉ có hiệu lực từ 01/07/2025, chuyến CD0001 diễn ra …"
    subject: (i) => /^(đơn vị .+? chỉ có hiệu lực [^,]+)/.exec(i.message)?.[1] ?? null
  },
  {
    id: 'unknown-column',
    title: 'Cột, trang tính không thuộc mẫu',
    hint: 'Được bỏ qua khi nhập.',
    matches: (i) => i.message.includes('không thuộc mẫu')
  },
  {
    id: 'other',
    title: 'Cảnh báo khác',
    hint: '',
    matches: () => true
  }
]

export interface WarningSubgroup {
  subject: string
  issues: ImportIssue[]
}

export interface WarningGroup {
  id: WarningGroupId
  title: string
  hint: string
  issues: ImportIssue[]
  /** For groups split by subject, in order of first appearance; empty otherwise. */
  subgroups: WarningSubgroup[]
}

export function groupWarnings(warnings: readonly ImportIssue[]): WarningGroup[] {
  const groups = SPECS.map((spec) => ({ spec, issues: [] as ImportIssue[] }))
  for (const issue of warnings) {
    const group = groups.find((g) => g.spec.matches(issue))
    group?.issues.push(issue)
  }
  return groups
    .filter((g) => g.issues.length > 0)
    .map(({ spec, issues }) => ({
      id: spec.id,
      title: spec.title,
      hint: spec.hint,
      issues,
      subgroups: spec.subject ? splitBySubject(issues, spec.subject) : []
    }))
}

function splitBySubject(
  issues: ImportIssue[],
  subject: (issue: ImportIssue) => string | null
): WarningSubgroup[] {
  const out: WarningSubgroup[] = []
  for (const issue of issues) {
    const key = subject(issue) ?? 'Khác'
    const sub = out.find((s) => s.subject === key)
    if (sub) sub.issues.push(issue)
    else out.push({ subject: key, issues: [issue] })
  }
  return out
}
