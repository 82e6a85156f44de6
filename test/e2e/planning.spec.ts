/**
 * Kế hoạch quý in Chromium at 1366×768, on real services over a real SQLite file with the 2025
 * fixture (test/e2e/bridge.ts; "today" is 15/10/2025, so the page opens on Quý IV/2025). The
 * issue's "Done means": create the rounds of a quarter, register two cadres (one through the
 * address the calendar links to), approve, see them in the plan and on the quarter calendar,
 * turn one into a done trip and see Tổng hợp năm change by its days; the assistant and the
 * oversight page with their screenshots.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const root = resolve(__dirname, '../..')
const SCREENSHOTS = join(root, 'test-results/screenshots')
const DOCS = join(root, 'docs/screenshots')

async function screenshot(page: Page, name: string, docs = false): Promise<void> {
  for (const folder of docs ? [SCREENSHOTS, DOCS] : [SCREENSHOTS]) {
    const file = join(folder, name)
    mkdirSync(dirname(file), { recursive: true })
    await page.screenshot({ path: file, fullPage: false })
  }
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement
    return d.scrollWidth - d.clientWidth
  })
}

function daysNumber(text: string | null): number {
  return Number((text ?? '').trim().replace(/\./g, '').replace(',', '.'))
}

function summaryRowDays(page: Page, name: string): Promise<number> {
  const row = page.locator('.summary-table tbody tr', { has: page.locator('.cadre-name', { hasText: name }) })
  return row
    .locator('[data-col="days"]')
    .textContent()
    .then((text) => daysNumber(text))
}

async function summaryDays(page: Page, name: string): Promise<number> {
  await page.goto('/#/tong-hop-nam')
  await expect(page.locator('.summary-table')).toBeVisible()
  return summaryRowDays(page, name)
}

function regRow(page: Page, name: string): Locator {
  return page.locator('.plan-regs tbody tr', { hasText: name })
}

test.describe('Kế hoạch quý', () => {
  test('rounds, two registrations, approval, the plan and the calendar, then a done trip changes Tổng hợp năm', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    const before = await summaryDays(page, 'Lê Minh Đức')

    await page.goto('/#/ke-hoach-quy')
    await expect(page.getByRole('heading', { name: 'Kế hoạch quý', exact: true })).toBeVisible()
    await expect(page.getByLabel('Chọn quý')).toHaveValue('2025-4')
    // Next year's quarters can be chosen already.
    await expect(page.getByLabel('Chọn quý').locator('option', { hasText: 'Quý I/2026' })).toHaveCount(1)
    await expect(page.getByText('Quý này chưa có đợt nào')).toBeVisible()
    await expect(page.getByText('Chưa có đăng ký nào trong quý')).toBeVisible()
    await screenshot(page, 'ke-hoach-quy-trong.png', true)

    // Round 1, from the form that is open while the quarter has none.
    const roundForm = page.getByRole('form', { name: 'Thêm đợt' })
    await roundForm.getByLabel('Từ ngày').fill('06/10/2025')
    await roundForm.getByLabel('Đến ngày').fill('10/10/2025')
    await roundForm.getByLabel('Ghi chú').fill('Khảo sát chi đoàn')
    await roundForm.getByRole('button', { name: 'Thêm đợt' }).click()
    await expect(page.locator('.plan-rounds tbody tr')).toHaveCount(1)
    await expect(page.locator('.plan-rounds')).toContainText('06/10/2025 – 10/10/2025')
    // A round outside the quarter is refused next to its field.
    await page.getByRole('button', { name: 'Thêm đợt' }).click()
    const second = page.getByRole('form', { name: 'Thêm đợt' })
    await expect(second.getByLabel('Số đợt')).toHaveValue('2')
    await second.getByLabel('Từ ngày').fill('08/01/2026')
    await second.getByLabel('Đến ngày').fill('12/01/2026')
    await second.getByRole('button', { name: 'Thêm đợt' }).click()
    await expect(second.locator('.field-error').first()).toContainText('phải trong Quý IV/2025')
    await second.getByLabel('Từ ngày').fill('08/12/2025')
    await second.getByLabel('Đến ngày').fill('12/12/2025')
    await second.getByRole('button', { name: 'Thêm đợt' }).click()
    await expect(page.locator('.plan-rounds tbody tr')).toHaveCount(2)

    // Registration 1 through the form: Lê Minh Đức, round 1, three days.
    await page.getByRole('link', { name: 'Đăng ký mới' }).click()
    await expect(page.getByRole('heading', { name: 'Đăng ký đi cơ sở' })).toBeVisible()
    const cadre = page.getByLabel('Cán bộ')
    await cadre.fill('duc')
    await expect(page.getByRole('option', { name: /Lê Minh Đức/ })).toBeVisible()
    await cadre.press('Enter')
    await page.getByLabel('Đợt').selectOption('1')
    await expect(page.getByLabel('Từ ngày')).toHaveValue('06/10/2025')
    await page.getByLabel('Đến ngày').fill('08/10/2025')
    await page.getByLabel('Đến ngày').press('Tab')
    await expect(page.getByTestId('reg-days')).toHaveText('3 ngày')
    await page.getByLabel('Loại nội dung').selectOption('CHUYEN_DE')
    const units = page.getByLabel('Đơn vị đến')
    await units.fill('tan an')
    await expect(page.getByRole('option', { name: /Đoàn xã Tân Ân/ }).first()).toBeVisible()
    await units.press('Enter')
    await page.getByLabel('Nội dung (chuyên đề, hoạt động)').fill('Khảo sát tình hình đoàn viên')
    await screenshot(page, 'ke-hoach-quy-dang-ky.png', true)
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click()
    await expect(page).toHaveURL(/#\/ke-hoach-quy/)
    await expect(regRow(page, 'Lê Minh Đức')).toContainText('Đợt 1')

    // Registration 2 through the address the calendar links to after a drag.
    await page.goto('/#/ke-hoach-quy/dang-ky?cadre=A01&from=2025-12-08&to=2025-12-09&round=2')
    await expect(page.locator('.picker-chip, [class*="chip"]').first()).toContainText(/Nguyễn Hồng Thắm|A01/)
    await expect(page.getByLabel('Từ ngày')).toHaveValue('08/12/2025')
    await expect(page.getByLabel('Đến ngày')).toHaveValue('09/12/2025')
    await expect(page.getByLabel('Đợt')).toHaveValue('2')
    await page.getByLabel('Loại nội dung').selectOption('DU_SH_CHI_DOAN')
    await page.getByLabel('Đơn vị đến').fill('ap 2')
    await page.getByLabel('Đơn vị đến').press('Enter')
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click()
    await expect(regRow(page, 'Nguyễn Hồng Thắm')).toContainText('Đợt 2')
    await expect(page.locator('.plan-regs tbody tr')).toHaveCount(2)

    // Approve both: each becomes a planned trip (Dự kiến).
    await page.getByLabel('Chọn tất cả').check()
    await page.getByRole('button', { name: 'Thường trực duyệt' }).click()
    await expect(regRow(page, 'Lê Minh Đức')).toContainText('Thường trực duyệt')
    await expect(regRow(page, 'Lê Minh Đức')).toContainText('Dự kiến')
    await expect(regRow(page, 'Nguyễn Hồng Thắm')).toContainText('Dự kiến')
    await expect(page.locator('.plan-rounds tbody tr').first()).toContainText('3')
    await expect(page.getByRole('status')).toContainText('Thường trực duyệt')
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await screenshot(page, 'ke-hoach-quy.png', true)
    const tripCode = (await regRow(page, 'Lê Minh Đức').locator('a[href*="chuyen-di"]').textContent())!.trim()

    // On the quarter calendar (the calendar page of the other half of the issue).
    await page.goto('/#/ke-hoach-quy/lich?view=quy&year=2025&quarter=4')
    await expect(page.getByText('Lê Minh Đức').first()).toBeVisible()
    await screenshot(page, 'ke-hoach-quy-lich.png')

    // The trip is done: Tổng hợp năm gains its three days; the plan shows it done.
    await page.goto(`/#/chuyen-di/${tripCode}`)
    await page.getByRole('button', { name: 'Đổi trạng thái…' }).click()
    await page.getByLabel('Trạng thái mới').selectOption('DA_THUC_HIEN')
    await page.getByRole('button', { name: /Lưu cho 1 chuyến/ }).click()
    await expect(page.getByRole('status')).toContainText(tripCode)
    await page.goto('/#/tong-hop-nam')
    await expect(page.locator('.summary-table')).toBeVisible()
    // The page may show the cached figures for a moment before the refreshed ones.
    await expect.poll(() => summaryRowDays(page, 'Lê Minh Đức')).toBe(before + 3)
    await page.goto('/#/ke-hoach-quy?nam=2025&quy=4')
    await expect(regRow(page, 'Lê Minh Đức')).toContainText('Đã thực hiện')
    const cadreRow = page.locator('.plan-cadres tbody tr', { hasText: 'Lê Minh Đức' })
    await expect(cadreRow.locator('td').nth(4)).toHaveText('3')
  })

  test('the assistant proposes with reasons, the clerk accepts, and the oversight page shows coverage', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/ke-hoach-quy/tro-ly?nam=2025&quy=4&ngay=2025-09-30')
    await expect(page.getByRole('heading', { name: 'Trợ lý lập kế hoạch' })).toBeVisible()
    await expect(page.getByText('chưa có đợt nào')).toBeVisible()
    const rows = page.locator('.plan-proposals tbody tr')
    await expect(rows.first()).toBeVisible()
    const count = await rows.count()
    expect(count).toBeGreaterThan(0)
    await expect(rows.first().locator('.plan-reason')).toContainText(/ngày|cơ cấu|%/)
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await screenshot(page, 'ke-hoach-tro-ly.png', true)
    // Untick the first one and accept the rest.
    await rows.first().getByRole('checkbox').uncheck()
    await page.getByRole('button', { name: `Nhận ${count - 1} đề xuất` }).click()
    await expect(page).toHaveURL(/#\/ke-hoach-quy\?/)
    await expect(page.locator('.plan-regs tbody tr')).toHaveCount(count - 1)
    await expect(page.locator('.plan-regs')).toContainText('từ trợ lý')

    await page.goto('/#/ke-hoach-quy/phu-trach?nam=2025&quy=4')
    await expect(page.getByRole('heading', { name: 'Phụ trách và địa bàn' })).toBeVisible()
    await expect(page.locator('.plan-coverage tbody tr').first()).toBeVisible()
    const clusterForm = page.getByRole('form', { name: 'Thêm cụm' })
    await clusterForm.getByLabel('Mã cụm').fill('C1')
    await clusterForm.getByLabel('Tên cụm').fill('Cụm phía Nam')
    await clusterForm.getByLabel('Các đơn vị').fill('tan an')
    await clusterForm.getByLabel('Các đơn vị').press('Enter')
    await clusterForm.getByRole('button', { name: 'Thêm cụm' }).click()
    await expect(page.locator('.plan-clusters')).toContainText('Cụm phía Nam')
    const assign = page.getByRole('form', { name: 'Thêm phân công phụ trách' })
    await assign.getByLabel('Cán bộ phụ trách').fill('tham')
    await assign.getByLabel('Cán bộ phụ trách').press('Enter')
    await assign.getByLabel('Cụm', { exact: true }).selectOption('C1')
    await assign.getByLabel('Từ ngày').fill('01/01/2025')
    await assign.getByRole('button', { name: 'Thêm phân công' }).click()
    await expect(page.locator('.plan-coverage')).toContainText('Nguyễn Hồng Thắm (Cụm phía Nam)')
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0)
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0)
    )
    await screenshot(page, 'ke-hoach-phu-trach.png', true)
  })
})

test.describe('Kế hoạch quý, empty office', () => {
  test('a new database: the pages say what to do, nothing crashes', async ({ page }) => {
    await page.goto('/#/ke-hoach-quy')
    await expect(page.getByText('Quý này chưa có đợt nào')).toBeVisible()
    await expect(page.getByText('Chưa có đăng ký nào trong quý')).toBeVisible()
    await expect(page.getByText('Chưa có cán bộ nào đăng ký hay đi cơ sở trong quý.')).toBeVisible()
    await screenshot(page, 'ke-hoach-quy-moi.png')
    await page.goto('/#/ke-hoach-quy/tro-ly')
    await expect(page.getByText('Không có gì cần đề xuất: chưa có cán bộ nào thuộc diện.')).toBeVisible()
    await expect(
      page.getByText('Chưa có cán bộ nào thuộc diện thực hiện chế độ trong năm 2025.')
    ).toBeVisible()
    await screenshot(page, 'ke-hoach-tro-ly-moi.png')
    await page.goto('/#/ke-hoach-quy/phu-trach')
    await expect(page.getByText('Chưa phân công ai phụ trách')).toBeVisible()
    await expect(page.getByText('Chưa có đơn vị nào hoạt động trong quý')).toBeVisible()
    await screenshot(page, 'ke-hoach-phu-trach-moi.png')
  })
})
