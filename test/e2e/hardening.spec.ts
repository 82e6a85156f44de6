/**
 * Hostile input as the clerk meets it, in Chromium against the real services: a workbook of a
 * million rows is refused on the import page with the limit said in Vietnamese (and the page
 * keeps working), a file full of errors lists 200 then "và N lỗi khác", and a refused call
 * carries the field's label for the page and its path for the form.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import {
  compactTripRows,
  COMPACT_TRIP_STRINGS,
  rowXml,
  TRIP_HEADERS,
  writeRawXlsx
} from '../integration/hardening/raw-xlsx'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')
const dir = mkdtempSync(join(tmpdir(), 'sdcs-e2e-hardening-'))
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(SCREENSHOTS, name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

async function choose(page: Page, file: string): Promise<void> {
  await page.getByLabel('Chọn tệp Excel (.xlsx)…').setInputFiles(file)
}

test.use({ viewport: { width: 1366, height: 768 } })

test.describe('hostile workbooks on Nhập / xuất Excel', () => {
  test('a million rows: refused with the limit, and the page still works', async ({ page, bridge }) => {
    expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
    const file = join(dir, 'trieu-dong.xlsx')
    await writeRawXlsx(
      file,
      [{ name: 'Chuyến đi', rows: () => compactTripRows(1_000_000) }],
      COMPACT_TRIP_STRINGS
    )
    await page.goto('/#/nhap-xuat')
    const started = Date.now()
    await choose(page, file)
    const errors = page.getByTestId('import-errors')
    await expect(errors.locator('li')).toHaveText([
      'Tệp có hơn 50.000 dòng dữ liệu: Sổ đi cơ sở nhận tối đa 50.000 dòng (tính tất cả các trang) trong một lần nhập. ' +
        'Không có gì được nhập. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn rồi nhập lần lượt.'
    ])
    expect(Date.now() - started).toBeLessThan(20_000)
    await expect(page.getByRole('button', { name: 'Nhập dữ liệu' })).toBeDisabled()
    await screenshot(page, 'nhap-tep-qua-lon.png')
    // Nothing was written, and the app answers as before.
    expect((await bridge.handlers['cadres.list']({})).length).toBeGreaterThan(0)
    await page.getByRole('link', { name: 'Cán bộ' }).first().click()
    await expect(page.locator('h1')).toContainText('Cán bộ')
  })

  test('a file full of errors lists 200, then how many more', async ({ page }) => {
    const file = join(dir, 'nhieu-loi.xlsx')
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
    await page.goto('/#/nhap-xuat')
    await choose(page, file)
    const items = page.getByTestId('import-errors').locator('li')
    await expect(items).toHaveCount(201)
    await expect(items.first()).toHaveText('Chuyến đi, dòng 2, cột "Từ ngày": ngày 31/02/2025 không tồn tại')
    await expect(items.last()).toHaveText('và 1.000 lỗi khác.')
  })
})

test('a refused call: the label for the clerk, the path for the form', async ({ page }) => {
  await page.goto('/')
  const failure = await page.evaluate(async () => {
    const api = (globalThis as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api
    try {
      await api['trips.search']!({ year: 2025, month: 13 })
      return null
    } catch (error) {
      const e = error as Error & { code?: string; details?: string[]; shownDetails?: string[] }
      return { code: e.code, message: e.message, details: e.details, shownDetails: e.shownDetails }
    }
  })
  expect(failure).toEqual({
    code: 'VALIDATION',
    message: 'Dữ liệu gửi lên không hợp lệ.',
    details: ['month: Tháng từ 1 đến 12.'],
    shownDetails: ['Tháng: Tháng từ 1 đến 12.']
  })
})
