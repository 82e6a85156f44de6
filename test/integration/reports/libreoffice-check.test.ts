/**
 * The documents as a văn thư reads them before signing: rendered by LibreOffice (headless,
 * to PDF) for a large office (200 cadres, 6,000 trips, "BCH ĐOÀN TỈNH BÀ RỊA - VŨNG TÀU"),
 * for the 2025 fixture and for the demo office, then read back from the PDF text:
 *   - every total, order number, date and code of every table prints whole on one line
 *     (wrap-check.ts; a document made to wrap shows the check fails when it should);
 *   - the header keeps the issuer's two lines and the date line whole, with the number;
 *   - "Nơi nhận:" stands level with the signer's position line, the chosen signer signs,
 *     and the signature is on the page of the paragraph before it;
 *   - the long lists are landscape appendices, the documents themselves portrait A4.
 * All documents go through one LibreOffice run, each converted once.
 * Page sizes assume Times New Roman or its metric twin Liberation Serif (fonts-liberation2).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportDocument, type ExportOptions } from '../../../electron/reports/export'
import { createServiceContext } from '../../../electron/services/context'
import { buildDemoWorkbook } from '../../../electron/services/demo'
import { readTrip } from '../../../electron/services/people-read'
import { seedDemoSettings } from '../../../electron/services/settings/demo'
import { listTripsBetween } from '../../../electron/services/trips-read'
import { importWorkbookData } from '../../../electron/services/workbook'
import { openDatabase } from '../../../electron/db/connection'
import { readDocx, type DocxParts } from './docx-xml'
import { enterOrganisation, openFixtureDb, type FixtureDb } from './fixture-db'
import { LARGE_OFFICE, openLargeOffice } from './large-office'
import {
  A4_LANDSCAPE,
  A4_PORTRAIT,
  convertToPdf,
  pdfPages,
  soffice,
  SOFFICE_HINT,
  type PdfPage
} from './libreoffice'
import { brokenTokens, pdfText, pdfWords } from './wrap-check'

if (!soffice) console.warn(`libreoffice-check.test.ts skipped: ${SOFFICE_HINT}`)

interface Rendered {
  name: string
  docx: DocxParts
  pdf: string
  pages: PdfPage[]
  /** pdftotext -layout, page by page. */
  text: string[]
}

/** What the documents of one office are checked for. */
interface Expectations {
  /** The header's date line, whole on one line of page 1. */
  dateLine: string
  /** The issuer's lines as page 1 prints them. */
  issuerLines: string[]
  /** First word of the signer's position line ("PHÓ"), and the signer's name. */
  positionWord: string
  signerName: string
}

const dir = mkdtempSync(join(tmpdir(), 'sdcs-lo-check-'))
const rendered = new Map<string, Rendered>()
let fixture: FixtureDb | undefined

/** Kinds with long lists: the document portrait, its appendices landscape. */
const WITH_APPENDICES = new Set(['year-report', 'progress-report', 'quarter-plan'])

async function exportTo(
  files: Array<{ name: string; file: string }>,
  name: string,
  ctx: Parameters<typeof exportDocument>[0],
  options: ExportOptions
) {
  const out = await exportDocument(ctx, options)
  const file = join(dir, `${name}.docx`)
  writeFileSync(file, out.buffer)
  files.push({ name, file })
}

/** A table a word processor has to wrap: columns far too narrow for "1.006,5", "100" and a trip code. */
async function badlySizedTable(): Promise<Buffer> {
  const cell = (text: string) =>
    new TableCell({ width: { size: 420, type: WidthType.DXA }, children: [new Paragraph(text)] })
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Table({
              layout: TableLayoutType.FIXED,
              columnWidths: [420, 420, 420],
              rows: [new TableRow({ children: [cell('1.006,5'), cell('100'), cell('CĐCS-2025-0001')] })]
            })
          ]
        }
      ]
    })
  )
}

