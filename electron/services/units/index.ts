/** The units domain's handlers, keyed by API method (shared/api/units.ts). */
import type { ServiceContext } from '../context'

export function unitHandlers(ctx: ServiceContext) {
  void ctx
  return {}
}
