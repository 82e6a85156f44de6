/**
 * Where snapshots live and how they are named: "SaoLuu" beside the database, one file per
 * snapshot named sao-luu-<UTC time>-<kind>.sqlite. The name carries the time and the kind, so
 * listing needs no side file that could disagree with the folder. A file still being written
 * ends in .tmp and never counts.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { SNAPSHOT_KINDS, type SnapshotKind } from '../../../shared/api/backups'

export const SNAPSHOTS_FOLDER = 'SaoLuu'
export const TEMP_SUFFIX = '.tmp'

export function snapshotsFolderOf(databaseFile: string): string {
  return join(dirname(databaseFile), SNAPSHOTS_FOLDER)
}

/** "2026-11-29T23-40-12-345Z": the ISO time with the characters Windows refuses replaced. */
function stampOf(iso: string): string {
  return new Date(iso).toISOString().replace(/[:.]/g, '-')
}

const NAME_PATTERN = new RegExp(
  `^sao-luu-(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(${SNAPSHOT_KINDS.join('|')})(?:-(\\d+))?\\.sqlite$`
)

/**
 * A free name for a snapshot taken at `iso` in `folder`: a counter after the highest one
 * already used in that millisecond (never a gap left by rotation, which would sort older).
 */
export function snapshotFileName(folder: string, kind: SnapshotKind, iso: string): string {
  const base = `sao-luu-${stampOf(iso)}-${kind}`
  const taken = (name: string) =>
    existsSync(join(folder, name)) || existsSync(join(folder, name + TEMP_SUFFIX))
  let highest = 0
  if (existsSync(folder)) {
    for (const name of readdirSync(folder)) {
      if (name === `${base}.sqlite` || name === `${base}.sqlite${TEMP_SUFFIX}`) highest = Math.max(highest, 1)
      const counted = name.startsWith(`${base}-`) ? /^-(\d+)\.sqlite/.exec(name.slice(base.length)) : null
      if (counted) highest = Math.max(highest, Number(counted[1]))
    }
  }
  if (highest === 0 && !taken(`${base}.sqlite`)) return `${base}.sqlite`
  return `${base}-${Math.max(highest, 1) + 1}.sqlite`
}

export interface SnapshotName {
  kind: SnapshotKind
  takenAt: string
  /** 1, then 2, 3… for snapshots taken in the same millisecond (the name's counter). */
  sequence: number
}

export function parseSnapshotName(name: string): SnapshotName | null {
  const match = NAME_PATTERN.exec(name)
  if (!match) return null
  const [, day, h, m, s, ms, kind, counter] = match
  return {
    kind: kind as SnapshotKind,
    takenAt: `${day}T${h}:${m}:${s}.${ms}Z`,
    sequence: counter ? Number(counter) : 1
  }
}

export interface StoredSnapshot extends SnapshotName {
  name: string
  file: string
  size: number
}

/** Our finished snapshots in `folder`, newest first (temp files and anything else ignored). */
export function listSnapshotFiles(folder: string): StoredSnapshot[] {
  if (!existsSync(folder)) return []
  const found: StoredSnapshot[] = []
  for (const name of readdirSync(folder)) {
    const parsed = parseSnapshotName(name)
    if (!parsed) continue
    const file = join(folder, name)
    found.push({ ...parsed, name, file, size: statSync(file).size })
  }
  return found.sort((a, b) =>
    // Same millisecond: the higher counter is the newer.
    a.takenAt === b.takenAt ? b.sequence - a.sequence : b.takenAt.localeCompare(a.takenAt)
  )
}

/** Temp files older than an hour are leftovers of a snapshot killed half-way: removed. */
export function removeStaleTempFiles(folder: string, nowMs: number): void {
  if (!existsSync(folder)) return
  for (const name of readdirSync(folder)) {
    if (!name.endsWith(TEMP_SUFFIX)) continue
    const file = join(folder, name)
    if (nowMs - statSync(file).mtimeMs > 3_600_000) rmSync(file, { force: true })
  }
}
