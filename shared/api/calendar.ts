/** Lịch: who is out where and when — trips, planned trips, registrations, rounds, exemptions and public holidays over a month, a quarter or a year. */
import './zod-vi'
import { z } from 'zod'
import { inclusiveDays, isValidIsoDate, type IsoDate } from '../domain/dates'
import type { HolidayKind } from '../domain/holidays'
import type { ContentKind, ExemptionReason, HalfDay, TripStatus } from '../domain/kinds'
import { returns } from './returns'
import { isoDate } from './schemas'

/** A year view is the longest range the calendar draws (a leap year has 366 days). */
export const CALENDAR_MAX_DAYS = 366

const optionalCode = (what: string) =>
  z
    .string({ message: `Mã ${what} phải là chữ.` })
    .trim()
    .max(50, `Mã ${what} quá dài.`)
    .optional()

export const calendarRangeSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    /** Only the cadres of this ban. */
    departmentCode: optionalCode('ban'),
    /** Only this cadre (the year view). */
    cadreCode: optionalCode('cán bộ')
  })
  .superRefine((v, ctx) => {
    // The date checks above do not abort: a bad date is already reported, compare only real ones.
    if (!isValidIsoDate(v.from) || !isValidIsoDate(v.to)) return
    if (v.to < v.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Đến ngày phải từ Từ ngày trở đi.' })
    } else if (inclusiveDays(v.from, v.to) > CALENDAR_MAX_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Lịch chỉ hiện tối đa ${CALENDAR_MAX_DAYS} ngày (một năm).`
      })
    }
  })
export type CalendarRangeInput = z.input<typeof calendarRangeSchema>

export interface CalendarDay {
  date: IsoDate
  /** "T2" … "CN". */
  weekday: string
  weekend: boolean
  /** The public holiday or compensatory rest day (shared/domain/holidays.ts), if any. */
  holiday: { name: string; kind: HolidayKind } | null
  /** Number of the round (đợt) covering the day, if any. */
  round: number | null
  /** Cadres shown who are out that day (a trip, done or planned, on at least one half day of it). */
  out: number
}

export interface CalendarRound {
  year: number
  quarter: number
  number: number
  startDate: IsoDate
  endDate: IsoDate
  note: string | null
  /** "Quý IV – Đợt 2: 10/11/2025–14/11/2025". */
  label: string
}

export type CalendarItemType = 'trip' | 'registration'
export type CalendarRegistrationStatus = 'DANG_KY' | 'BAN_DUYET' | 'THUONG_TRUC_DUYET'

export interface CalendarItem {
  type: CalendarItemType
  /** Trip code (CD0012) or registration code (DK0001). */
  code: string
  startDate: IsoDate
  startHalf: HalfDay
  endDate: IsoDate
  endHalf: HalfDay
  kind: ContentKind
  /** Trip status, or the registration's status for a registration not yet turned into a trip. */
  status: TripStatus | CalendarRegistrationStatus
  /** A planned trip (Dự kiến) or a registration: drawn striped. */
  planned: boolean
  topic: string | null
  /** "X01 – Đoàn xã Tân Ân", in the trip's order. */
  units: string[]
  /** Days (half-day slots / 2) of the item, as the logbook counts them. */
  days: number
  /** Overlaps, exemption periods, unit not valid on the dates, outside the service period (the trips domain's check). */
  conflicts: string[]
}

export interface CalendarExemption {
  reason: ExemptionReason
  label: string
  from: IsoDate
  to: IsoDate
}

export interface CalendarCadre {
  code: string
  fullName: string
  position: string
  fullTime: boolean
  serviceStart: IsoDate | null
  serviceEnd: IsoDate | null
  items: CalendarItem[]
  exemptions: CalendarExemption[]
}

export interface CalendarDepartment {
  code: string
  name: string
  abbreviation: string
  cadres: CalendarCadre[]
}

export interface CalendarRange {
  from: IsoDate
  to: IsoDate
  today: IsoDate
  days: CalendarDay[]
  rounds: CalendarRound[]
  /** Bans in their order in Cài đặt, cadres in Vietnamese name order; only cadres in service during the range. */
  departments: CalendarDepartment[]
  /** Every ban and every cadre in service during the range (the filters' choices). */
  choices: {
    departments: Array<{ code: string; name: string }>
    cadres: Array<{ code: string; fullName: string; departmentCode: string }>
  }
}

export const calendarContract = {
  'calendar.range': returns<CalendarRange>()(calendarRangeSchema)
} as const
