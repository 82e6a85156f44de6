/** Lịch: who is out where and when — trips, planned trips, registrations, rounds, exemptions and public holidays over a month, a quarter or a year. */
import './zod-vi'

export const calendarContract = {} as const
