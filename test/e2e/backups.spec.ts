/**
 * Sao lưu và khôi phục in Chromium on the real services: the empty state, the automatic
 * snapshots listed with what they hold, "Sao lưu ngay" to a picked folder, restore with its
 * confirmation (the current data snapshotted first), a picked file that is not a backup, and
 * the corrupt-database screen offering the newest verified snapshot.
 */
import type { Page } from '@playwright/test'
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DEFAULT_MIGRATIONS_FOLDER } from '../../electron/db/connection'
import { DatabaseSession } from '../../electron/services/backups/session'
import type { Clock } from '../../electron/services/context'
import { expect, FIXTURE_WORKBOOK, test } from './bridge'

const DOCS = resolve(__dirname, '../../docs/screenshots')

async function screenshot(page: Page, name: string, fullPage = false) {
  mkdirSync(DOCS, { recursive: true })
  await page.screenshot({ path: join(DOCS, name), fullPage })
}

/** One second per call from 14/10/2025 09:00 (Hà Nội), so each snapshot has its own time. */
function tickingClock(): Clock {
  let t = Date.parse('2025-10-14T02:00:00.000Z')
  return {
    today: () => '2025-10-15',
    now: () => {
      const iso = new Date(t).toISOString()
      t += 60_000
      return iso
    }
  }
}

/** How the page writes a moment in the test's time zone (Asia/Ho_Chi_Minh, UTC+7, no DST). */
function hanoiMoment(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3_600_000)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`
}

async function ok<T>(session: DatabaseSession, method: string, input: unknown): Promise<T> {
  const envelope = await session.dispatch(method, input)
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`)
  return envelope.value as T
}

function importFixture(session: DatabaseSession) {
  return ok<{ committed: boolean }>(session, 'workbook.commit', {
    fileName: 'office-2025.xlsx',
    contentBase64: readFileSync(FIXTURE_WORKBOOK).toString('base64')
  })
}

test.describe('Sao lưu và khôi phục', () => {
  test('lists verified snapshots, backs up to a picked folder and restores one after confirming', async ({
    page,
    bridge
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'sdcs-e2e-backups-'))
    const file = join(dir, 'so-di-co-so.sqlite')
    const session = new DatabaseSession({
      file,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock()
    })
    bridge.useHandlers(() => session.handlers)
    try {
      // Empty office: nothing to keep yet, and the page says when the first copy comes.
      await page.goto('/#/sao-luu')
      await expect(page.getByRole('heading', { level: 1, name: 'Sao lưu và khôi phục' })).toBeVisible()
      await expect(page.getByText('Chưa có bản sao lưu nào')).toBeVisible()
      await screenshot(page, 'sao-luu-trong.png')

      await importFixture(session)
      const start = session.snapshot('start')!
      await importFixture(session) // nothing new, but the commit path snapshots first
      await ok(session, 'cadres.endService', { code: 'A05', serviceEnd: '2025-09-30' })
      session.snapshot('daily')

      await page.reload()
      const rows = page.locator('.backups-table tbody tr')
      await expect(rows).toHaveCount(3)
      await expect(rows.nth(0)).toContainText('Hằng ngày')
      await expect(rows.nth(1)).toContainText('Trước khi nhập')
      await expect(rows.nth(2)).toContainText('Khi mở')
      await expect(rows.nth(2)).toContainText(hanoiMoment(start.takenAt))
      await expect(page.locator('.backups-current')).toContainText('8 cán bộ')

      // "Sao lưu ngay" to the folder the clerk picks (a USB stick).
      const usb = join(dir, 'USB')
      mkdirSync(usb)
      bridge.desktop.answerNextPick(usb)
      await page.getByRole('button', { name: 'Sao lưu ngay…' }).click()
      await expect(page.getByRole('status')).toContainText(`Đã sao lưu vào ${usb}`)
      expect(readdirSync(usb).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1)
      await screenshot(page, 'sao-luu.png')

      // Cancelling the folder dialog does nothing.
      bridge.desktop.answerNextPick(null)
      await page.getByRole('button', { name: 'Sao lưu ngay…' }).click()
      expect(readdirSync(usb).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1)

      // Restore "Khi mở" (before A05's end of service), after reading what it holds.
      await rows.nth(2).getByRole('button', { name: 'Khôi phục…' }).click()
      const dialog = page.getByRole('dialog', { name: 'Khôi phục dữ liệu từ bản sao lưu?' })
      await expect(dialog).toContainText(hanoiMoment(start.takenAt))
      await expect(dialog).toContainText('8 cán bộ')
      await expect(dialog).toContainText('Trước khi khôi phục')
      await screenshot(page, 'sao-luu-khoi-phuc.png')
      await dialog.getByRole('button', { name: 'Khôi phục' }).click()
      await expect(page.getByRole('status')).toContainText(
        `Đã khôi phục dữ liệu từ bản sao lưu ${hanoiMoment(start.takenAt)}`
      )
      await expect(page.locator('.backups-table tbody tr').first()).toContainText('Trước khi khôi phục')
      const cadre = await ok<{ serviceEnd: string | null }>(session, 'cadres.get', {
        code: 'A05',
        year: 2025
      })
      expect(cadre.serviceEnd ?? null).toBeNull()

      // A picked file that is not a backup is refused, saying why.
      const garbage = join(dir, 'khong-phai.sqlite')
      writeFileSync(garbage, 'không phải cơ sở dữ liệu')
      bridge.desktop.answerNextPick(garbage)
      await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).click()
      await expect(page.getByRole('alert')).toContainText('không phải cơ sở dữ liệu của Sổ đi cơ sở')
    } finally {
      session.close()
    }
  })

  test('opens on the corrupt-database screen and restores the newest verified snapshot', async ({
    page,
    bridge
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'sdcs-e2e-corrupt-'))
    const file = join(dir, 'so-di-co-so.sqlite')
    const first = new DatabaseSession({
      file,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock()
    })
    await importFixture(first)
    const daily = first.snapshot('daily')!
    first.close()
    // A failing disk: one page in the middle of the file overwritten.
    const page4k = 4096
    const offset = Math.floor(statSync(file).size / page4k / 2) * page4k
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(page4k, 0x5a), 0, page4k, offset)
    closeSync(fd)

    const session = new DatabaseSession({
      file,
      migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
      clock: tickingClock()
    })
    expect(session.databaseProblem?.quarantinedTo).toBeTruthy()
    bridge.useHandlers(() => session.handlers)
    try {
      await page.goto('/#/co-so-du-lieu-hong')
      await expect(page.getByRole('heading', { level: 1, name: 'Cơ sở dữ liệu bị hỏng' })).toBeVisible()
      await expect(page.locator('.corrupt-what')).toContainText(session.databaseProblem!.quarantinedTo!)
      const offer = page.locator('.corrupt-offer')
      await expect(offer).toContainText(hanoiMoment(daily.takenAt))
      await expect(offer).toContainText('8 cán bộ')
      await screenshot(page, 'co-so-du-lieu-hong.png')

      await offer.getByRole('button', { name: 'Khôi phục bản sao lưu này…' }).click()
      await page.getByRole('dialog').getByRole('button', { name: 'Khôi phục' }).click()
      await expect(page.getByRole('heading', { level: 1, name: 'Sao lưu và khôi phục' })).toBeVisible()
      await expect(page.locator('.backups-current')).toContainText('8 cán bộ')
      expect(session.databaseProblem).toBeNull()
      expect(existsSync(file)).toBe(true)
    } finally {
      session.close()
    }
  })
})
