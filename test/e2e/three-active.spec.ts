/**
 * "3 chủ động" in Chromium at 1366×768 through the test bridge ("today" is 15/10/2025, the
 * fixture office of Cà Mau): register three units for 2026 (one after the 10/10 deadline),
 * assign their followers, evaluate them with one failing a mandatory criterion, issue the
 * recognition decision and export it: the .docx lists two units recognised and the failing
 * one as not recognised with its pillar. Screenshots of every page, the empty state included.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { plainText, readDocx } from '../integration/reports/docx-xml'
import { enterOrganisation } from '../integration/reports/fixture-db'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const root = resolve(__dirname, '../..')

async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(root, 'docs/screenshots', name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file, fullPage: false })
}

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const html = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement
    return html.scrollWidth - html.clientWidth
  })
  expect(overflow).toBeLessThanOrEqual(0)
}

async function typeDate(scope: Page | Locator, label: string, value: string): Promise<void> {
  const input = scope.getByRole('textbox', { name: label, exact: true })
  await input.fill(value)
  await input.press('Tab')
}

/** A small plan a unit might send: any bytes, kept and given back as they are. */
const PLAN_PDF = Buffer.from('%PDF-1.4\n% Kế hoạch 3 chủ động năm 2026 – Đoàn xã Tân Ân\n%%EOF\n', 'utf8')

test('an empty office: the page says what is missing and offers nothing to break', async ({ page }) => {
  await page.goto('/#/3-chu-dong?nam=2026')
  await expect(page.getByRole('heading', { name: 'Đoàn cơ sở "3 chủ động"' })).toBeVisible()
  await expect(page.getByText('Chưa có đơn vị nào đăng ký cho năm 2026.')).toBeVisible()
  await expect(
    page.getByText(/Danh sách đơn vị chưa có đoàn xã, đoàn phường hay đoàn cơ sở nào/)
  ).toBeVisible()
  await expectNoHorizontalScroll(page)
  await screenshot(page, '3-chu-dong-trong.png')
})

