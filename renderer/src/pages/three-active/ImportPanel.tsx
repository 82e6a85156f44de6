/**
 * "Nhập từ Excel": the two 3CĐ sheets of an exchange workbook (another office's, or this
 * office's after editing), checked first (counts and every problem, nothing written), then
 * brought in all at once; "Hoàn tác" reverts the whole file.
 */
import { useState } from 'react'
import type { ThreeActiveImportResult } from '../../../../shared/api/three-active'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useApiMutation } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import { readFileAsBase64 } from '../../lib/files'

export function ImportPanel() {
  const run = useApiMutation('threeActive.importWorkbook')
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null)
  const [preview, setPreview] = useState<ThreeActiveImportResult | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)

  const choose = async (chosen: File | undefined) => {
    setPreview(null)
    setDone(null)
    setError(null)
    if (!chosen) return setFile(null)
    try {
      const picked = { fileName: chosen.name, contentBase64: await readFileAsBase64(chosen) }
      setFile(picked)
      setPreview(await run.mutateAsync({ ...picked, commit: false }))
    } catch (e) {
      setError(toErrorInfo(e))
    }
  }

  return (
    <div className="panel" aria-label="Nhập từ Excel">
      <h2>Nhập từ Excel (trang &quot;3CĐ Đăng ký&quot;, &quot;3CĐ Đánh giá&quot;)</h2>
      <div className="tcd-file-row">
        <input
          id="tcd-import-file"
          type="file"
          accept=".xlsx"
          className="file-input"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <label htmlFor="tcd-import-file" className="btn">
          Chọn tệp Excel (.xlsx)…
        </label>
        <span className="muted">{file ? file.fileName : 'Chưa chọn tệp nào.'}</span>
      </div>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {preview && (
        <div className="tcd-import-preview">
          <p>
            {preview.fileName}: {preview.registrations} dòng đăng ký, {preview.marks} dòng đánh giá của{' '}
            {preview.evaluatedUnits} đơn vị.
          </p>
          {preview.errors.length > 0 ? (
            <ErrorAlert
              error={{
                message: `Tệp có ${preview.errors.length} lỗi, chưa nhập được:`,
                details: preview.errors
              }}
            />
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              disabled={run.isPending || !file}
              onClick={() => {
                if (!file) return
                run
                  .mutateAsync({ ...file, commit: true })
                  .then((r) => {
                    setPreview(null)
                    setDone(r.change?.label ?? 'Đã nhập.')
                  })
                  .catch((e: unknown) => setError(toErrorInfo(e)))
              }}
            >
              Nhập vào phần mềm
            </button>
          )}
        </div>
      )}
      {done && (
        <p className="alert alert-success" role="status">
          {done}
        </p>
      )}
    </div>
  )
}
