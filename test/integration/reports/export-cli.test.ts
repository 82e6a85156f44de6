/**
 * `npm run cli -- export` as a clerk runs it, for all seven documents: the 2025 fixture
 * imported through the CLI into a fresh database, the office's details entered, each
 * document written to a .docx, numbered ones recorded in the register, the signer, date,
 * number and texts a văn thư chooses (--signer, --date, --number, --texts), and every file
 * opened by LibreOffice (converted to PDF headless: CI installs it).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/db/connection'
import { signers } from '../../../electron/db/schema'
import { createServiceContext } from '../../../electron/services/context'
import { paragraphsOf, plainText, readDocx } from './docx-xml'
import { enterOrganisation, fixtureDir, root } from './fixture-db'
import { A4_LANDSCAPE, A4_PORTRAIT, convertToPdf, pdfPages, soffice, SOFFICE_HINT } from './libreoffice'

function cli(args: string[]) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/cli.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8'
    }
  )
}

const dir = mkdtempSync(join(tmpdir(), 'sdcs-export-cli-'))
const db = join(dir, 'office.sqlite')
const out = (name: string) => join(dir, `${name}.docx`)

/** Each document with the options it needs, and the number it should get (null: not numbered or a draft). */
const RUNS: Array<{ name: string; args: string[]; symbol: string | null }> = [
  { name: 'year-report', args: ['--department', 'TCKT'], symbol: '01-BC/TĐTN-TCKT' },
  { name: 'progress-report', args: ['--as-of', '2025-06-30', '--draft'], symbol: null },
  { name: 'quarter-plan', args: ['--quarter', '4'], symbol: '01-KH/TĐTN-VP' },
  { name: 'registration-form', args: ['--quarter', '4', '--cadre', 'A03'], symbol: null },
  { name: 'registration-summary', args: ['--quarter', '4'], symbol: '01-DS/TĐTN-VP' },
  { name: 'trip-report', args: ['--trip', 'TR002'], symbol: null },
  { name: 'chi-doan-report', args: ['--trip', 'TR003'], symbol: null }
]

