#!/usr/bin/env node
/**
 * node scripts/ensure-native.mjs node|electron
 *
 * better-sqlite3 ships one native file, build/Release/better_sqlite3.node, and it only loads
 * in the runtime whose ABI it was built for: Node for vitest and the CLI, Electron for the
 * app. This script puts the right build in place for the requested runtime.
 *
 * Every build that loads is kept in node_modules/.native-cache/<runtime>-<abi>/, so going
 * back and forth is a file copy, not a 60-second compile. When the file in place is
 * byte-identical to the cached build for the target, nothing is spawned at all (this runs
 * before every `npm test`). A cache entry remembers the better-sqlite3 version it was built
 * from, so an upgraded package never receives a stale binary.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const moduleDir = join(root, 'node_modules', 'better-sqlite3')
const binary = join(moduleDir, 'build', 'Release', 'better_sqlite3.node')
const cacheRoot = join(root, 'node_modules', '.native-cache')
const moduleVersion = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')).version
const LOAD_CHECK = "require('better-sqlite3')(':memory:').prepare('select 1').get()"

function log(message) {
  console.log(`[ensure-native] ${message}`)
}

function fail(message) {
  console.error(`[ensure-native] ${message}`)
  process.exit(1)
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** The Electron executable, or null when the binary was never downloaded. */
function electronExecutable() {
  try {
    const executable = require('electron')
    return typeof executable === 'string' && existsSync(executable) ? executable : null
  } catch {
    // node_modules/electron/index.js throws when path.txt is missing (skipped download).
    return null
  }
}

function describeTarget(runtime) {
  if (runtime === 'node') {
    return {
      runtime,
      abi: process.versions.modules,
      version: process.versions.node,
      command: process.execPath,
      env: {}
    }
  }
  const executable = electronExecutable()
  if (executable === null) {
    fail(
      'Electron binary not installed (node_modules/electron/dist is missing: npm ran with ELECTRON_SKIP_BINARY_DOWNLOAD).\n' +
        '  The app cannot start here. Install the binary with `node node_modules/electron/install.js`\n' +
        '  (needs access to github.com) or run `npm ci` without ELECTRON_SKIP_BINARY_DOWNLOAD.'
    )
  }
  const electronDir = join(root, 'node_modules', 'electron')
  return {
    runtime,
    abi: readFileSync(join(electronDir, 'abi_version'), 'utf8').trim(),
    version: JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version,
    command: executable,
    env: { ELECTRON_RUN_AS_NODE: '1' }
  }
}

function cacheEntry(runtime, abi) {
  const dir = join(cacheRoot, `${runtime}-${abi}`)
  return { dir, file: join(dir, 'better_sqlite3.node'), meta: join(dir, 'meta.json') }
}

function readCache(runtime, abi) {
  const entry = cacheEntry(runtime, abi)
  if (!existsSync(entry.file) || !existsSync(entry.meta)) return null
  const meta = JSON.parse(readFileSync(entry.meta, 'utf8'))
  return meta.moduleVersion === moduleVersion ? { ...entry, sha256: meta.sha256 } : null
}

function writeCache(runtime, abi) {
  const entry = cacheEntry(runtime, abi)
  mkdirSync(entry.dir, { recursive: true })
  copyFileSync(binary, entry.file)
  writeFileSync(entry.meta, JSON.stringify({ moduleVersion, sha256: sha256(binary) }, null, 2) + '\n')
}

