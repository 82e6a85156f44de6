/** Chooses the quarter: any quarter of this year and next year (and of years with plans). */
import type { QuarterChoice } from '../../../../shared/domain/planning'

interface Props {
  choices: readonly QuarterChoice[]
  year: number
  quarter: number
  onChange(value: { year: number; quarter: number }): void
}

export function QuarterPicker({ choices, year, quarter, onChange }: Props) {
  const list = choices.some((c) => c.year === year && c.quarter === quarter)
    ? choices
    : [...choices, { year, quarter: quarter as 1, label: `Quý ${quarter}/${year}` }]
  return (
    <label className="field plan-quarter">
      <span>Quý</span>
      <select
        className="input"
        aria-label="Chọn quý"
        value={`${year}-${quarter}`}
        onChange={(e) => {
          const [y, q] = e.target.value.split('-').map(Number)
          onChange({ year: y!, quarter: q! })
        }}
      >
        {list.map((c) => (
          <option key={`${c.year}-${c.quarter}`} value={`${c.year}-${c.quarter}`}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  )
}
