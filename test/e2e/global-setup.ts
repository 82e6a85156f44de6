/**
 * The bridge loads better-sqlite3 in this Node process, so the Node build of the native
 * module must be in place (an Electron packaging run may have swapped it).
 */
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

export default function globalSetup(): void {
  const root = resolve(__dirname, '../..')
  const result = spawnSync(process.execPath, [join(root, 'scripts/ensure-native.mjs'), 'node'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (result.status !== 0) throw new Error(`scripts/ensure-native.mjs node failed (exit ${result.status})`)
}
