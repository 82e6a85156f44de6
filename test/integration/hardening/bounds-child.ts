/**
 * Run in its own process by workbook-bounds.test.ts so its peak memory is this import alone:
 * previews the workbook given as argument through the API (as the import page does) on a
 * fresh database and prints what happened with the process's peak resident memory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../../electron/db/connection'
import { createServiceContext } from '../../../electron/services/context'
import { dispatch } from '../../../electron/services/dispatch'
import { createHandlers } from '../../../electron/services/index'

async function main(): Promise<void> {
  const file = process.argv[2]
  if (!file) throw new Error('usage: bounds-child <file.xlsx>')
  const dir = mkdtempSync(join(tmpdir(), 'sdcs-bounds-child-'))
  const handle = openDatabase(join(dir, 'b.sqlite'))
  try {
    const started = Date.now()
    const envelope = await dispatch(createHandlers(createServiceContext(handle)), 'workbook.preview', {
      fileName: 'trieu-dong.xlsx',
      contentBase64: readFileSync(file).toString('base64')
    })
    const ms = Date.now() - started
    const errors = envelope.ok
      ? (envelope.value as { errors: Array<{ text: string }> }).errors.map((e) => e.text)
      : []
    process.stdout.write(
      JSON.stringify({
        ok: envelope.ok,
        errors,
        ms,
        // resourceUsage().maxRSS is in kilobytes: the peak of the whole process.
        maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024)
      })
    )
  } finally {
    handle.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
