/** How the backup pages write times, sizes and what a database holds, in the clerk's terms. */
import type { DatabaseContents, SnapshotInfo } from '../../../../shared/api/backups'
import { SNAPSHOT_KIND_LABELS } from '../../../../shared/api/backups'
import { formatDateVi } from '../../../../shared/domain/dates'

const pad = (n: number) => String(n).padStart(2, '0')

/** "29/11/2026 23:40" in the PC's local time (snapshot names are in UTC). */
export function formatMoment(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return `${formatDateVi(day)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const sizeFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })

/** "1,2 MB", "640 KB": decimal comma, as the clerk writes numbers. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${sizeFormat.format(bytes / 1024 / 1024)} MB`
  return `${sizeFormat.format(Math.max(1, Math.round(bytes / 1024)))} KB`
}

export function kindLabel(snapshot: SnapshotInfo): string {
  return snapshot.kind ? SNAPSHOT_KIND_LABELS[snapshot.kind] : 'Tệp chọn từ máy'
}

/** "18 cán bộ, 240 chuyến đi, 31 đơn vị, 2 văn bản đã cấp số". */
export function describeContents(contents: DatabaseContents): string {
  return (
    `${contents.cadres} cán bộ, ${contents.trips} chuyến đi, ${contents.units} đơn vị, ` +
    `${contents.issuedDocuments} văn bản đã cấp số`
  )
}

export function lastChangeOf(contents: DatabaseContents): string {
  return contents.lastChange ? formatMoment(contents.lastChange) : 'chưa có thay đổi'
}
