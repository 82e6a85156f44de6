/**
 * The year summary and the import page in Chromium, against the real services on a real
 * SQLite file (test/e2e/bridge.ts). Figures are the independently computed ones of
 * test/fixtures/office-2025.expected.json.
 */
import ExcelJS from 'exceljs'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { AppError } from '../../shared/api/errors'
import { compareVietnameseNames, splitVietnameseName } from '../../shared/domain/collation'
import { buildDemoWorkbook } from '../../electron/services/demo'
import { importWorkbookData } from '../../electron/services/workbook'
import { E2E_TODAY, expect, FIXTURE_WORKBOOK, test } from './bridge'

interface ExpectedSummary {
  totals: { cadres: number; subject: number; exempt: number; completed: number; totalDays: number }
  cadres: Array<{
    code: string
    name: string
    status: string
    target: number | null
    days: number
    reason: string | null
  }>
}
const expected = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/office-2025.expected.json'), 'utf8')
) as { yearEnd: ExpectedSummary; midYear: ExpectedSummary }

const root = resolve(__dirname, '../..')
const SCREENSHOTS = join(root, 'test-results/screenshots')

async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(SCREENSHOTS, name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

function stat(page: Page, id: string) {
  return page.getByTestId(`stat-${id}`).locator('.stat-value')
}

function cadreRow(page: Page, name: string) {
  return page.locator('.summary-table tbody tr', { has: page.locator('.cadre-name', { hasText: name }) })
}

async function setAsOf(page: Page, ddmmyyyy: string) {
  const input = page.getByLabel('Tính đến ngày')
  await input.fill(ddmmyyyy)
  await input.press('Enter')
  await expect(page.locator('.page-lead')).toContainText(`đến ${ddmmyyyy}`)
}

test.describe('Tổng hợp năm', () => {
  test('shows the 2025 figures of the fixture at year end and at mid-year', async ({ page, bridge }) => {
    const imported = await bridge.importFile(FIXTURE_WORKBOOK)
    expect(imported.committed).toBe(true)

    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Tổng hợp năm 2025' })).toBeVisible()
    // The bridge's clock says 15/10/2025: the running year, counted up to today.
    await expect(page.getByLabel('Năm')).toHaveValue('2025')
    await expect(page.getByLabel('Tính đến ngày')).toHaveValue('15/10/2025')

    await page.getByLabel('Năm').selectOption('2025')
    await setAsOf(page, '31/12/2025')

    await expect(stat(page, 'cadres')).toHaveText('8')
    await expect(stat(page, 'subject')).toHaveText('6')
    await expect(stat(page, 'exempt')).toHaveText('2')
    await expect(stat(page, 'completed')).toHaveText('3')
    await expect(page.getByTestId('stat-completed')).toContainText('50%')
    await expect(stat(page, 'total-days')).toHaveText('339,5')
    await expect(stat(page, 'average')).toHaveText('56,58')
    await expect(stat(page, 'behind')).toHaveText('—')

    // Vietnamese name order: given name first (Ánh, Bé, Đức, Ngân, Ơn, Thắm, Út, Ý).
    const names = expected.yearEnd.cadres.map((c) => c.name).sort(compareVietnameseNames)
    await expect(page.locator('.summary-table tbody .cadre-name')).toHaveText(names)
    expect(names.map((n) => splitVietnameseName(n).given)).toEqual([
      'Ánh',
      'Bé',
      'Đức',
      'Ngân',
      'Ơn',
      'Thắm',
      'Út',
      'Ý'
    ])
    await expect(page.locator('.summary-table tbody [data-col="stt"]')).toHaveText(
      names.map((_, i) => String(i + 1))
    )

    const anh = cadreRow(page, 'Võ Quang Ánh')
    await expect(anh.locator('[data-col="target"]')).toHaveText('35,5')
    await expect(anh.locator('[data-col="days"]')).toHaveText('31')
    await expect(anh.locator('[data-col="status"]')).toHaveText('Chưa hoàn thành')

    const ngan = cadreRow(page, 'Đinh Thị Ngân')
    await expect(ngan.locator('[data-col="status"]')).toContainText('Miễn / không đánh giá')
    await expect(ngan.locator('[data-col="status"]')).toContainText('Nghỉ thai sản')
    await expect(ngan.locator('[data-col="target"]')).toHaveText('—')
    await expect(cadreRow(page, 'Tạ Văn Út').locator('[data-col="status"]')).toContainText(
      'không đủ thời gian công tác'
    )

    // Phạm Thị Ý has the days but only 15,2% chuyên đề (< 20%): status and warning say so.
    const y = cadreRow(page, 'Phạm Thị Ý')
    await expect(y.locator('[data-col="status"]')).toHaveText('Đủ ngày, chưa đạt cơ cấu')
    await expect(y.locator('[data-col="ratio-CHUYEN_DE"] .ratio-low')).toHaveText('15,2%')
    await expect(y.locator('[data-col="ratio-SINH_HOAT"] .ratio-low')).toHaveCount(0)
    await expect(y.locator('[data-col="ratio-SINH_HOAT"]')).toHaveText('50%')
    await expect(cadreRow(page, 'Nguyễn Hồng Thắm').locator('[data-col="kind-CHUYEN_DE"]')).toHaveText('15,5')

    await screenshot(page, 'summary-2025.png')

    await setAsOf(page, '30/06/2025')
    await expect(stat(page, 'total-days')).toHaveText('313')
    await expect(stat(page, 'completed')).toHaveText('2')
    await expect(stat(page, 'average')).toHaveText('52,17')
    await expect(cadreRow(page, 'Võ Quang Ánh').locator('[data-col="days"]')).toHaveText('12,5')
    // Mid-year every evaluated cadre gets a pace; the behind count matches the badges.
    const view = await bridge.handlers['summary.year']({ year: 2025, asOf: '2025-06-30' })
    await expect(page.locator('.summary-table .badge-behind')).toHaveCount(view.totals.behindPace)
    await expect(stat(page, 'behind')).toHaveText(String(view.totals.behindPace))
    await expect(cadreRow(page, 'Đinh Thị Ngân').locator('[data-col="pace"]')).toHaveText('—')
    await expect(cadreRow(page, 'Đinh Thị Ngân').locator('[data-col="expected"]')).toHaveText('—')
    // 60 × 181 ÷ 365 = 29,75 days expected by 30/06; Lê Minh Đức has 57,5.
    await expect(cadreRow(page, 'Lê Minh Đức').locator('[data-col="expected"]')).toHaveText('29,8')
    await expect(cadreRow(page, 'Lê Minh Đức').locator('[data-col="pace"]')).toHaveText('vượt 27,8 ngày')
    await screenshot(page, 'summary-2025-06-30.png')
  })

  test('sorts by column, names in Vietnamese order', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/')
    await setAsOf(page, '31/12/2025')
    const names = page.locator('.summary-table tbody .cadre-name')
    const byName = expected.yearEnd.cadres.map((c) => c.name).sort(compareVietnameseNames)

    await page.getByRole('button', { name: 'Họ và tên' }).click()
    await expect(names).toHaveText(byName)
    await page.getByRole('button', { name: 'Họ và tên' }).click()
    await expect(names).toHaveText([...byName].reverse())

    await page.getByRole('button', { name: 'Đã đi' }).click()
    const byDays = [...expected.yearEnd.cadres].sort((a, b) => b.days - a.days).map((c) => c.name)
    await expect(names).toHaveText(byDays)
    await expect(page.locator('.summary-table tbody [data-col="stt"]').first()).toHaveText('1')
  })

  test('explains how to start when there is no data, and rejects a malformed date', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Chưa có cán bộ nào trong năm 2025' })).toBeVisible()
    await expect(page.locator('.empty-state')).toContainText('Tải mẫu nhập liệu')
    await page.locator('.empty-state').getByRole('link', { name: 'Nhập / xuất Excel' }).first().click()
    await expect(page.getByRole('heading', { name: 'Nhập / xuất Excel' })).toBeVisible()

    await page.getByRole('link', { name: 'Tổng hợp năm' }).click()
    const input = page.getByLabel('Tính đến ngày')
    await input.fill('31/02/2025')
    await input.press('Enter')
    await expect(page.locator('.field-error')).toContainText('Ngày không hợp lệ')
    await expect(input).toHaveAttribute('aria-invalid', 'true')
  })
})

