/** Only plain web links may reach the system browser (electron/main/links.ts). */
import { describe, expect, it } from 'vitest'
import { webLinkOf } from '../../../electron/main/links'

describe('links offered to the browser', () => {
  it('are http(s) addresses, normalised', () => {
    expect(webLinkOf('https://doanthanhnien.vn/tin-tuc')).toBe('https://doanthanhnien.vn/tin-tuc')
    expect(webLinkOf('HTTP://Example.COM')).toBe('http://example.com/')
  })

  it('never anything else', () => {
    for (const url of [
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ms-msdt:/id PCWDiagnostic',
      'smb://server/share',
      'https://bank.vn@evil.example/',
      'https://user:pass@example.com/',
      'not a url',
      ''
    ]) {
      expect(webLinkOf(url), url).toBeNull()
    }
  })
})