/** Loads better-sqlite3 in the target runtime: { ok } or { ok: false, output }. */
function loads(target) {
  if (!existsSync(binary)) return { ok: false, output: `${binary} does not exist` }
  const result = spawnSync(target.command, ['-e', LOAD_CHECK], {
    cwd: root,
    env: { ...process.env, ...target.env },
    encoding: 'utf8'
  })
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`
  }
}

/** Which runtime the file in place was built for, read from Node's mismatch message. */
function builtAbiFromError(output) {
  const match = /compiled against a different Node\.js version using\s+NODE_MODULE_VERSION (\d+)/.exec(output)
  return match ? match[1] : null
}

/** Keeps the build we are about to replace, if we know which runtime it belongs to. */
function rememberCurrentBuild(output) {
  const abi = builtAbiFromError(output)
  if (abi === null) return
  const runtime = abi === process.versions.modules ? 'node' : 'electron'
  if (readCache(runtime, abi)?.sha256 !== sha256(binary)) {
    writeCache(runtime, abi)
    log(`kept the ${runtime} build (ABI ${abi}) in node_modules/.native-cache`)
  }
}

function run(command, args, options) {
  log(`$ ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  return result.status === 0
}

/** The node-gyp that comes with npm (npm exposes its path to scripts), else a local one. */
function nodeGypScript() {
  const candidates = [
    process.env['npm_config_node_gyp'],
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js'
    )
  ]
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null
}

/**
 * An environment without npm's `nodedir`: a global nodedir (set on this very machine in
 * ~/.npmrc) makes node-gyp compile against Node's headers while it reports success for
 * --runtime=electron, which produces a binary Electron then refuses to load.
 */
function envWithoutNodedir() {
  const env = { ...process.env }
  for (const key of Object.keys(env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]
  }
  return env
}

function rebuild(target) {
  if (target.runtime === 'node') {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    return run(npm, ['rebuild', 'better-sqlite3', '--loglevel=error'], {
      cwd: root,
      shell: process.platform === 'win32'
    })
  }
  const env = envWithoutNodedir()
  const electronArgs = [`--runtime=electron`, `--target=${target.version}`, `--arch=${process.arch}`]
  const prebuildInstall = join(root, 'node_modules', 'prebuild-install', 'bin.js')
  if (
    existsSync(prebuildInstall) &&
    run(process.execPath, [prebuildInstall, ...electronArgs], { cwd: moduleDir, env })
  ) {
    return true
  }
  const nodeGyp = nodeGypScript()
  if (nodeGyp === null) {
    log('no prebuilt binary was downloaded and node-gyp was not found')
    return false
  }
  return run(
    process.execPath,
    [nodeGyp, 'rebuild', '--release', ...electronArgs, '--dist-url=https://electronjs.org/headers'],
    { cwd: moduleDir, env }
  )
}

function main() {
  const runtime = process.argv[2]
  if (runtime !== 'node' && runtime !== 'electron') {
    fail('usage: node scripts/ensure-native.mjs node|electron')
  }
  const target = describeTarget(runtime)
  const label = `better-sqlite3 ${moduleVersion} for ${runtime} ${target.version} (ABI ${target.abi})`

  const cached = readCache(runtime, target.abi)
  if (cached && existsSync(binary) && cached.sha256 === sha256(binary)) return

  const first = loads(target)
  if (first.ok) {
    writeCache(runtime, target.abi)
    log(`${label}: already in place`)
    return
  }
  rememberCurrentBuild(first.output)

  if (cached) {
    mkdirSync(dirname(binary), { recursive: true })
    copyFileSync(cached.file, binary)
    if (loads(target).ok) {
      log(`${label}: restored from node_modules/.native-cache`)
      return
    }
    log('the cached build does not load; rebuilding')
  } else {
    log(`${label}: not in place, building (${first.output.trim().split('\n')[0]})`)
  }

  // `node-gyp rebuild` starts by deleting build/, so a failed attempt would leave no binary
  // at all; put the previous one back so the other runtime keeps working.
  const previous = existsSync(binary) ? readFileSync(binary) : null
  if (!rebuild(target)) {
    if (previous !== null && !existsSync(binary)) {
      mkdirSync(dirname(binary), { recursive: true })
      writeFileSync(binary, previous)
      log('restored the previous build/Release/better_sqlite3.node')
    }
    fail(`could not build ${label}`)
  }
  const after = loads(target)
  if (!after.ok) fail(`${label} still does not load after the rebuild:\n${after.output}`)
  writeCache(runtime, target.abi)
  log(`${label}: built and cached`)
}

main()
