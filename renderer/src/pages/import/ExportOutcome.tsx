/**
 * Where the exported workbook went: the folder and name the save dialog gave (with "Mở tệp"),
 * the browser's download folder, or that nothing was saved because the dialog was closed.
 */
import { canOpenSavedFiles, openSavedFile, type SaveOutcome } from '../../lib/save'

export interface ExportOutcome {
  fileName: string
  template: boolean
  outcome: SaveOutcome
}

/** "C:\\Users\\…\\Documents\\so-di-co-so.xlsx" → folder and name (Windows or POSIX separators). */
function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return { folder: path.slice(0, Math.max(cut, 0)), name: path.slice(cut + 1) }
}

export function ExportOutcomeNotice({
  exported,
  onError
}: {
  exported: ExportOutcome
  onError: (error: unknown) => void
}) {
  const { outcome } = exported
  const what = exported.template ? 'Mẫu nhập liệu' : 'Toàn bộ dữ liệu'
  if (outcome.kind === 'cancelled') {
    return (
      <div className="export-outcome warn" role="status" data-testid="workbook-export-outcome">
        Chưa lưu tệp {exported.fileName}: hộp thoại lưu đã được đóng.
      </div>
    )
  }
  if (outcome.kind === 'downloaded') {
    return (
      <div className="export-outcome" role="status" data-testid="workbook-export-outcome">
        {what} đã được tải xuống thành tệp <strong>{exported.fileName}</strong>, trong thư mục tải xuống của
        trình duyệt.
      </div>
    )
  }
  const { folder, name } = splitPath(outcome.path)
  return (
    <div className="export-outcome" role="status" data-testid="workbook-export-outcome">
      <div className="export-outcome-text">
        <div>
          {what} đã được lưu: <strong className="export-outcome-name">{name}</strong>
        </div>
        <div className="export-outcome-path" title={outcome.path}>
          Thư mục: {folder}
        </div>
      </div>
      {canOpenSavedFiles() && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => openSavedFile(outcome.path).catch(onError)}
        >
          Mở tệp
        </button>
      )}
    </div>
  )
}
