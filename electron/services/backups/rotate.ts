/**
 * Rotation: the newest 10 snapshots, plus the newest one of each of the last 12 months, so a
 * mistake found weeks later can still be undone from a month-end copy while the folder
 * stays small (a five-year office database is a few MB).
 */
import { rmSync } from 'node:fs'
import { listSnapshotFiles, type StoredSnapshot } from './store'

export interface RotationPolicy {
  keepLast: number
  months: number
}

export const DEFAULT_ROTATION: RotationPolicy = { keepLast: 10, months: 12 }

/** Month index (year × 12 + month) of an ISO timestamp, in UTC like the names. */
function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1
}

/** The names to keep, given snapshots newest first. Pure, so the policy is tested directly. */
export function snapshotsToKeep(
  snapshots: ReadonlyArray<Pick<StoredSnapshot, 'name' | 'takenAt'>>,
  nowIso: string,
  policy: RotationPolicy = DEFAULT_ROTATION
): Set<string> {
  const sorted = [...snapshots].sort((a, b) => b.takenAt.localeCompare(a.takenAt))
  const keep = new Set(sorted.slice(0, policy.keepLast).map((s) => s.name))
  const current = monthIndex(nowIso)
  const seenMonths = new Set<number>()
  for (const snapshot of sorted) {
    const month = monthIndex(snapshot.takenAt)
    if (current - month >= policy.months || seenMonths.has(month)) continue
    seenMonths.add(month)
    keep.add(snapshot.name)
  }
  return keep
}

/** Deletes the snapshots the policy drops; returns their names. */
export function rotateSnapshots(
  folder: string,
  nowIso: string,
  policy: RotationPolicy = DEFAULT_ROTATION,
  /** The snapshot just taken: kept whatever the order of snapshots taken in the same millisecond. */
  justTaken?: string
): string[] {
  const all = listSnapshotFiles(folder)
  const keep = snapshotsToKeep(all, nowIso, policy)
  if (justTaken) keep.add(justTaken)
  const dropped = all.filter((s) => !keep.has(s.name))
  for (const s of dropped) rmSync(s.file, { force: true })
  return dropped.map((s) => s.name)
}
