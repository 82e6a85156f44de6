/**
 * The number formats of shared/domain/format.ts, remembered: a large report formats the same
 * few hundred values tens of thousands of times, and each call there builds an
 * Intl.NumberFormat (the most expensive step of a 2,000-cadre year report before this). Same
 * strings, same rules: only the repeats are skipped.
 */
import {
  formatDays as formatDaysOnce,
  formatNumberVi as formatNumberViOnce,
  formatPercent as formatPercentOnce
} from '../../../shared/domain/format'

const LIMIT = 20_000

function remembered<A extends unknown[]>(format: (...args: A) => string): (...args: A) => string {
  const cache = new Map<string, string>()
  return (...args: A) => {
    const key = args.join('|')
    let text = cache.get(key)
    if (text === undefined) {
      if (cache.size >= LIMIT) cache.clear()
      text = format(...args)
      cache.set(key, text)
    }
    return text
  }
}

export const formatDays = remembered((days: number) => formatDaysOnce(days))
export const formatNumberVi = remembered((value: number, maxDecimals?: number) =>
  formatNumberViOnce(value, maxDecimals)
)
export const formatPercent = remembered((share: number, maxDecimals?: number) =>
  formatPercentOnce(share, maxDecimals)
)
