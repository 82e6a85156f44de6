/**
 * The trips logbook in Chromium at 1366×768, on real services over a real SQLite file with the
 * 2025 fixture (test/e2e/bridge.ts; "today" is 15/10/2025). Each test is one line of the
 * issue's "Done means": a two-cadre trip with a half day entered with the keyboard alone and
 * its effect on Tổng hợp năm; the overlap warning before saving; 31/02/2025 refused next to
 * the field; duplicating for another cadre; three trips marked "Đã báo cáo" at once and the
 * change in Lịch sử thay đổi; delete and undo. Screenshots of the list, the form with
 * warnings and the trip's page go to docs/screenshots/.
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
    await page.screenshot({ path: file })
  }
}

function summaryRow(page: Page, name: string): Locator {
  return page.locator('.summary-table tbody tr', { has: page.locator('.cadre-name', { hasText: name }) })
}

/** "58,5" → 58.5 */
function daysNumber(text: string | null): number {
  return Number((text ?? '').trim().replace(/\./g, '').replace(',', '.'))
}

async function summaryDays(page: Page, names: string[]): Promise<number[]> {
  await page.goto('/#/tong-hop-nam')
  await expect(page.locator('.summary-table')).toBeVisible()
  await expect(page.getByLabel('Tính đến ngày')).toHaveValue('15/10/2025')
  const days: number[] = []
  for (const name of names)
    days.push(daysNumber(await summaryRow(page, name).locator('[data-col="days"]').textContent()))
  return days
}

