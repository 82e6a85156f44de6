/**
 * The documents as LibreOffice lays them out (the office's other word processor besides Word
 * and WPS): each converts to PDF headless, with the expected pages in the expected
 * orientation. Page counts assume Times New Roman or its metric twin Liberation Serif
 * (Debian fonts-liberation2), which is what CI installs next to LibreOffice.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument } from '../../../electron/reports/export'
import { enterOrganisation, openFixtureDb, type FixtureDb } from './fixture-db'

const soffice = ['soffice', 'libreoffice'].find(
  (cmd) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0
)

interface PdfPage {
  width: number
  height: number
}

/** The pages of a PDF as LibreOffice writes it (uncompressed page objects, one MediaBox each). */
function pdfPages(pdf: Buffer): PdfPage[] {
  const text = pdf.toString('latin1')
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

function toPdf(dir: string, name: string, docx: Buffer): Buffer {
  const input = join(dir, `${name}.docx`)
  writeFileSync(input, docx)
  const profile = join(dir, 'lo-profile')
  const run = spawnSync(
    soffice ?? 'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      input
    ],
    { encoding: 'utf8', timeout: 120_000 }
  )
  const output = join(dir, `${name}.pdf`)
  if (run.status !== 0 || !existsSync(output))
    throw new Error(`soffice failed (${run.status}): ${run.stderr}`)
  return readFileSync(output)
}

if (!soffice) {
  console.warn(
    'pdf.test.ts skipped: LibreOffice (soffice) is not installed. ' +
      'apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-liberation2'
  )
}

const A4_PORTRAIT = { width: 595, height: 842 }
const A4_LANDSCAPE = { width: 842, height: 595 }

describe.skipIf(!soffice)('LibreOffice renders the documents (soffice --convert-to pdf)', () => {
  let fixture: FixtureDb
  let dir: string

  beforeAll(async () => {
    fixture = await openFixtureDb()
    enterOrganisation(fixture.at('2026-01-05'))
    dir = mkdtempSync(join(tmpdir(), 'sdcs-pdf-'))
  }, 60_000)

  afterAll(() => {
    fixture?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('lays out the year report on 2 portrait pages, the landscape Phụ lục 01 and Phụ lục 02', async () => {
    const out = await exportDocument(fixture.at('2026-01-05'), { document: 'year-report', year: 2025 })
    const pages = pdfPages(toPdf(dir, 'year-report', out.buffer))
    expect(pages).toEqual([A4_PORTRAIT, A4_PORTRAIT, A4_LANDSCAPE, A4_PORTRAIT])
  }, 120_000)

  it('lays out the mid-year progress report on 5 portrait pages', async () => {
    const out = await exportDocument(fixture.at('2025-07-02'), {
      document: 'progress-report',
      year: 2025,
      asOf: '2025-06-30',
      draft: true
    })
    const pages = pdfPages(toPdf(dir, 'progress-report', out.buffer))
    expect(pages).toEqual(Array.from({ length: 5 }, () => A4_PORTRAIT))
  }, 120_000)
})
