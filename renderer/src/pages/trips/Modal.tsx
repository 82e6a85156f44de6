/**
 * A modal window for the quick actions (status of several trips, duplicate): a native
 * <dialog>, so focus stays inside and Esc closes it, like components/ConfirmDialog.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'

interface Props {
  open: boolean
  title: string
  children: ReactNode
  onClose(): void
  wide?: boolean
}

export function Modal({ open, title, children, onClose, wide }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      className={wide ? 'confirm-dialog trip-modal trip-modal-wide' : 'confirm-dialog trip-modal'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {open && children}
    </dialog>
  )
}
