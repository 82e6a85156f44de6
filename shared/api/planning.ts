/** Kế hoạch quý: rounds (đợt) per quarter, registrations, oversight (phụ trách), calendars and the planning assistant. */
import './zod-vi'

export const planningContract = {} as const
