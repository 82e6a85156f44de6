/**
 * Reading a command's options, and the usage mistake (exit code 2). Light on purpose: it runs
 * before a command loads its services, so a typo is answered without loading docx, exceljs,
 * drizzle or SQLite (issue 12).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { isValidIsoDate } from '../../shared/domain/dates'

export class UsageError extends Error {}

/** The app's database file name (electron/main/database.ts): a folder holding it can be opened as the app's data folder. */
export const DATABASE_FILE_NAME = 'so-di-co-so.sqlite'
export const DEMO_WORKBOOK_NAME = 'so-di-co-so-demo.xlsx'

/** node:util's parseArgs speaks English; the clerk reads Vietnamese. */
function translateParseError(error: Error & { code?: string }): string {
  const message = error.message
  const option = /'(-{1,2}[^'\s=]+)/.exec(message)?.[1] ?? ''
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Tùy chọn không hợp lệ: ${option}`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /argument '([^']*)'/.exec(message)?.[1] ?? ''
      return `Tham số thừa: "${argument}"`
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? `Tùy chọn ${option} không nhận giá trị.`
        : `Thiếu giá trị cho ${option}.`
    default:
      return `Tham số không hợp lệ (${message.split('\n')[0] ?? ''}).`
  }
}

export function parse<T extends ParseArgsConfig['options']>(
  args: string[],
  options: T,
  positionals: string[] = []
) {
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: positionals.length > 0, strict: true })
  } catch (error) {
    throw new UsageError(translateParseError(error as Error & { code?: string }))
  }
  if (parsed.positionals.length < positionals.length) {
    const missing = positionals.slice(parsed.positionals.length).join(', ')
    throw new UsageError(
      `Cần ${positionals.length} tham số, nhận được ${parsed.positionals.length}. Thiếu ${missing}.`
    )
  }
  if (parsed.positionals.length > positionals.length) {
    throw new UsageError(`Tham số thừa: "${parsed.positionals.slice(positionals.length).join(' ')}"`)
  }
  return parsed
}

export function requireOption(value: string | boolean | undefined, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`Thiếu --${name}.`)
  return value
}

export function parseYear(value: string): number {
  const year = Number(value)
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError(`Năm không hợp lệ: "${value}".`)
  return year
}

export function parseAsOf(value: string | boolean | undefined): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !isValidIsoDate(value)) {
    throw new UsageError(`Ngày --as-of không hợp lệ: "${String(value)}" (cần dạng YYYY-MM-DD).`)
  }
  return value
}
