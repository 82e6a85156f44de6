/**
 * What to create for the days chosen on the calendar: a registration (the registration form,
 * prefilled with the cadre, the dates and the round holding them) or a trip (the trip form,
 * "Dự kiến" when the days are still to come). A native modal <dialog>: focus stays inside, Esc closes.
 */
import { Link } from '@tanstack/react-router'
import { useEffect, useId, useRef } from 'react'
import { addDays, formatDateVi, inclusiveDays } from '../../../../../shared/domain/dates'
import { publicHolidaysBetween, isWeekend } from '../../../../../shared/domain/holidays'
import type { Selection } from './TeamGrid'

interface Props {
  selection: Selection | null
  onClose(): void
}

export function CreateChoice({ selection, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (selection && !dialog.open) dialog.showModal()
    if (!selection && dialog.open) dialog.close()
  }, [selection])

  const days = selection ? inclusiveDays(selection.from, selection.to) : 0
  const holidays = selection ? publicHolidaysBetween(selection.from, selection.to) : []
  const weekendDays = selection ? countWeekend(selection.from, days) : 0
  const search = selection ? { cadre: selection.cadre.code, from: selection.from, to: selection.to } : {}
  const registration = selection?.round ? { ...search, round: selection.round } : search
  // A trip not yet made is planned: "Đã thực hiện" on a future day would only draw a warning.
  const trip =
    selection && selection.from > selection.today ? { ...search, status: 'DU_KIEN' as const } : search

  return (
    <dialog
      ref={ref}
      className="confirm-dialog cal-create"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {selection && (
        <>
          <h2 id={titleId}>
            Tạo cho {selection.cadre.code} {selection.cadre.fullName}
          </h2>
          <div className="confirm-dialog-body">
            <p className="cal-create-dates" data-testid="cal-create-dates">
              {selection.from === selection.to
                ? `Ngày ${formatDateVi(selection.from)}`
                : `Từ ${formatDateVi(selection.from)} đến ${formatDateVi(selection.to)}`}{' '}
              ({days} ngày)
            </p>
            {holidays.length > 0 && (
              <p className="cal-create-note">
                Có ngày nghỉ lễ: {holidays.map((h) => `${formatDateVi(h.date)} ${h.name}`).join('; ')}.
              </p>
            )}
            {weekendDays > 0 && <p className="cal-create-note">Có {weekendDays} ngày thứ Bảy, Chủ nhật.</p>}
            {selection.round !== null && <p className="cal-create-round">Trong Đợt {selection.round}.</p>}
          </div>
          <div className="confirm-dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Hủy
            </button>
            <Link
              to="/ke-hoach-quy/dang-ky"
              search={registration}
              className="btn btn-primary"
              onClick={onClose}
              autoFocus
            >
              Đăng ký
            </Link>
            <Link to="/chuyen-di/them" search={trip} className="btn" onClick={onClose}>
              Chuyến đi
            </Link>
          </div>
        </>
      )}
    </dialog>
  )
}

function countWeekend(from: string, days: number): number {
  let n = 0
  for (let i = 0; i < days; i++) if (isWeekend(addDays(from, i))) n++
  return n
}
