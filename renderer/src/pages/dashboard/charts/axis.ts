/** Axis helpers shared by the charts: round ticks and Vietnamese numbers. */
import { formatNumberVi } from '../../../../../shared/domain/format'

/**
 * Ticks from 0 in a round step (1, 2, 2,5, 5, 10, 20, 25, 50 …) up to the first one at or above
 * `value`, at most about `maxTicks` of them: 66 days gives 0, 20, 40, 60, 80.
 */
export function roundTicks(value: number, maxTicks = 6): number[] {
  const top = Math.max(value, 1)
  let step = 1
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 2.5, 5].map((s) => s * magnitude).find((s) => top / s <= maxTicks)
    if (found !== undefined) {
      step = found
      break
    }
  }
  const count = Math.ceil(top / step)
  return Array.from({ length: count + 1 }, (_, i) => i * step)
}

export const numberTick = (value: number) => formatNumberVi(value)
