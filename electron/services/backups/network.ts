/**
 * A data folder on a network share: SQLite's WAL needs shared memory between the processes
 * using the file, which network file systems do not provide, so two PCs (or one PC after a
 * dropped connection) can corrupt it. We warn; we do not refuse (some offices have no choice).
 */
import { statfsSync } from 'node:fs'

/** statfs magic numbers of network file systems (Linux): NFS, CIFS, SMB2, SMB, Coda, AFS. */
const NETWORK_FS_TYPES = new Set([0x6969, 0xff534d42, 0xfe534d42, 0x517b, 0x73757245, 0x5346414f])

export function isNetworkLocation(folder: string, platform: NodeJS.Platform, fsType: number | null): boolean {
  // \\server\share\... (UNC): Windows' way of naming a share; //server/share the same in slashes.
  if (/^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(folder)) return true
  return platform === 'linux' && fsType !== null && NETWORK_FS_TYPES.has(fsType)
}

export function networkShareWarning(folder: string): string | null {
  let fsType: number | null = null
  try {
    fsType = Number(statfsSync(folder).type)
  } catch {
    fsType = null
  }
  return isNetworkLocation(folder, process.platform, fsType)
    ? `Thư mục dữ liệu ${folder} nằm trên ổ mạng (thư mục chia sẻ). SQLite không an toàn khi dùng qua mạng: ` +
        'hai máy cùng mở, hoặc mạng chập chờn, có thể làm hỏng dữ liệu. Hãy để dữ liệu trên ổ đĩa của máy này ' +
        'và dùng "Sao lưu ngay" để chép sang nơi khác.'
    : null
}
