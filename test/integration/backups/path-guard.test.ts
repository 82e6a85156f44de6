/**
 * In the app, a backup request from the window may only name a folder or file the clerk
 * picked in a desktop dialog, or one of the app's own snapshots: a page that went wrong
 * cannot make the app write a copy of the data anywhere, or restore from anywhere.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SnapshotInfo } from '../../../shared/api/backups'
import { DEFAULT_MIGRATIONS_FOLDER } from '../../../electron/db/connection'
import { DatabaseSession } from '../../../electron/services/backups/session'
import { snapshotsFolderOf } from '../../../electron/services/backups/store'
import { fixtureWorkbook, sha256, tempDir, tickingClock } from './helpers'

let dir: string
let file: string
let session: DatabaseSession
const picked = new Set<string>()

beforeAll(async () => {
  dir = tempDir('sdcs-guard-')
  file = join(dir, 'so-di-co-so.sqlite')
  session = new DatabaseSession({
    file,
    migrationsFolder: DEFAULT_MIGRATIONS_FOLDER,
    clock: tickingClock(),
    pathGuard: { picked }
  })
  const envelope = await session.dispatch('workbook.commit', {
    fileName: 'office-2025.xlsx',
    contentBase64: readFileSync(fixtureWorkbook).toString('base64')
  })
  expect(envelope.ok).toBe(true)
})

afterAll(() => session.close())

describe('backups from the window', () => {
  it('write only into a picked folder', async () => {
    const elsewhere = join(dir, 'not-picked')
    mkdirSync(elsewhere)
    const refused = await session.dispatch('backups.create', { folder: elsewhere })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toContain('thư mục vừa chọn')
    expect(readdirSync(elsewhere)).toEqual([])

    const usb = join(dir, 'usb')
    mkdirSync(usb)
    picked.add(resolve(usb))
    const made = await session.dispatch('backups.create', { folder: usb })
    expect(made.ok).toBe(true)
    expect(readdirSync(usb)).toHaveLength(1)
  })

  it('restore only from a listed snapshot or a picked file, and change nothing otherwise', async () => {
    const usbCopy = join(dir, 'usb', readdirSync(join(dir, 'usb'))[0] ?? '')
    picked.delete(resolve(join(dir, 'usb')))
    const before = sha256(file)
    for (const method of ['backups.inspect', 'backups.restore'] as const) {
      const refused = await session.dispatch(method, { file: usbCopy })
      expect(refused.ok).toBe(false)
      if (!refused.ok) expect(refused.error.message).toContain('Khôi phục từ tệp')
    }
    expect(sha256(file)).toBe(before)

    // One of the app's own snapshots (the list offers them) is fine without a dialog.
    const own = await session.dispatch('backups.create', {})
    expect(own.ok).toBe(true)
    const ownFile = own.ok ? (own.value as SnapshotInfo).file : ''
    expect(resolve(ownFile).startsWith(resolve(snapshotsFolderOf(file)))).toBe(true)
    expect((await session.dispatch('backups.inspect', { file: ownFile })).ok).toBe(true)

    // A picked file is fine too.
    picked.add(resolve(usbCopy))
    expect((await session.dispatch('backups.inspect', { file: usbCopy })).ok).toBe(true)
    expect(existsSync(usbCopy)).toBe(true)
  })
})
