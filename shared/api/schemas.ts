/**
 * Input schemas every domain's contract uses (dates, years, quarters, codes, uploaded files),
 * with their Vietnamese messages. Kept apart from contract.ts so domain contract files can
 * import them without an import cycle.
 */
import './zod-vi'
import { z } from 'zod'
import { isValidIsoDate } from '../domain/dates'

export const isoDate = z.string().refine(isValidIsoDate, {
  message: 'Ngày không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
})

export const yearSchema = z
  .number({ message: 'Năm phải là một số.' })
  .int('Năm phải là số nguyên.')
  .min(2000, 'Năm phải từ 2000 trở đi.')
  .max(2100, 'Năm phải trước 2100.')

/** An uploaded file: the renderer reads it with the File API and sends its bytes. */
export const fileUpload = z.object({
  fileName: z.string().min(1, 'Thiếu tên tệp.'),
  contentBase64: z.string().min(1, 'Tệp rỗng.')
})

/** A code (mã) the clerk types: "Mã <what>" in messages. */
export const code = (what: string) =>
  z
    .string({ message: `Mã ${what} phải là chữ.` })
    .trim()
    .min(1, `Thiếu mã ${what}.`)
    .max(50, `Mã ${what} quá dài.`)

export const quarterSchema = z
  .number({ message: 'Quý phải là một số.' })
  .int('Quý phải là số nguyên.')
  .min(1, 'Quý từ 1 đến 4.')
  .max(4, 'Quý từ 1 đến 4.')
