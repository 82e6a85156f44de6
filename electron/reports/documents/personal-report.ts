/**
 * The frame of a cadre's own report on a trip (the trip report and the chi đoàn report): the
 * ban's header (the BCH's for a leader), BÁO CÁO with its trích yếu, section I of facts, the
 * numbered sections of free text, the closing, and "Người báo cáo" with the recipients.
 * The last section's last paragraph and the closing keep with the signature, so the signature
 * never stands alone on a page.
 */
import type { Document, Paragraph } from 'docx'
import { buildDocument, sectionHeading, titleBlock, type Block } from '../blocks'
import { editable, recipientsOf, summaryOf, type DocumentMeta, type TextSlot } from './common'
import { personalHeader, reporterSignature, type CadreLine } from './trip-text'

export interface PersonalReportSpec<I extends { meta: DocumentMeta; reporter: CadreLine }> {
  slots: readonly TextSlot<I>[]
  input: I
  /** Section I, "Thông tin chung", already headed. */
  facts: Paragraph[]
  /** Sections II, III… : heading and the text slot that fills it; the last one runs into the closing. */
  sections: ReadonlyArray<readonly [heading: string, slotKey: string]>
  /** The file's title property. */
  title: string
}

export function buildPersonalReport<I extends { meta: DocumentMeta; reporter: CadreLine }>(
  spec: PersonalReportSpec<I>
): Document {
  const { slots, input } = spec
  const { meta } = input
  const children: Block[] = [
    personalHeader(meta, input.reporter),
    ...titleBlock({ typeName: 'BÁO CÁO', summary: summaryOf(slots, input, meta) }),
    ...spec.facts
  ]
  spec.sections.forEach(([heading, key], i) => {
    const isLast = i === spec.sections.length - 1
    children.push(
      sectionHeading(i + 2, heading),
      ...editable(slots, key, input, meta, isLast ? { keepTail: true } : {})
    )
  })
  children.push(
    ...editable(slots, 'closing', input, meta, { keepNext: true }),
    reporterSignature(input.reporter, recipientsOf(slots, input, meta))
  )
  return buildDocument({ title: spec.title, sections: [{ orientation: 'portrait', children }] })
}
