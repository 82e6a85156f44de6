/**
 * The renderer's Content Security Policy, in one place: the main process sends it as a
 * header and the renderer build writes it into index.html's meta tag (file:// responses
 * carry no headers, so the meta tag is what protects the packaged app).
 *
 * Development relaxes exactly two things Vite's dev server needs: the inline React Refresh
 * preamble that @vitejs/plugin-react injects into index.html, and the HMR WebSocket.
 */
const BASE_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"]
]

const DEV_ADDITIONS: Readonly<Record<string, string>> = {
  'script-src': "'unsafe-inline'",
  'connect-src': 'ws:'
}

export function contentSecurityPolicy(dev: boolean): string {
  return BASE_DIRECTIVES.map(([name, value]) => {
    const extra = dev ? DEV_ADDITIONS[name] : undefined
    return `${name} ${extra ? `${value} ${extra}` : value}`
  }).join('; ')
}
