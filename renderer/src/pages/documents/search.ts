/**
 * What the Văn bản page keeps in the address (#/van-ban?van=quarter-plan&nam=2025&quy=4): the
 * document chosen and the data it is made from, so a reload, or the sidebar link, lands on the
 * same document. The free texts, the signer, the date and the number stay on the page: they
 * are this document's, not a filter. A field the address cannot give falls back to "not set",
 * so an old bookmark never breaks the page.
 */
import { z } from 'zod'
import { isValidIsoDate } from '../../../../shared/domain/dates'

/** The router reads "12" as a number: a code typed as digits stays text. */
const text = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1).max(100))
  .optional()
  .catch(undefined)

export const documentsSearchSchema = z.object({
  /** The document kind ("year-report", …). */
  van: text,
  nam: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  quy: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  chuyen: text,
  canBo: text,
  /** Who reports on the chosen trip. */
  baoCao: text,
  ban: text,
  /** 3 chủ động papers of one unit. */
  donVi: text,
  /** Kèm biểu đồ (the year report's chart appendix). */
  bieuDo: z.boolean().optional().catch(undefined),
  /** "Tính đến ngày". */
  den: z.string().refine(isValidIsoDate).optional().catch(undefined)
})

export type DocumentsSearch = z.infer<typeof documentsSearchSchema>
