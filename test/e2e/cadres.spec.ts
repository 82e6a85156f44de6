/**
 * Cán bộ in Chromium at 1366×768, against the real services on a real SQLite file seeded with
 * the fixture (test/e2e/bridge.ts; "today" is 15/10/2025): the list with its search and
 * filters in the address, adding a cadre through the form, the record page, exemption
 * periods with their effect shown before saving, ending service, the per-year override, and
 * "Hoàn tác" from the bar and from Ctrl+Z.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { formatDays } from '../../shared/domain/format'
import { STATUS_LABELS } from '../../shared/domain/summary'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const root = resolve(__dirname, '../..')

/**
 * Main screens go to docs/screenshots (they document the app); the others to the test's own
 * output folder (Playwright's --output), next to its trace.
 */
async function screenshot(page: Page, name: string, where: 'docs' | 'results' = 'results'): Promise<void> {
  const file = where === 'docs' ? join(root, 'docs/screenshots', name) : test.info().outputPath(name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

/** The page never scrolls sideways at 1366 px. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  // A string: this project's Node typings have no DOM.
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth'
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

function listRow(page: Page, code: string) {
  return page.locator(`.cadre-table tbody tr[data-code="${code}"]`)
}

function figure(page: Page, id: string) {
  return page.getByTestId(`figure-${id}`).locator('dd')
}

async function typeDate(page: Page, label: string | RegExp, ddmmyyyy: string) {
  const input = page.getByLabel(label)
  await input.fill(ddmmyyyy)
  await input.press('Tab')
}

test.describe('Cán bộ', () => {
  test('adds a cadre through the form: errors under the fields, then the list, the search and Tổng hợp năm show them', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/can-bo')
    await expect(page.getByTestId('cadre-count')).toContainText('8 cán bộ')
    // The fixture has nobody named Ngọc: searching finds no one yet.
    await page.getByLabel('Tìm cán bộ').fill('ngoc')
    await expect(page.getByRole('heading', { name: 'Không có cán bộ nào khớp bộ lọc' })).toBeVisible()
    await page.getByLabel('Tìm cán bộ').fill('')

    await page.getByRole('link', { name: 'Thêm cán bộ' }).click()
    await expect(page.getByRole('heading', { name: 'Thêm cán bộ' })).toBeVisible()
    await expect(page.getByLabel('Mã cán bộ')).toBeFocused()
    await page.getByLabel('Mã cán bộ').fill('A03')
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Bảo Ngọc')
    await page.getByLabel('Giới tính').selectOption({ label: 'Nữ' })
    await typeDate(page, 'Ngày sinh', '31/02/1996')
    await page.getByLabel('Chức vụ').fill('Chuyên viên')
    await page.getByLabel(/^Ban/).selectOption({ label: 'Ban Phong trào' })
    await typeDate(page, 'Ngày bắt đầu công tác', '01/03/2025')
    await typeDate(page, 'Ngày kết thúc công tác', '01/02/2025')
    await page.getByRole('button', { name: 'Lưu cán bộ' }).click()

    // Refused by the contract's schema in the page, each message next to its field.
    const birth = page.getByLabel('Ngày sinh')
    await expect(birth).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('.form-field', { has: birth }).locator('.field-error')).toHaveText(
      'Ngày sinh không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    )
    const end = page.getByLabel('Ngày kết thúc công tác')
    await expect(page.locator('.form-field', { has: end }).locator('.field-error')).toHaveText(
      'Ngày kết thúc công tác không được trước ngày bắt đầu công tác.'
    )
    await typeDate(page, 'Ngày sinh', '20/5/1996')
    await expect(birth).toHaveValue('20/05/1996')
    await end.fill('')
    await end.press('Tab')
    await page.getByRole('button', { name: 'Lưu cán bộ' }).click()

    // Refused by the service: the code is taken; the message lands under "Mã cán bộ".
    const code = page.getByLabel('Mã cán bộ')
    await expect(page.locator('.form-field', { has: code }).locator('.field-error')).toHaveText(
      'Mã cán bộ "A03" đã có (Lê Minh Đức); hãy chọn mã khác.'
    )
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'can-bo-them.png', 'docs')

    await code.fill('B01')
    await page.getByRole('button', { name: 'Lưu cán bộ' }).click()
    await expect(page).toHaveURL(/#\/can-bo\/B01/)
    await expect(page.getByRole('heading', { level: 1, name: 'Nguyễn Thị Bảo Ngọc' })).toBeVisible()
    await expect(page.getByRole('status')).toContainText('Đã lưu: Thêm cán bộ B01 Nguyễn Thị Bảo Ngọc.')
    await expect(page.getByTestId('cadre-info')).toContainText('01/03/2025')
    // 01/03 – 31/12/2025: 306 days; 60 × 306 / 365 = 50,3… → 50,5.
    await expect(figure(page, 'subject-days')).toHaveText('306')
    await expect(figure(page, 'target')).toHaveText('50,5')

    await page.getByRole('link', { name: '← Danh sách cán bộ' }).click()
    await expect(page.getByTestId('cadre-count')).toContainText('9 cán bộ')
    await expect(listRow(page, 'B01').locator('[data-col="days"]')).toHaveText('0 / 50,5')
    await page.getByLabel('Tìm cán bộ').fill('ngoc')
    await expect(page.getByTestId('cadre-count')).toContainText('1 / 9 cán bộ')
    await expect(page.locator('.cadre-table tbody tr')).toHaveCount(1)
    await expect(listRow(page, 'B01')).toContainText('Nguyễn Thị Bảo Ngọc')
    await expect(page).toHaveURL(/q=ngoc/)

    await page.getByRole('link', { name: 'Tổng hợp năm' }).click()
    const summaryRow = page.locator('.summary-table tbody tr', {
      has: page.locator('.cadre-name', { hasText: 'Nguyễn Thị Bảo Ngọc' })
    })
    await expect(summaryRow).toHaveCount(1)
    await expect(summaryRow.locator('[data-col="target"]')).toHaveText('50,5')
  })

  test('the list: Vietnamese name order, filters in the address survive a reload and the sidebar', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/can-bo')
    await expect(page.getByLabel('Năm', { exact: true })).toHaveValue('2025')
    const names = page.locator('.cadre-table tbody .cadre-name')
    await expect(names).toHaveText([
      'Võ Quang Ánh',
      'Trần Văn Bé',
      'Lê Minh Đức',
      'Đinh Thị Ngân',
      'Huỳnh Thị Ơn',
      'Nguyễn Hồng Thắm',
      'Tạ Văn Út',
      'Phạm Thị Ý'
    ])
    const ngan = listRow(page, 'A07')
    await expect(ngan.locator('[data-col="status"]')).toContainText('Miễn / không đánh giá')
    await expect(ngan.locator('[data-col="status"]')).toContainText('Nghỉ thai sản')
    await expect(listRow(page, 'A05').locator('[data-col="service"]')).toHaveText('Từ 01/06/2025')
    await expect(listRow(page, 'A05').locator('[data-col="days"]')).toContainText('/ 35,5')
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'can-bo-danh-sach.png', 'docs')

    await page.getByLabel('Ban', { exact: true }).selectOption({ label: 'Ban Phong trào' })
    await expect(page.getByTestId('cadre-count')).toContainText('3 / 8 cán bộ')
    await page.getByLabel(/^Trạng thái/).selectOption({ label: 'Miễn / không đánh giá' })
    await expect(page.getByTestId('cadre-count')).toContainText('1 / 8 cán bộ')
    await expect(names).toHaveText(['Đinh Thị Ngân'])
    await expect(page).toHaveURL(/ban=PT/)
    await expect(page).toHaveURL(/trangThai=MIEN/)

    await page.reload()
    await expect(page.getByLabel('Ban', { exact: true })).toHaveValue('PT')
    await expect(page.getByLabel(/^Trạng thái/)).toHaveValue('MIEN')
    await expect(names).toHaveText(['Đinh Thị Ngân'])

    // Another section and back through the sidebar: the same filters.
    await page.getByRole('link', { name: 'Tổng hợp năm' }).click()
    await expect(page.getByRole('heading', { name: /Tổng hợp năm/ })).toBeVisible()
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Cán bộ' })
      .click()
    await expect(page.getByTestId('cadre-count')).toContainText('1 / 8 cán bộ')

    // In service on 01/03/2025: Ánh (from 01/06) and Út (from 03/11) were not yet.
    await page.getByRole('button', { name: 'Xóa lọc' }).first().click()
    await expect(page.getByTestId('cadre-count')).toContainText('8 cán bộ')
    await typeDate(page, 'Đang công tác ngày', '1/3')
    await expect(page.getByLabel('Đang công tác ngày')).toHaveValue('01/03/2025')
    await expect(page.getByTestId('cadre-count')).toContainText('6 / 8 cán bộ')
    await page.getByLabel('Chuyên trách').selectOption({ label: 'Không' })
    await expect(page.getByRole('heading', { name: 'Không có cán bộ nào khớp bộ lọc' })).toBeVisible()
    await page.getByLabel('Chuyên trách').selectOption({ label: 'Có' })
    await page.getByLabel('Chức vụ').selectOption({ label: 'Trưởng ban' })
    await expect(names).toHaveText(['Trần Văn Bé'])

    // Sorting by a header, and the name link opens the record.
    await page.getByRole('button', { name: 'Xóa lọc' }).first().click()
    // Numbers sort largest first on the first click.
    const all = await bridge.handlers['cadres.search']({})
    const most = [...all.rows].sort((a, b) => (b.figures?.days ?? -1) - (a.figures?.days ?? -1))[0]
    await page.getByRole('button', { name: 'Đã đi / chỉ tiêu' }).click()
    await expect(names.first()).toHaveText(most?.fullName ?? '')
    await page.getByRole('link', { name: 'Trần Văn Bé' }).click()
    await expect(page).toHaveURL(/#\/can-bo\/A02\?nam=2025/)
  })

  test('the record page: the year at a glance; a reload lands on the same record; unknown codes say so', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    const view = await bridge.handlers['cadres.get']({ code: 'A04', year: 2025 })
    await page.goto('/#/can-bo/A04?nam=2025')
    await expect(page.getByRole('heading', { level: 1, name: 'Phạm Thị Ý' })).toBeVisible()
    await expect(page.getByTestId('cadre-info')).toContainText('Ban Phong trào')
    await expect(figure(page, 'target')).toHaveText('60')
    const result = view.year.result
    if (!result) throw new Error('Phạm Thị Ý serves in 2025')
    await expect(page.getByTestId('cadre-status')).toHaveText(STATUS_LABELS[result.status])
    await expect(figure(page, 'days')).toContainText(formatDays(result.days))
    await expect(page.locator('.cadre-kinds tbody tr')).toHaveCount(5)
    await expect(page.locator('.cadre-kinds tr[data-kind="DU_SH_CHI_DOAN"] td').first()).toHaveText(
      'Dự sinh hoạt chi đoàn'
    )
    await expect(page.locator('.cadre-ratios tr[data-rule="CHUYEN_DE"] td').nth(1)).toHaveText('≥ 20%')
    // The year is still running: a pace is shown for a cadre not yet done.
    await expect(figure(page, 'pace')).toHaveText(
      result.pace ? `Cần đạt ${formatDays(result.pace.expectedDays)} ngày` : '—'
    )
    // The year's trips and the day-by-day strip follow the figures.
    await expect(page.getByRole('heading', { name: 'Chuyến đi năm 2025' })).toBeVisible()
    await expect(page.getByTestId('cadre-trips-A04')).toBeVisible()
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'can-bo-ho-so.png', 'docs')

    await page.reload()
    await expect(page.getByRole('heading', { level: 1, name: 'Phạm Thị Ý' })).toBeVisible()
    await expect(page.getByLabel('Năm', { exact: true })).toHaveValue('2025')

    // Another year by the address (a year with no trips is still offered), and back by the toolbar.
    await page.goto('/#/can-bo/A04?nam=2024')
    await expect(page.getByTestId('cadre-year')).toContainText('Năm 2024')
    await expect(page.getByLabel('Năm', { exact: true })).toHaveValue('2024')
    await expect(figure(page, 'days')).toHaveText('0 ngày · 0 chuyến')
    await page.getByLabel('Năm', { exact: true }).selectOption('2025')
    await expect(page).toHaveURL(/nam=2025/)
    await expect(figure(page, 'days')).toContainText(formatDays(result.days))

    // "Sửa thông tin": the code is shown, not editable; the change lands on the record page.
    await page.getByRole('link', { name: 'Sửa thông tin' }).click()
    await expect(page.getByRole('heading', { name: 'Sửa thông tin cán bộ: Phạm Thị Ý' })).toBeVisible()
    await expect(page.getByTestId('cadre-code')).toHaveText('A04')
    await expect(page.getByLabel('Họ và tên')).toBeFocused()
    await expect(page.getByLabel(/^Ban/)).toHaveValue('PT')
    await expect(page.getByLabel('Ngày sinh')).toHaveValue('08/03/1992')
    await page.getByLabel('Chức vụ').fill('Phó Trưởng ban')
    await screenshot(page, 'edit-form.png')
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await expect(page).toHaveURL(/#\/can-bo\/A04\?nam=2025/)
    await expect(page.getByTestId('cadre-info')).toContainText('Phó Trưởng ban')
    await expect(page.getByRole('status')).toContainText('Đã lưu: Sửa cán bộ A04 Phạm Thị Ý.')

    await page.goto('/#/can-bo/KHONG-CO')
    await expect(page.getByRole('heading', { name: 'Không có cán bộ mã KHONG-CO' })).toBeVisible()
    await screenshot(page, 'unknown-code.png')
    await page.getByRole('link', { name: '← Về danh sách cán bộ' }).click()
    await expect(page.getByTestId('cadre-count')).toContainText('8 cán bộ')
  })

  test('an exemption: the target before → after is shown while typing, then on the record page', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/can-bo/A03?nam=2025')
    await expect(figure(page, 'target')).toHaveText('60')
    await page.getByRole('button', { name: 'Thêm kỳ miễn giảm' }).click()
    const form = page.getByRole('form', { name: 'Thêm kỳ miễn giảm' })
    const effect = page.getByTestId('exemption-effect')
    await expect(effect).toContainText('Nhập lý do, từ ngày và đến ngày')

    await form.getByLabel('Lý do').selectOption({ label: 'Ốm đau dài hạn' })
    await typeDate(page, 'Từ ngày', '1/3')
    await expect(form.getByLabel('Từ ngày')).toHaveValue('01/03/2025')
    await typeDate(page, 'Đến ngày', '31/02/2025')
    const to = page.getByLabel('Đến ngày')
    await form.getByRole('button', { name: 'Lưu kỳ miễn giảm' }).click()
    await expect(page.locator('.form-field', { has: to }).locator('.field-error')).toHaveText(
      'Đến ngày không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    )

    // A period across the new year shows each year it touches.
    await typeDate(page, 'Đến ngày', '28/02/2026')
    await expect(effect.locator('tr[data-year]')).toHaveCount(2)
    await expect(effect.locator('tr[data-year="2026"] [data-col="target"]')).toHaveText('60 ngày → 50,5 ngày')

    await typeDate(page, 'Đến ngày', '31/05/2025')
    await expect(effect.locator('tr[data-year]')).toHaveCount(1)
    await expect(effect.locator('tr[data-year="2025"] [data-col="subject-days"]')).toHaveText('365 → 273')
    await expect(effect.locator('tr[data-year="2025"] [data-col="target"]')).toHaveText('60 ngày → 45 ngày')
    await expectNoHorizontalScroll(page)
    await form.scrollIntoViewIfNeeded()
    await screenshot(page, 'can-bo-mien-giam.png', 'docs')

    await form.getByRole('button', { name: 'Lưu kỳ miễn giảm' }).click()
    await expect(form).toHaveCount(0)
    await expect(page.getByRole('status')).toContainText(
      'Đã lưu: Thêm kỳ miễn giảm: A03 Lê Minh Đức, Ốm đau dài hạn 01/03/2025 – 31/05/2025.'
    )
    await expect(figure(page, 'target')).toHaveText('45')
    await expect(figure(page, 'subject-days')).toHaveText('273')
    const rows = page.locator('.exemption-table tbody tr')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('Ốm đau dài hạn')
    await expect(rows.first()).toContainText('92')

    // An overlapping period is warned about, not refused.
    await page.getByRole('button', { name: 'Thêm kỳ miễn giảm' }).click()
    await form.getByLabel('Lý do').selectOption({ label: 'Khác' })
    await typeDate(page, 'Từ ngày', '01/05/2025')
    await typeDate(page, 'Đến ngày', '15/06/2025')
    await expect(page.getByTestId('exemption-warnings')).toContainText(
      'Trùng 31 ngày với kỳ miễn giảm Ốm đau dài hạn'
    )
    await form.getByRole('button', { name: 'Lưu kỳ miễn giảm' }).click()
    await expect(form.locator('.field-error')).toHaveText('Lý do "Khác": ghi chú rõ lý do.')
    await form.getByLabel('Ghi chú').fill('Biệt phái')
    await form.getByRole('button', { name: 'Lưu kỳ miễn giảm' }).click()
    await expect(rows).toHaveCount(2)
    await expect(page.locator('.exemption-overlap')).toHaveCount(2)
    await screenshot(page, 'exemptions-overlap.png')
  })

  test('deleting an exemption asks first, and Ctrl+Z brings it back', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/can-bo/A07?nam=2025')
    await expect(page.getByTestId('cadre-status')).toHaveText('Miễn / không đánh giá')
    const rows = page.locator('.exemption-table tbody tr')
    await expect(rows).toHaveCount(1)
    await page.getByRole('button', { name: 'Xóa kỳ Nghỉ thai sản 15/01/2025 – 14/11/2025' }).click()
    const dialog = page.getByRole('dialog', { name: 'Xóa kỳ miễn giảm?' })
    await expect(dialog).toBeVisible()
    await screenshot(page, 'delete-exemption-dialog.png')
    await dialog.getByRole('button', { name: 'Xóa' }).click()
    await expect(page.getByText('Chưa có kỳ miễn giảm nào')).toBeVisible()
    await expect(figure(page, 'target')).toHaveText('60')
    await expect(page.getByRole('status')).toContainText('Đã lưu: Xóa kỳ miễn giảm: A07 Đinh Thị Ngân')

    await page.keyboard.press('Control+z')
    await expect(page.getByRole('status')).toContainText('Đã hoàn tác: Xóa kỳ miễn giảm')
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText('Nghỉ thai sản')
    await expect(page.getByTestId('cadre-status')).toHaveText('Miễn / không đánh giá')
  })

  test('ending service is confirmed, shortens the target, and "Hoàn tác" restores the cadre', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/can-bo/A03?nam=2025')
    await expect(figure(page, 'target')).toHaveText('60')
    await page.getByRole('button', { name: 'Kết thúc công tác' }).click()
    const dialog = page.getByRole('dialog', { name: 'Kết thúc công tác: Lê Minh Đức' })
    await expect(dialog).toBeVisible()
    // No date yet: refused next to the field, nothing written.
    await dialog.getByRole('button', { name: 'Kết thúc công tác' }).click()
    await expect(dialog.locator('.field-error')).toHaveText('Thiếu ngày kết thúc công tác.')
    await dialog.getByLabel('Ngày kết thúc công tác').fill('30/06/2025')
    await dialog.getByLabel('Ngày kết thúc công tác').press('Tab')
    await screenshot(page, 'end-service-dialog.png')
    await dialog.getByRole('button', { name: 'Kết thúc công tác' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.locator('.cadre-title')).toContainText('Kết thúc công tác 30/06/2025')
    await expect(figure(page, 'target')).toHaveText('30')
    await expect(page.getByRole('status')).toContainText(
      'Đã lưu: Kết thúc công tác: A03 Lê Minh Đức từ 30/06/2025.'
    )

    await page.getByRole('button', { name: /Hoàn tác/ }).click()
    await expect(page.getByRole('status')).toContainText(
      'Đã hoàn tác: Kết thúc công tác: A03 Lê Minh Đức từ 30/06/2025.'
    )
    await expect(page.locator('.cadre-title')).not.toContainText('Kết thúc công tác')
    await expect(page.getByTestId('cadre-info')).toContainText('Đang công tác')
    await expect(figure(page, 'target')).toHaveText('60')
  })

  test('the per-year override: "Không thuộc diện" with a reason, then back to the general rule', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/can-bo/A01?nam=2025')
    const panel = page.getByTestId('cadre-override')
    await expect(panel).toContainText('Theo quy định chung')
    await panel.getByRole('button', { name: 'Xác định riêng' }).click()
    await panel.getByLabel('Không thuộc diện').check()
    await panel.getByRole('button', { name: 'Lưu' }).click()
    await expect(panel.locator('.field-error')).toHaveText('Thiếu lý do.')
    await panel.getByLabel('Lý do').fill('Biệt phái sang Hội LHTN')
    await panel.getByRole('button', { name: 'Lưu' }).click()
    await expect(panel).toContainText('Không thuộc diện')
    await expect(panel).toContainText('Lý do: Biệt phái sang Hội LHTN')
    await expect(page.getByTestId('cadre-status')).toHaveText('Miễn / không đánh giá')
    await expect(page.getByTestId('cadre-year')).toContainText('Biệt phái sang Hội LHTN')
    await expect(figure(page, 'target')).toHaveText('—')
    await screenshot(page, 'override.png')

    await panel.getByRole('button', { name: 'Bỏ xác định riêng' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Bỏ xác định riêng' }).click()
    await expect(panel).toContainText('Theo quy định chung')
    await expect(figure(page, 'target')).toHaveText('60')
  })

  test('an empty office explains how to start', async ({ page }) => {
    await page.goto('/#/can-bo')
    await expect(page.getByRole('heading', { name: 'Chưa có cán bộ nào' })).toBeVisible()
    await expect(page.getByRole('search')).toHaveCount(0)
    await expect(page.locator('.empty-state').getByRole('link', { name: 'Nhập từ tệp Excel' })).toBeVisible()
    await screenshot(page, 'empty.png')
    await page.locator('.empty-state').getByRole('link', { name: 'Thêm cán bộ' }).click()
    await expect(page.getByRole('heading', { name: 'Thêm cán bộ' })).toBeVisible()
    // No ban yet: the form says so instead of offering an empty list.
    await expect(page.getByLabel(/^Ban/)).toContainText('chưa có ban nào')
    await screenshot(page, 'empty-form.png')
  })
})
