/**
 * The folders and files the clerk chose in this session's desktop dialogs (Sao lưu ngay…,
 * Khôi phục từ tệp…). The backup methods accept only these from the window
 * (services/backups/paths.ts), so a page cannot make the app write or restore elsewhere.
 */
import { resolve } from 'node:path'
import type { PathGuard } from '../services/backups/paths'

const picked = new Set<string>()

export const pickedPaths: PathGuard = { picked }

export function rememberPicked(path: string): void {
  picked.add(resolve(path))
}