beforeAll(() => {
  const imported = cli(['import', join(fixtureDir, 'office-2025.xlsx'), '--db', db])
  if (imported.status !== 0)
    throw new Error(`import failed (${imported.status}):\n${imported.stdout}\n${imported.stderr}`)
  // The office's name, place and congress term, as the settings screen would save them.
  const handle = openDatabase(db)
  try {
    const ctx = createServiceContext(handle)
    enterOrganisation(ctx)
    // A second signer, not the default: --signer picks them.
    ctx.write('Thêm người ký (kiểm thử)', (_tx, log) => {
      const row = log.rows.insert(signers, {
        fullName: 'Lê Văn Tâm',
        position: 'BÍ THƯ',
        authority: 'TM. BAN THƯỜNG VỤ',
        isDefault: false,
        active: true
      })
      log.record('signers', row.fullName, 'insert', null, row)
    })
  } finally {
    handle.close()
  }
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('npm run cli -- export', () => {
  it("writes all seven documents, numbering the Ban Thường vụ's and recording them in the register", async () => {
    for (const run of RUNS) {
      const result = cli([
        'export',
        run.name,
        '--db',
        db,
        '--year',
        '2025',
        ...run.args,
        '--out',
        out(run.name)
      ])
      expect(result.stderr, run.name).toBe('')
      expect(result.status, run.name).toBe(0)
      expect(result.stdout).toContain(`Đã xuất: ${out(run.name)}`)
      const bytes = readFileSync(out(run.name))
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')
      const text = plainText((await readDocx(bytes)).document)
      expect(text).toContain('ĐOÀN TNCS HỒ CHÍ MINH')
      if (run.symbol) {
        expect(result.stdout).toContain(`Số văn bản: ${run.symbol} (đã ghi vào sổ đăng ký)`)
        expect(text).toContain(`Số: ${run.symbol}`)
      } else {
        expect(result.stdout).not.toContain('Số văn bản:')
      }
    }
    const register = openDatabase(db, { mustExist: true })
    try {
      const rows = register.sqlite.prepare('SELECT symbol FROM issued_documents ORDER BY id').all() as Array<{
        symbol: string
      }>
      expect(rows.map((r) => r.symbol)).toEqual(RUNS.flatMap((r) => (r.symbol ? [r.symbol] : [])))
    } finally {
      register.close()
    }
    // The document-specific content made it through the CLI's options.
    // The plan's schedule (its Phụ lục) has the one planned trip of Q4, TR005 of 22–26/12/2025.
    expect(plainText((await readDocx(readFileSync(out('quarter-plan')))).document)).toContain('22/12 –')
    expect(plainText((await readDocx(readFileSync(out('chi-doan-report')))).document)).toContain(
      'Chi đoàn ấp 2 xã Tân Ân (trực thuộc Đoàn xã Tân Ân)'
    )
    expect(plainText((await readDocx(readFileSync(out('registration-form')))).document)).toContain(
      'Họ và tên: Lê Minh Đức'
    )
  }, 180_000)

  it('gives the next issued plan the next number', () => {
    const result = cli([
      'export',
      'quarter-plan',
      '--db',
      db,
      '--year',
      '2025',
      '--quarter',
      '3',
      '--out',
      out('kh-q3')
    ])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Số văn bản: 02-KH/TĐTN-VP')
  }, 60_000)

  it('names what is missing with usage help and exit code 2', () => {
    const cases: Array<[string[], string]> = [
      [
        ['export', 'quarter-plan', '--db', db, '--year', '2025', '--out', out('x')],
        'Văn bản "quarter-plan" cần --quarter <1–4>.'
      ],
      [
        ['export', 'registration-form', '--db', db, '--year', '2025', '--out', out('x')],
        'cần --quarter <1–4>, --cadre <mã cán bộ>.'
      ],
      [
        ['export', 'chi-doan-report', '--db', db, '--year', '2025', '--out', out('x')],
        'cần --trip <mã chuyến đi>.'
      ],
      [['export', 'trip-report', '--db', db, '--year', '2025', '--trip', 'TR002'], 'Thiếu --out.'],
      [['export', 'trip-report', '--db', db, '--trip', 'TR002', '--out', out('x')], 'Thiếu --year.'],
      [['export', 'bao-cao', '--db', db, '--year', '2025', '--out', out('x')], 'Không có văn bản "bao-cao".'],
      [['export', '--db', db, '--year', '2025', '--out', out('x')], 'Cần 1 tham số, nhận được 0'],
      [
        ['export', 'year-report', '--db', db, '--year', '2025', '--date', '31/02/2025', '--out', out('x')],
        'Ngày ký --date không hợp lệ: "31/02/2025"'
      ],
      [
        [
          'export',
          'year-report',
          '--db',
          db,
          '--year',
          '2025',
          '--number',
          '3',
          '--draft',
          '--out',
          out('x')
        ],
        'Bản nháp (--draft) để trống số cho văn thư: không dùng cùng --number.'
      ]
    ]
    for (const [args, message] of cases) {
      const result = cli(args)
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr).toContain(message)
      expect(result.stderr).toContain('Cách dùng: npm run cli -- export <văn bản>')
    }
    expect(existsSync(out('x'))).toBe(false)
  }, 120_000)

  it('takes the signer, the date of signing, a typed number and the texts of a JSON file', async () => {
    const texts = join(dir, 'noi-dung.json')
    writeFileSync(
      texts,
      JSON.stringify({
        summary: 'Kết quả thực hiện chế độ đi công tác cơ sở\nnăm 2025 (báo cáo tổng kết)',
        proposals: 'Đề nghị Trung ương Đoàn sớm ban hành hướng dẫn giai đoạn 2025 – 2030.',
        recipients: ['Ban Tổ chức Trung ương Đoàn (b/c)', 'Thường trực Tỉnh ủy (b/c)', 'Lưu VP']
      })
    )
    const result = cli([
      'export',
      'year-report',
      '--db',
      db,
      '--year',
      '2025',
      '--signer',
      'le van tam',
      '--date',
      '28/12/2025',
      '--number',
      '45',
      '--texts',
      texts,
      '--out',
      out('year-report-45')
    ])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Số văn bản: 45-BC/TĐTN-VP (đã ghi vào sổ đăng ký)')
    const paras = paragraphsOf((await readDocx(readFileSync(out('year-report-45')))).document).map(
      (p) => p.text
    )
    expect(paras).toContain('Số: 45-BC/TĐTN-VP')
    expect(paras).toContain('Cà Mau, ngày 28 tháng 12 năm 2025')
    const title = paras.indexOf('BÁO CÁO')
    expect(paras.slice(title + 1, title + 3)).toEqual([
      'Kết quả thực hiện chế độ đi công tác cơ sở',
      'năm 2025 (báo cáo tổng kết)'
    ])
    expect(paras).toContain('Đề nghị Trung ương Đoàn sớm ban hành hướng dẫn giai đoạn 2025 – 2030.')
    const authority = paras.indexOf('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    expect(paras.slice(authority, authority + 3)).toEqual([
      'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN',
      'BÍ THƯ',
      'Lê Văn Tâm'
    ])
    const recipients = paras.indexOf('Nơi nhận:')
    expect(paras.slice(recipients + 1, recipients + 4)).toEqual([
      '- Ban Tổ chức Trung ương Đoàn (b/c);',
      '- Thường trực Tỉnh ủy (b/c);',
      '- Lưu VP.'
    ])
    const register = openDatabase(db, { mustExist: true })
    try {
      expect(
        register.sqlite
          .prepare("SELECT title, issued_date FROM issued_documents WHERE symbol = '45-BC/TĐTN-VP'")
          .get()
      ).toEqual({
        title: 'Kết quả thực hiện chế độ đi công tác cơ sở năm 2025 (báo cáo tổng kết)',
        issued_date: '2025-12-28'
      })
    } finally {
      register.close()
    }
  }, 60_000)

  it('refuses input the data does not allow with a Vietnamese message and exit code 1', () => {
    const cases: Array<[string[], string]> = [
      [['quarter-plan', '--quarter', '5'], 'Lỗi: Quý không hợp lệ: "5" (chỉ có quý 1, 2, 3 hoặc 4).'],
      [['quarter-plan', '--quarter', 'IV'], 'Lỗi: Quý không hợp lệ: "IV" (chỉ có quý 1, 2, 3 hoặc 4).'],
      [['chi-doan-report', '--trip', 'TR002'], 'không phải "Dự sinh hoạt chi đoàn"'],
      [['trip-report', '--trip', 'TR999'], 'Lỗi: Không có chuyến đi mã "TR999".'],
      [['registration-form', '--quarter', '4', '--cadre', 'Z99'], 'Lỗi: Không có cán bộ mã "Z99".'],
      [['registration-summary', '--quarter', '4', '--department', 'XYZ'], 'Lỗi: Không có ban mã "XYZ".'],
      [['year-report', '--signer', 'Trần Văn Không'], 'Lỗi: Không có người ký "Trần Văn Không"'],
      [['year-report', '--number', '45'], 'Số 45-BC/TĐTN-VP đã cấp ngày 28/12/2025'],
      [['trip-report', '--trip', 'TR002', '--number', '7'], 'không lấy số văn bản đi'],
      [['year-report', '--texts', join(dir, 'khong-co.json')], 'Lỗi: Không đọc được tệp nội dung']
    ]
    for (const [args, message] of cases) {
      const result = cli([
        'export',
        ...args.slice(0, 1),
        '--db',
        db,
        '--year',
        '2025',
        ...args.slice(1),
        '--out',
        out('y')
      ])
      expect(result.status, args.join(' ')).toBe(1)
      expect(result.stderr).toContain(message)
    }
    expect(existsSync(out('y'))).toBe(false)
  }, 120_000)
})

if (!soffice) console.warn(`export-cli.test.ts: the PDF check is skipped. ${SOFFICE_HINT}`)

describe.skipIf(!soffice)('LibreOffice opens every exported document', () => {
  it('converts each .docx to PDF on A4 pages (the year report with its landscape Phụ lục 01)', () => {
    const files = RUNS.map((r) => out(r.name))
    for (const f of files) expect(existsSync(f), f).toBe(true)
    const pdfs = convertToPdf(files, dir)
    pdfs.forEach((pdf, i) => {
      const pages = pdfPages(pdf)
      const name = RUNS[i]?.name
      expect(pages.length, name).toBeGreaterThan(0)
      for (const page of pages) expect([A4_PORTRAIT, A4_LANDSCAPE], name).toContainEqual(page)
      // The long lists are landscape appendices; the forms and trip reports are portrait.
      if (['year-report', 'progress-report', 'quarter-plan'].includes(name ?? '')) {
        expect(pages[0], name).toEqual(A4_PORTRAIT)
        expect(pages, name).toContainEqual(A4_LANDSCAPE)
      } else
        expect(
          pages.every((p) => p.width === A4_PORTRAIT.width),
          name
        ).toBe(true)
    })
  }, 240_000)
})
