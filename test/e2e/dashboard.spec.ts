/**
 * Tổng quan in Chromium, against the real services on a real SQLite file (test/e2e/bridge.ts;
 * "today" is 15/10/2025). Figures are the independently computed ones of
 * test/fixtures/office-2025.expected.json (year end and 30/06/2025); the behind-pace list is
 * checked against the year summary service; the page recomputes after writes without a
 * reload; a click on a cadre's bar opens the cadre; charts save as PNG and print on A4
 * landscape. Screenshots at 1366×768 and 1920×1080 (and the printed page) are written for a
 * person to look at.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { eq } from 'drizzle-orm'
import type { ApiInput, ApiResult } from '../../shared/api/contract'
import type { ApiMethod } from '../../shared/api/methods'
import { compareVietnameseNames } from '../../shared/domain/collation'
import { formatDateVi } from '../../shared/domain/dates'
import { formatDays, formatNumberVi, formatPercent } from '../../shared/domain/format'
import { CONTENT_KINDS, type ContentKind } from '../../shared/domain/kinds'
import { reportOverdueDays } from '../../shared/domain/reports-due'
import { trips } from '../../electron/db/schema'
import { dispatch } from '../../electron/services/dispatch'
import { E2E_TODAY, expect, FIXTURE_WORKBOOK, test, type Bridge } from './bridge'

interface ExpectedSummary {
  asOf: string
  totals: {
    cadres: number
    subject: number
    exempt: number
    completed: number
    totalDays: number
    averageDays: number
  }
  cadres: Array<{
    code: string
    name: string
    status: string
    target: number | null
    days: number
    daysByKind: Record<ContentKind, number>
    ratios: Record<string, number>
  }>
}
const expected = JSON.parse(
  readFileSync(resolve(__dirname, '../fixtures/office-2025.expected.json'), 'utf8')
) as { yearEnd: ExpectedSummary; midYear: ExpectedSummary }

const root = resolve(__dirname, '../..')

/** Main screens go to docs/screenshots; the others next to the test's trace. */
async function screenshot(page: Page, name: string, where: 'docs' | 'results' = 'results'): Promise<string> {
  const file = where === 'docs' ? join(root, 'docs/screenshots', name) : test.info().outputPath(name)
  mkdirSync(dirname(file), { recursive: true })
  await page.screenshot({ path: file })
  return file
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

function stat(page: Page, id: string) {
  return page.getByTestId(`stat-${id}`).locator('.stat-value')
}

async function setAsOf(page: Page, ddmmyyyy: string) {
  const input = page.getByLabel('Tính đến ngày')
  await input.fill(ddmmyyyy)
  await input.press('Enter')
  await expect(page.locator('.page-lead')).toContainText(`đến ${ddmmyyyy}`)
}

/** The figures strip and the cadre chart say what the expected summary says. */
async function expectFigures(page: Page, summary: ExpectedSummary) {
  const t = summary.totals
  await expect(stat(page, 'cadres')).toHaveText(formatNumberVi(t.cadres))
  await expect(stat(page, 'subject')).toHaveText(formatNumberVi(t.subject))
  await expect(stat(page, 'exempt')).toHaveText(formatNumberVi(t.exempt))
  await expect(stat(page, 'completed')).toHaveText(formatNumberVi(t.completed))
  await expect(page.getByTestId('stat-completed')).toContainText(formatPercent(t.completed / t.subject))
  await expect(stat(page, 'total-days')).toHaveText(formatDays(t.totalDays))
  await expect(stat(page, 'average')).toHaveText(formatNumberVi(t.averageDays, 2))

  // One bar per subject cadre, in Vietnamese name order, labelled "done / target".
  const subject = summary.cadres
    .filter((c) => c.status !== 'MIEN')
    .sort((a, b) => compareVietnameseNames(a.name, b.name))
  const chart = page.getByTestId('chart-cadres')
  await expect(chart.locator('text.cadre-tick')).toHaveText(subject.map((c) => c.name))
  await expect(chart.locator('text.row-label')).toHaveText(
    subject.map((c) => `${formatDays(c.days)} / ${formatDays(c.target ?? 0)}`)
  )
  const exempt = summary.cadres.filter((c) => c.status === 'MIEN')
  for (const c of exempt) await expect(chart.locator('.dash-panel-note')).toContainText(c.name)
  await expect(chart.locator('[data-testid="target-mark"]')).toHaveCount(subject.length)

  // Days by kind of each bar, read back from the bar's tooltip.
  const plot = await chart.locator('.recharts-cartesian-grid').boundingBox()
  if (!plot) throw new Error('the cadre chart has no plot area')
  for (const c of subject) {
    const tick = await chart.locator(`text.cadre-tick[data-code="${c.code}"]`).boundingBox()
    if (!tick) throw new Error(`no bar for ${c.code}`)
    await page.mouse.move(plot.x + plot.width / 3, tick.y + tick.height / 2)
    const tip = chart.locator('.chart-tooltip')
    await expect(tip).toContainText(c.name)
    for (const k of CONTENT_KINDS) {
      await expect(tip.locator(`tr[data-kind="${k}"] .num`)).toHaveText(formatDays(c.daysByKind[k]))
    }
  }
  await page.mouse.move(0, 0)

  // The ratio rules per cadre (shares of chuyên đề and sinh hoạt), with the same shares.
  for (const rule of ['CHUYEN_DE', 'SINH_HOAT']) {
    await expect(page.getByTestId(`chart-ratio-${rule}`).locator('.recharts-label-list text')).toHaveText(
      subject.map((c) => formatPercent(c.ratios[rule] ?? 0))
    )
  }
}

/** Every chart drawn at a real size, inside its panel; the page never scrolls sideways. */
async function expectChartsFit(page: Page) {
  const overflow = await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth'
  )
  expect(overflow).toBeLessThanOrEqual(0)
  const panels = page.locator('.chart-panel')
  const count = await panels.count()
  expect(count).toBeGreaterThanOrEqual(5)
  for (let i = 0; i < count; i++) {
    const panel = panels.nth(i)
    const svg = await panel.locator('svg.recharts-surface').first().boundingBox()
    const box = await panel.boundingBox()
    if (!svg || !box) throw new Error(`chart ${i} is not drawn`)
    expect(svg.width).toBeGreaterThan(200)
    expect(svg.height).toBeGreaterThan(100)
    expect(svg.x).toBeGreaterThanOrEqual(box.x)
    expect(svg.x + svg.width).toBeLessThanOrEqual(box.x + box.width + 0.5)
  }
}

