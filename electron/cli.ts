/**
 * Sổ đi cơ sở, headless: the same services as the desktop app, from a terminal.
 *   npm run cli -- <command> [options]     (npm run cli -- help)
 * Exit code 0 on success, 1 when the input is refused (messages on stderr), 2 on bad usage.
 */
import { AppError } from '../shared/api/errors'
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
    if (error instanceof AppError) {
      process.stderr.write(`Lỗi: ${error.message}\n`)
      for (const line of error.details) process.stderr.write(`  - ${line}\n`)
      return 1
    }
    throw error
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  }
)
