/**
 * The "Văn bản" screen in Chromium against the real services (test/e2e/bridge.ts): choose the
 * year report, see it rendered from the real .docx, rewrite a free-text part, export it with
 * a number (window.desktop of the bridge saves into the test's folder, where the file is read
 * back), export a draft; choose the signer, the date, a number typed by hand, the trích yếu
 * and the recipients; the document kept in the address; the screen of an empty office; and
 * the grouped import warnings.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { plainText, readDocx } from '../integration/reports/docx-xml'
import { enterOrganisation } from '../integration/reports/fixture-db'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots')
const DOCS_SCREENSHOTS = resolve(__dirname, '../../docs/screenshots')

/** A 1366×768 screenshot in test-results, and (for the main screens) in docs/screenshots too. */
async function screenshot(page: Page, name: string, docs = false): Promise<void> {
  const file = join(SCREENSHOTS, name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
  if (docs) {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true })
    copyFileSync(file, join(DOCS_SCREENSHOTS, name))
  }
}

/** The page fits the clerk's 1366-pixel screen: no horizontal scroll. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // Runs in the page; the test project has no DOM types, so the page's globals are described here.
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth
  )
  expect(width).toBeLessThanOrEqual(1366)
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
    await expect(page.getByRole('status').filter({ hasText: 'Xem trước: số cấp khi xuất' })).toBeVisible()
    // The next number of the register, and the rest of the symbol, by the number field.
    await expect(page.locator('.symbol-suffix')).toHaveText('-BC/TĐTN-VP')
    await expect(page.getByLabel('Số văn bản')).toHaveAttribute('placeholder', '01')

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
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'van-ban.png', true)

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

  test('a number taken by mistake is given back with "Hoàn tác", and the next export takes it again', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    enterOrganisation(bridge.ctx)
    await openYearReport(page)
    await expect(page.getByTestId('docx-preview')).toContainText('339,5')

    await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
    await expect(page.getByTestId('export-notice')).toContainText('Đã cấp số 01-BC/TĐTN-VP')
    const register = page.getByTestId('register-table')
    await expect(register.locator('tbody tr')).toHaveCount(1)

    await page.getByRole('button', { name: /Hoàn tác/ }).click()
    // The register entry is gone on screen and in the database, with the history saying why.
    await expect(register).toHaveCount(0)
    expect(await bridge.handlers['documents.register']({})).toEqual([])

    await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
    await expect(page.getByTestId('export-notice')).toContainText('Đã cấp số 01-BC/TĐTN-VP')
    expect((await bridge.handlers['documents.register']({})).map((r) => r.symbol)).toEqual(['01-BC/TĐTN-VP'])
  })

  test('"Kèm biểu đồ" ends the year report with the per-cadre chart, and the address keeps the choice', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    enterOrganisation(bridge.ctx)
    await openYearReport(page)
    await expect(page.getByTestId('docx-preview')).toContainText('339,5')
    await page.getByLabel('Kèm biểu đồ số ngày đi cơ sở của từng cán bộ (phụ lục cuối)').check()
    await expect(page).toHaveURL(/bieuDo=true/)
    await expect(page.getByTestId('docx-preview')).toContainText('BIỂU ĐỒ SỐ NGÀY ĐI CÔNG TÁC CƠ SỞ')
    await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
    await expect(page.getByTestId('export-notice')).toContainText('Đã cấp số 01-BC/TĐTN-VP')
    const saved = readFileSync(bridge.desktop.saved[0] ?? '')
    const docx = await readDocx(saved)
    expect(plainText(docx.document)).toContain('BIỂU ĐỒ SỐ NGÀY ĐI CÔNG TÁC CƠ SỞ')
    // A native Word chart (no picture): the package holds its chart part.
    expect(saved.includes(Buffer.from('word/charts/chart1.xml'))).toBe(true)
  })

  test('a 3 chủ động form for one registered unit, chosen on the screen', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    enterOrganisation(bridge.ctx)
    for (const [unitCode, registeredOn] of [
      ['TAN', '2025-10-05'],
      ['DDT', '2025-10-09']
    ] as const) {
      await bridge.handlers['threeActive.register']({
        year: 2026,
        unitCode,
        registeredOn,
        planText: 'Kế hoạch xây dựng Đoàn cơ sở "3 chủ động" năm 2026.',
        hardCriteria: null
      })
    }
    await page.goto('/#/van-ban')
    await page.getByLabel('Mẫu văn bản').selectOption('three-active-form')
    await page.getByLabel('Năm', { exact: true }).selectOption('2026')
    const preview = page.getByTestId('docx-preview')
    // Every registered unit, a page each, until one is chosen.
    await expect(preview).toContainText('Đoàn xã Tân Ân')
    await expect(preview).toContainText('Đoàn xã Đất Mũi')
    await page.getByLabel('Đơn vị (không bắt buộc)').selectOption('DDT')
    await expect(page).toHaveURL(/donVi=DDT/)
    await expect(preview).not.toContainText('Đoàn xã Tân Ân')
    await expect(preview).toContainText('Đoàn xã Đất Mũi')
    await screenshot(page, 'van-ban-3-chu-dong.png', true)
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

test('chooses the signer, the date and a number by hand, rewrites the trích yếu and the recipients', async ({
  page,
  bridge
}) => {
  await bridge.importFile(FIXTURE_WORKBOOK)
  enterOrganisation(bridge.ctx)
  await bridge.handlers['signers.save']({
    fullName: 'Lê Văn Tâm',
    position: 'Bí thư',
    authority: 'TM. BAN THƯỜNG VỤ',
    isDefault: false
  })

  // The document and its data come from the address, and stay after a reload.
  await page.goto('/#/van-ban?van=quarter-plan&nam=2025&quy=4')
  await expect(page.getByLabel('Mẫu văn bản')).toHaveValue('quarter-plan')
  await expect(page.getByLabel('Quý')).toHaveValue('4')
  await page.reload()
  await expect(page.getByLabel('Mẫu văn bản')).toHaveValue('quarter-plan')
  const preview = page.getByTestId('docx-preview')
  await expect(preview).toContainText('KẾ HOẠCH')

  const signer = page.getByLabel('Người ký')
  await expect(signer.locator('option')).toHaveText([
    'Người ký mặc định: Nguyễn Hồng Thắm',
    'Nguyễn Hồng Thắm · PHÓ BÍ THƯ',
    'Lê Văn Tâm · BÍ THƯ'
  ])
  await signer.selectOption({ label: 'Lê Văn Tâm · BÍ THƯ' })
  const date = page.getByLabel('Ngày ký')
  await date.fill('28/12/2025')
  await date.press('Enter')
  const number = page.getByLabel('Số văn bản')
  await number.fill('abc')
  await expect(page.locator('.issue-options')).toContainText('Số văn bản phải là một số.')
  await number.fill('7')
  await expect(page.locator('.issue-options')).not.toContainText('Số văn bản phải là một số.')

  const summary = page.getByLabel('Trích yếu (mỗi dòng là một dòng in)')
  await expect(summary).toHaveValue('Đi công tác cơ sở của cán bộ Tỉnh đoàn\nquý IV năm 2025')
  await summary.fill('Đi công tác cơ sở của cán bộ Tỉnh đoàn\nquý IV năm 2025 (bổ sung)')
  await page
    .getByLabel('Nơi nhận (mỗi dòng một nơi)')
    .fill('Thường trực Tỉnh ủy (b/c)\nCác ban, văn phòng Tỉnh đoàn (t/h)\nLưu VP')

  await expect(preview).toContainText('Số: 07-KH/TĐTN-VP')
  await expect(preview).toContainText('Cà Mau, ngày 28 tháng 12 năm 2025')
  await expect(preview).toContainText('quý IV năm 2025 (bổ sung)')
  await expect(preview).toContainText('Lê Văn Tâm')
  await expect(preview).toContainText('- Thường trực Tỉnh ủy (b/c);')
  await expect(page.getByRole('status').filter({ hasText: 'Xem trước với số đã nhập' })).toBeVisible()
  await page.locator('.doc-form-scroll').evaluate((el) => {
    el.scrollTo(0, el.querySelector('.issue-options')?.getBoundingClientRect().top ?? 0)
  })
  await expectNoHorizontalScroll(page)
  await screenshot(page, 'van-ban-ky-va-so.png', true)

  await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
  const notice = page.getByTestId('export-notice')
  await expect(notice).toContainText('Đã cấp số 07-KH/TĐTN-VP ngày 28/12/2025')
  const text = plainText((await readDocx(readFileSync(bridge.desktop.saved[0] ?? ''))).document)
  expect(text).toContain('Số: 07-KH/TĐTN-VP')
  expect(text).toContain('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN\nBÍ THƯ\nLê Văn Tâm')
  expect(text).toContain('- Lưu VP.')
  await expect(page.getByTestId('register-table').locator('tbody tr').first().locator('td')).toHaveText([
    '07-KH/TĐTN-VP',
    'Đi công tác cơ sở của cán bộ Tỉnh đoàn quý IV năm 2025 (bổ sung)',
    '28/12/2025',
    '2022–2027'
  ])
  // A typed number is used once: the field empties, and the same number again is refused under it.
  await expect(number).toHaveValue('')
  await number.fill('7')
  await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
  await expect(page.locator('.issue-options')).toContainText('Số 07-KH/TĐTN-VP đã cấp ngày 28/12/2025')
  expect(bridge.desktop.saved).toHaveLength(1)
})

test('an office with nothing entered yet still previews a draft and says what is missing', async ({
  page
}) => {
  await page.goto('/#/van-ban')
  await expect(page.getByRole('heading', { name: 'Văn bản', level: 1 })).toBeVisible()
  const preview = page.getByTestId('docx-preview')
  await expect(preview.locator('section.docx').first()).toBeVisible()
  await expect(preview).toContainText('BÁO CÁO')
  await expect(page.getByLabel('Người ký')).toContainText('Chưa khai báo người ký (Cài đặt)')
  await page.getByText(/Lưu ý khi lập văn bản/).click()
  await expect(page.locator('.doc-notes')).toContainText('Chưa khai báo thông tin đơn vị ban hành')
  await expect(page.locator('.register-panel')).toContainText('Chưa có văn bản nào được cấp số.')
  await expectNoHorizontalScroll(page)
  await screenshot(page, 'van-ban-trong.png', true)
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
