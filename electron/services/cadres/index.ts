/** The cadres domain's handlers, keyed by API method (shared/api/cadres.ts). */
import type { ServiceContext } from '../context'

export function cadreHandlers(ctx: ServiceContext) {
  void ctx
  return {}
}
