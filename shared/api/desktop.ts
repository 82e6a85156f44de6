/**
 * `window.desktop`: the two things only the operating system can do for the renderer, kept
 * apart from `window.api` because they are not services (no database, no CLI equivalent).
 * In a plain browser it is absent and the renderer falls back to a download. The channels are
 * in electron/preload/channel.ts (the sandboxed preload imports nothing else of ours).
 */

/** File types the save dialog offers, by extension (lower case, with the dot). */
export const SAVE_FILTERS: Readonly<Record<string, { name: string; extensions: string[] }>> = {
  '.docx': { name: 'Tài liệu Word', extensions: ['docx'] },
  '.xlsx': { name: 'Bảng tính Excel', extensions: ['xlsx'] },
  // Tổng quan saves its charts as images for reports and slides.
  '.png': { name: 'Ảnh PNG', extensions: ['png'] },
  // The plan a grassroots union attached to its "3 chủ động" registration, saved back as it came.
  '.pdf': { name: 'Tài liệu PDF', extensions: ['pdf'] },
  '.doc': { name: 'Tài liệu Word 97–2003', extensions: ['doc'] },
  '.odt': { name: 'Văn bản OpenDocument', extensions: ['odt'] },
  '.xls': { name: 'Bảng tính Excel 97–2003', extensions: ['xls'] },
  '.jpg': { name: 'Ảnh JPEG', extensions: ['jpg'] },
  '.jpeg': { name: 'Ảnh JPEG', extensions: ['jpeg'] }
}

/** The refusal when a file of another type is handed to the save dialog. */
export function unsavableFileMessage(fileName: string): string {
  return `Không lưu được tệp "${fileName}": chỉ lưu tệp Word, PDF, Excel, OpenDocument hoặc ảnh (${Object.keys(SAVE_FILTERS).join(', ')}).`
}

/** The lower-case extension of a file name, with its dot ("" when it has none). */
export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase()
}

/** The MIME type of a file type the save dialog offers (a browser download needs one). */
export const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.xls': 'application/vnd.ms-excel',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg'
}

export interface FileToSave {
  /** The suggested name (no folder). */
  fileName: string
  contentBase64: string
}

/** What the main process answers on the desktop channels (errors are Vietnamese, for the clerk). */
export type DesktopReply<T> = { ok: true; value: T } | { ok: false; message: string }

export interface DesktopApi {
  /** Asks where to save (in the Documents folder by default); null when the clerk cancels. */
  saveFile(file: FileToSave): Promise<{ path: string } | null>
  /** Opens a file this session saved with the program the system associates with it. */
  openPath(path: string): Promise<void>
  /** Asks for a folder to put a backup in (a USB stick); null when the clerk cancels. */
  pickFolder(): Promise<{ path: string } | null>
  /** Asks for a backup file (.sqlite) to restore from; null when the clerk cancels. */
  pickBackupFile(): Promise<{ path: string } | null>
}

/** The file types the "restore from a file" dialog offers. */
export const BACKUP_FILE_FILTERS = [{ name: 'Bản sao lưu Sổ đi cơ sở', extensions: ['sqlite', 'db'] }]
