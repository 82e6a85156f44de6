/**
 * The import preview in Chromium against the real services (test/e2e/bridge.ts): a workbook
 * that gives existing codes other names shows every changed cell old → new and the renames
 * in their own group first; an unchanged workbook says there is nothing to import; a commit
 * can be undone from the bar at the bottom.
 */
import ExcelJS from 'exceljs'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { NOTHING_NEW_MESSAGE } from '../../shared/api/workbook'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots')

async function screenshot(page: Page, name: string): Promise<void> {
  const file = join(SCREENSHOTS, name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The fixture as another office's copy: A01 is someone else, a unit renamed, one trip moved. */
async function otherOfficeWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(readFileSync(FIXTURE_WORKBOOK) as unknown as ArrayBuffer)
  const cadres = workbook.getWorksheet('Cán bộ')!
  const headers = (cadres.getRow(1).values as unknown[]).map(String)
  cadres.eachRow((row, n) => {
    if (n > 1 && row.getCell(headers.indexOf('Mã cán bộ')).value === 'A01') {
      row.getCell(headers.indexOf('Họ và tên')).value = 'Lý Thị Mai'
    }
  })
  workbook.getWorksheet('Đơn vị')!.getCell('B2').value = 'Tỉnh đoàn Lâm Đồng'
  const trips = workbook.getWorksheet('Chuyến đi')!
  trips.getCell('B4').value = new Date('2025-03-17T00:00:00.000Z')
  trips.getCell('D4').value = new Date('2025-03-17T00:00:00.000Z')
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function choose(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByLabel('Chọn tệp Excel (.xlsx)…').setInputFiles({ name, mimeType: XLSX, buffer })
}

test.describe('Nhập / xuất Excel: the preview of changes', () => {
  test('lists each changed cell old → new and the renames of existing codes first', async ({
    page,
    bridge
  }) => {
    expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
    const [a01] = (await bridge.handlers['cadres.list']({})).filter((c) => c.code === 'A01')
    const oldName = a01?.fullName ?? ''
    expect(oldName).not.toBe('')

    await page.goto('/#/nhap-xuat')
    await choose(page, 'don-vi-khac.xlsx', await otherOfficeWorkbook())
    const preview = page.getByTestId('import-preview')
    await expect(preview).toContainText('don-vi-khac.xlsx')
    await expect(preview.locator('tr[data-sheet="Cán bộ"] td')).toHaveText(['Cán bộ', '0', '1', '7'])

    // Renames: the first warning group, open, each naming the code, the stored and the new name.
    const groups = page.getByTestId('import-warnings').locator('details.issue-group')
    const renames = groups.first()
    await expect(renames).toHaveAttribute('data-group', 'rename')
    await expect(renames).toHaveAttribute('open', '')
    await expect(renames.locator('> summary')).toContainText('Mã đã có sẽ mang tên khác')
    await expect(renames.locator('> summary .issue-count')).toHaveText('2')
    await expect(renames.locator('li')).toHaveText([
      'Đơn vị, dòng 2, cột "Tên đơn vị": mã TD đang là đơn vị "Tỉnh đoàn Cà Mau", tệp ghi "Tỉnh đoàn Lâm Đồng"',
      `Cán bộ, dòng 2, cột "Họ và tên": mã A01 đang là cán bộ "${oldName}", tệp ghi "Lý Thị Mai"`
    ])

    // Every updated row with its changed cells, in the sheet's words.
    const changes = page.getByTestId('import-changes')
    await expect(changes.locator('h4')).toHaveText('Sửa dữ liệu đã có (3 dòng): ô cũ → ô mới')
    const cadre = changes.locator('li[data-key="A01"]')
    await expect(cadre.locator('.change-title')).toHaveText(`A01 – ${oldName} (dòng 2)`)
    await expect(cadre.locator('tr')).toHaveText([`Họ và tên${oldName}→Lý Thị Mai`])
    const trip = changes.locator('li[data-key="TR003"]')
    await expect(trip.locator('th')).toHaveText(['Từ ngày', 'Đến ngày'])
    await expect(trip.locator('tr').first().locator('.field-new')).toHaveText('17/03/2025')
    await expect(page.getByRole('button', { name: 'Nhập dữ liệu' })).toBeEnabled()

    await page.setViewportSize({ width: 1366, height: 768 })
    // The preview from its title: the counts, the renames and the first changed rows.
    await preview.locator('h3').evaluate((head) => head.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'nhap-xuat-xem-truoc.png')

    // Committed, the import is one undoable batch: "Hoàn tác" puts the old names back.
    await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
    await expect(page.locator('.import-done')).toContainText('Đã nhập dữ liệu từ tệp don-vi-khac.xlsx')
    const names = async () =>
      (await bridge.handlers['cadres.list']({})).find((c) => c.code === 'A01')?.fullName
    expect(await names()).toBe('Lý Thị Mai')
    await page
      .locator('.undo-bar')
      .getByRole('button', { name: /Hoàn tác/ })
      .click()
    await expect(page.locator('.undo-bar')).toContainText('Đã hoàn tác: Nhập từ tệp don-vi-khac.xlsx.')
    expect(await names()).toBe(oldName)
  })

  test('says an unchanged file has nothing to import and offers no commit', async ({ page, bridge }) => {
    expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
    await page.goto('/#/nhap-xuat')
    await choose(page, 'office-2025.xlsx', readFileSync(FIXTURE_WORKBOOK))
    const nothing = page.getByTestId('import-nothing-new')
    await expect(nothing).toHaveText(NOTHING_NEW_MESSAGE)
    await expect(nothing).toContainText('Tệp không có gì mới để nhập')
    await expect(page.getByRole('button', { name: 'Nhập dữ liệu' })).toBeDisabled()
    await expect(page.getByTestId('import-preview').locator('tr[data-sheet="Chuyến đi"] td')).toHaveText([
      'Chuyến đi',
      '0',
      '0',
      '247'
    ])
    await expect(page.getByTestId('import-warnings')).toHaveCount(0)
    await expect(page.getByTestId('import-changes')).toHaveCount(0)
    await expect(page.getByTestId('import-added')).toHaveCount(0)
    await screenshot(page, 'import-nothing-new.png')
  })
})
