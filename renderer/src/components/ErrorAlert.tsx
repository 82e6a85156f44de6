import type { ErrorInfo } from '../lib/errors'

interface Props {
  error: ErrorInfo
  onClose?: () => void
}

/** A failed call, shown where the clerk is looking; the details list every problem line. */
export function ErrorAlert({ error, onClose }: Props) {
  return (
    <div className="alert alert-error" role="alert">
      <div className="alert-body">
        <strong>{error.message}</strong>
        {error.details.length > 0 && (
          <ul className="alert-details">
            {error.details.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {onClose && (
        <button type="button" className="alert-close" onClick={onClose} aria-label="Đóng thông báo">
          ×
        </button>
      )}
    </div>
  )
}
