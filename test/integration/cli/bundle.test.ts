/**
 * The bundled CLI (scripts/build-cli.mjs, what `npm run cli` runs through scripts/cli.mjs)
 * against the sources run by tsx: built into a temporary folder and run by plain node, it
 * prints the same help, refuses the same mistakes with the same exit codes, and imports and
 * summarises the fixture office exactly as the sources do. And `help`, an unknown command and
 * a usage mistake load none of the heavy packages (issue 12: `help` in ≤ 300 ms), which a
 * module-resolution hook records; the same hook sees them for a real command, so the check
 * cannot pass by recording nothing.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../..')
const fixture = join(root, 'test/fixtures/office-2025.xlsx')
const dir = mkdtempSync(join(tmpdir(), 'sdcs-cli-bundle-'))
const outdir = join(dir, 'bundle')
const entry = join(outdir, 'cli.mjs')

/** The packages `help` must not load (each costs from tens to hundreds of milliseconds). */
const HEAVY = ['docx', 'exceljs', 'better-sqlite3', 'drizzle-orm']

function source(args: string[]) {
  return spawnSync(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/cli.ts'), ...args],
    { cwd: root, encoding: 'utf8' }
  )
}

function bundled(args: string[], nodeOptions: string[] = [], env: NodeJS.ProcessEnv = process.env) {
  // Run from the temporary folder: nothing may depend on the working directory being the checkout.
  return spawnSync(process.execPath, [...nodeOptions, entry, ...args], { cwd: dir, encoding: 'utf8', env })
}

/** Every module URL the bundled CLI resolved while running `args`. */
function loadedBy(args: string[]): { urls: string[]; status: number | null } {
  const log = join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`)
  writeFileSync(log, '')
  const run = bundled(args, ['--import', pathToFileURL(join(dir, 'register.mjs')).href], {
    ...process.env,
    SDCS_LOADED_LOG: log
  })
  return { urls: readFileSync(log, 'utf8').split('\n').filter(Boolean), status: run.status }
}

const heavyIn = (urls: string[]) =>
  HEAVY.filter((name) => urls.some((url) => url.includes(`/node_modules/${name}/`)))

beforeAll(() => {
  const built = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { buildCli } = await import(${JSON.stringify(pathToFileURL(join(root, 'scripts/build-cli.mjs')).href)});` +
        `await buildCli(${JSON.stringify(outdir)})`
    ],
    { cwd: root, encoding: 'utf8' }
  )
  if (built.status !== 0) throw new Error(`the bundle did not build:\n${built.stdout}\n${built.stderr}`)
  // npm packages stay outside the bundle and are found by walking up from it, as out-cli/
  // finds the checkout's node_modules ('junction': no privilege needed on Windows).
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'junction')
  // A resolve hook (module.register, in its own thread) appends every resolved URL to a file.
  writeFileSync(
    join(dir, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs'\n" +
      'export async function resolve(specifier, context, next) {\n' +
      '  const result = await next(specifier, context)\n' +
      "  appendFileSync(process.env.SDCS_LOADED_LOG, result.url + '\\n')\n" +
      '  return result\n' +
      '}\n'
  )
  writeFileSync(
    join(dir, 'register.mjs'),
    "import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n"
  )
}, 120_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the bundled CLI, run by plain node', () => {
  it('prints the same help as the sources', () => {
    const fromBundle = bundled(['help'])
    const fromSource = source(['help'])
    expect(fromBundle.status).toBe(0)
    expect(fromBundle.stderr).toBe('')
    expect(fromBundle.stdout).toContain('Sổ đi cơ sở — dòng lệnh')
    expect(fromBundle.stdout).toBe(fromSource.stdout)
  }, 60_000)

  it('refuses an unknown command and a usage mistake as the sources do (exit 2, in Vietnamese)', () => {
    const unknown = bundled(['khong-co'])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toBe('Lệnh không tồn tại: "khong-co". Xem: npm run cli -- help\n')
    const mistake = [
      'export',
      'quarter-plan',
      '--db',
      join(dir, 'x.sqlite'),
      '--year',
      '2025',
      '--out',
      'x.docx'
    ]
    const fromBundle = bundled(mistake)
    const fromSource = source(mistake)
    expect(fromBundle.status).toBe(2)
    expect(fromBundle.stderr).toContain('Văn bản "quarter-plan" cần --quarter <1–4>.')
    expect([fromBundle.status, fromBundle.stderr]).toEqual([fromSource.status, fromSource.stderr])
  }, 60_000)

  it('imports the fixture and prints the same summary as the sources', () => {
    const viaBundle = join(dir, 'bundle.sqlite')
    const viaSource = join(dir, 'source.sqlite')
    const importedByBundle = bundled(['import', fixture, '--db', viaBundle])
    const importedBySource = source(['import', fixture, '--db', viaSource])
    expect(importedByBundle.status).toBe(0)
    expect(importedByBundle.stdout).toContain('Đã nhập tệp "office-2025.xlsx":')
    expect(importedByBundle.stdout).toBe(importedBySource.stdout)
    expect(importedByBundle.stderr).toBe(importedBySource.stderr)
    for (const asOf of ['2025-06-30', '2025-12-31']) {
      const args = ['summary', '--year', '2025', '--as-of', asOf, '--json']
      const fromBundle = bundled([...args, '--db', viaBundle])
      expect(fromBundle.status).toBe(0)
      expect(JSON.parse(fromBundle.stdout)).toHaveProperty('cadres')
      // The same database read by the sources, and the sources' own import read by the bundle.
      expect(fromBundle.stdout).toBe(source([...args, '--db', viaBundle]).stdout)
      expect(bundled([...args, '--db', viaSource]).stdout).toBe(fromBundle.stdout)
    }
  }, 120_000)
})

describe('what `help` loads', () => {
  it('loads none of docx, exceljs, better-sqlite3, drizzle-orm for help, an unknown command or a usage mistake', () => {
    for (const args of [['help'], ['khong-co'], ['summary', '--db', 'x.sqlite'], ['export', 'khong-co']]) {
      const { urls, status } = loadedBy(args)
      expect(status, args.join(' ')).toBe(args[0] === 'help' ? 0 : 2)
      // The hook saw the entry itself: an empty record would prove nothing.
      expect(urls, args.join(' ')).toContain(pathToFileURL(entry).href)
      expect(heavyIn(urls), args.join(' ')).toEqual([])
      // Nothing but the bundle's own files and node's built-ins.
      const outside = urls.filter(
        (url) => !url.startsWith('node:') && !url.startsWith(pathToFileURL(outdir).href)
      )
      expect(outside, args.join(' ')).toEqual([])
    }
  }, 60_000)

  it('sees the heavy packages load once a command does its work', () => {
    const db = join(dir, 'loads.sqlite')
    expect(bundled(['import', fixture, '--db', db]).status).toBe(0)
    const { urls, status } = loadedBy(['summary', '--db', db, '--year', '2025', '--json'])
    expect(status).toBe(0)
    expect(heavyIn(urls)).toEqual(expect.arrayContaining(['better-sqlite3', 'drizzle-orm']))
  }, 60_000)
})
