/**
 * Sao lưu và khôi phục: the data in use, "Sao lưu ngay" to a folder the clerk picks (a USB
 * stick), the verified automatic snapshots, and restore from one of them or from a picked file.
 */
import { useState } from 'react'
import type { RestoreResult, SnapshotInfo } from '../../../../shared/api/backups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { callApi, useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import '../../styles/backups.css'
import { describeContents, formatMoment, formatSize, kindLabel, lastChangeOf } from './format'
import { RestoreDialog } from './RestoreDialog'

export function BackupsPage() {
  const overview = useApiQuery('backups.list', {})
  const create = useApiMutation('backups.create')
  const restore = useApiMutation('backups.restore')
  const [pending, setPending] = useState<SnapshotInfo | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [problem, setProblem] = useState<ErrorInfo | null>(null)

  const fail = (error: unknown) => {
    setNotice(null)
    setProblem(toErrorInfo(error))
  }

  const backupNow = async () => {
    setProblem(null)
    setNotice(null)
    try {
      let folder: string | undefined
      if (window.desktop) {
        const picked = await window.desktop.pickFolder()
        if (!picked) return
        folder = picked.path
      }
      const saved = await create.mutateAsync(folder === undefined ? {} : { folder })
      setNotice(
        `Đã sao lưu vào ${saved.file}` + (saved.contents ? ` (${describeContents(saved.contents)}).` : '.')
      )
    } catch (error) {
      fail(error)
    }
  }

  const restoreFromFile = async () => {
    setProblem(null)
    setNotice(null)
    try {
      const picked = await window.desktop?.pickBackupFile()
      if (!picked) return
      const info = await callApi('backups.inspect', { file: picked.path })
      if (!info.contents) {
        setProblem({ message: info.problem ?? `Tệp ${info.file} không dùng được để khôi phục.`, details: [] })
        return
      }
      setPending(info)
    } catch (error) {
      fail(error)
    }
  }

  const confirmRestore = async () => {
    if (!pending) return
    try {
      const result: RestoreResult = await restore.mutateAsync({ file: pending.file })
      setPending(null)
      setProblem(null)
      setNotice(
        `Đã khôi phục dữ liệu từ bản sao lưu ${formatMoment(result.restored.takenAt)}.` +
          (result.safetySnapshot
            ? ` Dữ liệu trước đó được giữ ở bản sao lưu ${formatMoment(result.safetySnapshot.takenAt)} (Trước khi khôi phục).`
            : '')
      )
    } catch (error) {
      setPending(null)
      fail(error)
    }
  }

  const data = overview.data
  return (
    <section className="page backups-page">
      <header className="page-header">
        <h1>Sao lưu và khôi phục</h1>
      </header>
      <p className="page-lead">
        Phần mềm tự sao lưu khi mở, trước mỗi lần nhập Excel, trước khi khôi phục hoặc nâng cấp, và mỗi ngày
        khi đang mở. Mỗi bản đều được kiểm tra toàn vẹn; giữ 10 bản gần nhất và một bản cho mỗi tháng trong 12
        tháng.
      </p>
      {overview.error && <ErrorAlert error={toErrorInfo(overview.error)} />}
      {data?.networkWarning && (
        <div className="alert alert-warning" role="alert">
          <div className="alert-body">
            <strong>Dữ liệu nằm trên ổ mạng.</strong> {data.networkWarning}
          </div>
        </div>
      )}
      {data && (
        <div className="panel backups-current">
          <h2>Dữ liệu đang dùng</h2>
          <dl className="backups-facts">
            <dt>Tệp dữ liệu</dt>
            <dd className="path">{data.databaseFile}</dd>
            {data.current && (
              <>
                <dt>Đang có</dt>
                <dd>{describeContents(data.current)}</dd>
                <dt>Thay đổi cuối</dt>
                <dd>{lastChangeOf(data.current)}</dd>
              </>
            )}
          </dl>
          <div className="actions">
            <button type="button" className="btn btn-primary" onClick={backupNow} disabled={create.isPending}>
              {create.isPending ? 'Đang sao lưu…' : 'Sao lưu ngay…'}
            </button>
            {window.desktop && (
              <button type="button" className="btn" onClick={restoreFromFile}>
                Khôi phục từ tệp…
              </button>
            )}
            <span className="backups-hint">
              Sao lưu ngay: chọn thư mục, ví dụ USB, để giữ một bản ngoài máy.
            </span>
          </div>
        </div>
      )}
      {problem && <ErrorAlert error={problem} onClose={() => setProblem(null)} />}
      {notice && (
        <div className="alert alert-success backups-notice" role="status">
          <div className="alert-body">{notice}</div>
        </div>
      )}
      {data && (
        <>
          <h2 className="backups-list-title">Các bản sao lưu tự động</h2>
          <p className="backups-folder">
            Thư mục: <span className="path">{data.snapshotsFolder}</span>
          </p>
          {data.snapshots.length === 0 ? (
            <div className="empty-state">
              <h2>Chưa có bản sao lưu nào</h2>
              <p>
                Bản đầu tiên được tạo khi có dữ liệu: lần mở phần mềm sau, trước lần nhập Excel đầu tiên, hoặc
                khi bấm “Sao lưu ngay”.
              </p>
            </div>
          ) : (
            <div className="table-wrap">
              <table className="data-table backups-table">
                <thead>
                  <tr>
                    <th>Thời điểm</th>
                    <th>Loại</th>
                    <th className="num">Cán bộ</th>
                    <th className="num">Chuyến đi</th>
                    <th className="num">Văn bản</th>
                    <th>Thay đổi cuối</th>
                    <th className="num">Dung lượng</th>
                    <th aria-label="Thao tác" />
                  </tr>
                </thead>
                <tbody>
                  {data.snapshots.map((s) => (
                    <tr key={s.file}>
                      <td>{formatMoment(s.takenAt)}</td>
                      <td>{kindLabel(s)}</td>
                      {s.contents ? (
                        <>
                          <td className="num">{s.contents.cadres}</td>
                          <td className="num">{s.contents.trips}</td>
                          <td className="num">{s.contents.issuedDocuments}</td>
                          <td>{lastChangeOf(s.contents)}</td>
                        </>
                      ) : (
                        <td colSpan={4} className="backups-bad">
                          Không dùng được: {s.problem}
                        </td>
                      )}
                      <td className="num">{formatSize(s.size)}</td>
                      <td className="backups-action">
                        {s.contents && (
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => {
                              setProblem(null)
                              setNotice(null)
                              setPending(s)
                            }}
                          >
                            Khôi phục…
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <RestoreDialog
        snapshot={pending}
        current={data?.current ?? null}
        busy={restore.isPending}
        onConfirm={confirmRestore}
        onCancel={() => setPending(null)}
      />
    </section>
  )
}
