/**
 * Tổng hợp năm extended (issue 10), in Chromium against the real services on a real SQLite
 * file (test/e2e/bridge.ts; "today" is 15/10/2025): how far ahead or behind each cadre is, a
 * cadre who starts later in the year shown as "chưa bắt đầu", the totals rows, and the Excel
 * file parsed back and compared with the screen cell by cell. Expected figures come from the
 * fixture's independently computed office-2025.expected.json and from the year summary service.
 */
import ExcelJS from 'exceljs'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import type { ApiInput, ApiResult } from '../../shared/api/contract'
import type { ApiMethod } from '../../shared/api/methods'
import { formatDays, formatNumberVi, formatPercent } from '../../shared/domain/format'
import { CONTENT_KINDS } from '../../shared/domain/kinds'
import { dispatch } from '../../electron/services/dispatch'
import { expect, FIXTURE_WORKBOOK, test, type Bridge } from './bridge'

interface ExpectedTotals {
  cadres: number
  subject: number
  exempt: number
  completed: number
  totalDays: number
  averageDays: number
  daysByKind: Record<string, number>
}
const expected = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/office-2025.expected.json'), 'utf8')
) as { midYear: { totals: ExpectedTotals } }

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

async function setAsOf(page: Page, ddmmyyyy: string) {
  const input = page.getByLabel('Tính đến ngày')
  await input.fill(ddmmyyyy)
  await input.press('Enter')
  await expect(page.locator('.page-lead')).toContainText(`đến ${ddmmyyyy}`)
}

function cadreRow(page: Page, name: string) {
  return page.locator('.summary-table tbody tr', { has: page.locator('.cadre-name', { hasText: name }) })
}

/** "chậm 8,8 ngày" / "vượt 3 ngày" written out from the summary's pace, apart from the app's code. */
function standingWords(days: number, expectedDays: number): string {
  const gap = expectedDays - days
  const tenths = Math.round(Math.abs(gap) * 10)
  if (tenths === 0) return 'đúng tiến độ'
  const shown = String(tenths / 10).replace('.', ',')
  return gap > 0 ? `chậm ${shown} ngày` : `vượt ${shown} ngày`
}

async function texts(row: Locator): Promise<Record<string, string>> {
  return row
    .locator('td')
    .evaluateAll((cells) =>
      Object.fromEntries(cells.map((c) => [c.getAttribute('data-col') ?? '', (c.textContent ?? '').trim()]))
    )
}

/** An Excel cell as the screen writes it: numbers by their column's kind, text as it is. */
function shownAs(column: string, value: ExcelJS.CellValue): string {
  if (value === null || value === undefined)
    return ['target', 'expected'].includes(column) || column.startsWith('ratio-') ? '—' : ''
  if (typeof value !== 'number') return String(value)
  if (column.startsWith('ratio-')) return formatPercent(value)
  if (column === 'stt') return String(value)
  return formatDays(value)
}

