/**
 * The screen the app opens on when its database failed the integrity check at start: what
 * happened in plain words, where the damaged file went (kept, never rewritten), and the newest
 * snapshot that passes the check, with its date and contents and a button to restore it.
 */
import { Link, useNavigate } from '@tanstack/react-router'
import { useState } from 'react'
import type { SnapshotInfo } from '../../../../shared/api/backups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { callApi, useApiMutation, useApiQuery } from '../../lib/api'
import { toErrorInfo, type ErrorInfo } from '../../lib/errors'
import '../../styles/backups.css'
import { describeContents, formatMoment, kindLabel, lastChangeOf } from './format'
import { RestoreDialog } from './RestoreDialog'

export function CorruptDatabasePage() {
  const status = useApiQuery('backups.status', {})
  const restore = useApiMutation('backups.restore')
  const navigate = useNavigate()
  const [pending, setPending] = useState<SnapshotInfo | null>(null)
  const [problem, setProblem] = useState<ErrorInfo | null>(null)

  const confirmRestore = async () => {
    if (!pending) return
    try {
      await restore.mutateAsync({ file: pending.file })
      setPending(null)
      await navigate({ to: '/sao-luu' })
    } catch (error) {
      setPending(null)
      setProblem(toErrorInfo(error))
    }
  }

  const pickFile = async () => {
    setProblem(null)
    try {
      const picked = await window.desktop?.pickBackupFile()
      if (!picked) return
      const info = await callApi('backups.inspect', { file: picked.path })
      if (info.contents) setPending(info)
      else
        setProblem({ message: info.problem ?? `Tệp ${info.file} không dùng được để khôi phục.`, details: [] })
    } catch (error) {
      setProblem(toErrorInfo(error))
    }
  }

  const damage = status.data?.problem
  return (
    <section className="page corrupt-page">
      <header className="page-header">
        <h1>Cơ sở dữ liệu bị hỏng</h1>
      </header>
      {status.error && <ErrorAlert error={toErrorInfo(status.error)} />}
      {status.data && !damage && (
        <div className="panel">
          <p>Cơ sở dữ liệu đang dùng bình thường, không cần khôi phục.</p>
          <Link to="/sao-luu">Mở trang Sao lưu và khôi phục</Link>
        </div>
      )}
      {damage && (
        <>
          <div className="panel corrupt-what">
            <h2>Chuyện gì đã xảy ra</h2>
            <p>
              Khi mở phần mềm, tệp dữ liệu <strong>không qua được kiểm tra toàn vẹn</strong>: một phần của tệp
              đã bị ghi hỏng (thường do mất điện, ổ đĩa lỗi, hoặc rút USB khi đang ghi). Để không làm hỏng
              thêm, phần mềm không ghi gì vào tệp đó mà chuyển nguyên tệp sang một thư mục riêng.
            </p>
            <dl className="backups-facts">
              <dt>Tệp hỏng được giữ tại</dt>
              <dd className="path">{damage.quarantinedTo ?? 'chưa chuyển được (tệp vẫn ở chỗ cũ)'}</dd>
              <dt>Tệp dữ liệu</dt>
              <dd className="path">{damage.databaseFile}</dd>
            </dl>
            <p className="corrupt-keep">
              Đừng xóa thư mục trên: kỹ thuật viên có thể cứu thêm dữ liệu từ tệp hỏng nếu cần.
            </p>
          </div>
          <div className="panel corrupt-offer">
            <h2>Bản sao lưu gần nhất còn tốt</h2>
            {damage.newestVerified?.contents ? (
              <>
                <p>
                  <strong>{formatMoment(damage.newestVerified.takenAt)}</strong> (
                  {kindLabel(damage.newestVerified).toLowerCase()}
                  ), đã kiểm tra toàn vẹn.
                </p>
                <dl className="backups-facts">
                  <dt>Gồm</dt>
                  <dd>{describeContents(damage.newestVerified.contents)}</dd>
                  <dt>Thay đổi cuối</dt>
                  <dd>{lastChangeOf(damage.newestVerified.contents)}</dd>
                </dl>
                <p className="corrupt-keep">
                  Những gì nhập sau thời điểm này (nếu có) cần nhập lại, ví dụ từ tệp Excel hoặc giấy tờ gốc.
                </p>
                <div className="actions">
                  <button
                    type="button"
                    className="btn btn-primary"
                    onClick={() => setPending(damage.newestVerified)}
                  >
                    Khôi phục bản sao lưu này…
                  </button>
                  {window.desktop && (
                    <button type="button" className="btn" onClick={pickFile}>
                      Chọn tệp sao lưu khác…
                    </button>
                  )}
                  <Link to="/sao-luu">Xem mọi bản sao lưu</Link>
                </div>
              </>
            ) : (
              <>
                <p>
                  Không tìm thấy bản sao lưu nào còn tốt trong thư mục SaoLuu. Nếu có bản sao lưu trên USB,
                  hãy chọn tệp đó.
                </p>
                <div className="actions">
                  {window.desktop && (
                    <button type="button" className="btn btn-primary" onClick={pickFile}>
                      Chọn tệp sao lưu…
                    </button>
                  )}
                </div>
              </>
            )}
          </div>
        </>
      )}
      {problem && <ErrorAlert error={problem} onClose={() => setProblem(null)} />}
      <RestoreDialog
        snapshot={pending}
        current={null}
        busy={restore.isPending}
        onConfirm={confirmRestore}
        onCancel={() => setPending(null)}
      />
    </section>
  )
}
