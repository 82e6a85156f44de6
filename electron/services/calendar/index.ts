/** Lịch: who is out where and when — trips, planned trips, registrations, rounds, exemptions and public holidays over a month, a quarter or a year. */
import type { ApiHandlers } from '../../../shared/api/contract'
import type { calendarContract } from '../../../shared/api/calendar'
import type { ServiceContext } from '../context'
import { loadCalendarRange } from './range'

export function calendarHandlers(ctx: ServiceContext): Pick<ApiHandlers, keyof typeof calendarContract> {
  return {
    'calendar.range': (input) => loadCalendarRange(ctx, input)
  }
}
