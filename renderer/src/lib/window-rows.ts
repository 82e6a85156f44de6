/**
 * Rows virtualized against the window's scroll (the window scrolls, not an inner box, so the
 * router restores each page's place): the virtualizer needs where the rows start in the page,
 * and what sits above them (toolbar, alerts, a lead paragraph) may change height at any time,
 * which changes the page's height, which the observer on <body> sees.
 */
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useRef, useState } from 'react'

export function useWindowRows<E extends HTMLElement>(options: {
  count: number
  rowHeight: number
  /** Rows kept rendered above and below the window (all of them for a short list, so find-in-page works). */
  overscan: number
}) {
  const bodyRef = useRef<E>(null)
  const [scrollMargin, setScrollMargin] = useState(0)
  useLayoutEffect(() => {
    const measure = () => {
      const body = bodyRef.current
      if (!body) return
      const top = Math.round(body.getBoundingClientRect().top + window.scrollY)
      setScrollMargin((previous) => (previous === top ? previous : top))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [])
  const virtualizer = useWindowVirtualizer({
    count: options.count,
    estimateSize: () => options.rowHeight,
    overscan: options.overscan,
    scrollMargin
  })
  return { bodyRef, virtualizer }
}
