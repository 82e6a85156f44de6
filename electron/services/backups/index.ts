/** Sao lưu và khôi phục: verified snapshots of the database, their list, and restore. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { backupsContract } from '../../../shared/api/backups'
import type { ServiceContext } from '../context'

export function backupsHandlers(_ctx: ServiceContext): Pick<ApiHandlers, keyof typeof backupsContract> {
  return {}
}
