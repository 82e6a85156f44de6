/**
 * Where the renderer lives: the Vite dev server during `electron-vite dev`, the built
 * index.html next to the main bundle otherwise. IPC and navigation checks compare against
 * this, so a frame showing anything else is never trusted.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface RendererLocation {
  /** Set only in development (electron-vite sets ELECTRON_RENDERER_URL for `dev`). */
  devServerUrl: string | undefined
  indexFile: string
}

export function rendererLocation(): RendererLocation {
  return {
    devServerUrl: process.env['ELECTRON_RENDERER_URL'] || undefined,
    indexFile: join(__dirname, '../renderer/index.html')
  }
}

/** True when `url` is the app's own page (any hash or query, since routing uses the hash). */
export function isAppUrl(location: RendererLocation, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (location.devServerUrl) {
    return parsed.origin === new URL(location.devServerUrl).origin
  }
  const expected = pathToFileURL(location.indexFile)
  return parsed.protocol === 'file:' && parsed.pathname === expected.pathname
}
