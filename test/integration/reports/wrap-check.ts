/**
 * The check that a document prints every number, date and code of its tables whole: each
 * such token (a word of a table cell with a digit in it: an order number, days "1.006,5", a
 * share "24,6%", a date, a trip code "CĐCS-2025-0012") must appear as often in the text
 * LibreOffice laid out (pdftotext) as in the .docx. A token broken over two lines ("1.006,"
 * over "5", "10" over "0") no longer appears whole, so its count falls short.
 *
 * Also: where a word sits on a PDF page (pdftotext -bbox), to check that two lines are level.
 */
import { spawnSync } from 'node:child_process'
import { elements, paragraphsOf, tablesOf, type DocxParts } from './docx-xml'

/** Words of text, as both sides are compared: split at any white space (no-break spaces too). */
function wordsOf(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean)
}

function counts(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>()
  for (const w of words) map.set(w, (map.get(w) ?? 0) + 1)
  return map
}

/** The text of a PDF as LibreOffice laid it out, page by page (one string per page). */
export function pdfText(pdf: string, layout = true): string[] {
  const run = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (run.status !== 0) throw new Error(`pdftotext failed (${run.status}): ${run.stderr}`)
  return run.stdout.split('\f')
}

/** The tokens a table of the document must print whole: the words of its cells that hold a digit. */
export function tableTokens(docx: DocxParts): Map<string, number> {
  const words: string[] = []
  for (const table of tablesOf(docx.document)) {
    for (const row of elements(table.xml, 'w:tr')) {
      for (const p of paragraphsOf(row)) words.push(...wordsOf(p.text).filter((w) => /\d/.test(w)))
    }
  }
  return counts(words)
}

export interface WrapProblem {
  token: string
  /** Whole occurrences in the .docx (tables and text alike). */
  inDocx: number
  /** Whole occurrences in the PDF's text. */
  inPdf: number
}

/**
 * Every table token that the PDF prints whole fewer times than the .docx holds it: the
 * tokens a word processor broke. Empty when nothing wrapped.
 */
export function brokenTokens(docx: DocxParts, pdf: string): WrapProblem[] {
  const expected = tableTokens(docx)
  const inDocx = counts(paragraphsOf(docx.document).flatMap((p) => wordsOf(p.text)))
  const inPdf = counts(pdfText(pdf).flatMap((page) => wordsOf(page)))
  const problems: WrapProblem[] = []
  for (const token of expected.keys()) {
    const want = inDocx.get(token) ?? 0
    const got = inPdf.get(token) ?? 0
    if (got < want) problems.push({ token, inDocx: want, inPdf: got })
  }
  return problems
}

export interface PdfWord {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Every word of a PDF with its box, in points from the page's top left (pdftotext -bbox). */
export function pdfWords(pdf: string): PdfWord[] {
  const run = spawnSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (run.status !== 0) throw new Error(`pdftotext -bbox failed (${run.status}): ${run.stderr}`)
  const words: PdfWord[] = []
  const pages = run.stdout.split(/<page /).slice(1)
  pages.forEach((page, i) => {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
    )) {
      words.push({
        page: i + 1,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: (m[5] ?? '')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
      })
    }
  })
  return words
}