test('Tổng hợp năm says how far ahead or behind each cadre is, adds up, and exports the same table', async ({
  page,
  bridge
}) => {
  expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
  await page.goto('/#/tong-hop-nam')
  await setAsOf(page, '30/06/2025')

  // Every cadre with a pace: "Cần đạt" and chậm/vượt from the summary service's own figures.
  const summary = await call(bridge, 'summary.year', { year: 2025, asOf: '2025-06-30' })
  let paced = 0
  for (const c of summary.cadres) {
    const row = cadreRow(page, c.name)
    if (!c.pace) {
      await expect(row.locator('[data-col="pace"]')).toHaveText('—')
      continue
    }
    paced += 1
    await expect(row.locator('[data-col="expected"]')).toHaveText(formatDays(c.pace.expectedDays))
    await expect(row.locator('[data-col="pace"] .standing')).toHaveText(
      standingWords(c.days, c.pace.expectedDays)
    )
    await expect(row.locator('[data-col="pace"] .badge-behind')).toHaveCount(c.pace.behind ? 1 : 0)
  }
  expect(paced).toBeGreaterThan(0)
  // Lê Minh Đức: 57,5 days against 29,75 expected by 30/06.
  await expect(cadreRow(page, 'Lê Minh Đức').locator('[data-col="pace"]')).toContainText('vượt 27,8 ngày')

  // The totals rows hold the strip's figures, equal to the fixture's expected totals.
  const t = expected.midYear.totals
  const totals = page.locator('.summary-table tfoot .totals-row')
  await expect(totals.locator('[data-col="name"]')).toHaveText(
    `Cộng ${t.subject} cán bộ thuộc đối tượng (tổng số ${t.cadres}, miễn ${t.exempt})`
  )
  await expect(totals.locator('[data-col="days"]')).toHaveText(formatDays(t.totalDays))
  for (const k of CONTENT_KINDS) {
    await expect(totals.locator(`[data-col="kind-${k}"]`)).toHaveText(formatDays(t.daysByKind[k]!))
  }
  await expect(totals.locator('[data-col="ratio-CHUYEN_DE"]')).toHaveText(
    formatPercent(t.daysByKind.CHUYEN_DE! / t.totalDays)
  )
  await expect(totals.locator('[data-col="status"]')).toHaveText(
    `Hoàn thành: ${t.completed}/${t.subject} (${formatPercent(t.completed / t.subject)})`
  )
  await expect(totals.locator('[data-col="pace"]')).toHaveText(
    `Chậm tiến độ: ${summary.totals.behindPace} cán bộ`
  )
  await expect(page.locator('.summary-table tfoot .average-row [data-col="days"]')).toHaveText(
    formatNumberVi(t.averageDays, 2)
  )

  // Xuất Excel: the saved file, read back, says what the screen says, cell by cell.
  await page.getByRole('button', { name: 'Xuất Excel' }).click()
  await expect(page.locator('.summary-saved-file')).toContainText('tong-hop-nam-2025-den-2025-06-30.xlsx')
  expect(bridge.desktop.saved).toHaveLength(1)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(bridge.desktop.saved[0]!)
  const sheet = book.worksheets[0]!
  expect(String(sheet.getCell(1, 1).value)).toBe('TỔNG HỢP KẾT QUẢ ĐI CƠ SỞ NĂM 2025')
  expect(String(sheet.getCell(2, 1).value)).toContain('Tính đến ngày 30/06/2025')

  const screenRows = page.locator('.summary-table tbody tr')
  const count = await screenRows.count()
  const headerCols = await page
    .locator('.summary-table tbody tr')
    .first()
    .locator('td')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-col') ?? ''))
  // Same columns, same order: the leaf headings of the file match the screen's.
  const screenHeadings: string[] = []
  for (const column of headerCols) {
    screenHeadings.push(
      (await page.locator(`.summary-table thead th[data-col="${column}"]`).innerText()).trim()
    )
  }
  const fileHeadings = headerCols.map((_, i) => String(sheet.getCell(5, i + 1).value))
  expect(fileHeadings.map((h) => h.replace(/\s+/g, ''))).toEqual(
    [...screenHeadings].map((h) => h.replace(/[▲▼]/g, '').replace(/\s+/g, ''))
  )

  for (let i = 0; i < count; i++) {
    const screen = await texts(screenRows.nth(i))
    const row = sheet.getRow(6 + i)
    for (const [n, column] of headerCols.entries()) {
      const cell = row.getCell(n + 1)
      const want = screen[column] ?? ''
      if (column === 'name') {
        expect(want.startsWith(String(cell.value)), `${column} of row ${i + 1}`).toBe(true)
      } else if (column === 'status') {
        expect(String(cell.value).replace(': ', ''), `${column} of row ${i + 1}`).toBe(want)
      } else if (column === 'pace') {
        expect(shownAs(column, cell.value).replace(' (chậm tiến độ)', 'Chậm tiến độ') || '—').toBe(want)
      } else {
        expect(shownAs(column, cell.value), `${column} of row ${i + 1}`).toBe(want)
      }
      if (typeof cell.value === 'number' && column !== 'stt') {
        expect(cell.numFmt).toBe(column.startsWith('ratio-') ? '0.0%' : '0.0')
      }
    }
  }
  const fileTotals = sheet.getRow(6 + count)
  const screenTotals = await texts(totals)
  for (const [n, column] of headerCols.entries()) {
    const value = fileTotals.getCell(n + 1).value
    if (column === 'stt' || column === 'target' || column === 'expected') expect(value).toBeNull()
    else if (value === null) expect(screenTotals[column]).toBe('')
    else expect(shownAs(column === 'target' ? 'x' : column, value)).toBe(screenTotals[column])
  }
  expect(sheet.getRow(7 + count).getCell(headerCols.indexOf('days') + 1).value).toBe(t.averageDays)
  await screenshot(page, 'tong-hop-nam-30-06.png')
})

test('a cadre joining in September is "chưa bắt đầu" as of 30/06, not behind', async ({ page, bridge }) => {
  expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
  const [department] = await call(bridge, 'departments.list', {})
  await call(bridge, 'cadres.create', {
    code: 'Z09',
    fullName: 'Lâm Thị Mai',
    position: 'Chuyên viên',
    departmentCode: department?.code ?? '',
    fullTime: true,
    serviceStart: '2025-09-01'
  })
  await page.goto('/#/tong-hop-nam')
  await setAsOf(page, '30/06/2025')
  const row = cadreRow(page, 'Lâm Thị Mai')
  await expect(row.locator('[data-col="status"]')).toHaveText('Chưa bắt đầu')
  await expect(row.locator('[data-col="status"] .badge-chua_hoan_thanh')).toHaveCount(0)
  await expect(row.locator('[data-col="pace"]')).toHaveText('chưa bắt đầu (từ 01/09/2025)')
  await expect(row.locator('.badge-behind')).toHaveCount(0)
  // 60 × 122 ÷ 365 = 20,05 → target 20,5; nothing is expected before the start.
  await expect(row.locator('[data-col="target"]')).toHaveText('20,5')
  await expect(row.locator('[data-col="expected"]')).toHaveText('0')
  const view = await call(bridge, 'summary.year', { year: 2025, asOf: '2025-06-30' })
  await expect(page.getByTestId('stat-behind').locator('.stat-value')).toHaveText(
    String(view.totals.behindPace)
  )
  await screenshot(page, 'tong-hop-nam-top.png')
  // The docs picture: scrolled to the end, the totals rows under the sticky headings.
  await page.mouse.wheel(0, 2000)
  await expect(page.locator('.summary-table tfoot .average-row')).toBeInViewport()
  await screenshot(page, 'tong-hop-nam.png', 'docs')
  await page.mouse.wheel(0, -2000)

  // After the start date the same cadre has an ordinary pace.
  await setAsOf(page, '15/10/2025')
  await expect(row.locator('[data-col="status"]')).toHaveText('Chưa hoàn thành')
  await expect(row.locator('[data-col="pace"] .standing')).toHaveText(/^chậm \d+(,\d)? ngày$/)
})

test('Tổng hợp năm with no data offers no export', async ({ page }) => {
  await page.goto('/#/tong-hop-nam')
  await expect(page.getByRole('heading', { name: 'Chưa có cán bộ nào trong năm 2025' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Xuất Excel' })).toBeDisabled()
  await screenshot(page, 'tong-hop-nam-trong.png')
})
