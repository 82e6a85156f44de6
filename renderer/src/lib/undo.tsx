/**
 * One place for "Hoàn tác": every write that returns a change receipt lands here (through
 * useApiMutation), the bar at the bottom of the window offers to undo the latest, and Ctrl+Z
 * does the same when the cursor is not in a text field (where Ctrl+Z undoes typing).
 * Undo calls the history service, which reverts the batch from its recorded rows.
 */
import { useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { ChangeReceipt } from '../../../shared/api/history'
import { toErrorInfo } from './errors'

interface Notice {
  kind: 'saved' | 'undone' | 'error'
  text: string
  /** The batch "Hoàn tác" would revert (saved notices only). */
  receipt: ChangeReceipt | null
}

interface UndoApi {
  /** Offers the latest write for undo (replaces the previous offer). */
  offer(receipt: ChangeReceipt): void
  /** Undoes the latest offered write, if any. */
  undoLatest(): Promise<void>
  notice: Notice | null
  dismiss(): void
  busy: boolean
}

const UndoContext = createContext<UndoApi | null>(null)

export function useUndo(): UndoApi {
  const api = useContext(UndoContext)
  if (!api) throw new Error('useUndo cần UndoProvider')
  return api
}

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement) return true
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(target.type)
  }
  return false
}

export function UndoProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState(false)

  const offer = useCallback((receipt: ChangeReceipt) => {
    setNotice({ kind: 'saved', text: `Đã lưu: ${receipt.label}.`, receipt })
  }, [])

  const undoLatest = useCallback(async () => {
    const receipt = notice?.kind === 'saved' ? notice.receipt : null
    if (!receipt || busy) return
    setBusy(true)
    try {
      const result = await window.api['history.undo']({ batchId: receipt.batchId })
      setNotice({ kind: 'undone', text: `Đã hoàn tác: ${result.undone.label}.`, receipt: null })
      await queryClient.invalidateQueries()
    } catch (error) {
      setNotice({ kind: 'error', text: toErrorInfo(error).message, receipt: null })
    } finally {
      setBusy(false)
    }
  }, [notice, busy, queryClient])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return
      if (event.key.toLowerCase() !== 'z' || isTextEntry(event.target)) return
      if (notice?.kind !== 'saved') return
      event.preventDefault()
      void undoLatest()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [notice, undoLatest])

  const api = useMemo<UndoApi>(
    () => ({ offer, undoLatest, notice, dismiss: () => setNotice(null), busy }),
    [offer, undoLatest, notice, busy]
  )
  return <UndoContext.Provider value={api}>{children}</UndoContext.Provider>
}

/** The bar at the bottom of the window: the last write, and "Hoàn tác" for it. */
export function UndoBar() {
  const { notice, undoLatest, dismiss, busy } = useUndo()
  if (!notice) return null
  return (
    <div className={`undo-bar undo-bar-${notice.kind}`} role="status" aria-live="polite">
      <span className="undo-bar-text">{notice.text}</span>
      {notice.kind === 'saved' && (
        <button type="button" className="btn btn-small" onClick={() => void undoLatest()} disabled={busy}>
          Hoàn tác <kbd>Ctrl+Z</kbd>
        </button>
      )}
      <button type="button" className="undo-bar-close" onClick={dismiss} aria-label="Đóng thông báo">
        ×
      </button>
    </div>
  )
}
