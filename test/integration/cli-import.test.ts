/**
 * `npm run cli -- import` and friends as a clerk runs them: a dry run prints the preview
 * (adds, each changed cell old → new, warnings grouped with renames first) and leaves the
 * database byte for byte as it was; every refusal and usage mistake is said in Vietnamese;
 * `help` names the files `demo` really writes and how to open them in the app.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { NOTHING_NEW_MESSAGE } from '../../shared/api/workbook'
import { fileDigest, FIXTURE } from './workbook-helpers'

const root = resolve(__dirname, '../..')

function cli(args: string[]) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/cli.ts'), ...args],
    { cwd: root, encoding: 'utf8' }
  )
}

const dir = mkdtempSync(join(tmpdir(), 'sdcs-cli-import-'))
const db = join(dir, 'office.sqlite')
const renamed = join(dir, 'don-vi-khac.xlsx')

beforeAll(async () => {
  const imported = cli(['import', FIXTURE, '--db', db])
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stdout}\n${imported.stderr}`)
  // Another office's copy of the fixture: A01 is another person, TD another unit.
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(FIXTURE)
  workbook.getWorksheet('Cán bộ')!.getCell('B2').value = 'Lý Thị Mai'
  workbook.getWorksheet('Đơn vị')!.getCell('B2').value = 'Tỉnh đoàn Lâm Đồng'
  await workbook.xlsx.writeFile(renamed)
}, 60_000)

describe('import --dry-run', () => {
  it('prints the updates with each field old → new and the renames first, and writes nothing', () => {
    const before = fileDigest(db)
    const result = cli(['import', renamed, '--db', db, '--dry-run'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const out = result.stdout
    expect(out).toContain('Xem trước tệp "don-vi-khac.xlsx" (chạy thử, không ghi gì vào cơ sở dữ liệu):')
    expect(out).toMatch(/Cán bộ\s+0\s+1\s+7\n/)
    expect(out).toContain('Cập nhật (2):')
    expect(out).toContain(
      '  ~ Đơn vị TD – Tỉnh đoàn Cà Mau (dòng 2)\n      Tên đơn vị: Tỉnh đoàn Cà Mau → Tỉnh đoàn Lâm Đồng\n'
    )
    expect(out).toMatch(/ {2}~ Cán bộ A01 – (.+) \(dòng 2\)\n {6}Họ và tên: \1 → Lý Thị Mai\n/)
    const renames = out.indexOf('  Mã đã có sẽ mang tên khác (2)')
    const overlaps = out.indexOf('  Chuyến đi trùng thời gian (')
    expect(renames).toBeGreaterThan(out.indexOf('Cảnh báo ('))
    expect(overlaps).toBeGreaterThan(renames)
    expect(out).toContain('    ! Cán bộ, dòng 2, cột "Họ và tên": mã A01 đang là cán bộ')
    expect(out).toContain('Để nhập thật, chạy lại lệnh mà không có --dry-run.')
    expect(fileDigest(db)).toBe(before)
  }, 30_000)

  it('lists every row it would add, and creates no database when there is none', () => {
    const missing = join(dir, 'chua-co.sqlite')
    const result = cli(['import', FIXTURE, '--db', missing, '--dry-run'])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('Thêm mới (267):')
    expect(result.stdout).toContain(
      '  + Chuyến đi TR001 – 10/03/2025–13/03/2025, Phối hợp chỉ đạo, tổ chức hoạt động (dòng 2)'
    )
    expect(existsSync(missing)).toBe(false)
  }, 30_000)
})

describe('import', () => {
  it('says an unchanged file has nothing new, writes nothing and exits 0', () => {
    const before = fileDigest(db)
    const result = cli(['import', FIXTURE, '--db', db])
    expect(result.status).toBe(0)
    expect(result.stdout).toContain(NOTHING_NEW_MESSAGE)
    expect(fileDigest(db)).toBe(before)
  }, 30_000)

  it('refuses a file that is not a database of the app, in Vietnamese, leaving it as it was', () => {
    const notes = join(dir, 'ghi-chu.sqlite')
    writeFileSync(notes, 'Danh sách cán bộ đi cơ sở\n')
    for (const args of [
      ['import', FIXTURE, '--db', notes],
      ['import', FIXTURE, '--db', notes, '--dry-run'],
      ['summary', '--db', notes, '--year', '2025']
    ]) {
      const result = cli(args)
      expect(result.status, args.join(' ')).toBe(1)
      expect(result.stderr).toContain(`Lỗi: Tệp ${notes} không phải cơ sở dữ liệu của Sổ đi cơ sở`)
    }
    expect(readFileSync(notes, 'utf8')).toBe('Danh sách cán bộ đi cơ sở\n')
  }, 30_000)
})

describe('usage mistakes and refusals, in Vietnamese', () => {
  it('translates what node:util says about options', () => {
    const cases: Array<[string[], string]> = [
      [['import', FIXTURE, '--db', db, '--bogus'], 'Tùy chọn không hợp lệ: --bogus'],
      [['summary', '--db', db, '--year', '2025', '-x'], 'Tùy chọn không hợp lệ: -x'],
      [['import', FIXTURE, '--db'], 'Thiếu giá trị cho --db.'],
      [['summary', '--db', '--year', '2025'], 'Thiếu giá trị cho --db.'],
      [['summary', '--db', db, '--year', '2025', '--json=1'], 'Tùy chọn --json không nhận giá trị.'],
      [['summary', '--db', db, '--year', '2025', 'thua'], 'Tham số thừa: "thua"'],
      [['import', '--db', db], 'Cần 1 tham số, nhận được 0. Thiếu <tệp.xlsx>.'],
      [['import', FIXTURE], 'Thiếu --db.']
    ]
    for (const [args, message] of cases) {
      const result = cli(args)
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toContain(message)
      expect(result.stderr).toContain('Cách dùng: npm run cli -- ')
      expect(result.stderr, args.join(' ')).not.toMatch(/Unknown|Unexpected|argument missing|ambiguous/)
    }
  }, 90_000)

  it('refuses a summary as of a day outside the chosen year with exit code 1', () => {
    const result = cli(['summary', '--db', db, '--year', '2025', '--as-of', '2026-01-15'])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      'Lỗi: Ngày tính đến 15/01/2026 không thuộc năm 2025: hãy chọn một ngày từ 01/01/2025 đến 31/12/2025.'
    )
  }, 30_000)
})

describe('help and demo', () => {
  it('names the files demo writes, which it does write, and how to open them in the app', () => {
    const help = cli(['help'])
    expect(help.status).toBe(0)
    const demoLine = help.stdout.split('\n').find((line) => line.trimStart().startsWith('demo'))
    expect(demoLine).toBeDefined()
    const named = [...(demoLine ?? '').matchAll(/(so-di-co-so[\w-]*\.(?:sqlite|xlsx))/g)].map((m) => m[1])
    expect(named).toEqual(['so-di-co-so.sqlite', 'so-di-co-so-demo.xlsx'])
    expect(demoLine).toContain('SO_DI_CO_SO_DATA_DIR=<thư mục> npm start')
    expect(help.stdout).toContain('import <tệp.xlsx> --db <tệp.sqlite> [--dry-run]')

    const folder = join(dir, 'demo')
    const demo = cli(['demo', '--out', folder])
    expect(demo.stderr).toBe('')
    expect(demo.status).toBe(0)
    for (const file of named) expect(existsSync(join(folder, file ?? '')), file).toBe(true)
    expect(demo.stdout).toContain(`SO_DI_CO_SO_DATA_DIR="${folder}" npm start`)
    // The folder opens as the app's data folder: a summary reads it, with the demo's organisation.
    const summary = cli([
      'summary',
      '--db',
      join(folder, 'so-di-co-so.sqlite'),
      '--year',
      new Date().getFullYear().toString()
    ])
    expect(summary.status).toBe(0)
    expect(summary.stdout).toContain('Tổng số cán bộ: 20')

    const again = cli(['demo', '--out', folder])
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('Thư mục đã có cơ sở dữ liệu')
  }, 90_000)
})

describe('another office’s workbook over the demo', () => {
  it('dry-runs with every cadre whose code would get another person’s name in the renames group', async () => {
    const folder = join(dir, 'demo-other')
    const demo = cli(['demo', '--out', folder])
    expect(demo.status, demo.stderr).toBe(0)
    const demoDb = join(folder, 'so-di-co-so.sqlite')
    // Another office keeps the same code scheme (CB01…CB20) for other people: shift every name
    // down one row, so each code now carries its neighbour's name.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(join(folder, 'so-di-co-so-demo.xlsx'))
    const sheet = workbook.getWorksheet('Cán bộ')!
    const names: string[] = []
    for (let row = 2; row <= sheet.rowCount; row++) names.push(String(sheet.getCell(row, 2).value))
    names.forEach((_, i) => {
      sheet.getCell(i + 2, 2).value = names[(i + 1) % names.length]!
    })
    const other = join(folder, 'van-phong-khac.xlsx')
    await workbook.xlsx.writeFile(other)

    const before = fileDigest(demoDb)
    const result = cli(['import', other, '--db', demoDb, '--dry-run'])
    expect(result.status, result.stderr).toBe(0)
    const out = result.stdout
    expect(out).toContain(`  Mã đã có sẽ mang tên khác (${names.length})`)
    // Each rename names the code, the person it is now and the person it would become.
    expect(out).toContain(`Họ và tên: ${names[0]} → ${names[1]}`)
    expect(out.indexOf('  Mã đã có sẽ mang tên khác')).toBeLessThan(out.indexOf('Để nhập thật'))
    expect(fileDigest(demoDb)).toBe(before)
  }, 90_000)
})
