/**
 * The confirmation before a restore: what the chosen copy holds, and that the data in use is
 * snapshotted first ("Trước khi khôi phục"), so the restore itself can be undone from the list.
 */
import type { DatabaseContents, SnapshotInfo } from '../../../../shared/api/backups'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { describeContents, formatMoment, kindLabel, lastChangeOf } from './format'

interface Props {
  snapshot: SnapshotInfo | null
  current: DatabaseContents | null
  busy: boolean
  onConfirm(): void
  onCancel(): void
}

export function RestoreDialog({ snapshot, current, busy, onConfirm, onCancel }: Props) {
  return (
    <ConfirmDialog
      open={snapshot !== null}
      title="Khôi phục dữ liệu từ bản sao lưu?"
      confirmLabel="Khôi phục"
      danger
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {snapshot?.contents && (
        <div className="restore-summary">
          <p>
            Bản sao lưu <strong>{formatMoment(snapshot.takenAt)}</strong> ({kindLabel(snapshot).toLowerCase()}
            ) gồm:
          </p>
          <ul>
            <li>{describeContents(snapshot.contents)};</li>
            <li>
              {snapshot.contents.changes} thay đổi trong lịch sử, thay đổi cuối lúc{' '}
              {lastChangeOf(snapshot.contents)}.
            </li>
          </ul>
          <p className="restore-file">{snapshot.file}</p>
          {current ? (
            <p>
              Dữ liệu đang dùng ({describeContents(current)}) sẽ được <strong>sao lưu trước</strong> (loại
              “Trước khi khôi phục”), rồi mới được thay bằng bản này.
            </p>
          ) : (
            <p>Tệp dữ liệu hiện tại đã hỏng và đã được chuyển đi; bản này sẽ thành dữ liệu đang dùng.</p>
          )}
        </div>
      )}
    </ConfirmDialog>
  )
}
