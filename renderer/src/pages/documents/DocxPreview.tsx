/**
 * The generated .docx as Word would lay it out, rendered in the page by docx-preview (pages,
 * margins, tables, landscape appendices). A new file is rendered off-screen first and swapped
 * in when done, so the clerk never looks at an empty pane while typing. docx-preview (and its
 * zip reader) loads with the first preview, not with the app.
 */
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
  /** Shown instead of a document when there is none (a parameter still to choose, or loading). */
  placeholder: string
  onRenderError: (message: string) => void
}

/** A page's width at zoom 1, remembered before the first zoom changes what offsetWidth reports. */
function naturalWidth(page: HTMLElement): number {
  page.dataset['naturalWidth'] ??= String(page.offsetWidth)
  return Number(page.dataset['naturalWidth'])
}

/** Room the wrapper's padding takes beside a page. */
const PAGE_GUTTER = 44

export function DocxPreview({ contentBase64, zoom, stale, placeholder, onRenderError }: Props) {
  const viewportRef = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const styleRef = useRef<HTMLDivElement>(null)
  const [rendered, setRendered] = useState(0)

  useEffect(() => {
    const viewport = viewportRef.current
    const body = bodyRef.current
    const styles = styleRef.current
    if (!viewport || !body || !styles) return
    if (!contentBase64) {
      body.replaceChildren()
      styles.replaceChildren()
      return
    }
    let current = true
    const stagingBody = document.createElement('div')
    const stagingStyles = document.createElement('div')
    stagingBody.className = 'docx-staging'
    viewport.appendChild(stagingBody)
    import('docx-preview')
      .then(({ renderAsync }) =>
        renderAsync(base64ToBlob(contentBase64, DOCX_MIME), stagingBody, stagingStyles, RENDER_OPTIONS)
      )
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

  // "Vừa khung" fits each page to the pane on its own, so a landscape appendix does not push
  // the portrait pages into a horizontal scroll; it follows the pane's width as it changes.
  useLayoutEffect(() => {
    const viewport = viewportRef.current
    const body = bodyRef.current
    if (!viewport || !body) return
    const pages = () => Array.from(body.querySelectorAll<HTMLElement>('section.docx'))
    const measure = () => {
      for (const page of pages()) {
        const width = naturalWidth(page)
        const fit = Math.max(0.3, Math.min(1.25, (viewport.clientWidth - PAGE_GUTTER) / width))
        page.style.zoom = zoom === 'fit' && width > 0 ? String(fit) : ''
      }
    }
    measure()
    if (zoom !== 'fit') return
    const observer = new ResizeObserver(measure)
    observer.observe(viewport)
    return () => observer.disconnect()
  }, [rendered, zoom])

  return (
    <div className={stale ? 'docx-viewport stale' : 'docx-viewport'} ref={viewportRef}>
      <div ref={styleRef} hidden />
      {!contentBase64 && <div className="docx-placeholder">{placeholder}</div>}
      <div
        className="docx-preview"
        data-testid="docx-preview"
        ref={bodyRef}
        style={{ zoom: zoom === 'fit' ? 1 : zoom }}
      />
    </div>
  )
}
