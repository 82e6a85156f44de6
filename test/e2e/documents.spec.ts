/**
 * The "Văn bản" screen in Chromium against the real services (test/e2e/bridge.ts): choose the
 * year report, see it rendered from the real .docx, rewrite a free-text part, export it with
 * a number (window.desktop of the bridge saves into the test's folder, where the file is read
 * back), export a draft, and the grouped import warnings.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { plainText, readDocx } from '../integration/reports/docx-xml'
import { enterOrganisation } from '../integration/reports/fixture-db'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots')

async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(SCREENSHOTS, name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

const YEAR_REPORT = 'Báo cáo kết quả thực hiện chế độ đi công tác cơ sở năm'

async function openYearReport(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('link', { name: 'Văn bản' }).click()
  await expect(page.getByRole('heading', { name: 'Văn bản', level: 1 })).toBeVisible()
  await page.getByLabel('Mẫu văn bản').selectOption({ label: YEAR_REPORT })
  await page.getByLabel('Năm', { exact: true }).selectOption('2025')
  const asOf = page.getByLabel('Tính đến ngày')
  await asOf.fill('31/12/2025')
  await asOf.press('Enter')
}

test.describe('Văn bản', () => {
  test('previews the year report, takes an edited text, exports it numbered and as a draft', async ({
    page,
    bridge
  }) => {
    expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
    enterOrganisation(bridge.ctx)
    await openYearReport(page)

    const preview = page.getByTestId('docx-preview')
    await expect(preview.locator('section.docx').first()).toBeVisible()
    await expect(preview).toContainText('BÁO CÁO')
    await expect(preview).toContainText('Kết quả thực hiện chế độ đi công tác cơ sở')
    // The year-end total of the fixture (expected.json: 339,5 days).
    await expect(preview).toContainText('339,5')
    await expect(page.getByRole('status').filter({ hasText: 'Bản nháp, chưa cấp số' })).toBeVisible()

    // The slot starts with the default the document prints, figures filled in.
    const strengths = page.getByLabel('III.1. Ưu điểm')
    await expect(strengths).toHaveValue(/3\/6 đồng chí hoàn thành chỉ tiêu/)
    const edited =
      'Cán bộ chủ động đăng ký lịch đi cơ sở từ đầu quý; nhiều chuyến đi kết hợp dự sinh hoạt chi đoàn.'
    await strengths.fill(edited)
    await expect(preview).toContainText(edited)
    await expect(page.getByRole('button', { name: 'Dùng lại nội dung mặc định' })).toBeVisible()

    await expect(page.getByTestId('register-table')).toHaveCount(0)
    await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
    const notice = page.getByTestId('export-notice')
    await expect(notice).toContainText('Đã cấp số 01-BC/TĐTN-VP ngày 15/10/2025')
    await expect(notice.getByRole('button', { name: 'Mở tệp' })).toBeVisible()
    expect(bridge.desktop.saved).toHaveLength(1)
    const savedPath = bridge.desktop.saved[0] ?? ''
    expect(dirname(savedPath)).toBe(bridge.desktop.folder)
    await expect(notice.locator('.export-file-name')).toHaveText(basename(savedPath))
    await expect(notice.locator('.file-path')).toHaveText(`Thư mục: ${bridge.desktop.folder}`)

    const numbered = plainText((await readDocx(readFileSync(savedPath))).document)
    expect(numbered).toContain('Số: 01-BC/TĐTN-VP')
    expect(numbered).toContain(edited)
    expect(numbered).toContain('339,5')
    expect(numbered).not.toContain('3/6 đồng chí hoàn thành chỉ tiêu. Việc đi cơ sở')

    const register = page.getByTestId('register-table')
    await expect(register.locator('tbody tr')).toHaveCount(1)
    await expect(register.locator('tbody tr').first().locator('td')).toHaveText([
      '01-BC/TĐTN-VP',
      'Kết quả thực hiện chế độ đi công tác cơ sở của cán bộ Tỉnh đoàn năm 2025',
      '15/10/2025',
      '2022–2027'
    ])

    await notice.getByRole('button', { name: 'Mở tệp' }).click()
    await expect.poll(() => bridge.desktop.opened).toEqual([savedPath])

    await page.setViewportSize({ width: 1366, height: 768 })
    await page.locator('.doc-form-scroll').evaluate((el) => el.scrollTo(0, 0))
    await screenshot(page, 'van-ban.png')

    // A draft: no number, nothing new in the register, the file still saved and readable.
    await page.getByLabel('Bản nháp (để trống số và ngày cho văn thư)').check()
    await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
    await expect(notice).toContainText('Bản nháp: để trống số và ngày')
    await expect(notice.locator('.export-file-name')).toHaveText(/chua-cap-so\.docx$/)
    expect(bridge.desktop.saved).toHaveLength(2)
    const draft = plainText((await readDocx(readFileSync(bridge.desktop.saved[1] ?? ''))).document)
    expect(draft).toContain(edited)
    expect(draft).not.toMatch(/Số: \d+-BC/)
    expect(draft).toContain('-BC/TĐTN-VP')
    await expect(register.locator('tbody tr')).toHaveCount(1)
    const rows = await bridge.handlers['documents.register']({})
    expect(rows.map((r) => r.symbol)).toEqual(['01-BC/TĐTN-VP'])
  })

  test('keeps the number when the save dialog is closed, and saves the same file later', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    enterOrganisation(bridge.ctx)
    await openYearReport(page)
    await expect(page.getByTestId('docx-preview')).toContainText('339,5')

    bridge.desktop.cancelNextSave()
    await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
    const notice = page.getByTestId('export-notice')
    await expect(notice).toContainText('Đã cấp số 01-BC/TĐTN-VP')
    await expect(notice).toContainText('Chưa lưu tệp.')
    expect(bridge.desktop.saved).toHaveLength(0)

    await notice.getByRole('button', { name: 'Lưu tệp…' }).click()
    await expect(notice.getByRole('button', { name: 'Mở tệp' })).toBeVisible()
    expect(bridge.desktop.saved).toHaveLength(1)
    expect(plainText((await readDocx(readFileSync(bridge.desktop.saved[0] ?? ''))).document)).toContain(
      'Số: 01-BC/TĐTN-VP'
    )
    expect((await bridge.handlers['documents.register']({})).map((r) => r.symbol)).toEqual(['01-BC/TĐTN-VP'])
  })

  test('without the office details the export is a draft and says why', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await openYearReport(page)
    await expect(page.getByTestId('docx-preview')).toContainText('339,5')
    await page.getByText(/Lưu ý khi lập văn bản/).click()
    await expect(page.locator('.doc-notes')).toContainText('Chưa khai báo thông tin đơn vị ban hành')

    await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
    const notice = page.getByTestId('export-notice')
    await expect(notice).toContainText('Bản nháp')
    await expect(notice).toContainText('Chưa khai báo nhiệm kỳ đại hội')
    expect(await bridge.handlers['documents.register']({})).toEqual([])
  })
})

test('a chi đoàn report offers only chi đoàn trips, reports for one of their cadres, and is dated, not numbered', async ({
  page,
  bridge
}) => {
  await bridge.importFile(FIXTURE_WORKBOOK)
  enterOrganisation(bridge.ctx)
  await page.goto('/#/van-ban')
  await page.getByLabel('Mẫu văn bản').selectOption({ label: 'Báo cáo kết quả dự sinh hoạt chi đoàn' })
  await expect(page.locator('.docx-placeholder')).toHaveText('Chọn chuyến đi để xem trước văn bản.')

  const chiDoan = await bridge.handlers['trips.list']({ year: 2025, kind: 'DU_SH_CHI_DOAN' })
  const tripPicker = page.getByLabel(/^Chuyến đi/)
  await expect(tripPicker.locator('option')).toHaveCount(chiDoan.length + 1)
  const trip = chiDoan.find((t) => t.status !== 'DU_KIEN')
  if (!trip) throw new Error('the fixture has no chi đoàn trip done in 2025')
  await tripPicker.selectOption(trip.code)
  const reporter = page.getByLabel('Người báo cáo')
  await expect(reporter.locator('option')).toHaveText([
    'Cán bộ đầu tiên của chuyến đi (mặc định)',
    ...trip.cadres.map((c) => c.fullName)
  ])

  const preview = page.getByTestId('docx-preview')
  await expect(preview).toContainText('Kết quả dự sinh hoạt chi đoàn')
  await expect(preview).toContainText(trip.units[0]?.name ?? '')
  await expect(preview).toContainText(trip.cadres[0]?.fullName ?? '')

  await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
  await expect(page.getByTestId('export-notice')).toContainText('không lấy số văn bản đi')
  expect(bridge.desktop.saved).toHaveLength(1)
  expect(plainText((await readDocx(readFileSync(bridge.desktop.saved[0] ?? ''))).document)).toContain(
    'ngày 15 tháng 10 năm 2025'
  )
  expect(await bridge.handlers['documents.register']({})).toEqual([])
  await expect(page.getByTestId('register-table')).toHaveCount(0)
})

test('groups the fixture import warnings by kind, collapsed, every line still there', async ({
  page,
  bridge
}) => {
  await page.goto('/#/nhap-xuat')
  await page.getByLabel('Chọn tệp Excel (.xlsx)…').setInputFiles(FIXTURE_WORKBOOK)
  const warnings = page.getByTestId('import-warnings')
  await expect(warnings).toBeVisible()

  const preview = await bridge.handlers['workbook.preview']({
    fileName: 'office-2025.xlsx',
    contentBase64: readFileSync(FIXTURE_WORKBOOK).toString('base64')
  })
  const total = preview.warnings.length
  const overlaps = preview.warnings.filter((w) => w.message.includes('trùng thời gian')).length
  const validity = preview.warnings.filter((w) => w.message.includes('chỉ có hiệu lực')).length
  expect(overlaps).toBeGreaterThan(0)
  expect(validity).toBeGreaterThan(100)

  await expect(warnings.locator('h4')).toContainText(`Cảnh báo (${total})`)
  const overlap = warnings.locator('details[data-group="overlap"]')
  const units = warnings.locator('details[data-group="unit-validity"]')
  await expect(overlap.locator('> summary .issue-count')).toHaveText(String(overlaps))
  await expect(units.locator('> summary .issue-count')).toHaveText(String(validity))
  // Every warning is in exactly one group, and no fixture warning falls into "other".
  await expect(warnings.locator('details[data-group="other"]')).toHaveCount(0)
  await expect(warnings.locator('li')).toHaveCount(total)
  // Collapsed by default: no line is visible until a group is opened.
  await expect(warnings.locator('li').first()).toBeHidden()
  await expect(units).not.toHaveAttribute('open')
  await screenshot(page, 'import-warnings-collapsed.png')

  await overlap.locator('> summary').click()
  await expect(overlap.locator('li')).toHaveCount(overlaps)
  await expect(overlap.locator('li').first()).toBeVisible()
  await expect(overlap.locator('li').first()).toContainText('trùng thời gian với chuyến')

  await units.locator('> summary').click()
  const tanAn = units.locator('details.issue-subgroup', { hasText: 'Đơn vị TAN – Đoàn xã Tân Ân' })
  await expect(tanAn).toHaveCount(1)
  await tanAn.locator('summary').click()
  const tanAnCount = preview.warnings.filter((w) => w.message.startsWith('đơn vị TAN –')).length
  await expect(tanAn.locator('li')).toHaveCount(tanAnCount)
  await expect(tanAn.locator('li').first()).toBeVisible()
  await screenshot(page, 'import-warnings.png')
})
