/**
 * Saving a generated file: through the desktop's save dialog when the app runs in Electron
 * (window.desktop), as a browser download otherwise (where the file lands is then up to the
 * browser, and it cannot be opened from the app).
 */
import { fileExtension, MIME_BY_EXTENSION, type FileToSave } from '../../../shared/api/desktop'
import { downloadBase64 } from './files'

export type SaveOutcome =
  | { kind: 'saved'; path: string }
  | { kind: 'downloaded' }
  /** The clerk closed the save dialog. */
  | { kind: 'cancelled' }

export const DOCX_MIME = mimeTypeOf('x.docx')

/** The MIME type a browser download needs, from the file's name (the save dialog's types). */
export function mimeTypeOf(fileName: string): string {
  return MIME_BY_EXTENSION[fileExtension(fileName)] ?? 'application/octet-stream'
}

export async function saveGeneratedFile(file: FileToSave): Promise<SaveOutcome> {
  if (window.desktop) {
    const saved = await window.desktop.saveFile(file)
    return saved ? { kind: 'saved', path: saved.path } : { kind: 'cancelled' }
  }
  downloadBase64(file.fileName, file.contentBase64, mimeTypeOf(file.fileName))
  return { kind: 'downloaded' }
}

export function canOpenSavedFiles(): boolean {
  return window.desktop !== undefined
}

export async function openSavedFile(path: string): Promise<void> {
  if (!window.desktop) throw new Error('Chỉ mở được tệp khi dùng phần mềm trên máy tính.')
  await window.desktop.openPath(path)
}
