/**
 * Lịch sử thay đổi in Chromium on the real services: the fixture's import is one batch in
 * words; filtering by origin keeps it; "Hoàn tác" on it empties the office again (the import
 * wrote through tracked rows), the batch says it was undone and the undo is listed on top.
 */
import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const DOCS = resolve(__dirname, '../../docs/screenshots')

async function screenshot(page: Page, name: string) {
  mkdirSync(DOCS, { recursive: true })
  await page.screenshot({ path: join(DOCS, name) })
}

test.describe('Lịch sử thay đổi', () => {
  test('shows the import in words, filters by origin, and undoes the whole import', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/lich-su')
    await expect(page.getByRole('heading', { level: 1, name: 'Lịch sử thay đổi' })).toBeVisible()
    const batches = page.getByTestId('history-batch')
    await expect(batches).toHaveCount(1)
    await expect(batches.first()).toContainText('Nhập từ tệp office-2025.xlsx')
    await expect(batches.first()).toContainText('Nhập Excel')
    // A department of the fixture, field by field as the workbook names them.
    await expect(batches.first()).toContainText('Tên ban: Văn phòng')
    await screenshot(page, 'lich-su-thay-doi.png')

    await page.getByLabel('Nguồn').selectOption({ label: 'Hoàn tác' })
    await expect(page).toHaveURL(/nguon=undo/)
    await expect(page.getByText('Không có thay đổi nào khớp bộ lọc.')).toBeVisible()
    await page.getByLabel('Nguồn').selectOption({ label: 'Nhập Excel' })
    await expect(batches).toHaveCount(1)
    // The filters survive a reload.
    await page.reload()
    await expect(page.getByLabel('Nguồn')).toHaveValue('import')
    await expect(batches).toHaveCount(1)

    await batches.first().getByRole('button', { name: 'Hoàn tác' }).click()
    await expect(batches.first()).toContainText('Đã hoàn tác')
    await page.getByLabel('Nguồn').selectOption({ label: 'Tất cả' })
    await expect(batches).toHaveCount(2)
    await expect(batches.first()).toContainText('Hoàn tác: Nhập từ tệp office-2025.xlsx')

    // The office is empty again: the summary explains how to start.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Cán bộ' })
      .click()
    await expect(page.getByText('8 cán bộ')).toHaveCount(0)
    const cadres = await bridge.handlers['cadres.search']({ year: 2025 })
    expect(JSON.stringify(cadres)).not.toContain('Phạm Thị Ý')
  })

  test('a malformed filter in the address is dropped, not a crash; a bad typed day is refused next to the field', async ({
    page
  }) => {
    await page.goto('/#/lich-su?tu=31-02-2025&nguon=xyz&trang=-4')
    await expect(page.getByRole('heading', { level: 1, name: 'Lịch sử thay đổi' })).toBeVisible()
    await expect(page.getByText('Không có thay đổi nào khớp bộ lọc.')).toBeVisible()
    const from = page.getByLabel('Từ ngày')
    await from.fill('31/02/2025')
    await from.press('Enter')
    await expect(page.getByText('Ngày không hợp lệ, nhập dạng dd/mm/yyyy.')).toBeVisible()
  })
})
