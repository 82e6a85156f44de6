/**
 * What the import would change, row by row: each updated row with its changed cells as
 * old → new (in the sheet's words), and the rows it adds, sheet by sheet.
 */
import type { RowAdded, RowChange } from '../../../../shared/api/workbook'
import { formatNumberVi } from '../../../../shared/domain/format'

/** Above this many updated rows the sheet groups start closed. */
const OPEN_LIMIT = 25

function bySheet<T extends { sheet: string }>(rows: readonly T[]): Array<{ sheet: string; rows: T[] }> {
  const groups: Array<{ sheet: string; rows: T[] }> = []
  for (const row of rows) {
    const group = groups.find((g) => g.sheet === row.sheet)
    if (group) group.rows.push(row)
    else groups.push({ sheet: row.sheet, rows: [row] })
  }
  return groups
}

function RowTitle({ row }: { row: RowAdded }) {
  return (
    <>
      <span className="row-key">{row.key}</span>
      {row.label && <span className="row-label"> – {row.label}</span>}
      {row.row !== null && <span className="row-number"> (dòng {row.row})</span>}
    </>
  )
}

function Value({ text }: { text: string }) {
  return text === '' ? (
    <span className="value-empty">(trống)</span>
  ) : (
    <span className="value-text">{text}</span>
  )
}

export function RowChanges({ changes }: { changes: readonly RowChange[] }) {
  if (changes.length === 0) return null
  const open = changes.length <= OPEN_LIMIT
  return (
    <div className="row-changes" data-testid="import-changes">
      <h4>Sửa dữ liệu đã có ({formatNumberVi(changes.length)} dòng): ô cũ → ô mới</h4>
      {bySheet(changes).map((group) => (
        <details key={group.sheet} className="change-sheet" open={open} data-sheet={group.sheet}>
          <summary>
            {group.sheet} <span className="change-count">{formatNumberVi(group.rows.length)}</span>
          </summary>
          <ul className="change-rows">
            {group.rows.map((change) => (
              <li key={`${change.key}-${change.row ?? ''}`} data-key={change.key}>
                <div className="change-title">
                  <RowTitle row={change} />
                </div>
                <table className="field-changes">
                  <tbody>
                    {change.fields.map((field) => (
                      <tr key={field.column}>
                        <th scope="row">{field.column}</th>
                        <td className="field-old">
                          <Value text={field.old} />
                        </td>
                        <td className="field-arrow" aria-label="thành">
                          →
                        </td>
                        <td className="field-new">
                          <Value text={field.new} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  )
}

export function AddedRows({ added }: { added: readonly RowAdded[] }) {
  if (added.length === 0) return null
  return (
    <div className="row-changes row-added" data-testid="import-added">
      <h4>Thêm mới ({formatNumberVi(added.length)} dòng)</h4>
      {bySheet(added).map((group) => (
        <details key={group.sheet} className="change-sheet" data-sheet={group.sheet}>
          <summary>
            {group.sheet} <span className="change-count">{formatNumberVi(group.rows.length)}</span>
          </summary>
          <ul className="added-rows">
            {group.rows.map((row) => (
              <li key={`${row.key}-${row.row ?? ''}`}>
                <RowTitle row={row} />
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  )
}
