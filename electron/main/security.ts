/**
 * The shell's security posture, applied once per session and to every web contents: a
 * strict CSP, no permissions, no navigation away from the app, no new windows, no
 * <webview>. The renderer only ever shows our own page and talks to us through window.api.
 */
import { app, BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron'
import { contentSecurityPolicy } from './csp'
import { webLinkOf } from './links'
import { isAppUrl, type RendererLocation } from './renderer-location'

let askingToOpen = false

/**
 * A link to the web leaves the app only if the clerk says so: the exact address is shown
 * in a dialog of the main process (a page cannot draw or click it), and only http(s) links
 * ever reach the system browser; file:, javascript:, custom schemes never. One question at
 * a time, so a page cannot bury the clerk in dialogs.
 */
function offerToOpenExternally(contents: WebContents, url: string): void {
  const link = webLinkOf(url)
  if (link === null || askingToOpen) return
  askingToOpen = true
  const owner = BrowserWindow.fromWebContents(contents)
  const options = {
    type: 'question' as const,
    title: 'Mở trang web',
    message: 'Mở địa chỉ này trong trình duyệt?',
    detail: link,
    buttons: ['Mở trong trình duyệt', 'Không mở'],
    defaultId: 1,
    cancelId: 1,
    noLink: true
  }
  const answer = owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options)
  void answer
    .then(({ response }) => {
      if (response !== 0) return undefined
      // Reviewed for Electronegativity: an http(s) address the clerk has just read and confirmed.
      return shell.openExternal(link) // eng-disable OPEN_EXTERNAL_JS_CHECK
    })
    .catch(() => undefined)
    .finally(() => {
      askingToOpen = false
    })
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
    offerToOpenExternally(contents, url)
  })
  // Every frame, not only the top one: an <iframe> (none is ours) may never load anything
  // but our own page, and is never offered to the browser.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame && isAppUrl(location, event.url)) return
    if (!event.isMainFrame && (event.url === 'about:blank' || event.url === 'about:srcdoc')) return
    event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(location, url)) event.preventDefault()
  })
  // No new windows ever: window.open, target=_blank, middle or Ctrl+click. A web link is
  // offered to the browser after the clerk confirms.
  contents.setWindowOpenHandler(({ url }) => {
    offerToOpenExternally(contents, url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Applies the navigation guards to every web contents the app ever creates. */
export function guardAllWebContents(location: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, location))
}
