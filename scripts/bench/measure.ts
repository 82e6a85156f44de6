/**
 * Timing helpers of the benchmark suite: the app and its reference are run alternately in the
 * same process (same heap, same CPU load at the same moment), and compared by their medians.
 */

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export interface Pair {
  app: number
  reference: number
  ratio: number
}

/** Runs `warmup` untimed rounds of both, then `runs` rounds of app, reference, app, reference, … */
export async function interleaved(
  app: () => unknown,
  reference: () => unknown,
  runs: number,
  warmup = 1
): Promise<Pair> {
  for (let i = 0; i < warmup; i++) {
    await app()
    await reference()
  }
  const appTimes: number[] = []
  const referenceTimes: number[] = []
  for (let i = 0; i < runs; i++) {
    let t = performance.now()
    await app()
    appTimes.push(performance.now() - t)
    t = performance.now()
    await reference()
    referenceTimes.push(performance.now() - t)
  }
  const a = median(appTimes)
  const r = median(referenceTimes)
  return { app: a, reference: r, ratio: a / r }
}

/** Least-squares slope of y over x, and the correlation (1 = a straight line). */
export function linearFit(points: readonly { x: number; y: number }[]): {
  slope: number
  intercept: number
  r2: number
} {
  const n = points.length
  const mx = points.reduce((s, p) => s + p.x, 0) / n
  const my = points.reduce((s, p) => s + p.y, 0) / n
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my)
    sxx += (p.x - mx) ** 2
    syy += (p.y - my) ** 2
  }
  const slope = sxy / sxx
  return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : (sxy * sxy) / (sxx * syy) }
}

export function ms(x: number): string {
  if (!Number.isFinite(x)) return '—'
  return x >= 100 ? `${x.toFixed(0)} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`
}

export class Table {
  private readonly rows: string[][] = []
  constructor(private readonly header: string[]) {}
  add(...cells: string[]): void {
    this.rows.push(cells)
    // Printed as it goes as well: a long run shows progress, and a failure keeps what was measured.
    console.log(`  ${cells.join(' | ')}`)
  }
  toMarkdown(): string {
    const lines = [this.header, this.header.map(() => '---'), ...this.rows]
    return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n')
  }
}
