/**
 * Snapshots taken within the same millisecond (a frozen clock, a fast double click) get
 * distinct names; rotation counts "-10" as newer than "-2" and never removes the snapshot it
 * was just asked to make.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import type { SnapshotInfo } from '../../../shared/api/backups'
import { DEFAULT_MIGRATIONS_FOLDER } from '../../../electron/db/connection'
import { DatabaseSession } from '../../../electron/services/backups/session'
import { snapshotsFolderOf } from '../../../electron/services/backups/store'
import { tempDir } from './helpers'

it('keeps the newest ten, the one just taken included, when the clock does not move', async () => {
  const file = join(tempDir('sdcs-same-ms-'), 'so-di-co-so.sqlite')
  const frozen = { today: () => '2025-10-15', now: () => '2025-10-15T02:00:00.000Z' }
  const session = new DatabaseSession({ file, migrationsFolder: DEFAULT_MIGRATIONS_FOLDER, clock: frozen })
  try {
    const taken: string[] = []
    for (let i = 0; i < 14; i += 1) {
      const envelope = await session.dispatch('backups.create', {})
      expect(envelope.ok).toBe(true)
      if (envelope.ok) taken.push((envelope.value as SnapshotInfo).name)
    }
    const left = readdirSync(snapshotsFolderOf(file)).sort()
    expect(left).toEqual(taken.slice(-10).sort())
  } finally {
    session.close()
  }
})
