/**
 * `plan propose`: the planning assistant from a terminal, through the same dispatcher as the
 * app (so the input is validated by the contract's own schemas). With --accept the proposal is
 * stored as approved registrations with their planned trips (Dự kiến), in one batch that
 * "Hoàn tác" can take back.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/api/errors'
import type { ProposalResult } from '../../shared/api/planning'
import { formatDateVi, isValidIsoDate } from '../../shared/domain/dates'
import { formatDays } from '../../shared/domain/format'
import { CONTENT_KIND_SHORT_LABELS, HALF_DAY_LABELS } from '../../shared/domain/kinds'
import { openDatabase } from '../db/connection'
import { createServiceContext } from '../services/context'
import { dispatch } from '../services/dispatch'
import { createHandlers } from '../services/index'

/** Same shape as commands.ts's Command (structural, to avoid an import cycle). */
interface CliCommand {
  usage: string
  summary: string
  run(args: string[]): Promise<number>
}

type UsageErrorFactory = (message: string) => Error

const USAGE =
  'npm run cli -- plan propose --db <tệp.sqlite> --year <YYYY> --quarter <1-4> --as-of <YYYY-MM-DD> [--json] [--accept]'

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

export function planCommand(usageError: UsageErrorFactory): CliCommand {
  return {
    usage: USAGE,
    summary:
      'Trợ lý lập kế hoạch quý: đề xuất đăng ký đi cơ sở để mỗi cán bộ đạt tiến độ, chỉ tiêu và cơ cấu; ' +
      '--accept lưu đề xuất thành đăng ký đã duyệt kèm chuyến đi dự kiến.',
    async run(args) {
      let parsed
      try {
        parsed = parseArgs({
          args,
          allowPositionals: true,
          strict: true,
          options: {
            db: { type: 'string' },
            year: { type: 'string' },
            quarter: { type: 'string' },
            'as-of': { type: 'string' },
            json: { type: 'boolean' },
            accept: { type: 'boolean' }
          }
        })
      } catch (error) {
        const option = /'(-{1,2}[^'\s=]+)/.exec((error as Error).message)?.[1]
        throw usageError(
          option ? `Tùy chọn không hợp lệ hoặc thiếu giá trị: ${option}` : 'Tham số không hợp lệ.'
        )
      }
      const [action, ...extra] = parsed.positionals
      if (action !== 'propose')
        throw usageError(
          action ? `Việc không có: "${action}" (chỉ có: propose).` : 'Thiếu việc cần làm (propose).'
        )
      if (extra.length > 0) throw usageError(`Tham số thừa: "${extra.join(' ')}"`)
      const { values } = parsed
      for (const name of ['db', 'year', 'quarter', 'as-of'] as const) {
        if (typeof values[name] !== 'string' || values[name].trim() === '')
          throw usageError(`Thiếu --${name}.`)
      }
      const year = Number(values.year)
      const quarter = Number(values.quarter)
      if (!Number.isInteger(year)) throw usageError(`Năm không hợp lệ: "${values.year}".`)
      if (!Number.isInteger(quarter)) throw usageError(`Quý không hợp lệ: "${values.quarter}".`)
      const asOf = values['as-of']!
      if (!isValidIsoDate(asOf))
        throw usageError(`Ngày --as-of không hợp lệ: "${asOf}" (cần dạng YYYY-MM-DD).`)

      const handle = openDatabase(resolve(values.db!), { mustExist: true })
      try {
        const handlers = createHandlers(createServiceContext(handle))
        const proposed = await dispatch(handlers, 'planning.propose', { year, quarter, asOf })
        if (!proposed.ok)
          throw new AppError(proposed.error.code, proposed.error.message, proposed.error.details)
        const result = proposed.value as ProposalResult
        let accepted: { codes: string[]; tripCodes: string[] } | null = null
        if (values.accept && result.proposals.length > 0) {
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
        if (values.json) {
          process.stdout.write(`${JSON.stringify({ ...result, accepted }, null, 2)}\n`)
        } else {
          printProposal(result)
          if (accepted) {
            process.stdout.write(
              `\nĐã lưu ${accepted.codes.length} đăng ký (Thường trực duyệt) và ${accepted.tripCodes.length} chuyến đi dự kiến.\n`
            )
          } else if (values.accept) {
            process.stdout.write('\nKhông có đề xuất nào để lưu.\n')
          }
        }
        return 0
      } finally {
        handle.close()
      }
    }
  }
}
