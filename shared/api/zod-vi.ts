/**
 * zod speaks the clerk's Vietnamese everywhere it is loaded (main process, CLI, renderer).
 * zod's own Vietnamese locale still prints type names and symbols ("mong đợi string, nhận
 * được số", "array có <=2 phần tử"), so every issue kind gets a sentence written here
 * instead; a schema's own message (`z.string({ message })`) still wins over these.
 * Imported for its effect by contract.ts and schemas.ts, which every side loads before validating.
 *
 * Input values are never echoed (an unknown key, a received string): they may be anything,
 * in any language, and the message must stay the app's own words.
 */
import { z } from 'zod'

/** What a kind of value is called in a sentence ("cần …"). */
const EXPECTED: Record<string, string> = {
  string: 'chữ',
  number: 'một số',
  int: 'một số nguyên',
  bigint: 'một số nguyên',
  boolean: 'Có hoặc Không',
  array: 'một danh sách',
  tuple: 'một danh sách',
  object: 'một nhóm thông tin',
  record: 'một nhóm thông tin',
  map: 'một nhóm thông tin',
  set: 'một danh sách',
  date: 'một ngày',
  literal: 'một giá trị cố định',
  enum: 'một trong các lựa chọn',
  null: 'giá trị trống',
  file: 'một tệp'
}

/** What was received, said without repeating it. */
function receivedOf(input: unknown): string {
  if (input === undefined) return 'không có giá trị'
  if (input === null) return 'giá trị trống'
  if (typeof input === 'number') return Number.isNaN(input) ? 'một số không hợp lệ' : 'một số'
  if (typeof input === 'string') return 'chữ'
  if (typeof input === 'boolean') return 'Có/Không'
  if (typeof input === 'bigint') return 'một số quá lớn'
  if (typeof input === 'function' || typeof input === 'symbol') return 'một giá trị không đọc được'
  if (Array.isArray(input)) return 'một danh sách'
  return 'một nhóm thông tin'
}

/** 1234.5 → "1.234,5": the clerk's way of writing numbers. */
function numberVi(value: unknown): string {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value !== 'number' || !Number.isFinite(value)) return ''
  const [whole = '0', fraction] = Math.abs(value).toString().split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`
}

type Issue = Parameters<NonNullable<z.core.$ZodConfig['localeError']>>[0]

function sizeMessage(issue: Issue & { origin?: string }, big: boolean): string {
  const limit = big ? (issue as { maximum?: unknown }).maximum : (issue as { minimum?: unknown }).minimum
  const inclusive = (issue as { inclusive?: boolean }).inclusive !== false
  const n = numberVi(limit)
  switch (issue.origin) {
    case 'string':
      if (!big && Number(limit) <= 1) return 'Không được để trống.'
      return big ? `Dài quá: tối đa ${n} ký tự.` : `Ngắn quá: cần ít nhất ${n} ký tự.`
    case 'array':
    case 'set':
      if (!big && Number(limit) <= 1) return 'Cần chọn ít nhất một mục.'
      return big ? `Nhiều quá: tối đa ${n} mục.` : `Cần ít nhất ${n} mục.`
    case 'date':
      return big ? 'Ngày muộn quá.' : 'Ngày sớm quá.'
    case 'file':
      return big ? 'Tệp lớn quá.' : 'Tệp nhỏ quá.'
    default:
      if (n === '') return big ? 'Lớn quá.' : 'Nhỏ quá.'
      return big
        ? inclusive
          ? `Lớn quá: tối đa ${n}.`
          : `Phải nhỏ hơn ${n}.`
        : inclusive
          ? `Nhỏ quá: ít nhất ${n}.`
          : `Phải lớn hơn ${n}.`
  }
}

/** One Vietnamese sentence for any zod issue, with no type name and no echoed input. */
export function clerkMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String((issue as { expected?: unknown }).expected ?? '')
      if (issue.input === undefined) return 'Thiếu giá trị.'
      if (typeof issue.input === 'number' && Number.isNaN(issue.input)) return 'Không phải là một số hợp lệ.'
      const wanted = EXPECTED[expected] ?? 'một giá trị khác'
      return `Sai kiểu giá trị: cần ${wanted}, nhận được ${receivedOf(issue.input)}.`
    }
    case 'too_big':
      return sizeMessage(issue, true)
    case 'too_small':
      return sizeMessage(issue, false)
    case 'invalid_format': {
      const format = (issue as { format?: string }).format
      if (format === 'email') return 'Địa chỉ thư điện tử không hợp lệ.'
      if (format === 'url') return 'Địa chỉ trang web không hợp lệ.'
      if (format === 'date' || format === 'datetime') return 'Ngày không hợp lệ.'
      return 'Không đúng dạng yêu cầu.'
    }
    case 'not_multiple_of':
      return `Phải là bội số của ${numberVi((issue as { divisor?: unknown }).divisor)}.`
    case 'unrecognized_keys': {
      const count = ((issue as { keys?: unknown[] }).keys ?? []).length
      return `Có ${numberVi(count)} trường không thuộc chức năng này.`
    }
    case 'invalid_value':
      return 'Giá trị không nằm trong các lựa chọn cho phép.'
    case 'invalid_union':
      return 'Giá trị không hợp lệ.'
    case 'invalid_key':
      return 'Tên trường không hợp lệ.'
    case 'invalid_element':
      return 'Có phần tử không hợp lệ.'
    default:
      return 'Giá trị không hợp lệ.'
  }
}

z.config({ localeError: (issue) => ({ message: clerkMessage(issue) }) })
