/**
 * `plan propose`: the planning assistant from a terminal. Its usage and option checks (light,
 * for `help` and usage mistakes); the work is run-plan.ts's, loaded once the options are right.
 */
import { parseArgs } from 'node:util'
import { isValidIsoDate } from '../../shared/domain/dates'

/** Same shape as commands.ts's Command (structural, to avoid an import cycle). */
interface CliCommand {
  usage: string
  summary: string
  run(args: string[]): Promise<number>
}

type UsageErrorFactory = (message: string) => Error

const USAGE =
  'npm run cli -- plan propose --db <tệp.sqlite> --year <YYYY> --quarter <1-4> --as-of <YYYY-MM-DD> [--json] [--accept]'

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

      const { runPlanPropose } = await import('./run-plan')
      return runPlanPropose({
        db: values.db!,
        year,
        quarter,
        asOf,
        json: values.json ?? false,
        accept: values.accept ?? false
      })
    }
  }
}
