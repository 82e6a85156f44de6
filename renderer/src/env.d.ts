/// <reference types="vite/client" />
import type { ApiClient } from '../../shared/api/contract'

declare global {
  interface Window {
    /** The typed API exposed by the preload (or by the Playwright test bridge). */
    api: ApiClient
  }
}

export {}
