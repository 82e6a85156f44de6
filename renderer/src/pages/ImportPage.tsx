/**
 * The exchange workbook both ways: import (preview first, then one all-or-nothing commit of
 * exactly the bytes that were previewed, offered for "Hoàn tác" like any write) and export
 * (the empty template or all data, saved where the clerk chooses and said where it went).
 */
import { useState, type ChangeEvent } from 'react'
import { Link } from '@tanstack/react-router'
import type { ImportIssue, ImportPreview, ImportResult } from '../../../shared/api/workbook'
import { formatNumberVi } from '../../../shared/domain/format'
import { ErrorAlert } from '../components/ErrorAlert'
import { callApi, useApiMutation } from '../lib/api'
import { toErrorInfo, type ErrorInfo } from '../lib/errors'
import { readFileAsBase64 } from '../lib/files'
import { saveGeneratedFile } from '../lib/save'
import { ExportOutcomeNotice, type ExportOutcome } from './import/ExportOutcome'
import { AddedRows, RowChanges } from './import/RowChanges'
import { WarningGroups } from './import/WarningGroups'
import '../styles/import.css'

interface Upload {
  fileName: string
  contentBase64: string
}

type Busy = null | 'reading' | 'template' | 'export'

export function ImportPage() {
  const [upload, setUpload] = useState<Upload | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const [exported, setExported] = useState<ExportOutcome | null>(null)
  // Remounting the file input lets the clerk choose the same file again after a fix.
  const [inputKey, setInputKey] = useState(0)
  const [chosenName, setChosenName] = useState<string | null>(null)
  const commit = useApiMutation('workbook.commit')
  const working = busy !== null || commit.isPending

  async function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    setChosenName(file?.name ?? null)
    setPreview(null)
    setResult(null)
    setError(null)
    setUpload(null)
    if (!file) return
    if (file.size === 0) {
      setError({ message: `Tệp "${file.name}" rỗng, không có dữ liệu để nhập.`, details: [] })
      return
    }
    setBusy('reading')
    try {
      const chosen = { fileName: file.name, contentBase64: await readFileAsBase64(file) }
      const p = await callApi('workbook.preview', chosen)
      setUpload(chosen)
      setPreview(p)
    } catch (e) {
      setError(toErrorInfo(e))
    } finally {
      setBusy(null)
    }
  }

  async function onCommit() {
    if (!upload) return
    setError(null)
    try {
      // useApiMutation offers the import for "Hoàn tác" (its result carries the receipt).
      const r = await commit.mutateAsync(upload)
      if (r.committed) {
        setResult(r)
        setPreview(null)
        setUpload(null)
        setChosenName(null)
        setInputKey((k) => k + 1)
      } else {
        // The file was judged again at commit time; show why it was refused.
        setPreview(r)
      }
    } catch (e) {
      setError(toErrorInfo(e))
    }
  }

  async function onExport(template: boolean) {
    setBusy(template ? 'template' : 'export')
    setError(null)
    setExported(null)
    try {
      const file = await callApi('workbook.export', { template })
      const outcome = await saveGeneratedFile(file)
      setExported({ fileName: file.fileName, template, outcome })
    } catch (e) {
      setError(toErrorInfo(e))
    } finally {
      setBusy(null)
    }
  }

  const hasErrors = (preview?.errors.length ?? 0) > 0

  return (
    <section className="page import-page">
      <header className="page-header">
        <h1>Nhập / xuất Excel</h1>
      </header>

      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}

      <div className="panel">
        <h2>Nhập dữ liệu từ tệp Excel</h2>
        <p className="muted">
          Tệp theo mẫu nhập liệu (các trang Ban, Đơn vị, Cán bộ, Miễn giảm, Chuyến đi, Cơ quan, Người ký).
          Phần mềm kiểm tra toàn bộ tệp trước; chỉ khi không có lỗi mới nhập, và nhập tất cả hoặc không nhập
          gì.
        </p>
        {/* The native file button speaks the system's language; this label always speaks Vietnamese. */}
        <div className="file-picker">
          <input
            key={inputKey}
            id="import-file"
            type="file"
            className="file-input"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFileChosen}
            disabled={working}
          />
          <label htmlFor="import-file" className={working ? 'btn btn-primary disabled' : 'btn btn-primary'}>
            Chọn tệp Excel (.xlsx)…
          </label>
          <span className="muted">{chosenName ?? 'Chưa chọn tệp nào.'}</span>
        </div>
        {busy === 'reading' && <p className="loading">Đang đọc và kiểm tra tệp…</p>}

        {preview && (
          <div className="import-preview" data-testid="import-preview">
            <h3>
              Xem trước: <span className="file-name">{preview.fileName}</span>
            </h3>
            {preview.nothingNew && preview.message && (
              <div className="nothing-new" role="status" data-testid="import-nothing-new">
                {preview.message}
              </div>
            )}
            <CountsTable preview={preview} />
            <div className="actions">
              <button
                type="button"
                className="btn btn-primary"
                onClick={onCommit}
                disabled={hasErrors || !preview.canCommit || working}
              >
                {commit.isPending ? 'Đang nhập…' : 'Nhập dữ liệu'}
              </button>
              {hasErrors && <span className="muted">Tệp còn lỗi nên chưa thể nhập.</span>}
              {!hasErrors && preview.nothingNew && <span className="muted">Không có gì để nhập.</span>}
            </div>
            <ErrorList
              title={`Lỗi (${formatNumberVi(preview.errors.length)}): phải sửa trong tệp rồi chọn lại`}
              issues={preview.errors}
            />
            <WarningGroups warnings={preview.warnings} />
            <RowChanges changes={preview.changes} />
            <AddedRows added={preview.added} />
          </div>
        )}

        {result && (
          <div className="alert alert-success import-done" role="status">
            <div className="alert-body">
              <strong>Đã nhập dữ liệu từ tệp {result.fileName}.</strong>
              <CountsTable preview={result} />
              <Link to="/tong-hop-nam">Xem Tổng hợp năm</Link>
            </div>
          </div>
        )}
      </div>

      <div className="panel">
        <h2>Tải tệp Excel</h2>
        <p className="muted">
          Mẫu nhập liệu là tệp trống có sẵn tiêu đề các cột. Bản xuất toàn bộ dữ liệu (kể cả thông tin cơ quan
          và người ký) dùng để lưu trữ hoặc chuyển sang máy khác (nhập lại được nguyên vẹn).
        </p>
        <div className="actions">
          <button type="button" className="btn" onClick={() => onExport(true)} disabled={working}>
            {busy === 'template' ? 'Đang tạo tệp…' : 'Tải mẫu nhập liệu'}
          </button>
          <button type="button" className="btn" onClick={() => onExport(false)} disabled={working}>
            {busy === 'export' ? 'Đang tạo tệp…' : 'Xuất toàn bộ dữ liệu'}
          </button>
        </div>
        {exported && <ExportOutcomeNotice exported={exported} onError={(e) => setError(toErrorInfo(e))} />}
      </div>
    </section>
  )
}

function CountsTable({ preview }: { preview: ImportPreview }) {
  return (
    <table className="data-table counts-table">
      <thead>
        <tr>
          <th>Trang</th>
          <th className="num">Thêm</th>
          <th className="num">Cập nhật</th>
          <th className="num">Không đổi</th>
        </tr>
      </thead>
      <tbody>
        {preview.counts.map((c) => (
          <tr key={c.sheet} data-sheet={c.sheet}>
            <td>{c.sheet}</td>
            <td className="num">{formatNumberVi(c.add)}</td>
            <td className="num">{formatNumberVi(c.update)}</td>
            <td className="num">{formatNumberVi(c.unchanged)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function ErrorList({ title, issues }: { title: string; issues: ImportIssue[] }) {
  if (issues.length === 0) return null
  return (
    <div className="issues issues-error" data-testid="import-errors">
      <h4>{title}</h4>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>{issue.text}</li>
        ))}
      </ul>
    </div>
  )
}
