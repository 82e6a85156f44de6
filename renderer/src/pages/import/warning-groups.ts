/**
 * Import warnings grouped by their `kind` (set by electron/services/workbook; the groups and
 * their order are WARNING_GROUPS of shared/api/workbook.ts, which the CLI prints too), so a
 * file with a hundred trips to a unit that closed mid-year reads as one group (and one line
 * per unit, by the warnings' `subject`) instead of a wall of text. A kind no group names lands
 * in "Cảnh báo khác", so no warning is ever hidden. Nothing here reads the wording.
 */
import { WARNING_GROUPS, type ImportIssue } from '../../../../shared/api/workbook'

export type WarningGroupId = string

export interface WarningSubgroup {
  subject: string
  issues: ImportIssue[]
}

export interface WarningGroup {
  id: WarningGroupId
  title: string
  hint: string
  /** Shown open (renames: the clerk should read them before committing). */
  open: boolean
  issues: ImportIssue[]
  /** For groups split by subject, in order of first appearance; empty otherwise. */
  subgroups: WarningSubgroup[]
}

const OTHER_ID = 'other'

export function groupWarnings(warnings: readonly ImportIssue[]): WarningGroup[] {
  const groups = WARNING_GROUPS.map((spec) => ({ spec, issues: [] as ImportIssue[] }))
  for (const issue of warnings) {
    const group =
      groups.find((g) => (g.spec.kinds as readonly string[]).includes(issue.kind)) ??
      groups.find((g) => g.spec.id === OTHER_ID)
    group?.issues.push(issue)
  }
  return groups
    .filter((g) => g.issues.length > 0)
    .map(({ spec, issues }) => ({
      id: spec.id,
      title: spec.title,
      hint: spec.hint,
      open: spec.open ?? false,
      issues,
      subgroups: spec.bySubject ? splitBySubject(issues) : []
    }))
}

function splitBySubject(issues: ImportIssue[]): WarningSubgroup[] {
  const out: WarningSubgroup[] = []
  for (const issue of issues) {
    const key = issue.subject ?? 'Khác'
    const sub = out.find((s) => s.subject === key)
    if (sub) sub.issues.push(issue)
    else out.push({ subject: key, issues: [issue] })
  }
  return out
}
