/**
 * A chart's frame: title, a legend in HTML (readable, wraps on a narrow screen), the chart,
 * and "Lưu ảnh PNG", which saves the chart with its title and legend (charts/png.ts).
 */
import { useRef, useState, type ReactNode } from 'react'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { toErrorInfo, type ErrorInfo } from '../../../lib/errors'
import { saveGeneratedFile } from '../../../lib/save'
import { chartToPngBase64, type LegendEntry } from './png'

interface Props {
  /** Used for the test id and the panel's label. */
  id: string
  title: string
  /** A line under the title (what is counted, up to which date). */
  note?: ReactNode
  legend?: LegendEntry[]
  /** The PNG's name, without folder. */
  fileName: string
  /** False when there is nothing to draw: no button, the children say why. */
  drawable?: boolean
  className?: string
  children: ReactNode
}

export function Legend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="chart-legend">
      {entries.map((e) => (
        <li key={e.label}>
          <span className={`legend-mark legend-${e.shape}`} style={{ color: e.color }} aria-hidden="true" />
          {e.label}
        </li>
      ))}
    </ul>
  )
}

export function ChartPanel({
  id,
  title,
  note,
  legend,
  fileName,
  drawable = true,
  className,
  children
}: Props) {
  const box = useRef<HTMLDivElement>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)

  async function savePng() {
    if (!box.current) return
    setBusy(true)
    setError(null)
    setSaved(null)
    try {
      const contentBase64 = await chartToPngBase64(box.current, title, legend ?? [])
      const outcome = await saveGeneratedFile({ fileName, contentBase64 })
      if (outcome.kind === 'saved') setSaved(`Đã lưu ảnh: ${outcome.path}`)
      if (outcome.kind === 'downloaded') setSaved(`Đã tải ảnh ${fileName} về máy.`)
    } catch (e) {
      setError(toErrorInfo(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      className={`dash-panel chart-panel ${className ?? ''}`}
      data-testid={`chart-${id}`}
      aria-labelledby={`chart-${id}-title`}
    >
      <header className="dash-panel-header">
        <div>
          <h2 id={`chart-${id}-title`}>{title}</h2>
          {note && <p className="dash-panel-note">{note}</p>}
        </div>
        {drawable && (
          <button
            type="button"
            className="btn btn-small no-print"
            onClick={() => void savePng()}
            disabled={busy}
          >
            {busy ? 'Đang lưu…' : 'Lưu ảnh PNG'}
          </button>
        )}
      </header>
      {drawable && legend && legend.length > 0 && <Legend entries={legend} />}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {saved && (
        <p className="chart-saved no-print" role="status">
          {saved}
        </p>
      )}
      <div className="chart-box" ref={box}>
        {children}
      </div>
    </section>
  )
}
