/**
 * The process the crash test kills: opens the database the way the app does, says "ready",
 * then imports the fixture workbook or restores a snapshot. Killed with SIGKILL at a random
 * moment, it leaves whatever a power cut in the middle of that work would leave.
 *   node crash-child.cjs import  <db> <workbook.xlsx> <migrations>
 *   node crash-child.cjs restore <db> <snapshot.sqlite> <migrations>
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { openDatabase } from '../../../electron/db/connection'
import { restoreDatabaseFile } from '../../../electron/services/backups/restore'
import { takeSnapshot } from '../../../electron/services/backups/snapshot'
import { createServiceContext } from '../../../electron/services/context'
import { importWorkbook } from '../../../electron/services/workbook'

async function main(): Promise<void> {
  const [mode, db, source, migrationsFolder] = process.argv.slice(2) as [string, string, string, string]
  const handle = openDatabase(db, { migrationsFolder })
  process.stdout.write('ready\n')
  if (mode === 'import') {
    const ctx = {
      ...createServiceContext(handle),
      snapshot: () =>
        takeSnapshot(handle.sqlite, db, {
          kind: 'import',
          nowIso: new Date().toISOString(),
          migrationsFolder
        })
    }
    const result = await importWorkbook(ctx, readFileSync(source), basename(source))
    if (!result.committed) throw new Error('import refused')
    handle.close()
  } else {
    restoreDatabaseFile(source, {
      databaseFile: db,
      current: handle,
      migrationsFolder,
      nowIso: new Date().toISOString()
    })
    openDatabase(db, { migrationsFolder }).close()
  }
  process.stdout.write('done\n')
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})
