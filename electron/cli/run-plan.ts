/**
 * `plan propose`'s work, once plan.ts has checked its options: the planning assistant through
 * the same dispatcher as the app (the input is validated by the contract's own schemas). With
 * --accept the proposal is stored as approved registrations with their planned trips (Dự
 * kiến), in one batch that "Hoàn tác" can take back. Loaded on demand.
 */
import { resolve } from 'node:path'
import { AppError } from '../../shared/api/errors'
import type { ProposalResult } from '../../shared/api/planning'
import { formatDateVi } from '../../shared/domain/dates'
import { formatDays } from '../../shared/domain/format'
import { CONTENT_KIND_SHORT_LABELS, HALF_DAY_LABELS } from '../../shared/domain/kinds'
import { openDatabase } from '../db/connection'
import { createServiceContext } from '../services/context'
import { dispatch } from '../services/dispatch'
import { createHandlers } from '../services/index'

function printProposal(result: ProposalResult): void {
  const out: string[] = [
    `Trợ lý lập kế hoạch — ${result.label}, tính đến ${formatDateVi(result.asOf)}`,
    `Ngày đề xuất: ${formatDateVi(result.from)} – ${formatDateVi(result.to)}; ${result.roundCount} đợt trong quý.`,
    ''
  ]
  if (result.proposals.length === 0) out.push('Không có đề xuất nào.')
  for (const p of result.proposals) {
    const when =
      `${formatDateVi(p.startDate)} ${HALF_DAY_LABELS[p.startHalf].toLowerCase()} – ` +
      `${formatDateVi(p.endDate)} ${HALF_DAY_LABELS[p.endHalf].toLowerCase()}`
    out.push(
      `${p.cadreCode} ${p.cadreName} | ${p.roundNumber === null ? 'ngoài đợt' : `Đợt ${p.roundNumber}`} | ${when} | ` +
        `${formatDays(p.days)} ngày | ${CONTENT_KIND_SHORT_LABELS[p.kind]} | ${p.unitNames.join(', ')}`,
      `    ${p.reason}`
    )
  }
  out.push('', 'Từng cán bộ:')
  for (const c of result.cadres) {
    out.push(
      `  ${c.code} ${c.name}: đã làm ${formatDays(c.doneDays)}, có kế hoạch ${formatDays(c.projectedDays)}, ` +
        `đề xuất thêm ${formatDays(c.proposedDays)} → ${formatDays(c.finalDays)}/${formatDays(c.goal)} ngày`
    )
  }
  if (result.impossible.length > 0) {
    out.push('', 'Không thể đạt:')
    for (const c of result.impossible) out.push(`  ${c.code} ${c.name}: ${c.reason}`)
  }
  process.stdout.write(`${out.join('\n')}\n`)
}

export async function runPlanPropose(o: {
  db: string
  year: number
  quarter: number
  asOf: string
  json: boolean
  accept: boolean
}): Promise<number> {
  const { year, quarter, asOf } = o
  const handle = openDatabase(resolve(o.db), { mustExist: true })
  try {
    const handlers = createHandlers(createServiceContext(handle))
    const proposed = await dispatch(handlers, 'planning.propose', { year, quarter, asOf })
    if (!proposed.ok) throw new AppError(proposed.error.code, proposed.error.message, proposed.error.details)
    const result = proposed.value as ProposalResult
    let accepted: { codes: string[]; tripCodes: string[] } | null = null
    if (o.accept && result.proposals.length > 0) {
      const saved = await dispatch(handlers, 'planning.accept', {
        year,
        quarter,
        approve: true,
        proposals: result.proposals.map((p) => ({
          cadreCode: p.cadreCode,
          roundNumber: p.roundNumber,
          startDate: p.startDate,
          startHalf: p.startHalf,
          endDate: p.endDate,
          endHalf: p.endHalf,
          kind: p.kind,
          unitCodes: p.unitCodes,
          topic: null,
          reason: p.reason
        }))
      })
      if (!saved.ok) throw new AppError(saved.error.code, saved.error.message, saved.error.details)
      accepted = (saved.value as { value: { codes: string[]; tripCodes: string[] } }).value
    }
    if (o.json) {
      process.stdout.write(`${JSON.stringify({ ...result, accepted }, null, 2)}\n`)
    } else {
      printProposal(result)
      if (accepted) {
        process.stdout.write(
          `\nĐã lưu ${accepted.codes.length} đăng ký (Thường trực duyệt) và ${accepted.tripCodes.length} chuyến đi dự kiến.\n`
        )
      } else if (o.accept) {
        process.stdout.write('\nKhông có đề xuất nào để lưu.\n')
      }
    }
    return 0
  } finally {
    handle.close()
  }
}
