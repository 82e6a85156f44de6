/** Sao lưu và khôi phục: verified snapshots of the database, their list, and restore. */
import './zod-vi'

export const backupsContract = {} as const
