/**
 * Lịch (#/ke-hoach-quy/lich) in Chromium at 1366×768 on real services with the 2025 fixture
 * (test/e2e/bridge.ts; "today" is 15/10/2025): a known trip in the right cells with its kind's
 * colour class, holiday columns marked, the per-day count equal to the data, a drag across
 * three days and the keyboard opening the creation choice with those dates, the month, quarter
 * and year screenshots, the empty state, and the render and scroll times for 60 cadres × 92 days.
 */
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { and, eq, gte, lte } from 'drizzle-orm'
import type { CalendarRange } from '../../shared/api/calendar'
import { addDays } from '../../shared/domain/dates'
import {
  cadres,
  departments,
  planningRounds,
  tripParticipants,
  trips,
  tripUnits,
  units
} from '../../electron/db/schema'
import type { ServiceContext } from '../../electron/services/context'
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

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const d = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement
    return d.scrollWidth - d.clientWidth
  })
}

/** Cadres with a trip (any status) on the day, straight from the tables. */
function cadresOutOn(ctx: ServiceContext, date: string): number {
  const rows = ctx.db
    .select({ cadreId: tripParticipants.cadreId })
    .from(tripParticipants)
    .innerJoin(trips, eq(trips.id, tripParticipants.tripId))
    .where(and(lte(trips.startDate, date), gte(trips.endDate, date)))
    .all()
  return new Set(rows.map((r) => r.cadreId)).size
}

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox()
  if (!b) throw new Error(`no box for ${selector}`)
  return b
}

const QUARTER = '/#/ke-hoach-quy/lich?view=quy&year=2025&quarter=2'

