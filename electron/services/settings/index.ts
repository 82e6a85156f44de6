/** The settings domain's handlers, keyed by API method (shared/api/settings.ts). */
import type { ServiceContext } from '../context'

export function settingsHandlers(ctx: ServiceContext) {
  void ctx
  return {}
}
