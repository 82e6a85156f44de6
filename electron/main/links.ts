/**
 * Which addresses may ever leave the app for the system browser: http(s) only, without
 * credentials. Kept apart from security.ts (which needs Electron) so it is tested in Node.
 */

/** The web address a link points to, or null for anything that is not plain http(s). */
export function webLinkOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  // Credentials in a link ("https://bank.vn@evil.example") only serve to mislead the reader.
  if (parsed.username !== '' || parsed.password !== '') return null
  return parsed.toString()
}