test.describe('Lịch', () => {
  test('the quarter view puts a known trip in its cells with its colour, marks holidays and counts cadres out per day', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    // A round as the planning service stores it (through log.rows, undoable).
    bridge.ctx.write('Đợt kiểm thử', (_tx, log) => {
      log.rows.insert(planningRounds, {
        year: 2025,
        quarter: 2,
        number: 1,
        startDate: '2025-05-12',
        endDate: '2025-05-16',
        note: null
      })
      log.record('planning-round', '2025-2-1', 'insert', null, '12/05/2025–16/05/2025')
    })
    await page.goto(QUARTER)
    await expect(page.getByRole('heading', { name: 'Lịch công tác cơ sở – Quý II/2025' })).toBeVisible()
    await expect(page.locator('.cal-round')).toHaveText('Đợt 1')
    await expect(page.locator('.cal-round')).toHaveAttribute('title', 'Quý II – Đợt 1: 12/05/2025–16/05/2025')
    await expect(page.locator('.cal-columns .is-round')).toHaveCount(5)
    await expect(page.locator('.cal-columns [data-col-date="2025-05-12"]')).toHaveClass(/is-round/)
    const row = page.locator('.cal-row[data-cadre="A01"]')
    const bar = row.locator('[data-item="CD0031"]')
    await expect(bar).toBeVisible()
    await expect(bar).toHaveClass(/kind-DU_SH_BCH_BTV/)
    await expect(bar).not.toHaveClass(/is-planned/)
    // 15/04–18/04 (whole days): the bar starts at the left of 15/04's column and ends at the right of 18/04's.
    const barBox = (await bar.boundingBox())!
    const first = await box(page, '.cal-daynums [data-date="2025-04-15"]')
    const last = await box(page, '.cal-daynums [data-date="2025-04-18"]')
    expect(Math.abs(barBox.x - first.x)).toBeLessThan(1.5)
    expect(Math.abs(barBox.x + barBox.width - (last.x + last.width))).toBeLessThan(1.5)
    // Its title says what and when in the clerk's words.
    await expect(bar).toHaveAttribute(
      'title',
      /CD0031 · Dự sinh hoạt chuyên đề của BCH, BTV đoàn cấp dưới \(Đã thực hiện\)\n15\/04\/2025 – 18\/04\/2025: 4 ngày/
    )

    // Holidays of the quarter: Giỗ Tổ 07/04, 30/4 and 1/5, in the header and down the columns.
    for (const [date, name] of [
      ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
      ['2025-04-30', 'Ngày Chiến thắng'],
      ['2025-05-01', 'Quốc tế Lao động']
    ] as const) {
      const head = page.locator(`.cal-daynums [data-date="${date}"]`)
      await expect(head).toHaveClass(/is-holiday/)
      await expect(head).toHaveAttribute('title', new RegExp(name))
      await expect(page.locator(`.cal-columns [data-col-date="${date}"]`)).toHaveClass(/is-holiday/)
    }
    await expect(page.locator('.cal-daynums [data-date="2025-04-08"]')).not.toHaveClass(/is-holiday/)
    await expect(page.locator('.cal-daynums [data-date="2025-04-05"]')).toHaveClass(/is-weekend/)
    // 11 px a day: the quarter names the Mondays only; every day says its name on hover.
    await expect(page.locator('.cal-weekdays .cal-day').first()).toHaveAttribute('title', 'T3 01/04/2025')
    await expect(page.locator('.cal-weekdays .cal-day').nth(6)).toHaveText('T2')
    await expect(page.locator('.cal-holidays')).toContainText('T4 30/04/2025: Ngày Chiến thắng (30/4)')

    // The per-day count of cadres out equals the trips stored, day by day over the quarter.
    let busy = 0
    for (let d = '2025-04-01'; d <= '2025-06-30'; d = addDays(d, 1)) {
      const expected = cadresOutOn(bridge.ctx, d)
      if (expected > 1) busy++
      await expect(page.locator(`[data-out-date="${d}"]`), d).toHaveText(expected > 0 ? String(expected) : '')
    }
    expect(busy).toBeGreaterThan(0)

    // Conflicts (here units not valid yet on the trip's dates) are flagged on the bar and listed.
    await expect(row.locator('[data-item="CD0031"].has-conflict')).toBeVisible()
    await expect(page.locator('.cal-conflicts li')).toHaveCount(8)
    await page.getByRole('button', { name: /^Xem tất cả \d+ xung đột$/ }).click()
    await expect(page.locator('.cal-conflicts')).toContainText('CD0031')
    await page.getByRole('button', { name: 'Thu gọn' }).click()
    expect(await horizontalOverflow(page)).toBe(0)
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0)
    )
    await screenshot(page, 'lich-quy.png', true)
  })

  test('a drag across three days of a cadre opens the creation choice with those dates; the trip form receives them', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    // Three free days of a cadre, found in the service's own answer.
    const data = (await bridge.handlers['calendar.range']({
      from: '2025-04-01',
      to: '2025-06-30'
    })) as CalendarRange
    let pick: { cadre: string; name: string; from: string } | null = null
    for (const c of data.departments.flatMap((d) => d.cadres)) {
      for (let d = '2025-06-02'; d <= '2025-06-25' && !pick; d = addDays(d, 1)) {
        const to = addDays(d, 2)
        if (
          !c.items.some((i) => i.startDate <= to && i.endDate >= d) &&
          !c.exemptions.some((e) => e.from <= to && e.to >= d)
        )
          pick = { cadre: c.code, name: c.fullName, from: d }
      }
      if (pick) break
    }
    if (!pick) throw new Error('no three free days in the fixture')
    const to = addDays(pick.from, 2)
    await page.goto(QUARTER)
    const track = page.locator(`.cal-row[data-cadre="${pick.cadre}"] .cal-track`)
    await expect(track).toBeVisible()
    const a = await box(page, `.cal-daynums [data-date="${pick.from}"]`)
    const b = await box(page, `.cal-daynums [data-date="${to}"]`)
    const y = (await track.boundingBox())!.y + 13
    await page.mouse.move(a.x + a.width / 2, y)
    await page.mouse.down()
    await page.mouse.move(a.x + a.width * 1.5, y, { steps: 3 })
    await page.mouse.move(b.x + b.width / 2, y, { steps: 3 })
    await page.mouse.up()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('heading')).toHaveText(`Tạo cho ${pick.cadre} ${pick.name}`)
    const f = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`
    await expect(dialog.getByTestId('cal-create-dates')).toHaveText(
      `Từ ${f(pick.from)} đến ${f(to)} (3 ngày)`
    )
    await expect(dialog.getByRole('link', { name: 'Đăng ký' })).toHaveAttribute(
      'href',
      `/#/ke-hoach-quy/dang-ky?cadre=${pick.cadre}&from=${pick.from}&to=${to}`
    )
    await screenshot(page, 'lich-tao.png')
    await dialog.getByRole('link', { name: 'Chuyến đi' }).click()
    await expect(page.getByRole('heading', { name: 'Thêm chuyến đi' })).toBeVisible()
    expect(page.url()).toContain(`from=${pick.from}`)
    expect(page.url()).toContain(`to=${to}`)
    await expect(page.getByRole('textbox', { name: 'Từ ngày', exact: true })).toHaveValue(f(pick.from))
    await expect(page.getByRole('textbox', { name: 'Đến ngày', exact: true })).toHaveValue(f(to))
  })

  test('the keyboard moves the focused cell, Shift widens it and Enter opens the choice; Esc closes it', async ({
    page,
    bridge
  }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto(QUARTER)
    const grid = page.getByRole('grid')
    await grid.focus()
    await expect(page.locator('.cal-status')).toContainText('01/04/2025')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByTestId('cal-create-dates')).toHaveText('Từ 02/04/2025 đến 04/04/2025 (3 ngày)')
    const second = await page.locator('.cal-row').nth(1).getAttribute('data-cadre')
    await expect(dialog.getByRole('heading')).toContainText(`Tạo cho ${second}`)
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  })

  test('month and year views, at 1366×768, with no horizontal overflow', async ({ page, bridge }) => {
    await bridge.importFile(FIXTURE_WORKBOOK)
    await page.goto('/#/ke-hoach-quy/lich?view=thang&year=2025&month=4')
    await expect(page.getByRole('heading', { name: 'Lịch công tác cơ sở – Tháng 4/2025' })).toBeVisible()
    await expect(page.locator('.cal-row[data-cadre="A01"] [data-item="CD0031"]')).toContainText(
      'CD0031 · Dự SH BCH, BTV'
    )
    await expect(page.locator('.cal-weekdays .cal-day')).toHaveCount(30)
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'lich-thang.png', true)

    await page.getByRole('button', { name: 'Năm', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Lịch công tác cơ sở – Năm 2025' })).toBeVisible()
    await expect(page.locator('.cal-months .cal-month')).toHaveCount(12)
    await expect(page.locator('.cal-row[data-cadre="A01"] .cal-item').first()).toBeVisible()
    expect(page.url()).toContain('view=nam')
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'lich-nam.png', true)

    // One cadre through the year.
    await page.locator('#cal-cadre').selectOption('A01')
    await expect(page.locator('.cal-row')).toHaveCount(1)
    expect(page.url()).toContain('cadre=A01')
  })

  test('an office with no cadre yet gets the empty state, with the holidays of the period', async ({
    page
  }) => {
    await page.goto('/#/ke-hoach-quy/lich?view=quy&year=2026&quarter=1')
    await expect(
      page.getByRole('heading', { name: 'Chưa có cán bộ nào công tác trong quý I/2026' })
    ).toBeVisible()
    await expect(page.locator('.empty-state')).toContainText('17/02/2026 (Tết Nguyên đán (mùng 1))')
    await screenshot(page, 'lich-trong.png')
  })

  test('60 cadres × 92 days: render and scroll times', async ({ page, bridge }) => {
    test.setTimeout(120_000)
    await bridge.importFile(FIXTURE_WORKBOOK)
    seedLargeOffice(bridge.ctx, 60)
    await page.goto(QUARTER)
    await expect(page.locator('.cal-row')).not.toHaveCount(0)
    // Switch to Q3 (the seeded quarter) and time it until the new grid is painted.
    const started = await page.evaluate(() => performance.now())
    await page.getByRole('button', { name: 'Kỳ sau' }).click()
    await expect(page.getByRole('heading', { name: 'Lịch công tác cơ sở – Quý III/2025' })).toBeVisible()
    await expect(page.locator('.cal-row[data-cadre="P060"]')).toBeVisible()
    const painted = await page.evaluate(() => {
      const raf = (globalThis as unknown as { requestAnimationFrame(cb: () => void): number })
        .requestAnimationFrame
      return new Promise<number>((done) => raf(() => raf(() => done(performance.now()))))
    })
    // Back and forth between two quarters already loaded: the grid's own render and paint.
    await page.getByRole('button', { name: 'Kỳ trước' }).click()
    await expect(page.getByRole('heading', { name: 'Lịch công tác cơ sở – Quý II/2025' })).toBeVisible()
    await expect(page.locator('.cal-row[data-cadre="A01"]')).toBeVisible()
    // Timed inside the page (no test-driver round trips): click, then until the new rows are painted.
    const cachedMs = await page.evaluate(async () => {
      type El = { click(): void; getAttribute(n: string): string | null }
      const g = globalThis as unknown as {
        document: { querySelector(s: string): El | null; querySelectorAll(s: string): El[] }
        requestAnimationFrame(cb: () => void): number
      }
      const frame = () => new Promise<void>((r) => g.requestAnimationFrame(() => r()))
      const next = [...g.document.querySelectorAll('button')].find(
        (b) => b.getAttribute('aria-label') === 'Kỳ sau'
      )!
      const t0 = performance.now()
      next.click()
      while (!g.document.querySelector('.cal-row[data-cadre="P060"]')) await frame()
      await frame()
      await frame()
      return performance.now() - t0
    })
    // The service alone, in this process (the page's time above includes it).
    const serviceStart = performance.now()
    await bridge.handlers['calendar.range']({ from: '2025-07-01', to: '2025-09-30' })
    const serviceMs = performance.now() - serviceStart
    const rows = await page.locator('.cal-row').count()
    const bars = await page.locator('.cal-item').count()
    const days = await page.locator('.cal-daynums .cal-day').count()
    expect(rows).toBeGreaterThanOrEqual(60)
    expect(days).toBe(92)
    const elements = await page.evaluate(
      () =>
        (
          globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }
        ).document.querySelectorAll('.cal *').length
    )

    // Re-render alone (no data fetch): toggle the ban filter off and on is a fetch; a drag is pure UI.
    const scroll = await page.evaluate(async () => {
      const w = globalThis as unknown as {
        scrollTo(x: number, y: number): void
        requestAnimationFrame(cb: () => void): number
        document: { documentElement: { scrollHeight: number } }
      }
      const frames: number[] = []
      let last = performance.now()
      const max = w.document.documentElement.scrollHeight
      for (let y = 0; y < max; y += 60) {
        w.scrollTo(0, y)
        await new Promise<void>((r) => w.requestAnimationFrame(() => r()))
        const now = performance.now()
        frames.push(now - last)
        last = now
      }
      frames.sort((a, b) => a - b)
      return {
        frames: frames.length,
        median: frames[Math.floor(frames.length / 2)] ?? 0,
        p95: frames[Math.floor(frames.length * 0.95)] ?? 0,
        max: frames[frames.length - 1] ?? 0
      }
    })
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0)
    )
    // A drag across 20 days re-renders the selection on every column crossed.
    const track = page.locator('.cal-row[data-cadre="P030"] .cal-track')
    await track.scrollIntoViewIfNeeded()
    const t = (await track.boundingBox())!
    const dragStart = await page.evaluate(() => performance.now())
    // From 05/07 (a free day of P030: its trips start on the 1st, 11th, 21st … and last one to three days).
    const col = t.width / 92
    await page.mouse.move(t.x + col * 4.5, t.y + 13)
    await page.mouse.down()
    for (let i = 1; i <= 20; i++) await page.mouse.move(t.x + col * (4.5 + i), t.y + 13)
    await page.mouse.up()
    await expect(page.getByRole('dialog')).toBeVisible()
    const dragMs = (await page.evaluate(() => performance.now())) - dragStart
    console.log(
      `[calendar perf] ${rows} rows × ${days} days, ${bars} bars, ${elements} elements in the grid; ` +
        `quarter switch (fetch + render + paint) ${Math.round(painted - started)} ms, of which the service ${Math.round(serviceMs)} ms (warm); ` +
        `same quarter again from the cache (render + paint, timed in the page) ${Math.round(cachedMs)} ms; ` +
        `scroll ${scroll.frames} frames: median ${scroll.median.toFixed(1)} ms, p95 ${scroll.p95.toFixed(1)} ms, max ${scroll.max.toFixed(1)} ms; ` +
        `drag across 20 days with the mouse ${Math.round(dragMs)} ms`
    )
    expect(painted - started).toBeLessThan(5000)
    // A loose bound: the build machine is shared; the figures are printed above.
    expect(scroll.p95).toBeLessThan(150)
    await screenshot(page, 'lich-quy-60.png')
  })
})

