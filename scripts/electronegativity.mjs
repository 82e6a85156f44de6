#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's Electron security linter) over the app's own sources: the
 * main process and preload (electron/) and the renderer (renderer/, its index.html CSP
 * included), scanned together so the global checks (navigation limits, permission handler)
 * see the handlers the main process installs. Fails on any HIGH or MEDIUM finding, and when
 * the tool itself does not run.
 *
 * The tool is not a dependency (it would pull a large tree into the lockfile for one CI
 * step): npx fetches the exact version below. An accepted finding is justified in the code on
 * its line with the tool's comment, `// eng-disable <CHECK_ID>`, next to the reason.
 *
 *   node scripts/electronegativity.mjs           (npm run check:electron-security)
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const TOOL = '@doyensec/electronegativity@1.10.3'
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
// The tool cannot read the version from a devDependency range; tell it the exact one.
const electronVersion = String(pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '')

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'))
let exitCode = 0
try {
  const scanned = join(work, 'app')
  cpSync(join(root, 'electron'), join(scanned, 'electron'), { recursive: true })
  cpSync(join(root, 'renderer'), join(scanned, 'renderer'), {
    recursive: true,
    filter: (source) => !source.includes('node_modules')
  })
  const report = join(work, 'report.csv')
  const args = ['--yes', TOOL, '-i', scanned, '-r', '-v', 'false', '-o', report]
  if (electronVersion) args.push('-e', electronVersion)
  const run = spawnSync('npx', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32'
  })
  if (run.status !== 0 || !existsSync(report)) {
    process.stderr.write(
      `${run.stdout ?? ''}${run.stderr ?? ''}\nElectronegativity did not run (exit ${run.status}).\n`
    )
    exitCode = 2
  } else {
    exitCode = summarise(report)
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.exit(exitCode)

function summarise(report) {
  const findings = readFileSync(report, 'utf8')
    .split('\n')
    .map((line) => /^([A-Z_]+),"(HIGH|MEDIUM|LOW|INFORMATIONAL)","([A-Z]+)","([^"]*)","([^"]*)"/.exec(line))
    .filter((match) => match !== null)
    .map(([, check, severity, confidence, file, location]) => ({
      check,
      severity,
      confidence,
      file,
      location
    }))
  const count = (severity) => findings.filter((f) => f.severity === severity).length
  for (const f of findings) {
    console.log(`${f.severity.padEnd(13)} ${f.check} (${f.confidence}) ${f.file}:${f.location}`)
  }
  const high = count('HIGH')
  const medium = count('MEDIUM')
  console.log(
    `Electronegativity ${TOOL.split('@').pop()} (Electron ${electronVersion || '?'}): ` +
      `${high} high, ${medium} medium, ${count('LOW')} low, ${count('INFORMATIONAL')} informational`
  )
  if (high > 0 || medium > 0) {
    console.error(
      'Fix each HIGH/MEDIUM finding, or justify it on its line with // eng-disable <CHECK_ID> and the reason.'
    )
    return 1
  }
  return 0
}
