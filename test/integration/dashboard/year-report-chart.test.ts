/**
 * "Kèm biểu đồ": the year report of the 2025 fixture built with the per-cadre chart appendix
 * (a native Word chart, electron/reports/documents/year-report-chart.ts), read back from the
 * .docx: one bar per subject cadre, stacked by kind, with the summary's own days; and the same
 * document without the option has no chart. LibreOffice turns it into a PDF page to look at.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { Packer } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildYearReport, type YearReportInput } from '../../../electron/reports/documents/year-report'
import { chartLabel, CADRES_PER_CHART } from '../../../electron/reports/documents/year-report-chart'
import { loadYearReportData } from '../../../electron/reports/load'
import { CONTENT_KINDS, CONTENT_KIND_SHORT_LABELS } from '../../../shared/domain/kinds'
import { expected, openFixtureDb, type FixtureDb } from '../reports/fixture-db'

let fixture: FixtureDb
let input: Omit<YearReportInput, 'withChart'>

beforeAll(async () => {
  fixture = await openFixtureDb()
  const ctx = fixture.at('2026-01-05')
  input = {
    meta: {
      issuer: {
        issuerName: 'BCH ĐOÀN TỈNH CÀ MAU',
        placeName: 'Cà Mau',
        issuerAbbreviation: 'TĐTN',
        issuerLevelName: 'TỈNH ĐOÀN',
        congressTerm: '2022–2027'
      },
      signer: { authority: 'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN', position: 'PHÓ BÍ THƯ', fullName: 'Nguyễn Văn An' },
      departmentAbbreviation: 'XDĐ',
      number: 12,
      date: '2026-01-05',
      draftYear: 2026,
      texts: {},
      markDefaults: false
    },
    ...loadYearReportData(ctx, 2025, '2025-12-31')
  }
}, 60_000)

afterAll(() => fixture?.close())

async function chartsOf(buffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer)
  const names = Object.keys(zip.files).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n))
  return Promise.all(names.sort().map((n) => zip.file(n)!.async('string')))
}

/** The text of every <c:v> of a series' values (c:val) or categories (c:cat), in order. */
function cachedValues(xml: string, part: 'c:val' | 'c:cat'): string[][] {
  return [...xml.matchAll(new RegExp(`<${part}>([\\s\\S]*?)</${part}>`, 'g'))].map((m) =>
    [...(m[1] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => v[1] ?? '')
  )
}

describe('the year report with "Kèm biểu đồ"', () => {
  it('adds a chart appendix with one stacked bar per subject cadre, the summary’s days by kind', async () => {
    const buffer = await Packer.toBuffer(buildYearReport({ ...input, withChart: true }))
    const charts = await chartsOf(buffer)
    const subject = expected.yearEnd.cadres.filter((c) => c.status !== 'MIEN')
    expect(subject.length).toBeLessThanOrEqual(CADRES_PER_CHART)
    expect(charts).toHaveLength(1)
    const xml = charts[0]!
    expect(xml).toContain('<c:barDir val="bar"/>')
    expect(xml).toContain('<c:grouping val="stacked"/>')
    for (const k of CONTENT_KINDS) expect(xml).toContain(CONTENT_KIND_SHORT_LABELS[k])

    // Categories: the subject cadres in the summary's order, reversed (Word draws the first at the bottom).
    const order = input.summary.cadres.filter((c) => c.status !== 'MIEN')
    const categories = cachedValues(xml, 'c:cat')
    expect(categories[0]).toEqual(order.map(chartLabel).reverse())
    expect(categories[0]).toContain('Lê Minh Đức (58/60)')
    // Values: each kind's series holds each cadre's days of that kind, as the fixture expects.
    const values = cachedValues(xml, 'c:val')
    expect(values).toHaveLength(CONTENT_KINDS.length)
    CONTENT_KINDS.forEach((kind, s) => {
      const want = [...order].reverse().map((c) => subject.find((e) => e.code === c.code)!.daysByKind[kind])
      expect(values[s]!.map(Number), kind).toEqual(want)
    })

    const document = await JSZip.loadAsync(buffer).then((z) => z.file('word/document.xml')!.async('string'))
    expect(document).toContain('BIỂU ĐỒ SỐ NGÀY ĐI CÔNG TÁC CƠ SỞ')
    expect(document).toContain('Phụ lục 03')

    // A look at the page as LibreOffice draws it (where LibreOffice is installed).
    if (existsSync('/usr/bin/soffice')) {
      // Kept in test-results for a person to open (the chart page is the last one).
      const dir = join(__dirname, '../../../test-results/year-report-chart')
      mkdirSync(dir, { recursive: true })
      const file = join(dir, 'bao-cao-kem-bieu-do.docx')
      writeFileSync(file, buffer)
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        timeout: 120_000
      })
      expect(existsSync(join(dir, 'bao-cao-kem-bieu-do.pdf'))).toBe(true)
    }
  }, 180_000)

  it('has no chart without the option', async () => {
    const buffer = await Packer.toBuffer(buildYearReport({ ...input }))
    expect(await chartsOf(buffer)).toHaveLength(0)
  })
})