/** 60 extra cadres in the fixture's bans with a quarter of trips each (Q3 2025: done before 15/10, planned after). */
function seedLargeOffice(ctx: ServiceContext, count: number): void {
  const bans = ctx.db.select().from(departments).all()
  const unit = ctx.db.select().from(units).where(eq(units.code, 'TAN')).get()!
  const given = [
    'An',
    'Bình',
    'Châu',
    'Dũng',
    'Giang',
    'Hà',
    'Hải',
    'Hùng',
    'Khánh',
    'Lan',
    'Linh',
    'Minh',
    'Nga',
    'Phúc',
    'Quang'
  ]
  const kinds = ['CHUYEN_DE', 'PHOI_HOP', 'KIEM_TRA', 'DU_SH_BCH_BTV', 'DU_SH_CHI_DOAN'] as const
  ctx.write('Dữ liệu đo tốc độ lịch', (_tx, log) => {
    for (let i = 1; i <= count; i++) {
      const code = `P${String(i).padStart(3, '0')}`
      const cadre = log.rows.insert(cadres, {
        code,
        fullName: `Nguyễn Văn ${given[i % given.length]} ${i}`,
        position: 'Chuyên viên',
        departmentId: bans[i % bans.length]!.id,
        fullTime: true,
        serviceStart: '2020-01-01'
      }) as { id: number }
      // About every ten days a trip of one to three days, so the quarter is busy.
      for (let k = 0; k < 9; k++) {
        const start = addDays('2025-07-01', k * 10 + (i % 5))
        const end = addDays(start, (i + k) % 3)
        const trip = log.rows.insert(trips, {
          code: `PT${code}-${k}`,
          startDate: start,
          startHalf: 'SANG',
          endDate: end,
          endHalf: 'CHIEU',
          kind: kinds[(i + k) % kinds.length]!,
          status: end < '2025-10-15' ? 'DA_THUC_HIEN' : 'DU_KIEN',
          createdAt: '2025-07-01T00:00:00.000Z'
        }) as { id: number }
        log.rows.insert(tripParticipants, { tripId: trip.id, cadreId: cadre.id, position: 0 })
        log.rows.insert(tripUnits, { tripId: trip.id, unitId: unit.id, position: 0 })
      }
    }
    log.record('calendar-bench', 'P', 'insert', null, `${count} cadres`)
  })
}