test.describe('Tổng quan', () => {
  test('shows the fixture figures at year end and as of 30/06/2025, and a click on a bar opens the cadre', async ({
    page,
    bridge
  }) => {
    expect((await bridge.importFile(FIXTURE_WORKBOOK)).committed).toBe(true)
    await page.goto('/#/tong-quan')
    await expect(page.getByRole('heading', { name: 'Tổng quan năm 2025' })).toBeVisible()
    await expect(page.getByLabel('Năm')).toHaveValue('2025')
    await expect(page.getByLabel('Tính đến ngày')).toHaveValue(formatDateVi(E2E_TODAY))
    await expect(page.locator('.page-lead')).toContainText(`đến ${formatDateVi(E2E_TODAY)}`)
    await expectChartsFit(page)
    await screenshot(page, 'tong-quan.png', 'docs')
    await page.screenshot({ path: test.info().outputPath('tong-quan-ca-trang.png'), fullPage: true })

    await setAsOf(page, formatDateVi(expected.yearEnd.asOf))
    await expectFigures(page, expected.yearEnd)
    await expect(stat(page, 'behind')).toHaveText('—')
    // The year is over: no expected marks, and the behind-pace list says why it is empty.
    await expect(page.getByTestId('chart-cadres').locator('[data-testid="expected-mark"]')).toHaveCount(0)
    await expect(page.getByTestId('behind-list')).toContainText('Năm đã kết thúc')
    await screenshot(page, 'tong-quan-cuoi-nam.png')

    await setAsOf(page, formatDateVi(expected.midYear.asOf))
    await expectFigures(page, expected.midYear)
    // Mid-year: the behind-pace list is exactly the summary service's, here nobody.
    const mid = await call(bridge, 'summary.year', { year: 2025, asOf: expected.midYear.asOf })
    expect(mid.cadres.filter((c) => c.pace?.behind)).toEqual([])
    await expect(stat(page, 'behind')).toHaveText('0')
    await expect(page.getByTestId('behind-list')).toContainText('Không có cán bộ nào chậm tiến độ.')
    // Expected-by-date marks for the cadres the summary shows a pace for.
    await expect(page.getByTestId('chart-cadres').locator('[data-testid="expected-mark"]')).toHaveCount(
      mid.cadres.filter((c) => c.pace !== null).length
    )
    await expect(page.getByTestId('chart-cadres').locator('.chart-legend')).toContainText(
      'Cần đạt đến 30/06/2025'
    )

    // Days per month add up to the year's total so far.
    const monthLabels = page.getByTestId('chart-months').locator('.recharts-label-list text')
    await expect(monthLabels).toHaveCount(6)
    const monthDays = (await monthLabels.allTextContents()).map((s) =>
      Number(s.replace(/\./g, '').replace(',', '.'))
    )
    expect(monthDays.reduce((a, b) => a + b, 0)).toBe(expected.midYear.totals.totalDays)
    await expect(page.getByTestId('chart-months').locator('.chart-legend')).toContainText(
      'Năm 2024 (chưa có chuyến đi)'
    )

    // The choice is in the address: a reload keeps it.
    await expect(page).toHaveURL(/ngay=2025-06-30/)
    await page.reload()
    await expect(page.getByLabel('Tính đến ngày')).toHaveValue('30/06/2025')
    await expect(stat(page, 'total-days')).toHaveText(formatDays(expected.midYear.totals.totalDays))

    // A click on Lê Minh Đức's bar opens his record.
    const duc = expected.yearEnd.cadres.find((c) => c.name === 'Lê Minh Đức')
    if (!duc) throw new Error('the fixture has no Lê Minh Đức')
    const chart = page.getByTestId('chart-cadres')
    const tick = await chart.locator(`text.cadre-tick[data-code="${duc.code}"]`).boundingBox()
    const plot = await chart.locator('.recharts-cartesian-grid').boundingBox()
    if (!tick || !plot) throw new Error('the cadre chart is not drawn')
    // On the first segment of the bar (chuyên đề starts at 0).
    await page.mouse.click(plot.x + 6, tick.y + tick.height / 2)
    await expect(page).toHaveURL(new RegExp(`#/can-bo/${duc.code}(\\?|$)`))
    await expect(page.getByRole('heading', { name: new RegExp(duc.name) }).first()).toBeVisible()

    // The sidebar brings the clerk back to the date they left.
    await page.getByRole('link', { name: 'Tổng quan' }).click()
    await expect(page.getByLabel('Tính đến ngày')).toHaveValue('30/06/2025')
  })

  test('lists who is behind pace and which reports are overdue, and recomputes after a change without a reload', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    // Two cadres with no trip yet: one all year, one from 01/07. Both fall behind by 15/10.
    const departments = await call(bridge, 'departments.list', {})
    const department = departments[0]
    if (!department) throw new Error('the fixture has no department')
    for (const [code, fullName, serviceStart] of [
      ['Z01', 'Bùi Thị Hạnh', null],
      ['Z02', 'Lương Văn Khoa', '2025-07-01']
    ] as const) {
      await call(bridge, 'cadres.create', {
        code,
        fullName,
        position: 'Chuyên viên',
        departmentCode: department.code,
        fullTime: true,
        serviceStart
      })
    }
    const summary = await call(bridge, 'summary.year', { year: 2025, asOf: E2E_TODAY })
    const behind = summary.cadres
      .filter((c) => c.pace?.behind)
      .map((c) => ({ ...c, gap: Math.round(((c.pace?.expectedDays ?? 0) - c.days) * 100) / 100 }))
      .sort((a, b) => b.gap - a.gap)
    expect(behind.map((c) => c.code)).toEqual(['Z01', 'Z02'])

    // Overdue reports as the rule says, from the trips in the database.
    const overdue = bridge.ctx.db
      .select()
      .from(trips)
      .all()
      .filter((t) => t.startDate <= E2E_TODAY && t.endDate >= '2025-01-01')
      .map((t) => ({
        code: t.code,
        days: reportOverdueDays(
          { status: t.status as never, endDate: t.endDate, reportDate: t.reportDate },
          E2E_TODAY,
          10
        )
      }))
      .filter((t) => t.days > 0)
      .sort((a, b) => b.days - a.days || a.code.localeCompare(b.code))
    const first = overdue[0]
    if (!first) throw new Error('the fixture has no overdue report')

    // Before the page opens, the most overdue trip's report is handed in.
    await call(bridge, 'trips.setStatus', {
      codes: [first.code],
      status: 'DA_BAO_CAO',
      reportDate: E2E_TODAY
    })

    await page.goto('/#/tong-quan')
    await page.evaluate('globalThis.__sameDocument = true')
    const list = page.getByTestId('behind-list')
    await expect(list.locator('tbody tr')).toHaveCount(behind.length)
    for (const [i, c] of behind.entries()) {
      const row = list.locator('tbody tr').nth(i)
      await expect(row).toContainText(c.name)
      await expect(row.locator('[data-col="days"]')).toHaveText(formatDays(c.days))
      await expect(row.locator('[data-col="expected"]')).toHaveText(formatDays(c.pace?.expectedDays ?? 0))
      await expect(row.locator('[data-col="gap"]')).toHaveText(`${formatDays(c.gap)} ngày`)
    }
    await expect(stat(page, 'behind')).toHaveText(String(behind.length))
    await expect(page.getByTestId('stat-behind')).toHaveClass(/stat-warn/)

    const overdueList = page.getByTestId('overdue-list')
    await expect(overdueList.locator('.count-badge')).toHaveText(formatNumberVi(overdue.length - 1))
    await expect(overdueList.locator(`tr[data-code="${first.code}"]`)).toHaveCount(0)
    const second = overdue[1]
    if (!second) throw new Error('the fixture has one overdue report only')
    await expect(overdueList.locator('tbody tr').first()).toHaveAttribute('data-code', second.code)
    await expect(overdueList.locator('tbody tr').first().locator('[data-col="overdue"]')).toHaveText(
      `${formatNumberVi(second.days)} ngày`
    )
    await expect(overdueList).toContainText(`và ${formatNumberVi(overdue.length - 1 - 8)} chuyến khác`)
    await screenshot(page, 'tong-quan-cham-tien-do.png')

    // Undo the report in Lịch sử thay đổi, come back: the trip is overdue again.
    await page.getByRole('link', { name: 'Lịch sử thay đổi' }).click()
    await page.getByTestId('history-batch').first().getByRole('button', { name: 'Hoàn tác' }).click()
    await expect(page.locator('.undo-bar')).toContainText('Đã lưu')
    await page.getByRole('link', { name: 'Tổng quan' }).click()
    await expect(overdueList.locator('.count-badge')).toHaveText(formatNumberVi(overdue.length))
    await expect(overdueList.locator('tbody tr').first()).toHaveAttribute('data-code', first.code)

    // "Hoàn tác" in the bar while the dashboard is open: it recomputes in place.
    await page
      .locator('.undo-bar')
      .getByRole('button', { name: /Hoàn tác/ })
      .click()
    await expect(overdueList.locator('.count-badge')).toHaveText(formatNumberVi(overdue.length - 1))
    await expect(overdueList.locator(`tr[data-code="${first.code}"]`)).toHaveCount(0)
    expect(await page.evaluate('globalThis.__sameDocument')).toBe(true)
    const reported = bridge.ctx.db.select().from(trips).where(eq(trips.code, first.code)).get()
    expect(reported?.status).toBe('DA_BAO_CAO')

    // A trip's row links to the trip, a cadre's to the cadre.
    await overdueList.locator('tbody tr').first().getByRole('link', { name: second.code }).click()
    await expect(page).toHaveURL(new RegExp(`#/chuyen-di/${second.code}$`))
    await page.goBack()
    await list.getByRole('link', { name: 'Bùi Thị Hạnh' }).click()
    await expect(page).toHaveURL(/#\/can-bo\/Z01/)
  })

  test('refuses a date outside the year next to the field', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/tong-quan')
    await expect(stat(page, 'total-days')).toBeVisible()
    const before = await stat(page, 'total-days').textContent()
    const input = page.getByLabel('Tính đến ngày')
    await input.fill('15/03/2026')
    await input.press('Enter')
    await expect(page.locator('.dash-toolbar .field-error')).toHaveText(
      'Ngày tính đến 15/03/2026 không thuộc năm 2025: hãy chọn một ngày từ 01/01/2025 đến 31/12/2025.'
    )
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(page.locator('.page-lead')).toContainText(`đến ${formatDateVi(E2E_TODAY)}`)
    await expect(stat(page, 'total-days')).toHaveText(before ?? '')
    await screenshot(page, 'tong-quan-ngay-sai.png')

    await input.fill('31/02/2025')
    await input.press('Enter')
    await expect(page.locator('.dash-toolbar .field-error')).toContainText('Ngày không hợp lệ')

    // A hand-typed address with a date of another year says so too, and shows the default date's figures.
    await page.goto('/#/tong-quan?nam=2025&ngay=2024-05-01')
    await expect(page.locator('.dash-toolbar .field-error')).toContainText('không thuộc năm 2025')
    await expect(page.locator('.page-lead')).toContainText(`đến ${formatDateVi(E2E_TODAY)}`)
  })

  test('says what to do when there is no data yet', async ({ page }) => {
    await page.goto('/#/tong-quan')
    await expect(page.getByRole('heading', { name: 'Chưa có cán bộ nào trong năm 2025' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Nhập / xuất Excel' }).last()).toBeVisible()
    await expect(page.locator('.chart-panel')).toHaveCount(0)
    await screenshot(page, 'tong-quan-trong.png')
  })

  test('fits 1920×1080, saves a chart as PNG and prints on A4 landscape', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.setViewportSize({ width: 1920, height: 1080 })
    await page.goto('/#/tong-quan')
    await expect(page.getByTestId('chart-cadres').locator('text.cadre-tick').first()).toBeVisible()
    await expectChartsFit(page)
    await screenshot(page, 'tong-quan-1920.png', 'docs')

    // Lưu ảnh PNG: the chart with its title and legend, through the desktop's save dialog.
    await page.getByTestId('chart-cadres').getByRole('button', { name: 'Lưu ảnh PNG' }).click()
    await expect(page.getByTestId('chart-cadres').locator('.chart-saved')).toContainText('Đã lưu ảnh')
    const saved = bridge.desktop.saved[0]
    expect(saved).toMatch(/tong-quan-2025-ngay-theo-can-bo\.png$/)
    const png = readFileSync(saved ?? '')
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    const svg = await page.getByTestId('chart-cadres').locator('svg.recharts-surface').boundingBox()
    // Drawn at twice the chart's size, plus the margins, the title and the legend.
    expect(png.readUInt32BE(16)).toBe(Math.ceil(((svg?.width ?? 0) + 32) * 2))
    expect(png.readUInt32BE(20)).toBeGreaterThan(2 * (svg?.height ?? 0))
    copyFileSync(saved ?? '', test.info().outputPath('bieu-do-can-bo.png'))

    // Print: A4 landscape, no sidebar or buttons, every chart on the page.
    await page.setViewportSize({ width: 1366, height: 768 })
    await setAsOf(page, '30/06/2025')
    const pdf = test.info().outputPath('tong-quan.pdf')
    await page.pdf({ path: pdf, landscape: true, format: 'A4' })
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('Tổng quan năm 2025')
    expect(text).toContain('Số ngày đi cơ sở của từng cán bộ')
    expect(text).toContain('Tiến độ theo ban')
    expect(text).not.toContain('Nhập / xuất Excel')
    expect(text).not.toContain('Lưu ảnh PNG')
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })
    // A4 landscape: 842 × 595 points.
    expect(info).toMatch(/Page size:\s+84\d(\.\d+)? x 59\d(\.\d+)? pts \(A4\)/)
    // The printed pages as images, for a person to look at (tong-quan-in-1.png …).
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '2',
      pdf,
      test.info().outputPath('tong-quan-in')
    ])
    copyFileSync(
      test.info().outputPath('tong-quan-in-1.png'),
      join(root, 'docs/screenshots/tong-quan-in.png')
    )
  })
})
