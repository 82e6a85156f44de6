/**
 * Cài đặt in Chromium against the real services (test/e2e/bridge.ts), at 1366×768: the clerk
 * enters the organisation and a signer, then exports the year report from Văn bản and the
 * saved .docx prints them; an ambiguous ban abbreviation is refused under its field; the
 * year rules list the cadres whose status would change before anything is saved; and each
 * tab's empty state.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { STATUS_LABELS } from '../../shared/domain/summary'
import { paragraphsOf, readDocx } from '../integration/reports/docx-xml'
import { E2E_TODAY, expect, FIXTURE_WORKBOOK, test } from './bridge'

const ROOT = resolve(__dirname, '../..')
const DOCS_SCREENSHOTS = join(ROOT, 'docs/screenshots')
// Outside test-results/: Playwright runs of the other specs empty that folder.
const TEST_SCREENSHOTS = join(ROOT, '.tmp/settings/screenshots')
/** Where the exported year report is kept for rendering with LibreOffice (the bridge's folder is removed). */
const EXPORTED_REPORT = join(ROOT, '.tmp/settings/bao-cao-nam-cai-dat.docx')

async function screenshot(page: Page, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

/** The form field (label, control, message) whose label starts with `label`. */
function field(scope: Page | Locator, label: string): Locator {
  const page = 'goto' in scope ? scope : scope.page()
  return scope.locator('.form-field').filter({ has: page.locator('label', { hasText: label }) })
}

async function openSettings(page: Page): Promise<void> {
  await page.goto('/')
  await page.getByRole('link', { name: 'Cài đặt' }).click()
  await expect(page.getByRole('heading', { name: 'Cài đặt', level: 1 })).toBeVisible()
}

test.describe('Cài đặt', () => {
  test('the organisation and a signer set here are printed in the year report exported from Văn bản', async ({
    page,
    bridge
  }) => {
    expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
    await openSettings(page)
    await expect(page.getByRole('tab', { name: 'Cơ quan' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByText('Chưa khai báo cơ quan ban hành')).toBeVisible()

    // Cơ quan: typed, previewed live as it will print, saved.
    await page.getByLabel(/^Tên cơ quan ban hành/).fill('BCH ĐOÀN TỈNH\nLÂM ĐỒNG')
    await page.getByLabel(/^Cấp/).selectOption({ label: 'Tỉnh đoàn' })
    await page.getByLabel(/^Địa danh/).fill('Lâm Đồng')
    await page.getByLabel(/^Viết tắt trong ký hiệu/).fill('TĐTN')
    await page.getByLabel(/^Nhiệm kỳ đại hội/).fill('2022 – 2027')
    const start = page.getByLabel(/^Ngày bắt đầu nhiệm kỳ/)
    await start.fill('20/10/2022')
    await start.press('Tab')
    await expect(start).toHaveValue('20/10/2022')
    const issuer = page.getByTestId('preview-issuer').locator('.doc-sample-issuer')
    await expect(issuer).toHaveText(['BCH ĐOÀN TỈNH', 'LÂM ĐỒNG'])
    await expect(page.getByTestId('preview-date-line')).toHaveText('Lâm Đồng, ngày 15 tháng 10 năm 2025')
    await expect(page.getByTestId('preview-signature')).toContainText('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    await page.getByRole('button', { name: 'Lưu thông tin cơ quan' }).click()
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Đã lưu: Khai báo cơ quan ban hành: BCH ĐOÀN TỈNH LÂM ĐỒNG.' })
    ).toBeVisible()
    await expect(page.getByText('Chưa khai báo cơ quan ban hành')).toHaveCount(0)
    await expect(page.locator('.brand-org')).toHaveText('BCH ĐOÀN TỈNH LÂM ĐỒNG')

    // Thành đoàn changes the authority line of the preview; back to Tỉnh đoàn without saving.
    await page.getByLabel(/^Cấp/).selectOption({ label: 'Thành đoàn' })
    await expect(page.getByTestId('preview-signature')).toContainText('TM. BAN THƯỜNG VỤ THÀNH ĐOÀN')
    await page.getByRole('button', { name: 'Hoàn lại' }).click()
    await expect(page.getByTestId('preview-signature')).toContainText('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')

    // Người ký: the first signer is offered as the default.
    await page.getByRole('tab', { name: 'Người ký' }).click()
    await expect(page).toHaveURL(/tab=nguoi-ky/)
    await expect(page.getByRole('heading', { name: 'Chưa có người ký' })).toBeVisible()
    await page.getByRole('button', { name: 'Thêm người ký' }).click()
    const form = page.getByRole('form', { name: 'Thêm người ký' })
    await form.getByLabel(/^Họ và tên/).fill('Trần Thị Bình')
    await form.getByLabel(/^Chức vụ/).fill('Phó Bí thư')
    await expect(form.getByRole('checkbox', { name: /Người ký mặc định/ })).toBeChecked()
    await expect(field(form, 'Thẩm quyền ký')).toContainText('In là: TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    await form.getByRole('button', { name: 'Lưu người ký' }).click()
    await page.getByRole('button', { name: 'Thêm người ký' }).click()
    const second = page.getByRole('form', { name: 'Thêm người ký' })
    await second.getByLabel(/^Họ và tên/).fill('Lê Văn Cường')
    await second.getByLabel(/^Chức vụ/).fill('Bí thư')
    await expect(second.getByRole('checkbox', { name: /Người ký mặc định/ })).not.toBeChecked()
    await second.getByRole('button', { name: 'Lưu người ký' }).click()
    // A third, then stopped (not deleted: issued documents name the people who signed them).
    await page.getByRole('button', { name: 'Thêm người ký' }).click()
    const third = page.getByRole('form', { name: 'Thêm người ký' })
    await third.getByLabel(/^Họ và tên/).fill('Nguyễn Văn An')
    await third.getByLabel(/^Chức vụ/).fill('Phó Bí thư Thường trực')
    await third.getByRole('button', { name: 'Lưu người ký' }).click()
    const rows = page.getByRole('table', { name: 'Danh sách người ký' }).locator('tbody tr')
    await expect(rows).toHaveCount(3)
    await rows.filter({ hasText: 'Nguyễn Văn An' }).getByRole('button', { name: 'Ngừng ký' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Ngừng ký' }).click()
    await expect(rows.last()).toContainText('Đã ngừng ký')
    await expect(rows.last().getByRole('button', { name: 'Cho ký lại' })).toBeVisible()
    await expect(rows.first().locator('td').first()).toHaveText('Trần Thị Bình')
    await expect(rows.first()).toContainText('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    await expect(rows.first()).toContainText('Mặc định')
    await screenshot(page, join(DOCS_SCREENSHOTS, 'cai-dat-nguoi-ky.png'))

    await page.getByRole('tab', { name: 'Cơ quan' }).click()
    await expect(page.getByTestId('preview-signature')).toContainText('Trần Thị Bình')
    await screenshot(page, join(DOCS_SCREENSHOTS, 'cai-dat-co-quan.png'))

    // Văn bản: export the year report with a number, then read the saved file back.
    await page.getByRole('link', { name: 'Văn bản' }).click()
    await expect(page.getByRole('heading', { name: 'Văn bản', level: 1 })).toBeVisible()
    await page
      .getByLabel('Mẫu văn bản')
      .selectOption({ label: 'Báo cáo kết quả thực hiện chế độ đi công tác cơ sở năm' })
    await page.getByLabel('Năm', { exact: true }).selectOption('2025')
    const asOf = page.getByLabel('Tính đến ngày')
    await asOf.fill('31/12/2025')
    await asOf.press('Enter')
    await expect(page.getByTestId('docx-preview')).toContainText('339,5')
    await page.getByRole('button', { name: 'Xuất tệp Word…' }).click()
    await expect(page.getByTestId('export-notice')).toContainText('Đã cấp số 01-BC/TĐTN-VP ngày 15/10/2025')
    expect(bridge.desktop.saved).toHaveLength(1)
    const saved = bridge.desktop.saved[0] ?? ''
    mkdirSync(dirname(EXPORTED_REPORT), { recursive: true })
    copyFileSync(saved, EXPORTED_REPORT)

    const texts = paragraphsOf((await readDocx(readFileSync(saved))).document).map((p) => p.text)
    const first = texts.indexOf('BCH ĐOÀN TỈNH')
    expect(texts.slice(first, first + 3)).toEqual(['BCH ĐOÀN TỈNH', 'LÂM ĐỒNG', '***'])
    expect(texts).toContain('Số: 01-BC/TĐTN-VP')
    expect(texts).toContain(`Lâm Đồng, ngày 15 tháng 10 năm 2025`)
    const authority = texts.indexOf('TM. BAN THƯỜNG VỤ TỈNH ĐOÀN')
    expect(texts.slice(authority, authority + 3)).toEqual([
      'TM. BAN THƯỜNG VỤ TỈNH ĐOÀN',
      'PHÓ BÍ THƯ',
      'Trần Thị Bình'
    ])
    expect(texts).not.toContain('Lê Văn Cường')
    expect(E2E_TODAY).toBe('2025-10-15')
  })

  test('refuses an ambiguous ban abbreviation under its field, and a ban with cadres is not deleted', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await openSettings(page)
    await page.getByRole('tab', { name: 'Ban' }).click()
    const rows = page.getByRole('table', { name: 'Danh sách ban' }).locator('tbody tr')
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(1).locator('td')).toHaveText([
      'TCKT',
      'Ban Tổ chức - Kiểm tra',
      'TCKT',
      '01-KH/TĐTN-TCKT',
      '3',
      /Sửa/
    ])

    await page.getByRole('button', { name: 'Thêm ban' }).click()
    const form = page.getByRole('form', { name: 'Thêm ban' })
    await form.getByLabel(/^Tên ban/).fill('Ban Tổ chức Cán bộ')
    await form.getByLabel(/^Mã ban/).fill('TCCB')
    const abbreviation = field(form, 'Viết tắt')
    // Characters that would split a symbol: refused by the schema before anything is sent.
    await form.getByLabel(/^Viết tắt/).fill('TC/KT')
    await form.getByRole('button', { name: 'Lưu ban' }).click()
    await expect(abbreviation.locator('.field-error')).toContainText('không có dấu cách, "/" hay "-"')
    // The same letters as TCKT once case is ignored: refused by the service, shown under the field.
    await form.getByLabel(/^Viết tắt/).fill('tckt')
    await form.getByRole('button', { name: 'Lưu ban' }).click()
    await expect(abbreviation.locator('.field-error')).toHaveText(
      'Viết tắt "TCKT" đã dùng cho Ban Tổ chức - Kiểm tra: ký hiệu văn bản của hai ban sẽ trùng nhau.'
    )
    await expect(form.getByLabel(/^Viết tắt/)).toHaveAttribute('aria-invalid', 'true')

    await form.getByLabel(/^Viết tắt/).fill('TCCB')
    await form.getByRole('button', { name: 'Lưu ban' }).click()
    await expect(rows).toHaveCount(4)
    await expect(rows.nth(3)).toContainText('01-KH/TĐTN-TCCB')

    // "XDD" prints differently from "XDĐ" but reads the same: refused, the message under the field.
    await page.getByRole('button', { name: 'Thêm ban' }).click()
    await form.getByLabel(/^Tên ban/).fill('Ban Xây dựng Đoàn')
    await form.getByLabel(/^Viết tắt/).fill('XDĐ')
    await form.getByLabel(/^Mã ban/).fill('XDD')
    await form.getByRole('button', { name: 'Lưu ban' }).click()
    await expect(rows).toHaveCount(5)
    await page.getByRole('button', { name: 'Thêm ban' }).click()
    await form.getByLabel(/^Tên ban/).fill('Ban Xây dựng Đảng')
    await form.getByLabel(/^Viết tắt/).fill('xdd')
    await expect(abbreviation.locator('.field-hint')).toHaveText('Ký hiệu: 01-KH/TĐTN-XDD')
    await form.getByLabel(/^Mã ban/).fill('XDDG')
    await form.getByRole('button', { name: 'Lưu ban' }).click()
    await expect(abbreviation.locator('.field-error')).toHaveText(
      'Viết tắt "XDD" đọc giống "XDĐ" của Ban Xây dựng Đoàn (không phân biệt chữ hoa, chữ thường và dấu): ký hiệu văn bản của hai ban sẽ không phân biệt được.'
    )
    await expect(rows).toHaveCount(5)
    await screenshot(page, join(DOCS_SCREENSHOTS, 'cai-dat-ban.png'))
    await form.getByRole('button', { name: 'Hủy' }).click()
    await expect(form).toHaveCount(0)

    await page.getByRole('button', { name: 'Xóa Ban Phong trào' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa ban' }).click()
    await expect(
      page.getByRole('alert').filter({ hasText: 'Không xóa được Ban Phong trào (PT)' })
    ).toContainText('3 cán bộ đang thuộc ban này')
    await expect(rows).toHaveCount(5)
    await page.getByRole('button', { name: 'Xóa Ban Tổ chức Cán bộ' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa ban' }).click()
    await expect(rows).toHaveCount(4)
    // "Hoàn tác" brings it back.
    await page.getByRole('button', { name: /Hoàn tác/ }).click()
    await expect(rows).toHaveCount(5)
    // Put back with its own id, so in its old place.
    await expect(rows.nth(3)).toContainText('Ban Tổ chức Cán bộ')
  })

  test('the year rules list the cadres whose status would change, before saving', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await openSettings(page)
    await page.getByRole('tab', { name: 'Quy định năm' }).click()
    await expect(page.getByLabel('Năm', { exact: true })).toHaveValue('2025')
    await expect(page.getByText('Năm 2025 đang dùng quy định mặc định')).toBeVisible()
    const changes = page.getByTestId('status-changes')
    await expect(changes).toContainText('Sửa quy định bên trái để xem trước')

    const target = page.getByLabel(/^Chỉ tiêu \(ngày\/năm\)/)
    await expect(target).toHaveValue('60')
    await target.fill('70')
    await page
      .getByLabel(/^Căn cứ \(mỗi căn cứ một dòng\)/)
      .fill(
        'Căn cứ Hướng dẫn số 25-HD/TWĐTN-BTC ngày 01/3/2019 của Ban Bí thư Trung ương Đoàn;\nCăn cứ Kế hoạch số 50-KH/TĐTN-XDĐ ngày 15/01/2025 của Ban Thường vụ Tỉnh đoàn'
      )

    // What the service computes for these rules (the rules are tested in test/integration/settings).
    const expected = await bridge.handlers['settings.previewYear']({
      ...(await bridge.handlers['settings.getYear']({ year: 2025 })),
      targetDays: 70
    })
    expect(expected.changes.length).toBeGreaterThan(0)
    const rows = changes.locator('tbody tr')
    await expect(rows).toHaveCount(expected.changes.length)
    await expect(changes.locator('thead th').last()).toHaveText('Trạng thái hiện tại → sau khi đổi')
    for (const [i, c] of expected.changes.entries()) {
      await expect(rows.nth(i).locator('td').first()).toContainText(c.name)
      await expect(rows.nth(i).locator('td').nth(2)).toHaveText(
        `${c.targetBefore} → ${c.targetAfter}`.replace(/\./g, ',')
      )
      const status = rows.nth(i).locator('td').last()
      await expect(status).toContainText(STATUS_LABELS[c.before!])
      await expect(status).toContainText(STATUS_LABELS[c.after!])
    }
    await expect(changes).toContainText('Tính đến ngày 15/10/2025')
    // Nothing is saved yet.
    expect((await bridge.handlers['settings.getYear']({ year: 2025 })).stored).toBe(false)
    await page.evaluate('window.scrollTo(0, 0)')
    await screenshot(page, join(DOCS_SCREENSHOTS, 'cai-dat-quy-dinh-nam.png'))

    // A bad value gets its message under the field, and the preview waits for a valid one.
    await target.fill('60,3')
    await expect(field(page, 'Chỉ tiêu (ngày/năm)').locator('.field-error')).toHaveCount(0)
    await page.getByRole('button', { name: 'Lưu quy định năm 2025' }).click()
    await expect(field(page, 'Chỉ tiêu (ngày/năm)').locator('.field-error')).toHaveText(
      'Chỉ tiêu tính theo nửa ngày (ví dụ 60 hoặc 30,5).'
    )
    await expect(changes).toContainText('Sửa các ô đang báo lỗi')
    await target.fill('70')
    await page.getByRole('button', { name: 'Lưu quy định năm 2025' }).click()
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: 'Đã lưu: Đặt quy định năm 2025: chỉ tiêu 60 → 70 ngày, căn cứ pháp lý.' })
    ).toBeVisible()
    await expect(page.getByText('Năm 2025 đã có quy định riêng.')).toBeVisible()
    await expect(changes).toContainText('Sửa quy định bên trái')
    const stored = await bridge.handlers['settings.getYear']({ year: 2025 })
    expect(stored).toMatchObject({ stored: true, targetDays: 70 })
    expect(stored.legalBasis?.split('\n')).toHaveLength(2)

    // The tab and the year survive a reload.
    await page.getByLabel('Năm', { exact: true }).selectOption('2026')
    await expect(page).toHaveURL(/nam=2026/)
    await page.reload()
    await expect(page.getByLabel('Năm', { exact: true })).toHaveValue('2026')
    await expect(page.getByRole('tab', { name: 'Quy định năm' })).toHaveAttribute('aria-selected', 'true')
  })

  test('each tab says what is missing on a new database', async ({ page }) => {
    await openSettings(page)
    await expect(page.getByText('Chưa khai báo cơ quan ban hành')).toBeVisible()
    await expect(page.getByTestId('preview-date-line')).toHaveText('……………, ngày 15 tháng 10 năm 2025')
    await screenshot(page, join(TEST_SCREENSHOTS, 'cai-dat-trong-co-quan.png'))
    await page.getByRole('tab', { name: 'Người ký' }).click()
    await expect(page.getByRole('heading', { name: 'Chưa có người ký' })).toBeVisible()
    await screenshot(page, join(TEST_SCREENSHOTS, 'cai-dat-trong-nguoi-ky.png'))
    await page.getByRole('tab', { name: 'Ban' }).click()
    await expect(page.getByRole('heading', { name: 'Chưa có ban nào' })).toBeVisible()
    await screenshot(page, join(TEST_SCREENSHOTS, 'cai-dat-trong-ban.png'))
    await page.getByRole('tab', { name: 'Quy định năm' }).click()
    await expect(page.getByText('Năm 2025 đang dùng quy định mặc định')).toBeVisible()
    await page.getByLabel(/^Chỉ tiêu \(ngày\/năm\)/).fill('30')
    await expect(page.getByTestId('status-changes')).toContainText('Không cán bộ nào đổi trạng thái.')
    await screenshot(page, join(TEST_SCREENSHOTS, 'cai-dat-trong-quy-dinh-nam.png'))
  })
})
