/**
 * Sổ đi cơ sở, headless: the same services as the desktop app, from a terminal.
 *   npm run cli -- <command> [options]     (npm run cli -- help)
 * Exit code 0 on success, 1 when the input is refused (messages on stderr), 2 on bad usage.
 */
// Light imports only: `help` and usage mistakes must answer without loading the services
// (issue 12); each command loads its work itself (cli/commands.ts).
import { AppError, detailsToShow } from '../shared/api/errors'
import { sqliteAppError } from './services/sqlite-errors'
import { COMMANDS, printHelp, UsageError } from './cli/commands'

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp()
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    process.stderr.write(`Lệnh không tồn tại: "${name}". Xem: npm run cli -- help\n`)
    return 2
  }
  try {
    return await command.run(rest)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\nCách dùng: ${command.usage}\n`)
      return 2
    }
    // A SQLite refusal (locked by the app, disk full, read-only, not a database) in words.
    const refusal = error instanceof AppError ? error : sqliteAppError(error)
    if (refusal) {
      process.stderr.write(`Lỗi: ${refusal.message}\n`)
      for (const line of detailsToShow(refusal)) process.stderr.write(`  - ${line}\n`)
      return 1
    }
    throw error
  }
}

/**
 * The reader of our output went away (`summary … | head -1`, a closed terminal): there is
 * no one left to tell anything, so end at once and quietly, as Unix tools do. Writes are
 * synchronous transactions, so this can only happen between them, never inside one.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0)
    throw error
  })
}
endQuietlyOnClosedPipe(process.stdout)
endQuietlyOnClosedPipe(process.stderr)

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // The technical reason follows on its own line (in English, for whoever maintains the
    // app); the stack only when asked for (SO_DI_CO_SO_DEBUG=1).
    const reason =
      error instanceof Error
        ? process.env['SO_DI_CO_SO_DEBUG']
          ? (error.stack ?? error.message)
          : error.message
        : String(error)
    process.stderr.write(`Lỗi không mong đợi trong phần mềm.\n  (chi tiết kỹ thuật: ${reason})\n`)
    process.exitCode = 1
  }
)
