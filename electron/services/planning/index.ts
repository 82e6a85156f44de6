/** Kế hoạch quý: rounds (đợt) per quarter, registrations, oversight (phụ trách), calendars and the planning assistant. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { planningContract } from '../../../shared/api/planning'
import type { ServiceContext } from '../context'

export function planningHandlers(_ctx: ServiceContext): Pick<ApiHandlers, keyof typeof planningContract> {
  return {}
}
