import type { ImportIssue } from '../../../../shared/api/workbook'
import { formatNumberVi } from '../../../../shared/domain/format'
import { groupWarnings } from './warning-groups'

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Import warnings by group, each collapsed to its title and count until the clerk opens it;
 * renames (an existing code given another name) come first and open.
 */
export function WarningGroups({ warnings }: { warnings: ImportIssue[] }) {
  if (warnings.length === 0) return null
  const groups = groupWarnings(warnings)
  return (
    <div className="issues issues-warning" data-testid="import-warnings">
      <h4>Cảnh báo ({formatNumberVi(warnings.length)}): vẫn nhập được, nên xem lại</h4>
      {groups.map((group) => (
        <details key={group.id} className="issue-group" data-group={group.id} open={group.open}>
          <summary>
            <span className="issue-group-title">{group.title}</span>
            <span className="issue-count">{formatNumberVi(group.issues.length)}</span>
            {group.hint && <span className="issue-group-hint">{group.hint}</span>}
          </summary>
          {group.subgroups.length > 0 ? (
            group.subgroups.map((sub) => (
              <details key={sub.subject} className="issue-subgroup">
                <summary>
                  {capitalise(sub.subject)}:{' '}
                  <span className="issue-count">{formatNumberVi(sub.issues.length)}</span>
                </summary>
                <IssueLines issues={sub.issues} />
              </details>
            ))
          ) : (
            <IssueLines issues={group.issues} />
          )}
        </details>
      ))}
    </div>
  )
}

function IssueLines({ issues }: { issues: ImportIssue[] }) {
  return (
    <ul>
      {issues.map((issue, i) => (
        <li key={i}>{issue.text}</li>
      ))}
    </ul>
  )
}
