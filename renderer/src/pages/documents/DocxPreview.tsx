/**
 * The generated .docx as Word would lay it out, rendered in the page by docx-preview (pages,
 * margins, tables, landscape appendices). A new file is rendered off-screen first and swapped
 * in when done, so the clerk never looks at an empty pane while typing.
 */
import { renderAsync } from 'docx-preview'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { base64ToBlob } from '../../lib/files'
import { DOCX_MIME } from '../../lib/save'

export type Zoom = 'fit' | 0.5 | 0.75 | 1

export const ZOOM_CHOICES: ReadonlyArray<{ value: Zoom; label: string }> = [
  { value: 'fit', label: 'Vừa khung' },
  { value: 0.5, label: '50%' },
  { value: 0.75, label: '75%' },
  { value: 1, label: '100%' }
]

const RENDER_OPTIONS = {
  inWrapper: true,
  ignoreWidth: false,
  ignoreHeight: false,
  breakPages: true,
  experimental: true,
  className: 'docx'
} as const

interface Props {
  contentBase64: string | null
  zoom: Zoom
  /** A newer file is being made: the one shown is dimmed. */
  stale: boolean
  onRenderError: (message: string) => void
}

/** The widest first-page width the fit zoom aims at (a portrait A4 page plus the wrapper's margins). */
function naturalWidth(body: HTMLElement): number {
  const page = body.querySelector<HTMLElement>('section.docx')
  return page ? page.offsetWidth + 60 : 0
}

export function DocxPreview({ contentBase64, zoom, stale, onRenderError }: Props) {
  const viewportRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const styleRef = useRef<HTMLDivElement>(null)
  const [fitScale, setFitScale] = useState(1)
  const [rendered, setRendered] = useState(0)

  useEffect(() => {
    const viewport = viewportRef.current
    const body = bodyRef.current
    const styles = styleRef.current
    if (!contentBase64 || !viewport || !body || !styles) return
    let current = true
    const stagingBody = document.createElement('div')
    const stagingStyles = document.createElement('div')
    stagingBody.className = 'docx-staging'
    viewport.appendChild(stagingBody)
    renderAsync(base64ToBlob(contentBase64, DOCX_MIME), stagingBody, stagingStyles, RENDER_OPTIONS)
      .then(() => {
        if (!current) return
        styles.replaceChildren(...Array.from(stagingStyles.childNodes))
        body.replaceChildren(...Array.from(stagingBody.childNodes))
        setRendered((n) => n + 1)
      })
      .catch((error: unknown) => {
        if (current) onRenderError(error instanceof Error ? error.message : String(error))
      })
      .finally(() => stagingBody.remove())
    return () => {
      current = false
    }
  }, [contentBase64, onRenderError])

  // Fit follows the pane's width (window resized, sidebar, scrollbar appearing).
  useLayoutEffect(() => {
    const viewport = viewportRef.current
    const body = bodyRef.current
    if (!viewport || !body) return
    const measure = () => {
      const width = naturalWidth(body)
      if (width > 0) setFitScale(Math.max(0.3, Math.min(1.25, (viewport.clientWidth - 4) / width)))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(viewport)
    return () => observer.disconnect()
  }, [rendered])

  const scale = zoom === 'fit' ? fitScale : zoom
  return (
    <div className={stale ? 'docx-viewport stale' : 'docx-viewport'} ref={viewportRef}>
      <div ref={styleRef} hidden />
      <div className="docx-preview" data-testid="docx-preview" ref={bodyRef} style={{ zoom: scale }} />
    </div>
  )
}
