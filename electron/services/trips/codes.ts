/**
 * "Mã chuyến" proposed for a new trip: the next free code in the office's own pattern. The
 * pattern is the one of the trip entered last (a prefix and a zero-padded number, as the
 * office's workbook has "CD0241" after "TR006"), continuing after the highest number used
 * with that prefix. An office with no trip yet starts at CD0001.
 */
import { desc } from 'drizzle-orm'
import { trips } from '../../db/schema'
import type { ServiceContext } from '../context'

const NUMBERED = /^(.*?)(\d+)$/
const DEFAULT_PREFIX = 'CD'
const DEFAULT_WIDTH = 4

export interface CodeSequence {
  /** The next free code; each call hands out a new one. */
  next(): string
}

export function codeSequence(ctx: ServiceContext): CodeSequence {
  const rows = ctx.db.select({ code: trips.code }).from(trips).orderBy(desc(trips.id)).all()
  const taken = new Set(rows.map((r) => r.code))
  const latest = rows.map((r) => NUMBERED.exec(r.code)).find((m) => m !== null)
  const prefix = latest ? latest[1]! : DEFAULT_PREFIX
  const width = latest ? latest[2]!.length : DEFAULT_WIDTH
  let number = 0
  for (const code of taken) {
    const m = NUMBERED.exec(code)
    if (m && m[1] === prefix) number = Math.max(number, Number(m[2]))
  }
  return {
    next() {
      let code: string
      do {
        number += 1
        code = `${prefix}${String(number).padStart(width, '0')}`
      } while (taken.has(code))
      taken.add(code)
      return code
    }
  }
}

export function nextTripCode(ctx: ServiceContext): { code: string } {
  return { code: codeSequence(ctx).next() }
}