test.describe('Tổng hợp năm: year, date and layout', () => {
  async function box(page: Page, selector: string) {
    const found = await page.locator(selector).first().boundingBox()
    if (!found) throw new Error(`${selector} is not on screen`)
    return found
  }

  test('refuses an as-of date outside the chosen year next to the field, and so does the service', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/')
    await expect(page.locator('.page-lead')).toContainText('đến 15/10/2025')
    const title = await box(page, '.summary-header h1')
    const year = await box(page, '#summary-year')

    const input = page.getByLabel('Tính đến ngày')
    await input.fill('15/03/2026')
    await input.press('Enter')
    const message = page.locator('.summary-header .field-error')
    await expect(message).toHaveText(
      'Ngày tính đến 15/03/2026 không thuộc năm 2025: hãy chọn một ngày từ 01/01/2025 đến 31/12/2025.'
    )
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    // Nothing was recomputed, and the header did not move for the message.
    await expect(page.locator('.page-lead')).toContainText('đến 15/10/2025')
    expect(await box(page, '.summary-header h1')).toEqual(title)
    expect(await box(page, '#summary-year')).toEqual(year)
    const inputBox = await box(page, '.summary-header .input-date')
    expect(inputBox.y).toBe(year.y)
    await screenshot(page, 'summary-as-of-refused.png')

    let refused: unknown = null
    try {
      await bridge.handlers['summary.year']({ year: 2025, asOf: '2026-03-15' })
    } catch (error) {
      refused = error
    }
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).code).toBe('VALIDATION')
    expect((refused as AppError).message).toContain('không thuộc năm 2025')

    await setAsOf(page, '30/06/2025')
    await expect(message).toHaveCount(0)
    await expect(input).toHaveAttribute('aria-invalid', 'false')
  })

  test('opens on the newest year with trips when the current year has none', async ({ page, bridge }) => {
    const data = buildDemoWorkbook({ year: 2024, today: '2024-12-31' })
    expect(importWorkbookData(bridge.ctx, data, 'Dữ liệu 2024').committed).toBe(true)
    const listing = await bridge.handlers['years.list']({})
    expect(listing).toMatchObject({ currentYear: 2025, defaultYear: 2024 })
    expect(listing.years).toContain(2025)
    expect(listing.dataYears).not.toContain(2025)

    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Tổng hợp năm 2024' })).toBeVisible()
    await expect(page.getByLabel('Năm')).toHaveValue('2024')
    await expect(page.getByLabel('Tính đến ngày')).toHaveValue('31/12/2024')
    await expect(page.locator('#summary-year option[value="2025"]')).toHaveText('2025 (chưa có chuyến đi)')
    await expect(stat(page, 'cadres')).toHaveText('20')
  })

  test('keeps the toolbar and the column headings in view while the window scrolls', async ({
    page,
    bridge
  }) => {
    const data = buildDemoWorkbook({ year: 2025, today: E2E_TODAY })
    expect(importWorkbookData(bridge.ctx, data, 'Dữ liệu mẫu (demo)').committed).toBe(true)
    await page.goto('/')
    await expect(stat(page, 'cadres')).toHaveText('20')
    const header = await box(page, '.summary-header')
    expect(header.y).toBe(0)

    await page.mouse.wheel(0, 600)
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY))
      .toBeGreaterThan(300)
    // The title and toolbar are still at the top, the headings right under them.
    expect((await box(page, '.summary-header')).y).toBe(0)
    await expect(page.getByLabel('Tính đến ngày')).toBeInViewport()
    const headings = await box(page, '.summary-table thead')
    expect(Math.abs(headings.y - header.height)).toBeLessThanOrEqual(1)
    await expect(page.getByRole('button', { name: 'Họ và tên' })).toBeInViewport()
    // Rows pass under the headings, not over them.
    const firstVisible = await page.locator('.summary-table tbody tr').evaluateAll((rows, top) => {
      const row = rows.find((r) => r.getBoundingClientRect().bottom > top)
      return row?.querySelector('.cadre-name')?.textContent ?? null
    }, headings.y + headings.height)
    expect(firstVisible).not.toBeNull()
    await screenshot(page, 'tong-hop-nam.png')
  })

  test('a failing call shows its banner under the header without moving it', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/')
    await expect(page.locator('.page-lead')).toContainText('đến 15/10/2025')
    const title = await box(page, '.summary-header h1')
    const year = await box(page, '#summary-year')
    bridge.ctx.handle.close()
    const input = page.getByLabel('Tính đến ngày')
    await input.fill('30/06/2025')
    await input.press('Enter')
    const alert = page.getByRole('alert').first()
    await expect(alert).toContainText('Lỗi không mong đợi')
    expect(await box(page, '.summary-header h1')).toEqual(title)
    expect(await box(page, '#summary-year')).toEqual(year)
    const banner = await box(page, '.summary-page > .alert')
    expect(banner.y).toBeGreaterThanOrEqual(year.y + year.height)
    await screenshot(page, 'summary-error-banner.png')
  })
})

