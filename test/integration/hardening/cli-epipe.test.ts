/**
 * The CLI ends quietly when the reader of its output goes away (issue 13, item 7):
 * `npm run cli -- summary … | head -1` used to die with an unhandled EPIPE and a stack trace.
 * The reading end of the CLI's stdout is closed before it writes; it must exit without a word.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openFixtureDb, type FixtureDb } from '../reports/fixture-db'

const root = resolve(__dirname, '../../..')
let fixture: FixtureDb

beforeAll(async () => {
  fixture = await openFixtureDb()
  fixture.handle.sqlite.pragma('wal_checkpoint(TRUNCATE)')
}, 60_000)

afterAll(() => fixture?.close())

function runWithClosedStdout(
  args: string[]
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/cli.ts'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  // The reader goes away at once, as `head -1` does after its line.
  child.stdout.destroy()
  let stderr = ''
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()))
  return new Promise((resolvePromise) =>
    child.on('close', (code, signal) => resolvePromise({ code, signal, stderr }))
  )
}

describe('the CLI with a closed pipe', () => {
  it('summary --json ends quietly, exit code 0', async () => {
    const outcome = await runWithClosedStdout([
      'summary',
      '--db',
      fixture.handle.file,
      '--year',
      '2025',
      '--json'
    ])
    expect(outcome.stderr).toBe('')
    expect(outcome.code).toBe(0)
  }, 60_000)

  it('the summary table ends quietly too', async () => {
    const outcome = await runWithClosedStdout(['summary', '--db', fixture.handle.file, '--year', '2025'])
    expect(outcome.stderr).toBe('')
    expect(outcome.code).toBe(0)
  }, 60_000)
})