beforeAll(async () => {
  if (!soffice) return
  const files: Array<{ name: string; file: string }> = []

  // The large office: the documents of its year, quarter and trips as the văn thư makes them.
  const large = openLargeOffice(join(dir, 'large.sqlite'))
  try {
    const now = large.at(LARGE_OFFICE.today)
    const trips = listTripsBetween(now, '2025-01-01', LARGE_OFFICE.today)
    // A leader's trip without a topic (header under the BCH; a trích yếu naming place and date).
    const leaders = ['CB001', 'CB002', 'CB003', 'CB004']
    const byLeader = trips.filter((t) => t.status !== 'DU_KIEN' && leaders.includes(t.cadres[0]?.code ?? ''))
    const leaderTrip = byLeader.find((t) => !t.topic) ?? byLeader[0]
    // A chi đoàn meeting recorded against a district union.
    const districtMeeting = trips.find(
      (t) =>
        t.kind === 'DU_SH_CHI_DOAN' &&
        t.status !== 'DU_KIEN' &&
        readTrip(now, t.code).units.every((u) => u.kind === 'HUYEN_DOAN')
    )
    // The cadre with the most trips in Q4: the longest registration form.
    const q4 = listTripsBetween(now, '2025-10-01', '2025-12-31')
    const busiest = [...new Set(q4.flatMap((t) => t.cadres.map((c) => c.code)))]
      .map((code) => ({ code, n: q4.filter((t) => t.cadres.some((c) => c.code === code)).length }))
      .sort((a, b) => b.n - a.n)[0]
    if (!leaderTrip || !districtMeeting || !busiest) throw new Error('the large office lacks a sample trip')
    await exportTo(files, 'large-year-report', large.at('2026-01-05'), {
      document: 'year-report',
      year: 2025
    })
    await exportTo(files, 'large-progress-report', now, { document: 'progress-report', year: 2025 })
    await exportTo(files, 'large-quarter-plan', now, { document: 'quarter-plan', year: 2025, quarter: 4 })
    await exportTo(files, 'large-registration-summary', now, {
      document: 'registration-summary',
      year: 2025,
      quarter: 4
    })
    await exportTo(files, 'large-registration-form', now, {
      document: 'registration-form',
      year: 2025,
      quarter: 4,
      cadreCode: busiest.code
    })
    await exportTo(files, 'large-trip-report', now, {
      document: 'trip-report',
      year: 2025,
      tripCode: leaderTrip.code
    })
    await exportTo(files, 'large-chi-doan-report', now, {
      document: 'chi-doan-report',
      year: 2025,
      tripCode: districtMeeting.code
    })
  } finally {
    large.handle.close()
  }

  // The 2025 fixture with its office details.
  fixture = await openFixtureDb()
  enterOrganisation(fixture.at('2026-01-05'))
  await exportTo(files, 'fixture-year-report', fixture.at('2026-01-05'), {
    document: 'year-report',
    year: 2025
  })
  await exportTo(files, 'fixture-progress-report', fixture.at('2025-07-02'), {
    document: 'progress-report',
    year: 2025,
    asOf: '2025-06-30'
  })
  await exportTo(files, 'fixture-quarter-plan', fixture.at('2025-12-01'), {
    document: 'quarter-plan',
    year: 2025,
    quarter: 4
  })

  // The demo office (its organisation and signers come with its workbook).
  const demo = openDatabase(join(dir, 'demo.sqlite'))
  try {
    const ctx = createServiceContext(demo, {
      today: () => '2025-10-15',
      now: () => '2025-10-15T08:00:00.000Z'
    })
    const imported = importWorkbookData(
      ctx,
      buildDemoWorkbook({ year: 2025, today: '2025-10-15' }),
      'Dữ liệu mẫu'
    )
    if (!imported.committed) throw new Error('the demo office was not imported')
    seedDemoSettings(ctx, 2025)
    await exportTo(files, 'demo-year-report', ctx, { document: 'year-report', year: 2025 })
    await exportTo(files, 'demo-progress-report', ctx, { document: 'progress-report', year: 2025 })
    await exportTo(files, 'demo-quarter-plan', ctx, { document: 'quarter-plan', year: 2025, quarter: 4 })
  } finally {
    demo.close()
  }

  const control = join(dir, 'control-narrow-columns.docx')
  writeFileSync(control, await badlySizedTable())
  files.push({ name: 'control', file: control })

  const pdfs = convertToPdf(
    files.map((f) => f.file),
    dir
  )
  for (const [i, f] of files.entries()) {
    const pdf = pdfs[i] ?? ''
    rendered.set(f.name, {
      name: f.name,
      docx: await readDocx(readFileSync(f.file)),
      pdf,
      pages: pdfPages(pdf),
      text: pdfText(pdf)
    })
  }
}, 600_000)

afterAll(() => {
  fixture?.close()
  rmSync(dir, { recursive: true, force: true })
})

function doc(name: string): Rendered {
  const r = rendered.get(name)
  if (!r) throw new Error(`${name} was not rendered`)
  return r
}

/** The lines of a page with runs of spaces made one (the layout text pads columns apart). */
function linesOf(page: string): string[] {
  return page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim())
}

