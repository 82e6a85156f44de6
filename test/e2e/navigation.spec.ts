/**
 * The frame as the clerk moves around: the twelve sections in Vietnamese, a page opens at its
 * top, each section keeps its own filters and scroll position when the clerk comes back to
 * it, record addresses survive a reload, and an unknown address says so.
 */
import type { Page } from '@playwright/test'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const SECTIONS = [
  'Tổng quan',
  'Cán bộ',
  'Đơn vị',
  'Chuyến đi',
  'Kế hoạch quý',
  '3 chủ động',
  'Tổng hợp năm',
  'Văn bản',
  'Nhập / xuất Excel',
  'Lịch sử thay đổi',
  'Sao lưu',
  'Cài đặt'
]

function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Điều hướng chính' })
}

const scrollY = (page: Page) => page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)

test('the sections, their own filters and scroll positions, and record addresses', async ({
  page,
  bridge
}) => {
  await bridge.importFile(FIXTURE_WORKBOOK)
  await page.goto('/')
  await expect(page).toHaveURL(/#\/tong-hop-nam/)
  await expect(nav(page).getByRole('link')).toHaveText(SECTIONS)

  // Lịch sử: a long page with a filter set, scrolled down.
  await nav(page).getByRole('link', { name: 'Lịch sử thay đổi' }).click()
  await page.getByLabel('Nguồn').selectOption({ label: 'Nhập Excel' })
  await expect(page).toHaveURL(/nguon=import/)
  await expect(page.getByTestId('history-batch')).toHaveCount(1)
  await page.mouse.wheel(0, 900)
  await expect.poll(() => scrollY(page)).toBeGreaterThan(300)
  const left = await scrollY(page)

  // Another section opens at its top, not where the last page was.
  await nav(page).getByRole('link', { name: 'Cán bộ' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Cán bộ' })).toBeVisible()
  await expect.poll(() => scrollY(page)).toBe(0)
  await page.getByLabel('Tìm cán bộ').fill('ngoc')
  await expect(page).toHaveURL(/q=ngoc/)

  // Back to Lịch sử from the sidebar: its filter and its place are as the clerk left them.
  await nav(page).getByRole('link', { name: 'Lịch sử thay đổi' }).click()
  await expect(page).toHaveURL(/nguon=import/)
  await expect(page.getByLabel('Nguồn')).toHaveValue('import')
  await expect.poll(() => scrollY(page)).toBeGreaterThan(left - 50)

  // And Cán bộ kept its search.
  await nav(page).getByRole('link', { name: 'Cán bộ' }).click()
  await expect(page).toHaveURL(/q=ngoc/)
  await expect(page.getByLabel('Tìm cán bộ')).toHaveValue('ngoc')

  // A record's address survives a reload; the section stays marked in the sidebar.
  await page.goto('/#/don-vi/TD')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: /Tỉnh đoàn Cà Mau/ })).toBeVisible()
  await expect(nav(page).getByRole('link', { name: 'Đơn vị' })).toHaveAttribute('aria-current', 'page')

  // Every section is a working page: none says it is still to come.
  for (const name of SECTIONS) {
    await nav(page).getByRole('link', { name, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
    await expect(page.getByText('Trang này chưa dùng được')).toHaveCount(0)
  }

  await page.goto('/#/khong-co-trang-nay')
  await expect(page.getByRole('heading', { name: 'Không có trang này' })).toBeVisible()
})
