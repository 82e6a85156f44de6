/// <reference types="vite/client" />
import type { ApiClient } from '../../shared/api/contract'
import type { DesktopApi } from '../../shared/api/desktop'

declare global {
  interface Window {
    /** The typed API exposed by the preload (or by the Playwright test bridge). */
    api: ApiClient
    /** Saving and opening files through the OS; absent in a plain browser (see lib/save.ts). */
    desktop?: DesktopApi
  }
}

export {}
