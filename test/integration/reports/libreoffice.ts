/**
 * LibreOffice for the tests that look at documents as another word processor lays them out:
 * which command is installed, headless conversion of .docx files to PDF (one profile per
 * run, so parallel runs never share one), and the pages of the resulting PDF.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'

/** 'soffice' or 'libreoffice' when installed, else undefined (the PDF tests are skipped). */
export const soffice = ['soffice', 'libreoffice'].find(
  (cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0
)

export const SOFFICE_HINT =
  'LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2'

/** Converts the .docx files into PDFs next to them (one soffice run); returns the PDF paths in order. */
export function convertToPdf(docxFiles: readonly string[], outDir: string): string[] {
  if (!soffice) throw new Error(SOFFICE_HINT)
  const profile = mkdtempSync(join(tmpdir(), 'lo-'))
  const run = spawnSync(
    soffice,
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...docxFiles
    ],
    { encoding: 'utf8', timeout: 240_000 }
  )
  const pdfs = docxFiles.map((f) => join(outDir, `${basename(f).replace(/\.docx$/, '')}.pdf`))
  const missing = pdfs.filter((p) => !existsSync(p))
  if (run.status !== 0 || missing.length) {
    throw new Error(`soffice failed (${run.status}), missing ${missing.join(', ')}: ${run.stderr}`)
  }
  return pdfs
}

export interface PdfPage {
  width: number
  height: number
}

/** The pages of a PDF as LibreOffice writes it (uncompressed page objects, one MediaBox each), in points. */
export function pdfPages(file: string): PdfPage[] {
  const text = readFileSync(file).toString('latin1')
  const pages: PdfPage[] = []
  for (const m of text.matchAll(/\d+ 0 obj([\s\S]*?)endobj/g)) {
    const body = m[1] ?? ''
    if (!/\/Type\s*\/Page(?![s\w])/.test(body)) continue
    const box = /\/MediaBox\s*\[\s*([\d.\s-]+)\]/.exec(body)?.[1]?.trim().split(/\s+/).map(Number)
    if (!box || box.length !== 4) throw new Error('page without MediaBox')
    pages.push({
      width: Math.round((box[2] ?? 0) - (box[0] ?? 0)),
      height: Math.round((box[3] ?? 0) - (box[1] ?? 0))
    })
  }
  return pages
}

export const A4_PORTRAIT: PdfPage = { width: 595, height: 842 }
export const A4_LANDSCAPE: PdfPage = { width: 842, height: 595 }
