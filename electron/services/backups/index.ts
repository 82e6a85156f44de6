/** Sao lưu và khôi phục: verified snapshots of the database, their list, and restore. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { backupsContract } from '../../../shared/api/backups'
import { AppError } from '../../../shared/api/errors'
import { DEFAULT_MIGRATIONS_FOLDER } from '../../db/connection'
import type { ServiceContext } from '../context'
import { backupOverview } from './overview'
import { assertMayRead, assertMayWriteInto } from './paths'
import { takeSnapshot } from './snapshot'
import { describeDatabaseFile } from './verify'

export function backupsHandlers(ctx: ServiceContext): Pick<ApiHandlers, keyof typeof backupsContract> {
  const { file } = ctx.handle
  const migrationsFolder = ctx.handle.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER
  return {
    'backups.status': () => ({ problem: null }),
    'backups.list': () => backupOverview(file, migrationsFolder, ctx.handle.sqlite),
    'backups.create': ({ folder }) => {
      if (folder !== undefined) assertMayWriteInto(ctx.pathGuard, folder)
      return takeSnapshot(ctx.handle.sqlite, file, {
        kind: 'manual',
        nowIso: ctx.clock.now(),
        migrationsFolder,
        ...(folder === undefined ? {} : { folder })
      })
    },
    'backups.inspect': ({ file: picked }) => {
      assertMayRead(ctx.pathGuard, file, picked)
      return describeDatabaseFile(picked, migrationsFolder)
    },
    'backups.restore': ({ file: picked }) => {
      assertMayRead(ctx.pathGuard, file, picked)
      if (!ctx.restore) {
        throw new AppError(
          'CONFLICT',
          'Chỉ khôi phục được trong phần mềm hoặc bằng lệnh: npm run cli -- restore <tệp sao lưu> --db <tệp.sqlite>.'
        )
      }
      return ctx.restore(picked)
    }
  }
}
