/**
 * `npm run cli -- backup` and `restore` through the real CLI (tsx, as `npm run cli` runs it):
 * a backup restored into a new database holds every table; a refused file leaves the
 * database byte for byte as it was; an import through the CLI snapshots first.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { dumpTables, fixtureWorkbook, root, sha256, tempDir } from './helpers'

function cli(args: string[]) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/cli.ts'), ...args],
    { cwd: root, encoding: 'utf8' }
  )
}

const dir = tempDir('sdcs-cli-backup-')
const db = join(dir, 'so-di-co-so.sqlite')

beforeAll(() => {
  // Twice: the second import (nothing new) still runs the commit path on a database with data.
  for (let i = 0; i < 2; i++) {
    const imported = cli(['import', fixtureWorkbook, '--db', db])
    expect(imported.status, imported.stderr).toBe(0)
  }
}, 120_000)

describe('npm run cli -- backup / restore', () => {
  it('snapshots before an import once the database holds data', () => {
    const names = readdirSync(join(dir, 'SaoLuu'))
    expect(names.filter((n) => /-import\.sqlite$/.test(n))).toHaveLength(1)
  })

  it('backs up to a file and restores it into a new database, every table the same', () => {
    const out = join(dir, 'usb', 'ban-sao.sqlite')
    mkdirSync(join(dir, 'usb'))
    const backup = cli(['backup', '--db', db, '--out', out])
    expect(backup.status, backup.stderr).toBe(0)
    expect(backup.stdout).toContain(`Đã sao lưu: ${out}`)
    expect(backup.stdout).toMatch(/\d+ cán bộ, \d+ chuyến đi/)
    // Never over an existing file.
    const again = cli(['backup', '--db', db, '--out', out])
    expect(again.status).toBe(1)
    expect(again.stderr).toMatch(/đã có/)

    const target = join(tempDir('sdcs-cli-restore-'), 'so-di-co-so.sqlite')
    const restore = cli(['restore', out, '--db', target])
    expect(restore.status, restore.stderr).toBe(0)
    expect(restore.stdout).toContain('Đã khôi phục')
    const original = dumpTables(db)
    const restored = dumpTables(target)
    expect(original['change_log']?.length).toBeGreaterThan(0)
    expect(original['change_rows']?.length).toBeGreaterThan(0)
    for (const table of Object.keys(original))
      expect(restored[table], `table ${table}`).toEqual(original[table])
  }, 120_000)

  it('refuses a file that is not a backup, leaving the database as it was; usage mistakes exit 2', () => {
    const garbage = join(dir, 'khong-phai.sqlite')
    writeFileSync(garbage, '')
    const before = sha256(db)
    const refused = cli(['restore', garbage, '--db', db])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/rỗng \(0 byte\)/)
    expect(sha256(db)).toBe(before)
    expect(existsSync(`${db}.khoi-phuc.tmp`)).toBe(false)
    const usage = cli(['restore', '--db', db])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/Cách dùng: npm run cli -- restore/)
    const help = cli(['help'])
    expect(help.stdout).toMatch(/backup\s+Sao lưu/)
    expect(help.stdout).toMatch(/restore\s+Khôi phục/)
  }, 120_000)
})