const OFFICES: Array<{ prefix: string; kinds: string[]; expect: Expectations }> = [
  {
    prefix: 'large',
    kinds: [
      'year-report',
      'progress-report',
      'quarter-plan',
      'registration-summary',
      'registration-form',
      'trip-report',
      'chi-doan-report'
    ],
    expect: {
      dateLine: 'Bà Rịa - Vũng Tàu, ngày',
      issuerLines: ['BCH ĐOÀN TỈNH', 'BÀ RỊA - VŨNG TÀU'],
      positionWord: 'PHÓ',
      signerName: LARGE_OFFICE.signer.fullName
    }
  },
  {
    prefix: 'fixture',
    kinds: ['year-report', 'progress-report', 'quarter-plan'],
    expect: {
      dateLine: 'Cà Mau, ngày',
      issuerLines: ['BCH ĐOÀN TỈNH CÀ MAU'],
      positionWord: 'PHÓ',
      signerName: 'Nguyễn Hồng Thắm'
    }
  },
  {
    prefix: 'demo',
    kinds: ['year-report', 'progress-report', 'quarter-plan'],
    expect: {
      dateLine: 'Lâm Đồng, ngày 15 tháng 10 năm 2025',
      issuerLines: ['BCH ĐOÀN TỈNH LÂM ĐỒNG'],
      positionWord: 'BÍ',
      signerName: 'Nguyễn Thị Thu Hà'
    }
  }
]

describe.skipIf(!soffice)('documents as LibreOffice lays them out', () => {
  it('finds a broken number when a column is too narrow (the check can fail)', () => {
    const problems = brokenTokens(doc('control').docx, doc('control').pdf).map((p) => p.token)
    expect(problems).toEqual(expect.arrayContaining(['1.006,5', '100', 'CĐCS-2025-0001']))
  })

  for (const office of OFFICES) {
    describe(`the ${office.prefix} office`, () => {
      for (const kind of office.kinds) {
        const name = `${office.prefix}-${kind}`

        it(`${kind}: prints every total, order number, date and code of its tables whole`, () => {
          const r = doc(name)
          expect(brokenTokens(r.docx, r.pdf), name).toEqual([])
        })

        it(`${kind}: is portrait A4, its long lists landscape appendices`, () => {
          const { pages } = doc(name)
          expect(pages[0], name).toEqual(A4_PORTRAIT)
          for (const page of pages) expect([A4_PORTRAIT, A4_LANDSCAPE], name).toContainEqual(page)
          if (WITH_APPENDICES.has(kind) && office.prefix === 'large')
            expect(pages.filter((p) => p.width === A4_LANDSCAPE.width).length, name).toBeGreaterThan(1)
          if (!WITH_APPENDICES.has(kind))
            expect(
              pages.every((p) => p.width === A4_PORTRAIT.width),
              name
            ).toBe(true)
        })

        it(`${kind}: keeps the issuer's lines and the date line whole in the header`, () => {
          const lines = linesOf(doc(name).text[0] ?? '')
          const personal = ['registration-form', 'trip-report', 'chi-doan-report'].includes(kind)
          for (const issuer of office.expect.issuerLines) {
            expect(
              lines.some((l) => l === issuer || l.startsWith(`${issuer} `)),
              `${name}: ${issuer}`
            ).toBe(true)
          }
          const dateLine = lines.find((l) => l.includes(office.expect.dateLine))
          expect(dateLine, name).toBeDefined()
          expect(dateLine, name).toMatch(/ngày \d{2} tháng \d{1,2} năm \d{4}$/)
          if (!personal) expect(dateLine, name).toMatch(/^Số: \d{2,}-(BC|KH|DS)\/TĐTN-VP /)
        })

        if (kind !== 'registration-form') {
          it(`${kind}: has "Nơi nhận:" level with the signer's position line, on the page of the text before it`, () => {
            const r = doc(name)
            const words = pdfWords(r.pdf)
            const at = words.findIndex((w, i) => w.text === 'Nơi' && words[i + 1]?.text === 'nhận:')
            const label = words[at]
            expect(label, name).toBeDefined()
            const personal = kind === 'trip-report' || kind === 'chi-doan-report'
            const title = personal ? 'NGƯỜI' : office.expect.positionWord
            const position = words.find(
              (w) => w.page === label?.page && w.text === title && w.xMin > (label?.xMax ?? 0) + 100
            )
            expect(position, `${name}: ${title}`).toBeDefined()
            expect(Math.abs((position?.yMin ?? 0) - (label?.yMin ?? 0)), name).toBeLessThan(4)
            const page = r.text[(label?.page ?? 1) - 1] ?? ''
            if (!personal) expect(linesOf(page).join('\n'), name).toContain(office.expect.signerName)
            // Never alone on its page: body text stands above the signature.
            const above = words.filter((w) => w.page === label?.page && w.yMax < (label?.yMin ?? 0) - 20)
            expect(above.length, name).toBeGreaterThan(10)
          })
        }
      }
    })
  }

  it('registration form: keeps the commitment, the last rows and the signatures together', () => {
    const r = doc('large-registration-form')
    const page = r.text.findIndex((p) => p.includes('NGƯỜI ĐĂNG KÝ'))
    expect(page).toBeGreaterThanOrEqual(0)
    expect(r.text[page]).toContain('Tôi cam kết')
    expect(r.text[page]).toContain('Tổng số ngày đăng ký trong quý')
  })
})
