/**
 * The shell's security posture, applied once per session and to every web contents: a
 * strict CSP, no permissions, no navigation away from the app, no new windows, no
 * <webview>. The renderer only ever shows our own page and talks to us through window.api.
 */
import { app, shell, type Session, type WebContents } from 'electron'
import { contentSecurityPolicy } from './csp'
import { isAppUrl, type RendererLocation } from './renderer-location'

/** Only web links are handed to the system browser; file:, javascript:, custom schemes never. */
function openExternally(url: string): void {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return
  }
  if (parsed.protocol === 'https:' || parsed.protocol === 'http:') {
    void shell.openExternal(parsed.toString())
  }
}

export function hardenSession(session: Session, dev: boolean): void {
  const policy = contentSecurityPolicy(dev)
  // Covers the dev server's responses; file:// responses have no headers, so the packaged
  // page relies on the same policy written into index.html's meta tag at build time.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] }
    })
  })
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

function guardWebContents(contents: WebContents, location: RendererLocation): void {
  contents.on('will-navigate', (event, url) => {
    // Loading our own page again (Vite's full reload in development) is not going "away".
    if (isAppUrl(location, url)) return
    event.preventDefault()
    openExternally(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(location, url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Applies the navigation guards to every web contents the app ever creates. */
export function guardAllWebContents(location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, location))
}
