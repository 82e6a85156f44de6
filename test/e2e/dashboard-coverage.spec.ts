/**
 * Độ phủ đơn vị (Tổng quan → "Độ phủ đơn vị", #/tong-quan/don-vi) in Chromium against the real
 * services on a real SQLite file: a unit's days and visits equal the year summary's figures by
 * unit, the units never visited are highlighted and are exactly what "Chỉ đơn vị chưa được
 * đến" keeps, a unit opens its record, and the page without data says how to start.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import type { ApiInput, ApiResult } from '../../shared/api/contract'
import type { ApiMethod } from '../../shared/api/methods'
import type { UnitTreeItem } from '../../shared/api/units'
import { formatDays } from '../../shared/domain/format'
import { dispatch } from '../../electron/services/dispatch'
import { expect, FIXTURE_WORKBOOK, test, type Bridge } from './bridge'

const root = resolve(__dirname, '../..')

async function screenshot(page: Page, name: string, where: 'docs' | 'results' = 'results'): Promise<void> {
  const file = where === 'docs' ? join(root, 'docs/screenshots', name) : test.info().outputPath(name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
}

async function call<M extends ApiMethod>(
  bridge: Bridge,
  method: M,
  input: ApiInput<M>
): Promise<ApiResult<M>> {
  const envelope = await dispatch(bridge.handlers, method, input)
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`)
  return envelope.value as ApiResult<M>
}

function codesOf(nodes: readonly UnitTreeItem[], out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(n.code)
    codesOf(n.children, out)
  }
  return out
}

test('units never visited are highlighted and filtered; a unit’s figures equal the summary’s', async ({
  page,
  bridge
}) => {
  expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
  // A commune nobody has been to yet, under the Tỉnh đoàn (entered through the units service).
  const province = (await call(bridge, 'units.tree', { date: '2025-12-31', includeClosed: false })).roots[0]!
  await call(bridge, 'units.create', {
    code: 'X-MOI',
    name: 'Đoàn xã Khánh Bình Tây',
    kind: 'DOAN_XA',
    parentCode: province.code,
    validFrom: '2025-07-01',
    validTo: null
  })
  const summary = await call(bridge, 'summary.year', { year: 2025, asOf: '2025-12-31' })
  // The units existing on 31/12/2025 (the year's tree), from the units service.
  const tree = await call(bridge, 'units.tree', { date: '2025-12-31', includeClosed: false })
  const existing = codesOf(tree.roots)
  const visited = new Map(summary.units.map((u) => [u.code, u]))
  // The Tỉnh đoàn at the top is the office itself: going to the grassroots is going below it.
  const never = existing.filter((c) => !visited.has(c) && c !== province.code)
  expect(never).toContain('X-MOI')

  await page.goto('/#/tong-quan?nam=2025&ngay=2025-12-31')
  await page.getByRole('link', { name: 'Độ phủ đơn vị' }).click()
  await expect(page.getByRole('heading', { name: 'Độ phủ đơn vị năm 2025' })).toBeVisible()
  await expect(page).toHaveURL(/#\/tong-quan\/don-vi\?nam=2025&ngay=2025-12-31/)
  await expect(page.locator('.page-lead')).toContainText('Cây đơn vị ngày 31/12/2025')

  // The most visited unit: its own days and visits are the summary's.
  const top = summary.units[0]!
  const topRow = page.locator(`.coverage-row[data-code="${top.code}"]`)
  await expect(topRow.locator('[data-col="own-days"]')).toHaveText(formatDays(top.days))
  await expect(topRow.locator('[data-col="own-visits"]')).toHaveText(String(top.visits))
  await expect(topRow).not.toHaveClass(/coverage-never/)

  await expect(page.getByTestId('coverage-never').locator('.stat-value')).toHaveText(String(never.length))
  // Every existing unit the summary never mentions is highlighted, and no other.
  for (const code of existing) {
    const row = page.locator(`.coverage-row[data-code="${code}"]`)
    if (never.includes(code)) {
      await expect(row, code).toHaveClass(/coverage-never/)
      await expect(row.locator('.coverage-badge').first()).toHaveText('Chưa được đến')
    } else {
      await expect(row, code).not.toHaveClass(/coverage-never/)
    }
  }
  await screenshot(page, 'do-phu-don-vi.png', 'docs')

  await page.getByLabel('Chỉ đơn vị chưa được đến').check()
  await expect(page).toHaveURL(/chua=true/)
  const neverRows = page.locator('.coverage-body .coverage-never')
  await expect(neverRows).toHaveCount(never.length)
  const shownNever = await neverRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))
  expect(new Set(shownNever)).toEqual(new Set(never))
  // Visited units appear only to place a never-visited one under them.
  for (const row of await page.locator('.coverage-body .coverage-row:not(.coverage-never)').all()) {
    await expect(row).toHaveClass(/coverage-context/)
  }
  await screenshot(page, 'do-phu-don-vi-chua-den.png')

  // The search folds diacritics ("khanh binh" finds "Khánh Bình"), and a unit opens its record.
  await page.getByLabel('Chỉ đơn vị chưa được đến').uncheck()
  await page.getByLabel('Tìm đơn vị').fill('khanh binh')
  await expect(page.locator('.coverage-body .coverage-row:not(.coverage-context)')).toHaveCount(1)
  await page.locator('.coverage-row[data-code="X-MOI"] .coverage-unit').click()
  await expect(page).toHaveURL(/#\/don-vi\/X-MOI/)
  await expect(page.getByRole('heading', { name: /Đoàn xã Khánh Bình Tây/ })).toBeVisible()
})

test('as of 30/06 the days stop at that date; without data the page says how to start', async ({
  page,
  bridge
}) => {
  await page.goto('/#/tong-quan/don-vi')
  await expect(page.getByRole('heading', { name: 'Năm 2025 chưa có đơn vị nào trên cây' })).toBeVisible()
  await screenshot(page, 'do-phu-don-vi-trong.png')

  expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
  const mid = await call(bridge, 'summary.year', { year: 2025, asOf: '2025-06-30' })
  await page.goto('/#/tong-quan/don-vi?nam=2025&ngay=2025-06-30')
  const u = mid.units[mid.units.length - 1]!
  const row = page.locator(`.coverage-row[data-code="${u.code}"]`)
  await expect(row.locator('[data-col="own-days"]')).toHaveText(formatDays(u.days))
  await expect(row.locator('[data-col="own-visits"]')).toHaveText(String(u.visits))
})
