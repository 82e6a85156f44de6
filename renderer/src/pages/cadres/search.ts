/**
 * What the cadre pages keep in the address (#/can-bo?nam=2025&ban=PT): the list's filters and
 * the year a record is shown for. Each field falls back to "not set" when the address holds
 * something else, so an old bookmark or a hand-typed URL never breaks the page.
 */
import { z } from 'zod'
import { isValidIsoDate } from '../../../../shared/domain/dates'
import { STATUSES } from '../../../../shared/domain/summary'

/** The router reads "12" as a number: a code or a search typed as digits stays text. */
const text = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1).max(100))
  .optional()
  .catch(undefined)

const year = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined)

export const cadreListSearchSchema = z.object({
  q: text,
  nam: year,
  ban: text,
  chucVu: text,
  chuyenTrach: z.enum(['co', 'khong']).optional().catch(undefined),
  ngay: z.string().refine(isValidIsoDate).optional().catch(undefined),
  trangThai: z.enum(STATUSES).optional().catch(undefined)
})

export type CadreListSearch = z.infer<typeof cadreListSearchSchema>

export const cadreRecordSearchSchema = z.object({ nam: year })

export type CadreRecordSearch = z.infer<typeof cadreRecordSearchSchema>
