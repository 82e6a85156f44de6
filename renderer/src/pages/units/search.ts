/**
 * What the unit pages keep in the address (#/don-vi?ngay=2022-01-01&q=duc+trong): the day of
 * the tree, the search, whether closed units show, and the units a merge starts from. A value
 * that is not what the page expects is dropped, so a hand-typed URL never breaks the page.
 */
import { z } from 'zod'
import { isValidIsoDate } from '../../../../shared/domain/dates'

const day = z.string().refine(isValidIsoDate).optional().catch(undefined)

/** The router reads "12" as a number: a code or a search typed as digits stays text. */
const text = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().max(100))
  .optional()
  .catch(undefined)

export const unitTreeSearchSchema = z.object({
  ngay: day,
  q: text,
  hienDaDong: z.boolean().optional().catch(undefined)
})

export type UnitTreeSearch = z.infer<typeof unitTreeSearchSchema>

export const unitMergeSearchSchema = z.object({
  ngay: day,
  nguon: z
    .array(z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1).max(50)))
    .max(200)
    .optional()
    .catch(undefined)
})

export type UnitMergeSearch = z.infer<typeof unitMergeSearchSchema>
