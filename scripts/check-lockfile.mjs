#!/usr/bin/env node
/**
 * node scripts/check-lockfile.mjs [path/to/package-lock.json]
 *
 * Fails when a package's optionalDependencies are missing from package-lock.json. Those are
 * the per-platform binaries (@rolldown/binding-win32-x64-msvc, @esbuild/win32-x64, ...).
 * A registry mirror that 404s on some of them makes npm drop them from the lockfile without
 * an error; `npm ci` then fails elsewhere, or worse, a Windows install silently lacks its
 * binary. Resolution follows Node's rule: the nearest node_modules folder walking up.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lockfilePath = process.argv[2] ?? join(root, 'package-lock.json')
const lockfile = JSON.parse(readFileSync(lockfilePath, 'utf8'))

if (!lockfile.packages || lockfile.lockfileVersion < 2) {
  console.error(`[check-lockfile] ${lockfilePath}: expected lockfileVersion 2 or 3 with a "packages" map`)
  process.exit(1)
}

const packages = lockfile.packages

/** The lockfile key a `require(name)` from the package at `from` resolves to, or null. */
function resolveFrom(from, name) {
  let base = from
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`
    if (candidate in packages) return candidate
    if (base === '') return null
    const parent = base.lastIndexOf('/node_modules/')
    base = parent === -1 ? '' : base.slice(0, parent)
  }
}

const missing = []
let checked = 0
for (const [key, entry] of Object.entries(packages)) {
  for (const name of Object.keys(entry.optionalDependencies ?? {})) {
    checked += 1
    if (resolveFrom(key, name) === null) {
      missing.push(
        `${name}@${entry.optionalDependencies[name]} (optional dependency of ${key || 'the root package'})`
      )
    }
  }
}

if (missing.length > 0) {
  console.error(`[check-lockfile] ${missing.length} optional dependencies are missing from ${lockfilePath}:`)
  for (const line of missing) console.error(`  - ${line}`)
  console.error(
    '[check-lockfile] Regenerate the lockfile against a registry that serves every platform package.'
  )
  process.exit(1)
}
console.log(`[check-lockfile] ok: all ${checked} optional dependencies are in the lockfile`)
