/**
 * A chart as a PNG the clerk can paste into a report or a slide: the title, the legend and the
 * chart's SVG drawn on a white canvas at twice the screen size (sharp when printed). The SVG is
 * drawn through an <img> from a blob: URL (allowed by the app's CSP), so nothing leaves the page.
 */
import { CHART_FONT, COLORS } from './palette'

export interface LegendEntry {
  label: string
  color: string
  /** How the entry is drawn: a filled square (bars) or a vertical tick (marks). */
  shape: 'box' | 'tick' | 'dashed-tick'
}

const SCALE = 2
const PAD = 16

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('Không vẽ được biểu đồ thành ảnh.'))
    image.src = url
  })
}

/** The SVG with its size and font written in, so it renders the same outside the page's CSS. */
function standaloneSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect()
  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg')
  clone.setAttribute('width', String(Math.round(width)))
  clone.setAttribute('height', String(Math.round(height)))
  clone.style.fontFamily = CHART_FONT
  clone.style.fontSize = '12px'
  return { text: new XMLSerializer().serializeToString(clone), width, height }
}

/** Lays out legend entries in rows within `maxWidth`; returns the rows' entries with x offsets. */
function legendRows(context: CanvasRenderingContext2D, entries: LegendEntry[], maxWidth: number) {
  const rows: Array<Array<{ entry: LegendEntry; x: number }>> = [[]]
  let x = 0
  for (const entry of entries) {
    const width = 18 + context.measureText(entry.label).width + 16
    if (x > 0 && x + width > maxWidth) {
      rows.push([])
      x = 0
    }
    rows[rows.length - 1]!.push({ entry, x })
    x += width
  }
  return rows
}

/** The PNG bytes (base64) of the chart inside `container`, with its title and legend. */
export async function chartToPngBase64(
  container: HTMLElement,
  title: string,
  legend: LegendEntry[]
): Promise<string> {
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface')
  if (!svg) throw new Error('Biểu đồ chưa vẽ xong, hãy thử lại.')
  const { text, width, height } = standaloneSvg(svg)

  const canvas = document.createElement('canvas')
  const context = canvas.getContext('2d')
  if (!context) throw new Error('Máy không vẽ được ảnh (canvas).')
  const titleFont = `600 16px ${CHART_FONT}`
  const legendFont = `12px ${CHART_FONT}`
  context.font = legendFont
  const rows = legend.length ? legendRows(context, legend, width) : []
  const titleHeight = 24
  const legendHeight = rows.length * 20
  canvas.width = Math.ceil((width + 2 * PAD) * SCALE)
  canvas.height = Math.ceil((height + titleHeight + legendHeight + 2 * PAD + 8) * SCALE)

  context.scale(SCALE, SCALE)
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.fillStyle = COLORS.text
  context.textBaseline = 'middle'
  context.font = titleFont
  context.fillText(title, PAD, PAD + titleHeight / 2 - 2)

  context.font = legendFont
  rows.forEach((row, i) => {
    const y = PAD + titleHeight + i * 20 + 10
    for (const { entry, x } of row) {
      const left = PAD + x
      context.fillStyle = entry.color
      context.strokeStyle = entry.color
      if (entry.shape === 'box') context.fillRect(left, y - 6, 12, 12)
      else {
        context.lineWidth = 2
        context.setLineDash(entry.shape === 'dashed-tick' ? [3, 2] : [])
        context.beginPath()
        context.moveTo(left + 6, y - 8)
        context.lineTo(left + 6, y + 8)
        context.stroke()
        context.setLineDash([])
      }
      context.fillStyle = COLORS.text
      context.fillText(entry.label, left + 18, y)
    }
  })

  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }))
  try {
    const image = await loadImage(url)
    context.drawImage(image, PAD, PAD + titleHeight + legendHeight + 8, width, height)
  } finally {
    URL.revokeObjectURL(url)
  }
  const dataUrl = canvas.toDataURL('image/png')
  return dataUrl.slice(dataUrl.indexOf(',') + 1)
}