/** The horizontal overflow of the page (0 when it fits the 1366 px window). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement
    return d.scrollWidth - d.clientWidth
  })
}

test.describe('Chuyến đi', () => {
  test('adds a trip shared by two cadres with a half day using only the keyboard; Tổng hợp năm changes by exactly that', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    const names = ['Lê Minh Đức', 'Nguyễn Hồng Thắm']
    const before = await summaryDays(page, names)

    await page.goto('/#/chuyen-di/them')
    await expect(page.getByRole('heading', { name: 'Thêm chuyến đi' })).toBeVisible()
    await expect(page.getByLabel('Mã chuyến')).toHaveValue('CD0242')
    // The cursor starts on "Từ ngày"; from here on only the keyboard.
    await expect(page.getByLabel('Từ ngày')).toBeFocused()
    const k = page.keyboard
    await k.type('6/10')
    await k.press('Tab')
    await expect(page.getByLabel('Buổi bắt đầu')).toBeFocused()
    await k.press('c') // Chiều
    await k.press('Tab')
    await expect(page.getByLabel('Đến ngày')).toHaveValue('06/10/2025') // follows the start date
    await k.type('7/10/25')
    await k.press('Tab')
    await expect(page.getByLabel('Buổi kết thúc')).toHaveValue('CHIEU')
    await expect(page.getByTestId('trip-days')).toHaveText('1,5 ngày')
    await k.press('Tab')
    await expect(page.getByLabel('Đơn vị')).toBeFocused()
    await k.type('tan an')
    await expect(page.getByRole('option', { name: /Đoàn xã Tân Ân/ }).first()).toBeVisible()
    await k.press('Enter')
    await k.press('Tab')
    await k.press('k') // Kiểm tra, giám sát
    await k.press('Tab')
    await k.type('Kiểm tra công tác đoàn quý IV')
    await k.press('Tab')
    await expect(page.getByLabel('Cán bộ tham gia')).toBeFocused()
    await k.type('duc')
    await expect(page.getByRole('option', { name: /Lê Minh Đức/ })).toBeVisible()
    await k.press('Enter')
    await k.type('tham')
    await k.press('Enter')
    await k.press('Tab')
    await expect(page.getByLabel('Trạng thái')).toHaveValue('DA_THUC_HIEN')
    await k.press('Tab')
    await k.type('25/CL-TĐTN')
    await k.press('Tab')
    await k.type('8/10')
    await k.press('Tab')
    await expect(page.getByLabel('Ghi chú')).toBeFocused()
    await expect(page.getByTestId('trip-warnings')).toContainText('Không có cảnh báo.')
    await k.press('Enter') // Enter in the last field saves

    await expect(page).toHaveURL(/#\/chuyen-di\/CD0242$/)
    await expect(page.getByRole('heading', { name: /Chuyến đi CD0242/ })).toBeVisible()
    await expect(page.getByTestId('trip-span')).toContainText('06/10/2025 (chiều)–07/10/2025')
    await expect(page.locator('.trip-people')).toContainText('Lê Minh Đức')
    await expect(page.locator('.trip-people')).toContainText('Nguyễn Hồng Thắm')
    await expect(page.getByRole('status')).toContainText('Đã lưu: Thêm chuyến đi CD0242')

    const after = await summaryDays(page, names)
    expect(after).toEqual(before.map((d) => d + 1.5))
  })

  test('an overlapping trip shows the warning naming the other trip before saving', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/chuyen-di/them')
    const start = page.getByLabel('Từ ngày')
    await start.fill('12/03/2025')
    await page.getByLabel('Đến ngày').fill('13/03/2025')
    await page.getByLabel('Đến ngày').press('Tab')
    const cadres = page.getByLabel('Cán bộ tham gia')
    await cadres.fill('tran van be')
    await cadres.press('Enter')
    const units = page.getByLabel('Đơn vị')
    await units.fill('chi doan ap 2')
    await units.press('Enter')
    await units.press('Tab')
    await page.getByLabel('Loại nội dung').selectOption('DU_SH_CHI_DOAN')
    await page.getByLabel('Nội dung', { exact: true }).fill('Dự sinh hoạt chủ điểm "Tuổi trẻ Cà Mau"')

    const warnings = page.getByTestId('trip-warnings')
    await expect(warnings.locator('[data-kind="overlap"]').first()).toContainText(
      'Trùng thời gian với chuyến TR001 (10/03/2025–13/03/2025, đã báo cáo) của A02 Trần Văn Bé: 12/03/2025–13/03/2025 (2 ngày) tính cho chuyến TR001.'
    )
    await expect(warnings.locator('[data-kind="overlap"]').nth(1)).toContainText('chuyến TR002')
    await expect(warnings.locator('[data-kind="unit-validity"]')).toContainText(
      'chỉ có hiệu lực từ 01/07/2025'
    )
    await expect(warnings.locator('[data-kind="report-overdue"]')).toContainText('Quá hạn báo cáo')
    // Nothing is saved by looking.
    expect((await bridge.handlers['trips.search']({ q: 'CD0242', offset: 0, limit: 1 })).total).toBe(0)
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'chuyen-di-nhap.png', true)
  })

  test('an invalid date ("31/02/2025") is refused next to the field', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/chuyen-di/them')
    const start = page.getByLabel('Từ ngày')
    await start.fill('31/02/2025')
    await start.press('Tab')
    const field = page.locator('[data-field="startDate"]')
    await expect(field.locator('.field-error')).toHaveText(
      'Từ ngày không hợp lệ: cần một ngày có thật, nhập dạng dd/mm/yyyy (ví dụ 30/06/2025).'
    )
    await expect(start).toHaveAttribute('aria-invalid', 'true')
    await expect(start).toHaveValue('31/02/2025') // kept as typed, to correct
    // Ctrl+Enter tries to save: refused in the form, nothing reaches the database.
    await page.getByLabel('Ghi chú').press('Control+Enter')
    await expect(page.locator('[data-field="cadreCodes"] .field-error')).toHaveText(
      'Chọn ít nhất một cán bộ (Cán bộ tham gia).'
    )
    await expect(page).toHaveURL(/#\/chuyen-di\/them$/)
    await start.fill('28/02/2025')
    await start.press('Tab')
    await expect(field.locator('.field-error')).toHaveCount(0)
  })

  test('duplicates a trip for another cadre', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/chuyen-di/TR003')
    await expect(page.getByRole('heading', { name: /Chuyến đi TR003/ })).toBeVisible()
    await page.getByRole('button', { name: 'Nhân bản…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Nhân bản chuyến đi TR003' })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByLabel('Từ ngày')).toHaveValue('20/08/2025')
    const cadres = dialog.getByLabel('Cán bộ tham gia')
    await cadres.fill('anh')
    await expect(dialog.getByRole('option', { name: /Võ Quang Ánh/ })).toBeVisible()
    await cadres.press('Enter')
    await screenshot(page, 'chuyen-di-nhan-ban.png')
    await dialog.getByRole('button', { name: 'Tạo 1 bản sao' }).click()

    await expect(page).toHaveURL(/#\/chuyen-di\/CD0242$/)
    await expect(page.getByTestId('trip-span')).toContainText('20/08/2025 (chiều)')
    await expect(page.locator('.trip-people')).toContainText('Võ Quang Ánh')
    await expect(page.locator('.trip-people')).not.toContainText('Lê Minh Đức')
    const copy = await bridge.handlers['trips.get']({ code: 'CD0242' })
    const source = await bridge.handlers['trips.get']({ code: 'TR003' })
    expect(copy.cadres.map((c) => c.code)).toEqual(['A05'])
    expect([copy.startDate, copy.startHalf, copy.endHalf, copy.kind, copy.units]).toEqual([
      source.startDate,
      source.startHalf,
      source.endHalf,
      source.kind,
      source.units
    ])
  })

  test('marks three trips "Đã báo cáo" at once; the change is in Lịch sử thay đổi with old → new', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/chuyen-di?cadre=%5B%22A01%22%5D&status=DA_THUC_HIEN&sort=code&desc=false')
    const rows = page.locator('.trips-table tbody tr.trip-row')
    await expect(rows.first()).toHaveAttribute('data-code', 'CD0002')
    const picked = ['CD0002', 'CD0007', 'CD0011']
    for (const code of picked) await page.getByLabel(`Chọn chuyến ${code}`).check()
    await expect(page.locator('.trip-selection-bar')).toContainText('Đã chọn 3 chuyến đi')
    await page.getByRole('button', { name: 'Đổi trạng thái…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Đổi trạng thái 3 chuyến đi' })
    await dialog.getByLabel('Trạng thái mới').selectOption('DA_BAO_CAO')
    await dialog.getByLabel('Ngày nộp báo cáo').fill('14/10/2025')
    await screenshot(page, 'chuyen-di-doi-trang-thai.png')
    await dialog.getByRole('button', { name: 'Lưu cho 3 chuyến' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status')).toContainText(
      'Đã lưu: Đổi trạng thái 3 chuyến đi thành Đã báo cáo, ngày nộp báo cáo 14/10/2025: CD0002, CD0007, CD0011'
    )
    // The list was filtered on "Đã thực hiện": the three left it.
    for (const code of picked) await expect(page.locator(`tr[data-code="${code}"]`)).toHaveCount(0)
    for (const code of picked) {
      const trip = await bridge.handlers['trips.get']({ code })
      expect([trip.status, trip.reportDate]).toEqual(['DA_BAO_CAO', '2025-10-14'])
    }

    await page.getByRole('link', { name: 'Lịch sử thay đổi' }).click()
    const batch = page.getByTestId('history-batch').first()
    await expect(batch).toContainText('Đổi trạng thái 3 chuyến đi thành Đã báo cáo')
    await expect(batch).toContainText('Trạng thái: Đã thực hiện → Đã báo cáo')
    await expect(batch).toContainText('Ngày nộp báo cáo: (trống) → 14/10/2025')
    await expect(batch.locator('a', { hasText: 'CD0007' })).toBeVisible()
  })

  test('deletes a trip after confirmation, and undo brings it back', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/chuyen-di/TR004')
    await expect(page.getByRole('heading', { name: /Chuyến đi TR004/ })).toBeVisible()
    await page.getByRole('button', { name: 'Xóa…' }).click()
    const confirm = page.getByRole('dialog', { name: 'Xóa chuyến đi TR004?' })
    await expect(confirm).toContainText('Nguyễn Hồng Thắm, Huỳnh Thị Ơn')
    await confirm.getByRole('button', { name: 'Xóa' }).click()
    await expect(page).toHaveURL(/#\/chuyen-di(\?.*)?$/)
    await expect(page.getByRole('status')).toContainText('Đã lưu: Xóa chuyến đi TR004')
    await expect(page.locator('tr[data-code="TR004"]')).toHaveCount(0)
    await expect(page.getByTestId('trips-totals')).toContainText('246 chuyến đi')

    await page.getByRole('button', { name: /Hoàn tác/ }).click()
    await expect(page.getByRole('status')).toContainText('Đã hoàn tác: Xóa chuyến đi TR004')
    await expect(page.getByTestId('trips-totals')).toContainText('247 chuyến đi')
    await expect(page.locator('tr[data-code="TR004"]')).toBeVisible()
    await page.locator('tr[data-code="TR004"]').getByRole('link', { name: 'TR004' }).click()
    await expect(page.locator('.trip-people')).toContainText('Huỳnh Thị Ơn')
  })
})

test.describe('Chuyến đi: the screens', () => {
  test('the list: virtualized, filters in the address, totals, export; fits 1366 px', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/chuyen-di')
    const totals = page.getByTestId('trips-totals')
    await expect(totals).toContainText('247 chuyến đi')
    const all = await bridge.handlers['trips.totals']({ year: 2025 })
    await expect(totals).toContainText(`${String(all.creditedDays).replace('.', ',')} ngày được tính`)
    // Only the rows on screen (and a few around) exist.
    const rendered = await page.locator('.trips-table tbody tr.trip-row').count()
    expect(rendered).toBeGreaterThan(10)
    expect(rendered).toBeLessThan(80)
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'chuyen-di-danh-sach.png', true)

    // Scrolling to the end brings the oldest trip (the newest come first).
    await page.mouse.wheel(0, 20_000)
    await expect(page.locator('tr[data-code="CD0001"]')).toBeVisible()
    await expect(totals).toBeInViewport()

    // Search without diacritics, and a cadre picked by typing; both survive a reload.
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0)
    )
    await page.getByLabel('Tìm').fill('khao sat')
    await expect(page.locator('.trips-table tbody tr.trip-row')).toHaveCount(1)
    await expect(page.locator('tr[data-code="TR002"]')).toBeVisible()
    await page.getByLabel('Tìm').fill('')
    const cadre = page.getByLabel('Cán bộ', { exact: true })
    await cadre.fill('ngan')
    await cadre.press('Enter')
    await expect(page).toHaveURL(/cadre=/)
    await page.getByLabel('Loại nội dung').selectOption('DU_SH_CHI_DOAN')
    await expect(totals).toContainText('1 chuyến đi')
    await expect(page.locator('tr[data-code="TR006"]')).toBeVisible()
    await page.reload()
    await expect(page.getByLabel('Loại nội dung')).toHaveValue('DU_SH_CHI_DOAN')
    await expect(page.locator('.picker-chip')).toHaveText('Đinh Thị Ngân×')
    await expect(totals).toContainText('1 chuyến đi')

    // The sidebar link brings back the filters left here.
    // Pages load on demand: wait for the other page before going back through the sidebar.
    await page.getByRole('link', { name: 'Tổng hợp năm' }).click()
    await expect(page.getByRole('heading', { name: /Tổng hợp năm/ })).toBeVisible()
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Chuyến đi', exact: true })
      .click()
    await expect(totals).toContainText('1 chuyến đi')

    // Export of the filtered list through the desktop's save dialog.
    await page.getByRole('button', { name: 'Xuất Excel' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Đã lưu danh sách' })).toContainText(
      'chuyen-di-2025-loc.xlsx'
    )
    expect(bridge.desktop.saved.map((p) => p.split('/').pop())).toEqual(['chuyen-di-2025-loc.xlsx'])

    // Overdue reports as a filter, counted in the footer.
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).first().click()
    await page.getByLabel('Quá hạn báo cáo').check()
    await expect(totals).toContainText(`${all.overdue} chuyến đi`)
    await expect(page.locator('.trip-status-overdue').first()).toContainText('Quá hạn')
  })

  test('the empty logbook says how to start', async ({ page }) => {
    await page.goto('/#/chuyen-di')
    await expect(page.getByRole('heading', { name: 'Chưa có chuyến đi nào trong năm 2025' })).toBeVisible()
    await expect(page.locator('.empty-state').getByRole('link', { name: 'Thêm chuyến đi' })).toBeVisible()
    await screenshot(page, 'chuyen-di-trong.png')
  })

  test("the trip's page: details, links, each cadre's year strip and trips; survives a reload", async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/chuyen-di/TR004')
    await page.reload()
    await expect(page.getByRole('heading', { name: /Chuyến đi TR004/ })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Nguyễn Hồng Thắm' })).toHaveAttribute(
      'href',
      /#\/can-bo\/A01$/
    )
    await expect(page.getByRole('link', { name: 'Đoàn xã Đất Mũi' })).toHaveAttribute(
      'href',
      /#\/don-vi\/DDT$/
    )
    const strip = page.getByTestId('year-strip-A01')
    await expect(strip).toBeVisible()
    await expect(page.getByTestId('year-strip-A06')).toBeVisible()
    const a01 = await bridge.handlers['trips.cadreYear']({ cadreCode: 'A01', year: 2025 })
    await expect(strip.getByTestId('strip-credited')).toHaveText(String(a01.creditedDays).replace('.', ','))
    await expect(strip.locator('[data-date="2025-09-09"] .strip-half.strip-highlight')).toHaveCount(2)
    const list = page.getByTestId('cadre-trips-A01')
    await expect(list.locator('tr[data-code="TR004"]')).toBeVisible()
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'chuyen-di-ho-so.png', true)
    // The second cadre's year strip and the trips of the first (CadreTrips) on one screen.
    await page
      .getByTestId('year-strip-A06')
      .evaluate((el) =>
        (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' })
      )
    await expect(list.locator('tr.trip-row').first()).toBeInViewport()
    await screenshot(page, 'chuyen-di-nam-can-bo.png', true)

    await page.getByRole('button', { name: 'Huỳnh Thị Ơn' }).click()
    await expect(page.getByTestId('cadre-trips-A06')).toBeVisible()
  })
})
