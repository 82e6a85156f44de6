/**
 * What became of the last export: the number the register gave (or that it is a draft), where
 * the file went, and a button to open it. A numbered document whose save dialog was closed
 * keeps its number, so the same file can still be saved instead of taking a new number.
 */
import type { IssuedFile } from '../../../../shared/api/documents'
import { formatDateVi } from '../../../../shared/domain/dates'
import { canOpenSavedFiles, openSavedFile, type SaveOutcome } from '../../lib/save'

export interface ExportState {
  file: IssuedFile
  /** Null while the save dialog is open. */
  outcome: SaveOutcome | null
}

interface Props {
  state: ExportState
  onSaveAgain: () => void
  onError: (error: unknown) => void
}

/** "C:\\Users\\…\\Documents\\bao-cao.docx" → folder and name (Windows or POSIX separators). */
function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return { folder: path.slice(0, Math.max(cut, 0)), name: path.slice(cut + 1) }
}

/**
 * Compact on purpose: it sits in the form's footer, under the export button, so every line it
 * takes is a line less of the form. The folder is one line (the whole path on hover) and the
 * notes fold away under "Lưu ý".
 */
export function ExportNotice({ state, onSaveAgain, onError }: Props) {
  const { file, outcome } = state
  const cancelled = outcome?.kind === 'cancelled'
  return (
    <div
      className={cancelled ? 'export-notice warn' : 'export-notice'}
      role="status"
      data-testid="export-notice"
    >
      <div className="export-number">
        {file.outcome === 'numbered' && file.issued && (
          <>
            Đã cấp số <strong>{file.issued.symbol}</strong> ngày {formatDateVi(file.issued.issuedDate)} và ghi
            vào sổ văn bản đi.
          </>
        )}
        {file.outcome === 'draft' && <>Bản nháp: để trống số và ngày, không ghi vào sổ văn bản đi.</>}
        {file.outcome === 'dated' && <>Đã xuất văn bản (ghi ngày hôm nay, không lấy số văn bản đi).</>}
      </div>
      {outcome === null && <div className="muted">Đang chờ chọn nơi lưu tệp…</div>}
      {outcome?.kind === 'saved' && (
        <div className="export-saved">
          {canOpenSavedFiles() && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => openSavedFile(outcome.path).catch(onError)}
            >
              Mở tệp
            </button>
          )}
          <div className="export-file" title={outcome.path}>
            <div className="export-file-name">{splitPath(outcome.path).name}</div>
            <div className="file-path">Thư mục: {splitPath(outcome.path).folder}</div>
          </div>
        </div>
      )}
      {outcome?.kind === 'downloaded' && <div>Tệp {file.fileName} đã được tải xuống.</div>}
      {cancelled && (
        <div className="export-path">
          Chưa lưu tệp.
          <button type="button" className="btn btn-small" onClick={onSaveAgain}>
            Lưu tệp…
          </button>
        </div>
      )}
      {file.notes.length > 0 && (
        <details className="export-notes">
          <summary>Lưu ý ({file.notes.length})</summary>
          <ul>
            {file.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
