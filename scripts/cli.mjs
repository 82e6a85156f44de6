/**
 * `npm run cli -- …`: runs the bundled CLI (scripts/build-cli.mjs) with plain node, building
 * it first when it is missing or older than a source file, so a fresh clone or an edited
 * source needs no extra step. The check walks electron/ and shared/ (≈ 250 entries, a few
 * milliseconds) and loads nothing else: the no-rebuild path stays within `help`'s 300 ms.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildCli, DEFAULT_OUTDIR, ENTRY_NAME, SOURCES } from './build-cli.mjs'

/** The newest modification time under `path`; folders count too (a file removed or renamed). */
function newestChange(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    newest = Math.max(newest, newestChange(join(path, entry.name)))
  }
  return newest
}

function builtAt(entry) {
  try {
    return statSync(entry).mtimeMs
  } catch {
    return -Infinity
  }
}

const entry = join(DEFAULT_OUTDIR, ENTRY_NAME)
// build-cli.mjs loads esbuild only inside buildCli, so importing it costs nothing here.
if (builtAt(entry) < Math.max(...SOURCES.map(newestChange))) await buildCli(DEFAULT_OUTDIR)
await import(pathToFileURL(entry).href)
