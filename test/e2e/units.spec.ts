/**
 * Đơn vị in Chromium at 1366×768, against the real services on a real SQLite file seeded with
 * the demo office (test/e2e/bridge.ts; "today" is 15/10/2025): the tree of 01/01/2022 (district
 * unions with their communes) against the tree of 01/01/2026 (communes directly under the Tỉnh
 * đoàn), the search without diacritics, adding a unit, moving and closing, merging two
 * communes with its history on both record pages, "Hoàn tác" of the merge, and reloads.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { units } from '../../electron/db/schema'
import { buildDemoWorkbook } from '../../electron/services/demo'
import { importWorkbookData } from '../../electron/services/workbook'
import { flattenTree } from '../../shared/domain/units'
import { expect, E2E_TODAY, test, type Bridge } from './bridge'

const root = resolve(__dirname, '../..')

/** Main screens go to docs/screenshots (they document the app); the rest to .tmp (Playwright empties test-results). */
async function screenshot(page: Page, name: string, where: 'docs' | 'results' = 'results'): Promise<void> {
  const file =
    where === 'docs' ? join(root, 'docs/screenshots', name) : join(root, '.tmp/screenshots/units', name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

/** The page never scrolls sideways at 1366 px. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const html = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement
    return html.scrollWidth - html.clientWidth
  })
  expect(overflow).toBeLessThanOrEqual(0)
}

function seedDemo(bridge: Bridge): void {
  const result = importWorkbookData(
    bridge.ctx,
    buildDemoWorkbook({ year: 2025, today: E2E_TODAY }),
    'Dữ liệu mẫu'
  )
  expect(result.committed).toBe(true)
}

function row(page: Page, code: string) {
  return page.locator(`.unit-tree [role="row"][data-code="${code}"]`)
}

/** The field labelled exactly so (a required field's label ends with " *"). */
function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`))
}

/** Types a date and leaves the field (Enter would also submit the form around it). */
async function typeDate(page: Page, label: string, ddmmyyyy: string) {
  const input = field(page, label)
  await input.fill(ddmmyyyy)
  await input.blur()
}

async function showTreeOf(page: Page, ddmmyyyy: string) {
  await typeDate(page, 'Cây đơn vị ngày', ddmmyyyy)
  await expect(page.getByTestId('unit-tree-lead')).toContainText(`Cây tổ chức ngày ${ddmmyyyy}:`)
}

function timeline(page: Page) {
  return page.locator('.unit-timeline li .unit-timeline-text')
}

test.describe('Đơn vị', () => {
  test('the tree of 01/01/2022 differs from 01/01/2026; search without diacritics', async ({
    page,
    bridge
  }) => {
    seedDemo(bridge)
    await page.goto('/#/don-vi')
    await expect(page.getByRole('heading', { name: 'Đơn vị', exact: true })).toBeVisible()
    // Default: today (15/10/2025), the new communes already under the Tỉnh đoàn.
    await expect(page.getByLabel('Cây đơn vị ngày')).toHaveValue('15/10/2025')
    await expect(row(page, 'X01')).toHaveAttribute('aria-level', '2')

    await showTreeOf(page, '01/01/2022')
    await expect(page.getByTestId('unit-tree-lead')).toContainText('33 đơn vị đang hoạt động')
    // A commune under its district union (level 3), the district union under the Tỉnh đoàn.
    await expect(row(page, 'HD1')).toHaveAttribute('aria-level', '2')
    await expect(row(page, 'XC01')).toHaveAttribute('aria-level', '3')
    await expect(row(page, 'XC01')).toContainText('Đoàn xã Liên Nghĩa')
    await expect(row(page, 'XC01')).toContainText('đến 30/06/2025')
    await expect(row(page, 'X01')).toHaveCount(0)
    // The communes of Đức Trọng come right after their district union, in Vietnamese order.
    const codes = await page
      .locator('.unit-tree [role="row"][data-code]')
      .evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { code: string } }).dataset.code))
    const hd1 = codes.indexOf('HD1')
    expect(codes.slice(hd1, hd1 + 7)).toEqual(['HD1', 'XC02', 'XC04', 'XC01', 'XC03', 'XC05', 'XC06'])
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'don-vi-2022.png', 'docs')

    await showTreeOf(page, '01/01/2026')
    await expect(row(page, 'X01')).toHaveAttribute('aria-level', '2')
    await expect(row(page, 'X01')).toContainText('từ 01/07/2025')
    await expect(row(page, 'XC01')).toHaveCount(0)
    await expect(row(page, 'HD1')).toHaveCount(0)
    await expect(page.getByTestId('unit-tree-lead')).toContainText('16 đơn vị đang hoạt động')
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'don-vi-2026.png', 'docs')

    // Closed ones, greyed, under their last parent.
    await page.getByLabel('Hiện cả đơn vị đã giải thể / sáp nhập').check()
    await expect(row(page, 'XC01')).toHaveClass(/unit-row-closed/)
    await expect(row(page, 'XC01')).toContainText('Đã sáp nhập vào Đoàn xã Đức Trọng')
    await expect(row(page, 'XC01')).toHaveAttribute('aria-level', '3')
    await screenshot(page, 'don-vi-2026-ca-da-dong.png')
    await page.getByLabel('Hiện cả đơn vị đã giải thể / sáp nhập').uncheck()

    // "duc trong" finds "Đức Trọng", kept with its ancestors.
    await page.getByLabel('Tìm đơn vị').fill('duc trong')
    await expect(page.getByTestId('unit-tree-lead')).toContainText('1 đơn vị khớp “duc trong”')
    await expect(page.locator('.unit-tree [role="row"][data-code]')).toHaveCount(2)
    await expect(row(page, 'TD')).toBeVisible()
    await expect(row(page, 'X01')).toHaveClass(/unit-row-match/)
    await expect(row(page, 'X01')).toContainText('Đoàn xã Đức Trọng')
    // The same search in 2022 finds the district union.
    await showTreeOf(page, '01/01/2022')
    await expect(row(page, 'HD1')).toHaveClass(/unit-row-match/)
    await expect(row(page, 'HD1')).toContainText('Huyện đoàn Đức Trọng')
    await screenshot(page, 'don-vi-tim-kiem.png')

    // The filters live in the address: a reload keeps them, and so does the sidebar link.
    await page.reload()
    await expect(page.getByLabel('Tìm đơn vị')).toHaveValue('duc trong')
    await expect(page.getByLabel('Cây đơn vị ngày')).toHaveValue('01/01/2022')
    await expect(row(page, 'HD1')).toBeVisible()
    await page.getByRole('link', { name: 'Huyện đoàn Đức Trọng' }).click()
    await expect(page.getByRole('heading', { name: 'Huyện đoàn Đức Trọng' })).toBeVisible()
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Đơn vị' })
      .click()
    await expect(page.getByLabel('Tìm đơn vị')).toHaveValue('duc trong')
    await expect(page.getByLabel('Cây đơn vị ngày')).toHaveValue('01/01/2022')
  })

  test('merge two communes from a date, see it on both record pages, undo it, reload stays', async ({
    page,
    bridge
  }) => {
    seedDemo(bridge)
    await page.goto('/#/don-vi/X02')
    await expect(page.getByRole('heading', { name: 'Đoàn xã Hiệp Thạnh' })).toBeVisible()
    await page.getByRole('link', { name: 'Sáp nhập vào đơn vị khác' }).click()
    await expect(page.getByRole('heading', { name: 'Sáp nhập đơn vị' })).toBeVisible()
    await expect(page.locator('.unit-chip')).toHaveText(['Đoàn xã Hiệp Thạnh×'])

    await typeDate(page, 'Ngày sáp nhập (từ ngày)', '01/12/2025')
    await expect(page.getByText('Các đơn vị bị sáp nhập hoạt động đến hết ngày 30/11/2025.')).toBeVisible()
    await page.getByPlaceholder('Lọc theo tên hoặc mã').fill('tan hoi')
    await page.getByRole('checkbox', { name: /Đoàn xã Tân Hội/ }).check()
    await expect(page.locator('.unit-chip')).toHaveText(['Đoàn xã Hiệp Thạnh×', 'Đoàn xã Tân Hội×'])
    await page.getByPlaceholder('Lọc theo tên hoặc mã').fill('')
    await page.getByLabel('Đơn vị nhận sáp nhập').selectOption('X01')
    // Trips planned there after the day are named before confirming (they stay as they are).
    const impact = await bridge.handlers['units.impact']({ codes: ['X02', 'X03'], lastDay: '2025-11-30' })
    expect(impact.tripsAfter.length).toBeGreaterThan(0)
    await expect(page.getByTestId('unit-impact')).toContainText(
      `Lưu ý: có ${impact.tripsAfter.length} chuyến đi đến các đơn vị này kết thúc sau ngày 30/11/2025`
    )
    await expect(page.getByTestId('unit-impact')).toContainText(impact.tripsAfter[0]!.code)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'don-vi-sap-nhap.png', 'docs')

    await page.getByRole('button', { name: 'Sáp nhập…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Xác nhận sáp nhập đơn vị' })
    await expect(dialog).toContainText(
      'Sáp nhập Đoàn xã Hiệp Thạnh, Đoàn xã Tân Hội vào Đoàn xã Đức Trọng từ ngày 01/12/2025.'
    )
    await screenshot(page, 'don-vi-sap-nhap-xac-nhan.png')
    await dialog.getByRole('button', { name: 'Sáp nhập', exact: true }).click()

    // The target's record page: the merged units listed, with links.
    await expect(page).toHaveURL(/#\/don-vi\/X01$/)
    await expect(page.getByRole('heading', { name: 'Đoàn xã Đức Trọng' })).toBeVisible()
    await expect(timeline(page).last()).toHaveText(
      'Các đơn vị đã sáp nhập vào: Đoàn xã Liên Nghĩa (từ 01/07/2025), Đoàn xã Phú Hội (từ 01/07/2025), ' +
        'Đoàn xã Hiệp Thạnh (từ 01/12/2025), Đoàn xã Tân Hội (từ 01/12/2025)'
    )
    await expect(page.locator('.undo-bar')).toContainText(
      'Đã lưu: Sáp nhập Đoàn xã Hiệp Thạnh, Đoàn xã Tân Hội vào Đoàn xã Đức Trọng từ 01/12/2025.'
    )
    // A merged unit's page says where it went.
    await timeline(page).last().getByRole('link', { name: 'Đoàn xã Hiệp Thạnh' }).click()
    await expect(page).toHaveURL(/#\/don-vi\/X02$/)
    await expect(timeline(page)).toHaveText([
      'Thành lập 01/07/2025',
      'Trực thuộc Tỉnh đoàn Lâm Đồng',
      'Các đơn vị đã sáp nhập vào: Đoàn xã Hiệp An (từ 01/07/2025), Đoàn xã Liên Hiệp (từ 01/07/2025)',
      'Sáp nhập vào Đoàn xã Đức Trọng từ 01/12/2025'
    ])
    const tripCount = Number(await page.getByTestId('unit-trip-count').textContent())
    expect(tripCount).toBeGreaterThan(0)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'don-vi-ho-so.png', 'docs')

    // "Hoàn tác" in the bar puts the whole merge back: both communes open again, no merge line.
    await page
      .locator('.undo-bar')
      .getByRole('button', { name: /Hoàn tác/ })
      .click()
    await expect(page.locator('.undo-bar')).toContainText(
      'Đã hoàn tác: Sáp nhập Đoàn xã Hiệp Thạnh, Đoàn xã Tân Hội'
    )
    await expect(timeline(page)).toHaveCount(3)
    await expect(page.locator('.unit-timeline')).not.toContainText('Sáp nhập vào')
    const rows = bridge.ctx.db
      .select()
      .from(units)
      .all()
      .filter((u) => ['X02', 'X03'].includes(u.code))
    expect(rows.map((u) => [u.code, u.validTo, u.mergedIntoId])).toEqual([
      ['X02', null, null],
      ['X03', null, null]
    ])

    // Reload on the record page stays there.
    await page.reload()
    await expect(page).toHaveURL(/#\/don-vi\/X02$/)
    await expect(page.getByRole('heading', { name: 'Đoàn xã Hiệp Thạnh' })).toBeVisible()
    await expect(timeline(page).first()).toHaveText('Thành lập 01/07/2025')
  })

  test('merge into a new commune created in the same write, undone from the bar', async ({
    page,
    bridge
  }) => {
    seedDemo(bridge)
    await page.goto('/#/don-vi/sap-nhap?nguon=%5B%22X04%22%2C%22X05%22%5D&ngay=2026-01-01')
    await expect(page.locator('.unit-chip')).toHaveText(['Đoàn xã Di Linh×', 'Đoàn xã Gia Hiệp×'])
    await expect(page.getByLabel('Ngày sáp nhập (từ ngày)')).toHaveValue('01/01/2026')
    // A new commune created in the same write.
    await page.getByLabel('Một đơn vị mới (thành lập từ ngày sáp nhập)').check()
    await page.getByLabel('Mã đơn vị mới').fill('X13')
    await page.getByLabel('Tên đơn vị mới').fill('Đoàn xã Di Linh – Gia Hiệp')
    await page.getByLabel('Loại').selectOption('DOAN_XA')
    await page.getByLabel('Đơn vị cấp trên').selectOption('TD')
    await page.getByRole('button', { name: 'Sáp nhập…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Sáp nhập', exact: true }).click()
    await expect(page).toHaveURL(/#\/don-vi\/X13$/)
    await expect(page.getByRole('heading', { name: 'Đoàn xã Di Linh – Gia Hiệp' })).toBeVisible()
    await expect(timeline(page)).toHaveText([
      'Thành lập 01/01/2026',
      'Trực thuộc Tỉnh đoàn Lâm Đồng',
      'Các đơn vị đã sáp nhập vào: Đoàn xã Di Linh (từ 01/01/2026), Đoàn xã Gia Hiệp (từ 01/01/2026)'
    ])

    await page
      .locator('.undo-bar')
      .getByRole('button', { name: /Hoàn tác/ })
      .click()
    await expect(page.locator('.undo-bar')).toContainText(
      'Đã hoàn tác: Sáp nhập Đoàn xã Di Linh, Đoàn xã Gia Hiệp'
    )
    // The new unit is gone (its page says so plainly) and the communes are open again.
    await expect(page.getByRole('heading', { name: 'Không có đơn vị mã X13' })).toBeVisible()
    const open = bridge.ctx.db
      .select()
      .from(units)
      .all()
      .filter((u) => ['X04', 'X05'].includes(u.code))
    expect(open.map((u) => [u.code, u.validTo, u.mergedIntoId])).toEqual([
      ['X04', null, null],
      ['X05', null, null]
    ])
    await page.goto('/#/don-vi/X04')
    await expect(timeline(page).first()).toHaveText('Thành lập 01/07/2025')
    await expect(page.locator('.unit-timeline')).not.toContainText('Sáp nhập vào')
  })

  test('add a unit, move it, refuse closing its parent, close it', async ({ page, bridge }) => {
    seedDemo(bridge)
    await page.goto('/#/don-vi')
    await page.getByRole('link', { name: 'Thêm đơn vị' }).click()
    await expect(page.getByRole('heading', { name: 'Thêm đơn vị' })).toBeVisible()
    // Empty: each refusal under its field, in Vietnamese.
    await page.getByRole('button', { name: 'Lưu đơn vị' }).click()
    await expect(page.getByText('Thiếu mã đơn vị.')).toBeVisible()
    await expect(page.getByText('Thiếu tên đơn vị.')).toBeVisible()
    await expect(page.getByText('Loại: hãy chọn một loại đơn vị trong danh sách.')).toBeVisible()

    await page.getByLabel('Mã đơn vị').fill('CD01')
    await page.getByLabel('Tên đơn vị').fill('Chi đoàn thôn Phú Thạnh')
    await page.getByLabel('Loại').selectOption('CHI_DOAN')
    await typeDate(page, 'Hiệu lực từ', '01/09/2025')
    await expect(page.getByText('Các đơn vị hoạt động ngày 01/09/2025 (Hiệu lực từ).')).toBeVisible()
    await page.getByLabel('Đơn vị cấp trên').selectOption('X01')
    await screenshot(page, 'don-vi-them.png')
    await page.getByRole('button', { name: 'Lưu đơn vị' }).click()
    await expect(page).toHaveURL(/#\/don-vi\/CD01$/)
    await expect(timeline(page)).toHaveText(['Thành lập 01/09/2025', 'Trực thuộc Đoàn xã Đức Trọng'])

    // Move it from 01/01/2026.
    await page.getByRole('button', { name: 'Chuyển đơn vị cấp trên' }).click()
    const move = page.getByRole('dialog')
    await typeDate(page, 'Từ ngày', '01/01/2026')
    await move.getByLabel('Đơn vị cấp trên mới').selectOption('X02')
    await screenshot(page, 'don-vi-chuyen.png')
    await move.getByRole('button', { name: 'Chuyển', exact: true }).click()
    await expect(timeline(page).nth(1)).toHaveText(
      'Trực thuộc Đoàn xã Đức Trọng đến 31/12/2025, từ 01/01/2026 trực thuộc Đoàn xã Hiệp Thạnh'
    )
    await expect(page.locator('.unit-moves tbody tr')).toHaveCount(1)

    // Its new parent cannot close while it sits there: the dialog says why, the service refuses.
    await page.goto('/#/don-vi/X02')
    await page.getByRole('button', { name: 'Ngừng hoạt động' }).click()
    const closing = page.getByRole('dialog')
    await typeDate(page, 'Ngày cuối hoạt động', '31/03/2026')
    await expect(closing.getByTestId('unit-impact')).toContainText('Chưa thể ngừng hoạt động')
    await expect(closing.getByTestId('unit-impact')).toContainText('Chi đoàn thôn Phú Thạnh')
    await screenshot(page, 'don-vi-ngung.png')
    await closing.getByRole('button', { name: 'Ngừng hoạt động' }).click()
    await expect(closing.locator('.field-error')).toContainText(
      'vẫn còn đơn vị trực thuộc sau ngày 31/03/2026: Chi đoàn thôn Phú Thạnh'
    )
    await closing.getByRole('button', { name: 'Hủy' }).click()

    // The chi đoàn itself closes; its history says so; the undo bar offers to take it back.
    await page.goto('/#/don-vi/CD01')
    await page.getByRole('button', { name: 'Ngừng hoạt động' }).click()
    await typeDate(page, 'Ngày cuối hoạt động', '30/06/2026')
    await page.getByRole('dialog').getByRole('button', { name: 'Ngừng hoạt động' }).click()
    await expect(timeline(page).last()).toHaveText('Ngừng hoạt động, ngày cuối hoạt động 30/06/2026')
    await expect(page.locator('.undo-bar')).toContainText(
      'Đã lưu: Ngừng hoạt động: CD01 Chi đoàn thôn Phú Thạnh, ngày cuối 30/06/2026.'
    )
  })

  test('a thousand units stay virtual and scroll to the last one', async ({ page, bridge }) => {
    const data = buildDemoWorkbook({ year: 2025, today: E2E_TODAY })
    data.trips = []
    for (let g = 1; g <= 40; g++) {
      const group = `K${String(g).padStart(2, '0')}`
      data.units.push({
        code: group,
        name: `Đoàn Khối số ${g}`,
        kind: 'DOAN_TRUC_THUOC',
        parentCode: 'TD',
        validFrom: null,
        validTo: null,
        mergedIntoCode: null
      })
      for (let i = 1; i <= 24; i++) {
        const n = (g - 1) * 24 + i
        data.units.push({
          code: `CS${String(n).padStart(4, '0')}`,
          name: `Đoàn cơ sở số ${n}`,
          kind: 'DOAN_CO_SO',
          parentCode: group,
          validFrom: null,
          validTo: null,
          mergedIntoCode: null
        })
      }
    }
    expect(importWorkbookData(bridge.ctx, data, 'Nghìn đơn vị').committed).toBe(true)
    const tree = await bridge.handlers['units.tree']({ date: E2E_TODAY, includeClosed: false })
    const all = flattenTree(tree.roots)
    expect(all.length).toBeGreaterThan(1000)

    await page.goto('/#/don-vi')
    await expect(page.getByTestId('unit-tree-lead')).toContainText(`${all.length} đơn vị đang hoạt động`)
    // Only the rows near the window are in the page.
    const rendered = await page.locator('.unit-tree-body [role="row"]').count()
    expect(rendered).toBeGreaterThan(10)
    expect(rendered).toBeLessThan(100)
    await expect(row(page, all[all.length - 1]!.node.code)).toHaveCount(0)
    await page.keyboard.press('End')
    await page.mouse.wheel(0, 100_000)
    await expect(row(page, all[all.length - 1]!.node.code)).toBeVisible()
    await expect(row(page, 'TD')).toHaveCount(0)
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'don-vi-nghin.png')
  })

  test('empty database and unknown code', async ({ page }) => {
    await page.goto('/#/don-vi')
    await expect(page.getByRole('heading', { name: 'Chưa có đơn vị nào' })).toBeVisible()
    await expectNoHorizontalScroll(page)
    await screenshot(page, 'don-vi-trong.png')
    await page.goto('/#/don-vi/ABC')
    await expect(page.getByRole('heading', { name: 'Không có đơn vị mã ABC' })).toBeVisible()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Không có đơn vị mã ABC' })).toBeVisible()
    await screenshot(page, 'don-vi-khong-co.png')
  })
})
