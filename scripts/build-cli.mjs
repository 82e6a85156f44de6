/**
 * Builds the CLI (electron/cli.ts) into an ES-module bundle that plain node runs
 * (issue 12: `help` in ≤ 300 ms; tsx alone costs about a second before any of our code runs).
 *
 * - Code splitting: each command's work (electron/cli/run-*.ts) is its own chunk, loaded by the
 *   import() in electron/cli/commands.ts, so `help` reads only the entry and the light table.
 * - `packages: 'external'`: npm packages stay in node_modules and load with the chunk that
 *   needs them; better-sqlite3 is native and could not be bundled anyway.
 * - `__dirname` in our sources (electron/db/connection.ts finds its migrations beside it)
 *   means the source file's folder, which an ES module does not have: each file that uses it
 *   gets it defined as that folder, found from the chunk's own URL, so the bundle reads
 *   electron/db/migrations itself (no copy to go stale) wherever the checkout lives.
 * - The output folder is out-cli/ (ignored by git, eslint and prettier as out-*), not out/:
 *   electron-builder packs out/** into the installer, and the clerk's app has no use for it.
 *
 * Used by scripts/cli.mjs (when the bundle is missing or stale) and by the bundle's test.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const DEFAULT_OUTDIR = join(ROOT, 'out-cli')
export const ENTRY_NAME = 'cli.mjs'
/** What the bundle is built from: a file there newer than the entry means a rebuild. */
export const SOURCES = [join(ROOT, 'electron'), join(ROOT, 'shared'), fileURLToPath(import.meta.url)]

/** Chunks of earlier builds are kept this long: a CLI started before the rebuild may still import them. */
const OLD_CHUNK_GRACE_MS = 10 * 60 * 1000

/** Defines `__dirname` (and `__filename`) per source file, relative to the chunk at run time. */
function sourceDirnamePlugin(outdir) {
  return {
    name: 'source-dirname',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8')
        if (!/\b__(dirname|filename)\b/.test(source)) return undefined
        // The entry and every chunk sit directly in outdir (no chunkNames folder), so the way
        // from the chunk holding this file to the file itself is known at build time.
        const toFile = relative(outdir, args.path).split('\\').join('/')
        const prelude =
          "import { fileURLToPath as __cliFileURLToPath } from 'node:url';" +
          "import { dirname as __cliDirname } from 'node:path';" +
          `const __filename = __cliFileURLToPath(new URL(${JSON.stringify(toFile)}, import.meta.url));` +
          'const __dirname = __cliDirname(__filename);'
        // On the first line, so the source's line numbers stay as they were.
        return { contents: prelude + source, loader: 'ts' }
      })
    }
  }
}

/** Writes a file whole or not at all (a CLI starting meanwhile never reads half a chunk). */
function writeAtomically(file, contents) {
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, contents)
  renameSync(temp, file)
}

/**
 * Builds the bundle into outdir and returns its entry's path. Chunk names carry a content
 * hash, so the chunks are written first and the entry last: a CLI running from the previous
 * build keeps finding its own chunks, and one starting now sees either build whole.
 */
export async function buildCli(outdir = DEFAULT_OUTDIR) {
  const { build } = await import('esbuild')
  const folder = resolve(outdir)
  // Sources changed while esbuild reads them must still count as newer than this build.
  const started = new Date()
  const result = await build({
    entryPoints: { cli: join(ROOT, 'electron', 'cli.ts') },
    outdir: folder,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'warning',
    plugins: [sourceDirnamePlugin(folder)]
  })
  mkdirSync(folder, { recursive: true })
  const entry = join(folder, ENTRY_NAME)
  const written = new Set(result.outputFiles.map((file) => basename(file.path)))
  for (const file of result.outputFiles) if (file.path !== entry) writeAtomically(file.path, file.contents)
  const output = result.outputFiles.find((file) => file.path === entry)
  if (!output) throw new Error(`esbuild wrote no ${ENTRY_NAME}`)
  writeAtomically(entry, output.contents)
  utimesSync(entry, started, started)
  for (const name of readdirSync(folder)) {
    const file = join(folder, name)
    if (!written.has(name) && Date.now() - statSync(file).mtimeMs > OLD_CHUNK_GRACE_MS)
      rmSync(file, { force: true })
  }
  return entry
}