test('registers, follows, evaluates and recognises a year, then exports the decision', async ({
  page,
  bridge
}) => {
  await bridge.importFile(FIXTURE_WORKBOOK)
  enterOrganisation(bridge.ctx)
  const { period } = await bridge.handlers['threeActive.year']({ year: 2026 })
  const codes = period.criteria.map((c) => c.code)

  await page.goto('/#/3-chu-dong?nam=2026')
  const unregistered = page.getByRole('list', { name: 'Đơn vị chưa đăng ký' })
  await expect(unregistered.locator('li')).toHaveCount(3)

  // Three registrations for next year; An Xuyên's comes after 10/10/2025.
  const registrations: Array<[string, string]> = [
    ['Đoàn xã Tân Ân', '05/10/2025'],
    ['Đoàn xã Đất Mũi', '09/10/2025'],
    ['Đoàn phường An Xuyên', '20/10/2025']
  ]
  for (const [name, day] of registrations) {
    await unregistered.locator('li', { hasText: name }).getByRole('button', { name: 'Đăng ký' }).click()
    const form = page.getByRole('form', { name: 'Đăng ký 3 chủ động' })
    await typeDate(page, 'Ngày đăng ký', day)
    await form.getByLabel('Kế hoạch thực hiện (tóm tắt)').fill(`Kế hoạch 3 chủ động năm 2026 của ${name}`)
    if (name === 'Đoàn xã Tân Ân') {
      await form.locator('input[type=file]').setInputFiles({
        name: 'ke-hoach-tan-an.pdf',
        mimeType: 'application/pdf',
        buffer: PLAN_PDF
      })
      await expect(form).toContainText('ke-hoach-tan-an.pdf')
    }
    await form.getByRole('button', { name: 'Ghi đăng ký' }).click()
    await expect(page.getByRole('table', { name: 'Đơn vị đã đăng ký' })).toContainText(name)
  }
  await expect(unregistered).toHaveCount(0)
  const table = page.getByRole('table', { name: 'Đơn vị đã đăng ký' })
  await expect(table.locator('tr', { hasText: 'An Xuyên' })).toContainText('Sau hạn')
  await expect(table.locator('tr', { hasText: 'Tân Ân' })).not.toContainText('Sau hạn')
  await expect(page.getByTestId('tcd-stat-registered')).toContainText('1 đăng ký sau hạn')
  await expect(page.getByRole('status', { name: 'Việc chậm' })).toContainText(
    '1 đơn vị đăng ký sau hạn 10/10/2025.'
  )

  // Followers and evaluations, on each unit's page.
  const plan: Array<[string, string, string | null]> = [
    ['Đoàn xã Tân Ân', 'A03', null],
    ['Đoàn xã Đất Mũi', 'A01', null],
    ['Đoàn phường An Xuyên', 'A02', '3.1']
  ]
  for (const [name, cadre, failing] of plan) {
    await page.goto('/#/3-chu-dong?nam=2026')
    await page.getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { name: `${name}: 3 chủ động năm 2026` })).toBeVisible()
    if (name === 'Đoàn xã Tân Ân') {
      // The plan the unit attached is saved back byte for byte, under its own name.
      await page.getByRole('button', { name: 'Lưu tệp kế hoạch…' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Đã lưu ke-hoach-tan-an.pdf' })).toBeVisible()
      const plan = bridge.desktop.saved.find((f) => f.endsWith('ke-hoach-tan-an.pdf'))
      expect(plan).toBeDefined()
      expect(readFileSync(plan!).equals(PLAN_PDF)).toBe(true)
      await expectNoHorizontalScroll(page)
      await screenshot(page, '3-chu-dong-tep-ke-hoach.png')
    }
    await page.getByLabel('Cán bộ theo dõi', { exact: true }).selectOption(cadre)
    await page.getByRole('button', { name: 'Phân công' }).click()
    await expect(page.getByRole('button', { name: 'Phân công' })).toBeDisabled()

    await typeDate(page, 'Ngày đánh giá', '15/12/2026')
    for (const code of codes) {
      await page.getByLabel(code === failing ? `${code} không đạt` : `${code} đạt`, { exact: true }).check()
    }
    if (failing) await page.getByLabel(`${failing} minh chứng`).fill('Chưa có văn bản tham mưu cấp ủy')
    await page.getByRole('button', { name: 'Lưu đánh giá' }).click()
    // The undo bar says what was saved (the form's own line may be redrawn away as the page refreshes).
    const saved = page.locator('.undo-bar').filter({ hasText: 'Đã lưu: Đánh giá 3 chủ động năm 2026' })
    await expect(saved).toContainText(name)
    if (failing) await expect(saved).toContainText('không đạt')
    else await expect(saved).not.toContainText('không đạt')
    if (failing) {
      await expect(
        page.getByRole('region', { name: 'Đăng ký' }).or(page.locator('.tcd-summary'))
      ).toContainText('Chưa đạt: trụ cột 3')
      await expectNoHorizontalScroll(page)
      await page.evaluate(() =>
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0)
      )
      await screenshot(page, '3-chu-dong-don-vi.png')
    }
  }

  // The decision: two recognised, one not.
  await page.goto('/#/3-chu-dong?nam=2026')
  const decision = page.getByRole('form', { name: 'Ban hành quyết định' })
  await expect(decision).toContainText('2 đơn vị đạt, 1 không đạt')
  await typeDate(decision, 'Ngày quyết định', '20/12/2026')
  await decision.getByRole('button', { name: 'Ban hành quyết định công nhận' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ban hành' }).click()
  await expect(page.getByText(/Đã ban hành ngày/)).toContainText('20/12/2026')
  await expect(page.getByTestId('tcd-stat-recognised')).toContainText('2')
  await expect(table.locator('tr', { hasText: 'Tân Ân' })).toContainText('Được công nhận')
  await expect(table.locator('tr', { hasText: 'An Xuyên' })).toContainText('Không đạt')
  await expect(table.locator('tr', { hasText: 'An Xuyên' })).toContainText('Trụ cột 3')

  await page.getByRole('button', { name: 'Xuất quyết định (Word)' }).click()
  await expect(page.getByText(/Đã lưu quyet-dinh-cong-nhan-3-chu-dong-2026/)).toBeVisible()
  const saved = bridge.desktop.saved.find((f) => f.includes('quyet-dinh-cong-nhan-3-chu-dong-2026'))
  expect(saved).toBeDefined()
  const text = plainText((await readDocx(readFileSync(saved!))).document)
  expect(text).toContain('Điều 1. Công nhận 2 đơn vị đạt Đoàn cơ sở "3 chủ động" năm 2026')
  const yes = text.slice(
    text.indexOf('I. ĐƠN VỊ ĐƯỢC CÔNG NHẬN'),
    text.indexOf('II. ĐƠN VỊ CHƯA ĐƯỢC CÔNG NHẬN')
  )
  expect(yes).toContain('Đoàn xã Tân Ân')
  expect(yes).toContain('Đoàn xã Đất Mũi')
  expect(yes).not.toContain('An Xuyên')
  const no = text.slice(text.indexOf('II. ĐƠN VỊ CHƯA ĐƯỢC CÔNG NHẬN'))
  expect(no).toContain('Đoàn phường An Xuyên')
  expect(no).toContain('Trụ cột 3 (tham mưu, phối hợp)')

  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0)
  )
  await expectNoHorizontalScroll(page)
  await screenshot(page, '3-chu-dong.png')

  // The checklist and deadlines page.
  await page.getByRole('link', { name: 'Tiêu chí và hạn đăng ký' }).click()
  await expect(page.getByRole('heading', { name: '3 chủ động: tiêu chí và hạn năm 2026' })).toBeVisible()
  await expect(page.getByLabel('Nội dung tiêu chí dòng 1', { exact: true })).toHaveValue(/Nắm bắt tư tưởng/)
  await expectNoHorizontalScroll(page)
  await screenshot(page, '3-chu-dong-tieu-chi.png')
})
