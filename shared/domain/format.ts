/**
 * Numbers as the office writes them: decimal comma, dot for thousands ("1.234,5"), days in
 * half-day steps ("61,5"), percentages with one decimal ("24,6%").
 */

export function formatNumberVi(value: number, maxDecimals = 2): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDecimals, useGrouping: true }).format(
    value
  )
}

/** Days: whole or half ("60", "35,5"). */
export function formatDays(days: number): string {
  return formatNumberVi(days, 1)
}

/** A share 0..1 as a percentage with up to one decimal ("24,6%"). */
export function formatPercent(share: number, maxDecimals = 1): string {
  return `${formatNumberVi(share * 100, maxDecimals)}%`
}
