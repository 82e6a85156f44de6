/**
 * Hostile workbooks (issue 13, item 3): the bounds of IMPORT-TEMPLATE.md are enforced while
 * reading. A 1,000,000-row file under the right headers is refused with a Vietnamese message
 * in seconds, its peak memory measured in a process of its own; a file over 20 MB, a part
 * that inflates without end, the error list past 200, a formula without its stored result.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { checkWorkbookBounds, RowCounter, WORKBOOK_BOUNDS } from '../../../electron/services/workbook/bounds'
import { parseWorkbook } from '../../../electron/services/workbook/parse'
import {
  compactTripRows,
  COMPACT_TRIP_STRINGS,
  rowXml,
  TRIP_HEADERS,
  tripRows,
  writeRawXlsx
} from './raw-xlsx'
import { readFileSync } from 'node:fs'

const root = resolve(__dirname, '../../..')
const dir = mkdtempSync(join(tmpdir(), 'sdcs-bounds-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ROWS_MESSAGE =
  'Tệp có hơn 50.000 dòng dữ liệu: Sổ đi cơ sở nhận tối đa 50.000 dòng (tính tất cả các trang) trong một lần nhập. ' +
  'Không có gì được nhập. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn rồi nhập lần lượt.'

describe('a million rows under the right headers', () => {
  it('are refused in seconds, the process staying under 500 MB', async () => {
    const file = join(dir, 'trieu-dong.xlsx')
    await writeRawXlsx(
      file,
      [{ name: 'Chuyến đi', rows: () => compactTripRows(1_000_000) }],
      COMPACT_TRIP_STRINGS
    )
    const size = statSync(file).size
    // Small enough that only the row count can refuse it (the 20 MB bound does not apply).
    expect(size).toBeLessThan(WORKBOOK_BOUNDS.maxFileBytes)
    const started = Date.now()
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'bounds-child.ts'), file],
      { cwd: root, maxBuffer: 1 << 20 }
    )
    const elapsed = Date.now() - started
    const outcome = JSON.parse(stdout) as { ok: boolean; errors: string[]; ms: number; maxRssMB: number }
    console.info(
      `1,000,000 rows (${(size / 1e6).toFixed(1)} MB): refused in ${outcome.ms} ms, peak RSS ${outcome.maxRssMB} MB`
    )
    expect(outcome.ok).toBe(true)
    expect(outcome.errors).toEqual([ROWS_MESSAGE])
    expect(outcome.ms).toBeLessThan(5_000)
    expect(elapsed).toBeLessThan(30_000)
    expect(outcome.maxRssMB).toBeLessThan(500)
  }, 120_000)

  it('are counted exactly: 50,000 data rows pass the bound, 50,001 do not', async () => {
    const counted = async (rows: number) => {
      const file = join(dir, `rows-${rows}.xlsx`)
      await writeRawXlsx(
        file,
        [{ name: 'Chuyến đi', rows: () => compactTripRows(rows) }],
        COMPACT_TRIP_STRINGS
      )
      return checkWorkbookBounds(readFileSync(file))
    }
    expect(await counted(50_000)).toBeNull()
    expect(await counted(50_001)).toBe(ROWS_MESSAGE)
  }, 60_000)
})

describe('the row counter', () => {
  it('counts rows holding a value, across any chunk boundary', () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2" s="3" customFormat="1"/>' +
      '<row r="3"><c r="A3" s="1"/></row><x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>Ă</x:t></x:is></x:c></x:row>' +
      '<row r="5"><c r="A5"><f>1+1</f></c></row><rowBreaks count="1"/></sheetData>'
    const bytes = Buffer.from(xml, 'utf8')
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const counter = new RowCounter()
      for (let i = 0; i < bytes.length; i += size) counter.push(bytes.subarray(i, i + size))
      expect(counter.rows, `chunks of ${size}`).toBe(3)
    }
  })
})

describe('other bounds', () => {
  it('a file over 20 MB is refused before it is opened, naming the limit', async () => {
    const big = Buffer.alloc(WORKBOOK_BOUNDS.maxFileBytes + 1024 * 1024, 1)
    const parsed = await parseWorkbook(big)
    expect(parsed.errors.map((e) => e.text)).toEqual([
      'Tệp quá lớn (21,0 MB): Sổ đi cơ sở nhận tệp đến 20 MB. Không có gì được nhập. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn rồi nhập lần lượt.'
    ])
  })

  it('a part that inflates beyond its cap (a "zip bomb") is refused', async () => {
    const file = join(dir, 'bomb.xlsx')
    // 70 MB of one repeated shared string: about 70 KB zipped.
    const huge = 'A'.repeat(70 * 1024 * 1024)
    await writeRawXlsx(file, [{ name: 'Chuyến đi', rows: () => tripRows(2) }], [huge])
    expect(statSync(file).size).toBeLessThan(1024 * 1024)
    const refusal = await checkWorkbookBounds(readFileSync(file))
    expect(refusal).toBe(
      'Tệp khi giải nén lớn bất thường (phần "xl/sharedStrings.xml" vượt 64 MB): tệp bị hỏng hoặc không phải sổ Excel thông thường. Không có gì được nhập.'
    )
  }, 60_000)

  it('a file that is not a zip says it is not an .xlsx', async () => {
    const parsed = await parseWorkbook(Buffer.from('Họ và tên;Mã cán bộ\nNguyễn Văn A;CB01\n'))
    expect(parsed.errors.map((e) => e.text)).toEqual([
      'Không đọc được tệp: đây không phải tệp Excel .xlsx hợp lệ (tệp .xls cũ cần lưu lại dạng .xlsx).'
    ])
    // A zip whose directory points nowhere is not read further either.
    const end = Buffer.alloc(22)
    end.writeUInt32LE(0x06054b50, 0)
    end.writeUInt16LE(1, 8)
    end.writeUInt16LE(1, 10)
    end.writeUInt32LE(46, 12)
    end.writeUInt32LE(0xffff00, 16)
    const broken = Buffer.concat([deflateRawSync(Buffer.from('x')), end])
    expect(await checkWorkbookBounds(broken)).toMatch(/^Không đọc được tệp/)
  })
})

describe('what the clerk reads about a bad file', () => {
  it('lists 200 errors, then says how many more', async () => {
    const file = join(dir, 'many-errors.xlsx')
    // 300 trips, each with three bad cells: 900 errors.
    await writeRawXlsx(file, [
      {
        name: 'Chuyến đi',
        rows: function* () {
          yield rowXml(1, TRIP_HEADERS)
          for (let i = 0; i < 300; i++) {
            yield rowXml(i + 2, [
              `T${i + 1}`,
              '31/02/2025',
              'Sáng',
              'hôm nay',
              'Chiều',
              'X01',
              'Hội nghị',
              '',
              'CB01',
              'Xong'
            ])
          }
        }
      }
    ])
    const parsed = await parseWorkbook(readFileSync(file))
    expect(parsed.errors).toHaveLength(WORKBOOK_BOUNDS.maxListedErrors + 1)
    expect(parsed.errors[0]?.text).toBe('Chuyến đi, dòng 2, cột "Từ ngày": ngày 31/02/2025 không tồn tại')
    expect(parsed.errors[WORKBOOK_BOUNDS.maxListedErrors]?.text).toBe('và 1.000 lỗi khác.')
  })

  it('a formula without its stored result is named as such', async () => {
    const file = join(dir, 'formulas.xlsx')
    await writeRawXlsx(file, [
      {
        name: 'Chuyến đi',
        rows: function* () {
          yield rowXml(1, TRIP_HEADERS)
          yield rowXml(2, [
            'TR001',
            { formula: 'DATE(2025,4,5)' },
            'Sáng',
            { formula: 'TEXT(DATE(2025,4,6),"dd/mm/yyyy")', result: '06/04/2025' },
            'Chiều',
            'X01',
            'Đi cơ sở theo chuyên đề',
            '',
            'CB01',
            'Đã báo cáo'
          ])
        }
      }
    ])
    const parsed = await parseWorkbook(readFileSync(file))
    const texts = parsed.errors.map((e) => e.text)
    expect(texts).toContain(
      'Chuyến đi, dòng 2, cột "Từ ngày": ô có công thức nhưng tệp không lưu kết quả của nó (tệp do một chương trình khác tạo ra): ' +
        'hãy mở tệp bằng Excel, lưu lại rồi chọn lại, hoặc gõ giá trị vào ô thay cho công thức'
    )
    // A formula with its stored result reads as that result.
    expect(texts.some((t) => t.includes('"Đến ngày"'))).toBe(false)
  })
})
