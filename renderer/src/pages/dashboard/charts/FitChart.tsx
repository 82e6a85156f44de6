/**
 * A chart as wide as its panel on screen, and drawn again at the printed page's width when
 * the page is printed: scaling a screen-wide chart down to paper would shrink its labels (a
 * 1920 px screen's chart would print at 60%). Browsers fire "beforeprint" before laying out
 * the printed pages, and flushSync renders the print size before that layout happens.
 */
import { cloneElement, useEffect, useState, type ReactElement } from 'react'
import { flushSync } from 'react-dom'
import { ResponsiveContainer } from 'recharts'

/**
 * Chart widths on A4 landscape with 10 mm margins (277 mm ≈ 1047 CSS px): a full-width panel
 * and a half-width one, less the panels' padding. Another paper size scales the drawing
 * (dashboard.css lets the SVG follow its viewBox).
 */
export const PRINT_WIDTHS = { wide: 1018, half: 492 } as const
export type PanelWidth = keyof typeof PRINT_WIDTHS

/** True from "beforeprint" to "afterprint". */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false)
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true))
    const after = () => setPrinting(false)
    window.addEventListener('beforeprint', before)
    window.addEventListener('afterprint', after)
    return () => {
      window.removeEventListener('beforeprint', before)
      window.removeEventListener('afterprint', after)
    }
  }, [])
  return printing
}

interface Props {
  height: number
  /** The width to draw at while printing; null on screen. */
  printWidth: number | null
  children: ReactElement<{ width?: number; height?: number }>
}

export function FitChart({ height, printWidth, children }: Props) {
  if (printWidth !== null) return cloneElement(children, { width: printWidth, height })
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 600, height }}>
      {children}
    </ResponsiveContainer>
  )
}