test('a failing service call is shown to the clerk, not swallowed', async ({ page, bridge }) => {
  // A database that cannot be read: every call fails inside the service.
  bridge.ctx.handle.close()
  await page.goto('/')
  const alert = page.getByRole('alert').first()
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('Lỗi không mong đợi')
})

/** A workbook in the template's shape with one impossible date in the trips sheet. */
async function workbookWithBadRow(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.addWorksheet('Ban').addRows([
    ['Mã ban', 'Tên ban', 'Viết tắt'],
    ['XDD', 'Ban Xây dựng Đoàn', 'XDĐ']
  ])
  wb.addWorksheet('Đơn vị').addRows([
    ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'],
    ['TD', 'Tỉnh đoàn Lâm Đồng', 'Tỉnh đoàn', ''],
    ['X01', 'Đoàn xã Hàm Thuận', 'Đoàn xã', 'TD']
  ])
  wb.addWorksheet('Cán bộ').addRows([
    ['Mã cán bộ', 'Họ và tên', 'Chức vụ', 'Mã ban'],
    ['C01', 'Nguyễn Thị Hoà', 'Chuyên viên', 'XDD']
  ])
  wb.addWorksheet('Miễn giảm').addRows([['Mã cán bộ', 'Lý do', 'Từ ngày', 'Đến ngày']])
  wb.addWorksheet('Chuyến đi').addRows([
    ['Mã chuyến', 'Từ ngày', 'Đến ngày', 'Mã đơn vị', 'Loại nội dung', 'Cán bộ tham gia'],
    ['T1', '03/03/2025', '04/03/2025', 'X01', 'Kiểm tra, giám sát', 'C01'],
    ['T2', '27/02/2025', '31/02/2025', 'X01', 'Dự sinh hoạt chi đoàn', 'C01']
  ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

test.describe('Nhập / xuất Excel', () => {
  test('a workbook with a bad row shows the Vietnamese error and cannot be committed', async ({
    page,
    bridge
  }) => {
    await page.goto('/#/nhap-xuat')
    await page.getByLabel('Chọn tệp Excel (.xlsx)…').setInputFiles({
      name: 'co-loi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbookWithBadRow()
    })
    const errors = page.getByTestId('import-errors')
    await expect(errors).toContainText('Chuyến đi, dòng 3, cột "Đến ngày"')
    await expect(errors).toContainText('31/02/2025')
    await expect(page.getByRole('button', { name: 'Nhập dữ liệu' })).toBeDisabled()
    await screenshot(page, 'import-errors.png')
    // Nothing was written by the preview.
    const view = await bridge.handlers['summary.year']({ year: 2025, asOf: '2025-12-31' })
    expect(view.cadres).toHaveLength(0)
  })

  test('previews the fixture into an empty database, commits it, and the summary shows it', async ({
    page,
    bridge
  }) => {
    await page.goto('/#/nhap-xuat')
    await page.getByLabel('Chọn tệp Excel (.xlsx)…').setInputFiles(FIXTURE_WORKBOOK)
    const preview = page.getByTestId('import-preview')
    await expect(preview).toContainText('office-2025.xlsx')
    await expect(preview.locator('tr[data-sheet="Cán bộ"] td')).toHaveText(['Cán bộ', '8', '0', '0'])
    await expect(preview.locator('tr[data-sheet="Miễn giảm"] td')).toHaveText(['Miễn giảm', '1', '0', '0'])
    await expect(preview.locator('tr[data-sheet="Chuyến đi"] td')).toHaveText(['Chuyến đi', '247', '0', '0'])
    await expect(page.getByTestId('import-errors')).toHaveCount(0)
    const commit = page.getByRole('button', { name: 'Nhập dữ liệu' })
    await expect(commit).toBeEnabled()
    await screenshot(page, 'import-preview.png')

    await commit.click()
    await expect(page.locator('.import-done')).toContainText('Đã nhập dữ liệu từ tệp office-2025.xlsx')
    // Like any write, the import is offered for "Hoàn tác".
    const undoBar = page.locator('.undo-bar')
    await expect(undoBar).toContainText('Đã lưu: Nhập từ tệp office-2025.xlsx.')
    await expect(undoBar.getByRole('button', { name: /Hoàn tác/ })).toBeVisible()
    const result = await bridge.handlers['summary.year']({ year: 2025, asOf: '2025-12-31' })
    expect(result.cadres).toHaveLength(8)

    await page.getByRole('link', { name: 'Xem Tổng hợp năm' }).click()
    await setAsOf(page, '31/12/2025')
    await expect(stat(page, 'cadres')).toHaveText('8')
    await expect(stat(page, 'total-days')).toHaveText('339,5')
  })

  test('saves the template and the full data as workbooks and says where they went', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/nhap-xuat')

    const outcome = page.getByTestId('workbook-export-outcome')
    await page.getByRole('button', { name: 'Tải mẫu nhập liệu' }).click()
    await expect(outcome).toContainText('Mẫu nhập liệu đã được lưu: mau-nhap-lieu.xlsx')
    await expect(outcome).toContainText(`Thư mục: ${bridge.desktop.folder}`)
    expect(bridge.desktop.saved).toEqual([join(bridge.desktop.folder, 'mau-nhap-lieu.xlsx')])
    const templateBook = new ExcelJS.Workbook()
    await templateBook.xlsx.readFile(bridge.desktop.saved[0] ?? '')
    expect(templateBook.getWorksheet('Cán bộ')?.actualRowCount).toBe(1)
    expect(templateBook.getWorksheet('Cơ quan')?.actualRowCount).toBe(1)
    expect(templateBook.getWorksheet('Người ký')?.actualRowCount).toBe(1)

    await page.getByRole('button', { name: 'Xuất toàn bộ dữ liệu' }).click()
    await expect(outcome).toContainText('Toàn bộ dữ liệu đã được lưu: so-di-co-so-2025-10-15.xlsx')
    await outcome.getByRole('button', { name: 'Mở tệp' }).click()
    const fullPath = join(bridge.desktop.folder, 'so-di-co-so-2025-10-15.xlsx')
    await expect.poll(() => bridge.desktop.opened).toEqual([fullPath])
    const fullBook = new ExcelJS.Workbook()
    await fullBook.xlsx.readFile(fullPath)
    const sheet = fullBook.getWorksheet('Cán bộ')
    const headers = (sheet?.getRow(1).values ?? []) as unknown[]
    const nameColumn = headers.indexOf('Họ và tên')
    expect(nameColumn).toBeGreaterThan(0)
    const cadreNames: string[] = []
    sheet?.eachRow((row, n) => {
      if (n > 1) cadreNames.push(String(row.getCell(nameColumn).value))
    })
    expect(cadreNames.sort()).toEqual(expected.yearEnd.cadres.map((c) => c.name).sort())

    // The clerk closes the save dialog: nothing saved, and the page says so.
    bridge.desktop.cancelNextSave()
    await page.getByRole('button', { name: 'Tải mẫu nhập liệu' }).click()
    await expect(outcome).toContainText('Chưa lưu tệp mau-nhap-lieu.xlsx')
    expect(bridge.desktop.saved).toHaveLength(2)
  })
})
